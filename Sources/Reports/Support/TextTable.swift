/// A table of already formatted cells: what the table, Markdown and HTML renderers lay out.
struct TextTable: Sendable {
    /// How a column's cells line up.
    enum Alignment: Sendable {
        case left, right
    }

    /// One cell's text and whether to draw attention to it (a significant difference).
    struct Cell: Sendable, ExpressibleByStringLiteral {
        var text: String
        var highlight: Bool

        init(_ text: String, highlight: Bool = false) {
            self.text = text
            self.highlight = highlight
        }

        init(stringLiteral value: String) {
            self.init(value)
        }
    }

    /// The heading above the table.
    var title: String
    /// Column headers.
    var headers: [String]
    /// Column alignments, one per header.
    var alignments: [Alignment]
    /// Rows of cells, one per header.
    var rows: [[Cell]]

    /// A table whose first column is left-aligned and the others right-aligned.
    init(title: String, headers: [String], rows: [[Cell]]) {
        self.title = title
        self.headers = headers
        self.alignments = headers.indices.map { $0 == 0 ? .left : .right }
        self.rows = rows
    }
}

/// One line of a report's header: a label and its value.
struct ReportFact: Sendable {
    var label: String
    var value: String
    /// Whether the value is a warning (an interrupted run).
    var warning: Bool = false
}

/// A report laid out for reading: a title, the scenario's question and headline figures
/// (what the renderers show first), header facts, tables and closing notes.
struct ReportDocument: Sendable {
    var title: String
    var facts: [ReportFact]
    var tables: [TextTable]
    var notes: [String]
    /// The question the scenario asks, shown first; nil when it declares none.
    var question: String? = nil
    /// The headline figures, shown right after the question; nil when there are none.
    var headline: TextTable? = nil
}
