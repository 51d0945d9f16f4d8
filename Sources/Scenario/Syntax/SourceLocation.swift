/// A position in a scenario source: a file path as given, and a 1-based line and column.
///
/// Columns count Unicode scalars, as libYAML (and so Yams) does; a tab counts as one column.
/// Locations order by file path, then line, then column, which is the order diagnostics print in.
/// Values that do not come from a file (such as a `--set` flag) use a pseudo path like `--set`.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The file path exactly as the caller gave it (not made absolute or resolved).
    public var file: String
    /// The line, starting at 1.
    public var line: Int
    /// The column in Unicode scalars, starting at 1.
    public var column: Int

    /// A location in `file` at 1-based `line` and `column`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The start of `file` (line 1, column 1): where whole-file problems are reported.
    public static func startOf(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 1, column: 1)
    }

    /// Orders by file path, then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// `FILE:LINE:COLUMN`, the prefix of every diagnostic.
    public var description: String { "\(file):\(line):\(column)" }
}
