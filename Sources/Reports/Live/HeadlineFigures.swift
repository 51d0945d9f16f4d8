import Foundation
public import ShareModel

/// The few figures `sharesim watch` and `sharesim live` print: per class throughput, p99
/// latency, success and SLO attainment, and the total cost.
public struct HeadlineFigures: Equatable, Sendable {
    /// One figure: a label (such as `orders p99`), its value and how to print it.
    struct Figure: Equatable {
        enum Unit: Equatable { case perSecond, seconds, ratio, money }
        var label: String
        var value: Double
        var unit: Unit

        /// The value with its unit, such as `1.50/s`, `12.3 ms`, `99.2%`.
        var formatted: String {
            switch unit {
            case .perSecond: return Self.number(value) + "/s"
            case .seconds:
                return value < 1 ? Self.number(value * 1000) + " ms" : Self.number(value) + " s"
            case .ratio: return Self.number(value * 100) + "%"
            case .money: return Self.number(value)
            }
        }

        static func number(_ value: Double) -> String {
            guard value.isFinite else { return "\(value)" }
            let magnitude = abs(value)
            let digits = magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : 3
            return String(format: "%.\(digits)f", value)
        }
    }

    var figures: [Figure]

    /// The headline figures of `results`.
    public init(_ results: ModelResults) {
        var figures: [Figure] = []
        for workload in results.workloads {
            figures.append(
                Figure(label: "\(workload.name) throughput", value: workload.throughputPerSecond, unit: .perSecond)
            )
            figures.append(Figure(label: "\(workload.name) p99", value: workload.latency.p99, unit: .seconds))
            if let success = workload.successRatio {
                figures.append(Figure(label: "\(workload.name) success", value: success, unit: .ratio))
            }
            if let slo = workload.sloAttainment {
                figures.append(Figure(label: "\(workload.name) SLO", value: slo, unit: .ratio))
            }
        }
        if let cost = results.cost {
            figures.append(Figure(label: "cost total", value: cost.total, unit: .money))
        }
        self.figures = figures
    }

    /// A two-column table, one figure per line.
    public func table(title: String) -> String {
        let width = max(figures.map(\.label.count).max() ?? 0, 6)
        var lines = [title]
        for figure in figures {
            lines.append(
                "  " + figure.label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + figure.formatted
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The figures that moved from `old` to `self`, one line each (`label: old -> new (+x%)`);
    /// figures only one side has are listed as added or removed.
    public func changes(from old: HeadlineFigures) -> [String] {
        var lines: [String] = []
        for figure in figures {
            guard let before = old.figures.first(where: { $0.label == figure.label }) else {
                lines.append("\(figure.label): new, \(figure.formatted)")
                continue
            }
            guard before.formatted != figure.formatted else { continue }
            var line = "\(figure.label): \(before.formatted) -> \(figure.formatted)"
            if before.value != 0 {
                let percent = (figure.value - before.value) / abs(before.value) * 100
                line += " (" + (percent >= 0 ? "+" : "") + String(format: "%.1f", percent) + "%)"
            }
            lines.append(line)
        }
        for figure in old.figures where !figures.contains(where: { $0.label == figure.label }) {
            lines.append("\(figure.label): removed (was \(figure.formatted))")
        }
        return lines
    }
}
