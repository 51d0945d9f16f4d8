import Foundation

/// A Prometheus text exposition (format 0.0.4) read line by line, written independently of
/// `PrometheusText` so that tests check its output against the format rather than itself.
public struct PrometheusExposition {
    /// One sample line: its full name (with any `_bucket`/`_sum`/`_count`), labels in order,
    /// and value.
    public struct Sample: Equatable {
        public var name: String
        public var labels: [String: String]
        public var labelOrder: [String]
        public var value: Double
    }

    /// One family: the name on its `# HELP`/`# TYPE` lines, its type and its samples.
    public struct Family {
        public var name: String
        public var help: String
        public var type: String
        public var samples: [Sample]
    }

    /// A line that breaks the format, with its number (from 1) and why.
    public struct Violation: Error, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// The families, in the order they appear.
    public var families: [Family] = []

    /// Reads `text`, checking each line against the format: `# HELP` then `# TYPE` before a
    /// family's samples, names and labels by the grammar, values as the format writes them,
    /// each family once, and for a histogram: `_bucket` samples with `le`, ending with
    /// `le="+Inf"`, bounds increasing, counts never decreasing, `_count` equal to the `+Inf`
    /// bucket, and `_sum` present.
    public init(_ text: String) throws(Violation) {
        guard text.hasSuffix("\n") else { throw Violation(line: 0, reason: "the text does not end with a line feed") }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var pendingHelp: (name: String, help: String)?
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            if line.hasPrefix("# HELP ") {
                let rest = line.dropFirst(7)
                guard let space = rest.firstIndex(of: " ") else { throw Violation(line: number, reason: "HELP text") }
                let name = String(rest[..<space])
                guard Self.isMetricName(name) else { throw Violation(line: number, reason: "HELP name '\(name)'") }
                guard !families.contains(where: { $0.name == name }) else {
                    throw Violation(line: number, reason: "family \(name) appears twice")
                }
                pendingHelp = (name, String(rest[rest.index(after: space)...]))
            } else if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ").map(String.init)
                guard parts.count == 2, let help = pendingHelp, help.name == parts[0] else {
                    throw Violation(line: number, reason: "TYPE without a HELP line for the same name just before")
                }
                guard ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[1]) else {
                    throw Violation(line: number, reason: "unknown type \(parts[1])")
                }
                families.append(Family(name: parts[0], help: help.help, type: parts[1], samples: []))
                pendingHelp = nil
            } else if line.hasPrefix("#") || line.isEmpty {
                throw Violation(line: number, reason: "unexpected comment or empty line")
            } else {
                let sample = try Self.sample(line, number: number)
                guard var family = families.last, pendingHelp == nil else {
                    throw Violation(line: number, reason: "a sample before its family's TYPE line")
                }
                let suffixes = family.type == "histogram" ? ["_bucket", "_sum", "_count"] : [""]
                guard suffixes.contains(where: { family.name + $0 == sample.name }) else {
                    throw Violation(line: number, reason: "sample \(sample.name) outside family \(family.name)")
                }
                family.samples.append(sample)
                families[families.count - 1] = family
            }
        }
        for family in families where family.type == "histogram" {
            try Self.checkHistogram(family, lines: lines)
        }
    }

    /// The family named `name`, if there is one.
    public func family(_ name: String) -> Family? { families.first { $0.name == name } }

    private static func checkHistogram(_ family: Family, lines: [String]) throws(Violation) {
        let line = (lines.firstIndex { $0 == "# TYPE \(family.name) histogram" } ?? 0) + 1
        var seriesOrder: [[String: String]] = []
        for sample in family.samples {
            var key = sample.labels
            key["le"] = nil
            if !seriesOrder.contains(key) { seriesOrder.append(key) }
        }
        for series in seriesOrder {
            let samples = family.samples.filter { sample in
                var key = sample.labels
                key["le"] = nil
                return key == series
            }
            let buckets = samples.filter { $0.name == family.name + "_bucket" }
            guard let last = buckets.last, last.labels["le"] == "+Inf" else {
                throw Violation(line: line, reason: "\(family.name) \(series): no le=\"+Inf\" bucket last")
            }
            var previousBound = -Double.infinity
            var previousCount = 0.0
            for bucket in buckets {
                guard let text = bucket.labels["le"], let bound = Self.value(text), bound > previousBound else {
                    throw Violation(line: line, reason: "\(family.name) \(series): le bounds not increasing")
                }
                guard bucket.value >= previousCount, bucket.value == bucket.value.rounded() else {
                    throw Violation(line: line, reason: "\(family.name) \(series): bucket counts not cumulative")
                }
                previousBound = bound
                previousCount = bucket.value
            }
            let counts = samples.filter { $0.name == family.name + "_count" }
            guard counts.count == 1, counts[0].value == last.value else {
                throw Violation(line: line, reason: "\(family.name) \(series): _count differs from the +Inf bucket")
            }
            guard samples.filter({ $0.name == family.name + "_sum" }).count == 1 else {
                throw Violation(line: line, reason: "\(family.name) \(series): no single _sum")
            }
        }
    }

    private static func sample(_ line: String, number: Int) throws(Violation) -> Sample {
        var rest = Substring(line)
        let nameEnd = rest.firstIndex { $0 == "{" || $0 == " " } ?? rest.endIndex
        let name = String(rest[..<nameEnd])
        guard isMetricName(name) else { throw Violation(line: number, reason: "sample name '\(name)'") }
        rest = rest[nameEnd...]
        var labels: [String: String] = [:]
        var order: [String] = []
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                guard let equals = rest.firstIndex(of: "=") else { throw Violation(line: number, reason: "label") }
                let label = String(rest[..<equals])
                guard isLabelName(label), labels[label] == nil else {
                    throw Violation(line: number, reason: "label name '\(label)'")
                }
                rest = rest[rest.index(after: equals)...]
                guard rest.first == "\"" else { throw Violation(line: number, reason: "label value not quoted") }
                rest = rest.dropFirst()
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\" {
                        guard let escaped = rest.first else { throw Violation(line: number, reason: "escape") }
                        rest = rest.dropFirst()
                        switch escaped {
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        case "n": value.append("\n")
                        default: throw Violation(line: number, reason: "escape \\\(escaped)")
                        }
                    } else {
                        value.append(character)
                    }
                }
                guard rest.first == "\"" else { throw Violation(line: number, reason: "unterminated label value") }
                rest = rest.dropFirst()
                labels[label] = value
                order.append(label)
                if rest.first == "," { rest = rest.dropFirst() }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " ", let value = Self.value(String(rest.dropFirst())) else {
            throw Violation(line: number, reason: "sample value in '\(line)'")
        }
        return Sample(name: name, labels: labels, labelOrder: order, value: value)
    }

    /// A value as the format writes it: a Go float, `+Inf`, `-Inf` or `NaN`.
    private static func value(_ text: String) -> Double? {
        switch text {
        case "+Inf": return .infinity
        case "-Inf": return -.infinity
        case "NaN": return .nan
        default:
            guard !text.isEmpty, text.allSatisfy({ "0123456789.eE+-".contains($0) }) else { return nil }
            return Double(text)
        }
    }

    private static func isMetricName(_ name: String) -> Bool {
        name.range(of: "^[a-zA-Z_:][a-zA-Z0-9_:]*$", options: .regularExpression) != nil
    }

    private static func isLabelName(_ name: String) -> Bool {
        name.range(of: "^[a-zA-Z_][a-zA-Z0-9_]*$", options: .regularExpression) != nil
    }
}
