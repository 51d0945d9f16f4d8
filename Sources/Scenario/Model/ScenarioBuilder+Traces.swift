import ShareModel
import SimCore

/// One entry of `traces:` as written, before its file is read.
struct TraceEntry {
    /// The file as written, relative to the scenario's folder.
    var file: String
    /// The node of `file`, where problems opening it are reported.
    var fileNode: ScenarioNode
    var speed: Double
    var loop: Bool
    var start: SimDuration
    var period: SimDuration?
    /// The node of `period`, if written.
    var periodNode: ScenarioNode?
}

extension ScenarioBuilder {
    /// Reads `traces:`: a list of `{file, speed, loop, start, period}`.
    mutating func readTraces(_ top: inout MappingReader) -> [TraceEntry] {
        top.mappings("traces", element: "trace") { trace -> TraceEntry? in
            let fileNode = trace.node("file")
            let file = trace.required("file", as: .string)
            let speed = trace.optional(
                "speed",
                as: ValueParser<Double>.number.require("must be more than zero") { $0 > 0 && $0.isFinite },
                default: 1
            )
            let loop = trace.optional("loop", as: .bool, default: false)
            let start = trace.optional("start", as: .simDuration, default: .zero)
            let periodNode = trace.node("period")
            let period = trace.optional("period", as: ValueParser<SimDuration>.simDuration.positiveDuration)
            guard let file, let fileNode else { return nil }
            return TraceEntry(
                file: file,
                fileNode: fileNode,
                speed: speed,
                loop: loop,
                start: start,
                period: period,
                periodNode: periodNode
            )
        } ?? []
    }

    /// The arrival traces of `entries`, each file read through once and checked against
    /// `spec`'s populations and classes; problems are reported at the trace file's line and
    /// column (or at the scenario's `file:` when the file cannot be opened).
    mutating func buildTraces(_ entries: [TraceEntry], spec: ModelSpec) -> [ArrivalTraceSpec] {
        guard !entries.isEmpty else { return [] }
        let vocabulary = TraceVocabulary(
            populations: spec.populations.map(\.name),
            classes: spec.workloadClasses.map { .init(name: $0.name, catalogueSize: $0.kind.content?.catalogueSize) }
        )
        var traces: [ArrivalTraceSpec] = []
        for entry in entries {
            let isBuiltin = file.hasPrefix(BuiltinScenarios.scheme)
            let path = isBuiltin ? entry.file : ScenarioLoader.resolve(entry.file, against: file)
            let display = isBuiltin ? BuiltinScenarios.scheme + entry.file : path
            var bytes: [UInt8]?
            if isBuiltin {
                guard let text = BuiltinScenarios.trace(named: entry.file) else {
                    diagnostics.error(
                        "cannot read trace '\(entry.file)': not among the built-in traces ("
                            + BuiltinScenarios.traces.map(\.name).joined(separator: ", ") + ")",
                        at: entry.fileNode.location
                    )
                    continue
                }
                bytes = Array(text.utf8)
            }
            let source = TraceFileSource(path: path, bytes: bytes, vocabulary: vocabulary)
            let (summary, problems) = source.check(display: display)
            if let first = problems.first, first.line == 0 {
                diagnostics.error("cannot read trace '\(entry.file)': \(first.message)", at: entry.fileNode.location)
                continue
            }
            for problem in problems {
                diagnostics.error(
                    "trace: \(problem.message)",
                    at: SourceLocation(file: display, line: problem.line, column: problem.column),
                    suggestion: problem.suggestion
                )
            }
            if problems.count >= TraceFileSource.problemLimit {
                diagnostics.error(
                    "trace: stopped checking after \(TraceFileSource.problemLimit) problems",
                    at: entry.fileNode.location
                )
            }
            guard problems.isEmpty else { continue }
            // One lap by default: the last arrival's whole second, plus one second.
            let defaultPeriod = SimDuration.seconds(summary.lastTime.nanoseconds / 1_000_000_000 + 1)
            if let period = entry.period, period <= summary.lastTime {
                diagnostics.error(
                    "invalid 'period' of trace '\(entry.file)': must be more than its last arrival's time "
                        + "(\(summary.lastTime)), got \(period)",
                    at: (entry.periodNode ?? entry.fileNode).location
                )
                continue
            }
            traces.append(
                ArrivalTraceSpec(
                    name: entry.file,
                    source: source,
                    speed: entry.speed,
                    loop: entry.loop,
                    start: entry.start,
                    period: entry.period ?? defaultPeriod,
                    pairs: summary.pairs
                )
            )
        }
        return traces
    }
}
