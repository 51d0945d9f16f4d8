/// Renders reports as GitHub-flavoured Markdown, for pasting into a design document:
/// a heading, a bullet list of facts, one pipe table per section, and notes.
///
/// Numbers carry units and human scales as in ``TableRenderer``; significant differences
/// are bold. `|` in names is escaped.
public struct MarkdownRenderer: Sendable {
    /// A renderer.
    public init() {}

    /// The Markdown of a run report, ending with a newline.
    public func render(_ report: RunReport) -> String { render(ReportLayout.document(report)) }

    /// The Markdown of a comparison, ending with a newline.
    public func render(_ comparison: ComparisonReport) -> String { render(ReportLayout.document(comparison)) }

    /// The Markdown of a sweep, ending with a newline.
    public func render(_ sweep: SweepReport) -> String { render(ReportLayout.document(sweep)) }

    /// The Markdown of any report, ending with a newline.
    public func render(_ report: Report) -> String {
        switch report {
        case .run(let run): render(run)
        case .comparison(let comparison): render(comparison)
        case .sweep(let sweep): render(sweep)
        }
    }

    private func render(_ document: ReportDocument) -> String {
        var lines = ["# " + escape(document.title), ""]
        if let question = document.question {
            lines += ["## Question", "", escape(question), ""]
        }
        if let headline = document.headline {
            lines += render(headline) + [""]
        }
        for fact in document.facts {
            let value = fact.warning ? "**" + escape(fact.value) + "**" : escape(fact.value)
            lines.append("- **" + escape(fact.label) + ":** " + value)
        }
        for table in document.tables {
            lines.append("")
            lines += render(table)
        }
        if !document.notes.isEmpty {
            lines.append("")
            lines += document.notes.map { "_" + escape($0) + "_" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `table` as a `##` heading, a blank line and a pipe table.
    private func render(_ table: TextTable) -> [String] {
        var lines = ["## " + escape(table.title), ""]
        lines.append("| " + table.headers.map(escape).joined(separator: " | ") + " |")
        lines.append("|" + table.alignments.map { $0 == .left ? " :--- |" : " ---: |" }.joined())
        for row in table.rows {
            let cells = table.headers.indices.map { column -> String in
                guard let cell = element(row, column) else { return "" }
                let text = escape(cell.text)
                return cell.highlight ? "**" + text + "**" : text
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    /// `text` with Markdown's table and emphasis characters escaped.
    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|", "*", "_", "`", "\\", "[", "]", "<", ">": result += "\\" + String(character)
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
