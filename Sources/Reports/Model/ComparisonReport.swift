internal import ShareModel
internal import SimCore

/// Several runs side by side (variants of one scenario, or saved reports), each figure
/// compared with the first run's by paired differences over replications.
///
/// The runs are meant to use common random numbers: replication i of each ran with the same
/// seed, so `alternative[i] − baseline[i]` cancels most of the noise and the 95% interval of
/// the mean difference is narrow. When the replication counts differ the pairing is
/// impossible and the difference falls back to Welch's unpaired interval
/// (``FigureDifference/paired`` is false). Identical runs give a difference of exactly zero
/// with the interval [0, 0], never significant.
public struct ComparisonReport: Hashable, Sendable, Codable {
    /// One labelled run.
    public struct Entry: Hashable, Sendable, Codable {
        /// The label shown in column headers and legends (a variant name, a file name).
        public var label: String
        /// The run.
        public var report: RunReport

        /// Creates an entry.
        public init(label: String, report: RunReport) {
            self.label = label
            self.report = report
        }
    }

    /// The runs; the first is the baseline. At least one.
    public let entries: [Entry]
    /// Every figure of any entry across all entries: the baseline's in its row order, then
    /// those only later entries have (a link or zone only an alternative topology draws), in
    /// the order they first appear.
    public let figures: [ComparisonFigure]

    /// Compares `entries` (at least one) against the first.
    ///
    /// Figures are matched by ``FigureID``; one an entry lacks has a nil estimate there, and
    /// a difference only where both it and the baseline have the figure.
    public init(entries: [Entry]) {
        precondition(!entries.isEmpty, "a comparison needs at least one run")
        self.entries = entries
        let lookups = entries.map { entry in
            Dictionary(entry.report.rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        var seen = Set<FigureID>()
        var ids: [FigureID] = []
        for entry in entries {
            for row in entry.report.rows where seen.insert(row.id).inserted { ids.append(row.id) }
        }
        figures = ids.map { id in
            let matches = lookups.map { $0[id] }
            let differences = matches.enumerated().map { index, match -> FigureDifference? in
                guard index > 0, let match, let baseline = matches[0] else { return nil }
                return FigureDifference(baseline: baseline.values, alternative: match.values)
            }
            return ComparisonFigure(
                id: id,
                estimates: matches.map { $0?.estimate },
                differences: differences
            )
        }
    }

    /// The figure `id` across the runs, or nil when no run has it.
    ///
    /// - Complexity: O(number of figures).
    public func figure(_ id: FigureID) -> ComparisonFigure? {
        figures.first { $0.id == id }
    }

    /// Whether every entry's replications used the baseline's seeds, pairwise.
    public var commonRandomNumbers: Bool {
        let seeds = entries[0].report.replications.map(\.seed)
        return entries.allSatisfy { $0.report.replications.map(\.seed) == seeds }
    }

    /// Encodes the comparison in the `sharesim.report/2` layout (``ReportSchema``), kind
    /// `comparison`: one figure row per figure and run, with its change against the first.
    public func encode(to encoder: any Encoder) throws {
        try ReportJSON(self).encode(to: encoder)
    }

    /// Decodes a comparison, recomputing the differences from the runs.
    public init(from decoder: any Decoder) throws {
        let runs = try ReportJSON.runs(from: decoder, expectedKind: "comparison")
        self.init(entries: runs.map { Entry(label: $0.label, report: $0.report) })
    }
}

/// One figure across the runs of a comparison.
public struct ComparisonFigure: IdentifiedFigure, Hashable, Sendable {
    /// Which figure.
    public var id: FigureID
    /// Per entry, the figure's estimate (nil where undefined or missing).
    public var estimates: [Estimate?]
    /// Per entry, the difference against the first entry; nil for the first and where undefined.
    public var differences: [FigureDifference?]

    /// How this figure's changes are stated: percentage points for shares, else percent.
    public var changeKind: ChangeKind { ChangeKind(for: id.descriptor.unit) }

    /// Per entry, the change against the first entry as ``changeKind`` states it; nil for the
    /// first and where undefined.
    public var changes: [Double?] { differences.map { $0?.change(changeKind) } }
}

/// The difference of one figure between an alternative run and the baseline.
public struct FigureDifference: Hashable, Sendable, Codable {
    /// The mean difference, alternative − baseline, in the figure's unit.
    public var mean: Double
    /// Half the width of its 95% interval, in the figure's unit; nil with a single pair.
    public var halfWidth95: Double?
    /// The number of pairs (or, unpaired, the smaller sample size).
    public var n: Int
    /// The mean difference as a percentage of the baseline mean's magnitude; nil when that is 0.
    public var relativePercent: Double?
    /// Whether the 95% interval excludes zero.
    public var significant: Bool
    /// Whether replications were paired (common random numbers) or compared as independent samples.
    public var paired: Bool

    /// Creates a difference from its parts.
    public init(
        mean: Double,
        halfWidth95: Double?,
        n: Int,
        relativePercent: Double?,
        significant: Bool,
        paired: Bool
    ) {
        self.mean = mean
        self.halfWidth95 = halfWidth95
        self.n = n
        self.relativePercent = relativePercent
        self.significant = significant
        self.paired = paired
    }

    /// The difference of `alternative` from `baseline`, each one value per replication (nil
    /// where undefined); nil when either side has no defined value.
    ///
    /// Same length: pairs replication i with replication i over the indices both define.
    /// Otherwise: Welch's interval with Welch–Satterthwaite degrees of freedom.
    public init?(baseline: [Double?], alternative: [Double?]) {
        if baseline.count == alternative.count {
            let pairs = zip(baseline, alternative).compactMap { a, b -> (Double, Double)? in
                guard let a, let b else { return nil }
                return (a, b)
            }
            guard !pairs.isEmpty else { return nil }
            let difference = PairedDifference(baseline: pairs.map(\.0), alternative: pairs.map(\.1))
            let finite = difference.halfWidth.isFinite
            self.init(
                mean: difference.meanDifference,
                halfWidth95: finite ? difference.halfWidth : nil,
                n: difference.count,
                relativePercent: difference.relativeDifferencePercent,
                significant: finite && difference.interval.excludesZero,
                paired: true
            )
            return
        }
        let a = Welford(baseline.compactMap { $0 })
        let b = Welford(alternative.compactMap { $0 })
        guard a.count > 0, b.count > 0 else { return nil }
        let mean = b.mean - a.mean
        var halfWidth: Double?
        if a.count > 1 && b.count > 1 {
            let va = a.variance / Double(a.count)
            let vb = b.variance / Double(b.count)
            let variance = va + vb
            if variance == 0 {
                halfWidth = 0
            } else {
                let df =
                    variance * variance
                    / (va * va / Double(a.count - 1) + vb * vb / Double(b.count - 1))
                halfWidth = StudentT.twoSidedCriticalValue(level: 0.95, degreesOfFreedom: df) * variance.squareRoot()
            }
        }
        let significant = halfWidth.map { mean - $0 > 0 || mean + $0 < 0 } ?? false
        self.init(
            mean: mean,
            halfWidth95: halfWidth,
            n: Swift.min(a.count, b.count),
            relativePercent: a.mean == 0 ? nil : 100 * mean / a.mean.magnitude,
            significant: significant,
            paired: false
        )
    }
}
