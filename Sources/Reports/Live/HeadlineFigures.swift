public import ShareModel

/// The few figures `sharesim watch` and `sharesim live` print: the scenario's own headline
/// (its `report: headline`), or else those the registry marks ``FigureChart/headline``, for
/// every class (and the run's cost, when it has prices).
public struct HeadlineFigures: Equatable, Sendable {
    /// One figure and its value in the figure's unit.
    public struct Figure: Equatable, Sendable {
        /// Which figure.
        public var id: FigureID
        /// Its value, in the figure's unit.
        public var value: Double
        /// The ISO 4217 code money is shown with (the run's currency), nil for `¤`.
        public var currency: String? = nil

        /// `class · Label`, such as `orders · Latency p99`.
        public var label: String { id.displayName }
        /// The value with its unit, as the report tables print it: `1.50/s`, `12.3 ms`, `99.2%`.
        public var formatted: String { HumanFormat.format(value, id.descriptor.unit, currency: currency) }
    }

    /// The figures, in registry order per class, then the run-wide ones.
    public var figures: [Figure]

    /// The figures `focus` declares, in its order, read from `results`; without a focus (or
    /// with an empty headline) the registry's headline figures, as ``init(_:)``. Figures
    /// undefined in `results` are left out.
    public init(_ results: ModelResults, focus: ReportFocus?) {
        guard let focus, !focus.headline.isEmpty else {
            self.init(results)
            return
        }
        self.init(
            figures: focus.headline.compactMap { id in
                FigureRegistry.value(of: id, in: results).map {
                    Figure(id: id, value: $0, currency: results.cost?.currency)
                }
            }
        )
    }

    private init(figures: [Figure]) {
        self.figures = figures
    }

    /// The registry's headline figures of `results` (figures undefined in it are left out).
    public init(_ results: ModelResults) {
        var figures: [Figure] = []
        let headline = FigureRegistry.descriptors(in: .headline)
        for (position, workload) in results.workloads.enumerated() {
            for descriptor in headline where descriptor.section == .workload {
                let id = FigureID(descriptor.metric, of: workload.name)
                if let value = FigureRegistry.value(of: id, at: position, in: results) {
                    figures.append(Figure(id: id, value: value))
                }
            }
        }
        for descriptor in headline where descriptor.section == .cost {
            let id = FigureID(descriptor.metric)
            if let value = FigureRegistry.value(of: id, at: 0, in: results) {
                figures.append(Figure(id: id, value: value, currency: results.cost?.currency))
            }
        }
        self.init(figures: figures)
    }

    /// A two-column table, one figure per line.
    public func table(title: String) -> String {
        let width = max(figures.map(\.label.count).max() ?? 0, 6)
        var lines = [title]
        for figure in figures {
            lines.append(
                "  " + figure.label + String(repeating: " ", count: width - figure.label.count) + "  "
                    + figure.formatted
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The figures that moved from `old` to `self`, one line each (`label: old -> new (+x%,
    /// better)`); figures only one side has are listed as added or removed.
    public func changes(from old: HeadlineFigures) -> [String] {
        var lines: [String] = []
        for figure in figures {
            guard let before = old.figures.first(where: { $0.id == figure.id }) else {
                lines.append("\(figure.label): new, \(figure.formatted)")
                continue
            }
            guard before.formatted != figure.formatted else { continue }
            var line = "\(figure.label): \(before.formatted) -> \(figure.formatted)"
            if before.value != 0 {
                let percent = (figure.value - before.value) / abs(before.value) * 100
                let verdict = figure.id.descriptor.direction.isImprovement(figure.value - before.value)
                line +=
                    " (" + (percent >= 0 ? "+" : "") + HumanFormat.fixed(percent, decimals: 1) + "%"
                    + (verdict.map { $0 ? ", better" : ", worse" } ?? "") + ")"
            }
            lines.append(line)
        }
        for figure in old.figures where !figures.contains(where: { $0.id == figure.id }) {
            lines.append("\(figure.label): removed (was \(figure.formatted))")
        }
        return lines
    }
}
