/// One scenario run at several values of one parameter, each figure as a series against
/// the swept value.
public struct SweepReport: Hashable, Sendable, Codable {
    /// One value of the swept parameter and the run at it.
    public struct Point: Hashable, Sendable, Codable {
        /// The value as written in the scenario (`40 ms`, `100k`), for labels.
        public var value: String
        /// The value as a number in its base unit, when it is one (for plotting on a numeric axis).
        public var numericValue: Double?
        /// The run at this value.
        public var report: RunReport

        /// Creates a point.
        public init(value: String, numericValue: Double?, report: RunReport) {
            self.value = value
            self.numericValue = numericValue
            self.report = report
        }
    }

    /// The swept parameter's path in the scenario, e.g. `workloads.web.rate`.
    public let parameter: String
    /// The points, in sweep order; at least one.
    public let points: [Point]
    /// Every figure of the first point, in its row order, across all points.
    public let figures: [SweepFigure]

    /// A sweep of `parameter` over `points` (at least one).
    ///
    /// Figures are matched by ``FigureID``; one a point lacks is nil there.
    public init(parameter: String, points: [Point]) {
        precondition(!points.isEmpty, "a sweep needs at least one point")
        self.parameter = parameter
        self.points = points
        let lookups = points.map { point in
            Dictionary(point.report.rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        figures = points[0].report.rows.map { row in
            SweepFigure(id: row.id, estimates: lookups.map { $0[row.id]?.estimate })
        }
    }

    /// The figure `id` across the points, or nil when the first point lacks it.
    ///
    /// - Complexity: O(number of figures).
    public func figure(_ id: FigureID) -> SweepFigure? {
        figures.first { $0.id == id }
    }

    /// Whether every point has a numeric value, strictly increasing, so a numeric x axis fits.
    public var isNumeric: Bool {
        let values = points.compactMap(\.numericValue)
        guard values.count == points.count else { return false }
        return zip(values, values.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// Encodes the sweep in the `sharesim.report/2` layout (``ReportSchema``), kind `sweep`:
    /// one figure row per figure and swept value.
    public func encode(to encoder: any Encoder) throws {
        try ReportJSON(self).encode(to: encoder)
    }

    /// Decodes a sweep, rebuilding the figure series from the runs.
    public init(from decoder: any Decoder) throws {
        let runs = try ReportJSON.runs(from: decoder, expectedKind: "sweep")
        let parameter = try ReportJSON.parameter(from: decoder)
        self.init(
            parameter: parameter,
            points: runs.map { Point(value: $0.value ?? $0.label, numericValue: $0.numericValue, report: $0.report) }
        )
    }
}

/// One figure across the points of a sweep.
public struct SweepFigure: IdentifiedFigure, Hashable, Sendable {
    /// Which figure.
    public var id: FigureID
    /// Per point, the figure's estimate (nil where undefined or missing).
    public var estimates: [Estimate?]
}
