/// What a scenario asks its reports to lead with (`report:` in the file): the question it
/// answers and the figures that answer it, as written.
///
/// Figure names are checked against the figures a run reports by the layer that knows them
/// (Experiments), which reports an unknown one at its ``FigureReference/location``.
public struct ReportRequest: Hashable, Sendable {
    /// The question, in one sentence; nil when the file gives none.
    public var question: String?
    /// The headline figures, in the order the reports show them (figure keys such as
    /// `workload/web/latencyP99` or `cost/perTBDelivered`).
    public var headline: [FigureReference]
    /// The figures to chart first in the HTML report; the headline figures when empty.
    public var charts: [FigureReference]

    /// A request from its parts.
    public init(question: String?, headline: [FigureReference], charts: [FigureReference]) {
        self.question = question
        self.headline = headline
        self.charts = charts
    }
}

/// A figure named in a scenario file, with where it is written.
public struct FigureReference: Hashable, Sendable {
    /// The name as written, e.g. `servedBy/video/shared`.
    public var name: String
    /// Where the name is written, for errors.
    public var location: SourceLocation

    /// A reference to `name` written at `location`.
    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }
}

extension ScenarioBuilder {
    /// Reads `report: {question, headline, charts}`; nil when the file has no `report`.
    mutating func readReport(_ top: inout MappingReader) -> ReportRequest? {
        top.mapping("report") { report -> ReportRequest in
            let question = report.optional("question", as: .string)
            let headline = Self.figureReferences(report.sequence("headline"), key: "headline", in: &report)
            let charts = Self.figureReferences(report.sequence("charts"), key: "charts", in: &report)
            return ReportRequest(question: question, headline: headline, charts: charts)
        }
    }

    /// The text elements of `nodes` as figure references; anything else is reported.
    private static func figureReferences(
        _ nodes: [ScenarioNode]?,
        key: String,
        in reader: inout MappingReader
    ) -> [FigureReference] {
        (nodes ?? []).enumerated().compactMap { index, node in
            guard let name = node.scalarText, !name.isEmpty else {
                reader.error(
                    "invalid '\(key)[\(index)]' in 'report': expected a figure name such as "
                        + "'workload/web/latencyP99', got \(node.summary)",
                    at: node
                )
                return nil
            }
            return FigureReference(name: name, location: node.location)
        }
    }
}
