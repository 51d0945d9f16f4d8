/// One metric family in the Prometheus text exposition format: a name, its help text, its
/// type and its samples.
///
/// ```swift
/// let served = PrometheusMetric(
///     name: "sharesim_served_total", help: "Requests served.", type: .counter,
///     samples: [.init(labels: [("class", "orders")], value: 42)])
/// print(PrometheusText.format([served]))
/// // # HELP sharesim_served_total Requests served.
/// // # TYPE sharesim_served_total counter
/// // sharesim_served_total{class="orders"} 42
/// ```
public struct PrometheusMetric: Sendable, Equatable {
    /// The kind of metric, written on the `# TYPE` line.
    public enum Kind: String, Sendable, Hashable {
        /// A value that only goes up (names end in `_total` by convention).
        case counter
        /// A value that goes up and down.
        case gauge
        /// Cumulative bucket counts with `_bucket{le=...}`, `_sum` and `_count` samples
        /// (build one with ``PrometheusMetric/histogram(name:help:series:)``).
        case histogram
        /// A metric of no declared kind.
        case untyped
    }

    /// One sample: its labels (name, value), in the order written, and its value.
    public struct Sample: Sendable, Equatable {
        /// What follows the family's name on this sample's line: empty, or `_bucket`, `_sum`,
        /// `_count` in a histogram.
        public var suffix: String
        /// Label names and values; names must match `[a-zA-Z_][a-zA-Z0-9_]*`.
        public var labels: [Label]
        /// The sample's value.
        public var value: Double

        /// A sample with `labels` and `value`, written under the family's name plus `suffix`.
        public init(suffix: String = "", labels: [(String, String)] = [], value: Double) {
            self.suffix = suffix
            self.labels = labels.map { Label(name: $0.0, value: $0.1) }
            self.value = value
        }
    }

    /// One labelled series of a histogram: its labels, the cumulative count at each bucket
    /// bound and in total, and the sum of the observed values.
    public struct HistogramSeries: Sendable, Equatable {
        /// The series' labels (not `le`, which the histogram adds).
        public var labels: [(String, String)]
        /// The inclusive upper bounds (`le`), strictly increasing and finite.
        public var upperBounds: [Double]
        /// How many observations were at most each bound, then all of them (`le="+Inf"`):
        /// one more than `upperBounds`, never decreasing.
        public var cumulativeCounts: [UInt64]
        /// The sum of the observations.
        public var sum: Double

        /// A series.
        ///
        /// - Precondition: `upperBounds` strictly increase and are finite; `cumulativeCounts`
        ///   has one more entry and never decreases.
        public init(labels: [(String, String)], upperBounds: [Double], cumulativeCounts: [UInt64], sum: Double) {
            precondition(upperBounds.allSatisfy(\.isFinite), "histogram bounds must be finite")
            precondition(zip(upperBounds, upperBounds.dropFirst()).allSatisfy { $0 < $1 }, "bounds must increase")
            precondition(cumulativeCounts.count == upperBounds.count + 1, "one count per bound, then +Inf")
            precondition(zip(cumulativeCounts, cumulativeCounts.dropFirst()).allSatisfy { $0 <= $1 }, "not cumulative")
            self.labels = labels
            self.upperBounds = upperBounds
            self.cumulativeCounts = cumulativeCounts
            self.sum = sum
        }

        /// Equal when labels, bounds, counts and sum are.
        public static func == (lhs: HistogramSeries, rhs: HistogramSeries) -> Bool {
            lhs.labels.map(\.0) == rhs.labels.map(\.0) && lhs.labels.map(\.1) == rhs.labels.map(\.1)
                && lhs.upperBounds == rhs.upperBounds && lhs.cumulativeCounts == rhs.cumulativeCounts
                && lhs.sum == rhs.sum
        }
    }

    /// A histogram family: per series, one `NAME_bucket` sample per bound with an `le`
    /// label and then `le="+Inf"`, then `NAME_sum` and `NAME_count` (the `+Inf` count).
    ///
    /// - Precondition: `name` is a valid metric name not ending in `_bucket`, `_sum` or `_count`.
    public static func histogram(name: String, help: String, series: [HistogramSeries]) -> PrometheusMetric {
        var samples: [Sample] = []
        for entry in series {
            for (index, count) in entry.cumulativeCounts.enumerated() {
                let bound = index < entry.upperBounds.count ? entry.upperBounds[index] : .infinity
                let le = PrometheusText.formatValue(bound)
                samples.append(Sample(suffix: "_bucket", labels: entry.labels + [("le", le)], value: Double(count)))
            }
            samples.append(Sample(suffix: "_sum", labels: entry.labels, value: entry.sum))
            samples.append(
                Sample(suffix: "_count", labels: entry.labels, value: Double(entry.cumulativeCounts.last ?? 0))
            )
        }
        return PrometheusMetric(name: name, help: help, type: .histogram, samples: samples)
    }

    /// One label of a sample.
    public struct Label: Sendable, Equatable {
        /// The label name.
        public var name: String
        /// The label value, any text (escaped when written).
        public var value: String

        /// A label `name="value"`.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The metric name, matching `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    public var name: String
    /// One line of help text (line breaks and backslashes are escaped).
    public var help: String
    /// The metric's kind.
    public var type: Kind
    /// Its samples, in the order written.
    public var samples: [Sample]

    /// A metric family.
    ///
    /// - Precondition: `name` is a valid metric name.
    public init(name: String, help: String, type: Kind, samples: [Sample]) {
        precondition(PrometheusText.isValidMetricName(name), "PrometheusMetric: invalid metric name '\(name)'")
        precondition(
            type != .histogram || !["_bucket", "_sum", "_count"].contains(where: name.hasSuffix),
            "PrometheusMetric: a histogram's name must not end in _bucket, _sum or _count: '\(name)'"
        )
        self.name = name
        self.help = help
        self.type = type
        self.samples = samples
    }
}

/// Writes metrics in the Prometheus text exposition format (version 0.0.4), which Prometheus
/// scrapes and Grafana charts.
public enum PrometheusText {
    /// The `Content-Type` of a `/metrics` response in this format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The exposition of `metrics`: for each, `# HELP`, `# TYPE` and one line per sample,
    /// ending with a line break.
    public static func format(_ metrics: [PrometheusMetric]) -> String {
        var text = ""
        for metric in metrics {
            text += "# HELP \(metric.name) \(escapeHelp(metric.help))\n"
            text += "# TYPE \(metric.name) \(metric.type.rawValue)\n"
            for sample in metric.samples {
                text += metric.name + sample.suffix
                if !sample.labels.isEmpty {
                    text += "{"
                    text += sample.labels.map { label in
                        precondition(isValidLabelName(label.name), "PrometheusText: invalid label name '\(label.name)'")
                        return "\(label.name)=\"\(escapeLabelValue(label.value))\""
                    }.joined(separator: ",")
                    text += "}"
                }
                text += " \(formatValue(sample.value))\n"
            }
        }
        return text
    }

    /// `value` as the format writes it: `NaN`, `+Inf`, `-Inf`, whole numbers without a
    /// fraction (`42`), others in Swift's shortest round-trip form (`0.25`, `1e-07`).
    public static func formatValue(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A label value with backslash, double quote and line feed escaped (`\\`, `\"`, `\n`).
    public static func escapeLabelValue(_ value: String) -> String {
        var escaped = ""
        for character in value.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// Help text with backslash and line feed escaped (`\\`, `\n`).
    public static func escapeHelp(_ help: String) -> String {
        var escaped = ""
        for character in help.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// Whether `name` matches `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    public static func isValidMetricName(_ name: String) -> Bool {
        isName(name, extra: UInt8(ascii: ":"))
    }

    /// Whether `name` matches `[a-zA-Z_][a-zA-Z0-9_]*`.
    public static func isValidLabelName(_ name: String) -> Bool {
        isName(name, extra: nil)
    }

    private static func isName(_ name: String, extra: UInt8?) -> Bool {
        guard !name.isEmpty else { return false }
        for (offset, byte) in name.utf8.enumerated() {
            let letter =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "_")
                || byte == extra
            let digit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            guard letter || (digit && offset > 0) else { return false }
        }
        return true
    }
}
