/// The question a scenario asks and the figures that answer it: what every report of the
/// scenario leads with (the first table section, the HTML's first charts, a comparison's
/// first rows, a sweep's first plots).
public struct ReportFocus: Hashable, Sendable, Codable {
    /// The question, in one sentence; nil when the scenario states none.
    public var question: String?
    /// The headline figures, in the order shown.
    public var headline: [FigureID]
    /// The figures charted first in HTML; empty means the headline figures.
    public var charts: [FigureID]

    /// A focus from its parts.
    public init(question: String?, headline: [FigureID], charts: [FigureID] = []) {
        self.question = question
        self.headline = headline
        self.charts = charts
    }

    /// The figures to chart first: ``charts``, or the headline figures when it is empty.
    public var chartedFigures: [FigureID] { charts.isEmpty ? headline : charts }

    private enum CodingKeys: String, CodingKey { case question, headline, charts }

    /// Encodes `question` (null when absent), `headline` and `charts` as figure keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(question, forKey: .question)
        try container.encode(headline, forKey: .headline)
        try container.encode(charts, forKey: .charts)
    }

    /// Decodes a focus written by ``encode(to:)``; `charts` may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        question = try container.decodeIfPresent(String.self, forKey: .question)
        headline = try container.decode([FigureID].self, forKey: .headline)
        charts = try container.decodeIfPresent([FigureID].self, forKey: .charts) ?? []
    }
}
