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

    /// The file `entry` names, resolved against the scenario's folder (or among the built-in
    /// traces for a built-in scenario), and its name in messages; nil (reported) when a
    /// built-in scenario names a trace there is not.
    mutating func traceFile(
        _ entry: TraceEntry,
        vocabulary: TraceVocabulary
    ) -> (source: TraceFileSource, display: String)? {
        guard file.hasPrefix(BuiltinScenarios.scheme) else {
            let path = ScenarioLoader.resolve(entry.file, against: file)
            return (TraceFileSource(path: path, bytes: nil, vocabulary: vocabulary), path)
        }
        guard let text = BuiltinScenarios.trace(named: entry.file) else {
            diagnostics.error(
                "cannot read trace '\(entry.file)': not among the built-in traces ("
                    + BuiltinScenarios.traces.map(\.name).joined(separator: ", ") + ")",
                at: entry.fileNode.location
            )
            return nil
        }
        let source = TraceFileSource(path: entry.file, bytes: Array(text.utf8), vocabulary: vocabulary)
        return (source, BuiltinScenarios.scheme + entry.file)
    }

    /// Reports a trace check's `problems`: an unopenable file at the scenario's `file:`,
    /// rows at the trace's line and column. True when there were none.
    mutating func report(_ problems: [TraceLineError], of entry: TraceEntry, display: String) -> Bool {
        if let first = problems.first, first.line == 0 {
            diagnostics.error("cannot read trace '\(entry.file)': \(first.message)", at: entry.fileNode.location)
            return false
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
        return problems.isEmpty
    }

    /// The lap of `entry`: its `period`, which must be more than `lastTime`, or by default
    /// the last time's whole second plus one second. Nil (reported) when too short.
    mutating func period(of entry: TraceEntry, lastTime: SimDuration) -> SimDuration? {
        guard let period = entry.period else { return .seconds(lastTime.nanoseconds / 1_000_000_000 + 1) }
        guard period > lastTime else {
            diagnostics.error(
                "invalid 'period' of trace '\(entry.file)': must be more than its last time (\(lastTime)), got \(period)",
                at: (entry.periodNode ?? entry.fileNode).location
            )
            return nil
        }
        return period
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
            guard let (source, display) = traceFile(entry, vocabulary: vocabulary) else { continue }
            let (summary, problems) = source.check(display: display)
            guard report(problems, of: entry, display: display) else { continue }
            guard let period = period(of: entry, lastTime: summary.lastTime) else { continue }
            traces.append(
                ArrivalTraceSpec(
                    name: entry.file,
                    source: source,
                    speed: entry.speed,
                    loop: entry.loop,
                    start: entry.start,
                    period: period,
                    pairs: summary.pairs
                )
            )
        }
        return traces
    }
}

extension ScenarioBuilder {
    /// Reads `device_traces:`: a list of `{pool, file, speed, loop, start, period}`.
    mutating func readDeviceTraces(
        _ top: inout MappingReader
    ) -> [(pool: String, poolNode: ScenarioNode, entry: TraceEntry)] {
        top.mappings("device_traces", element: "device trace") { trace -> (String, ScenarioNode, TraceEntry)? in
            let poolNode = trace.node("pool")
            let pool = trace.required("pool", as: .name)
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
            guard let pool, let poolNode, let file, let fileNode else { return nil }
            return (
                pool,
                poolNode,
                TraceEntry(
                    file: file,
                    fileNode: fileNode,
                    speed: speed,
                    loop: loop,
                    start: start,
                    period: period,
                    periodNode: periodNode
                )
            )
        } ?? []
    }

    /// The device traces of `entries`, each file read through once and checked against its
    /// pool's device count; problems located as for arrival traces.
    mutating func buildDeviceTraces(
        _ entries: [(pool: String, poolNode: ScenarioNode, entry: TraceEntry)],
        spec: ModelSpec
    ) -> [DeviceTraceSpec] {
        var traces: [DeviceTraceSpec] = []
        var tracedPools: Set<String> = []
        for (pool, poolNode, entry) in entries {
            guard let placement = spec.sharedPools.first(where: { $0.pool.name == pool }) else {
                requireKnown(
                    pool,
                    among: ReferenceNames(spec.sharedPools.map(\.pool.name)),
                    kind: "shared pool",
                    from: "device trace",
                    at: poolNode
                )
                continue
            }
            guard tracedPools.insert(pool).inserted else {
                diagnostics.error("pool '\(pool)' has a device trace already (one per pool)", at: poolNode.location)
                continue
            }
            guard let (source, display) = traceFile(entry, vocabulary: TraceVocabulary(populations: [], classes: []))
            else { continue }
            let deviceSource = DeviceTraceFileSource(file: source, deviceCount: placement.pool.deviceCount)
            let (lastTime, devices, problems) = deviceSource.check()
            guard report(problems, of: entry, display: display) else { continue }
            guard let period = period(of: entry, lastTime: lastTime) else { continue }
            traces.append(
                DeviceTraceSpec(
                    name: entry.file,
                    pool: pool,
                    source: deviceSource,
                    devices: devices,
                    speed: entry.speed,
                    loop: entry.loop,
                    start: entry.start,
                    period: period
                )
            )
        }
        return traces
    }
}
