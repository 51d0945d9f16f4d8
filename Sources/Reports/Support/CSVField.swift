/// RFC 4180 fields, as every CSV ShareSim writes spells them.
enum CSVField {
    /// `text` as one field: quoted when it holds a comma, a quote or a line break, or starts
    /// or ends with a space (so a spreadsheet keeps it whole), with every `"` doubled.
    static func escaped(_ text: String) -> String {
        let needsQuotes =
            text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }
}
