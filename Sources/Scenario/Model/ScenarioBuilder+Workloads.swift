import ShareModel
import SimCore

/// A workload class as read, with the service time zones use unless they override it.
struct DecodedWorkload {
    var spec: WorkloadClassSpec
    var service: SampledDistribution
    /// The key the service time is written under: `service`, or `cpu` for a compute class
    /// without one.
    var serviceKey: SpecField
}

extension ScenarioBuilder {
    static let workloadKinds = ["transaction", "download", "stream", "compute"]

    /// The values of a zone's (or region's) `discipline`, as written, and what each means.
    static let disciplines: [(keyword: String, discipline: ServiceDiscipline)] = [
        ("fcfs", .fcfs),
        ("processor-sharing", .processorSharing),
        ("priority", .priority),
        ("preemptive-priority", .preemptivePriority),
    ]

    /// A `discipline` value: one of ``disciplines``' keywords. A near miss is suggested by
    /// spelling, else by the keyword it abbreviates or starts (`ps`, `preemptive`).
    static let discipline = ValueParser<ServiceDiscipline>.scalar(
        expecting: "one of " + disciplines.map { "'\($0.keyword)'" }.joined(separator: ", ")
    ) { text in
        if let match = disciplines.first(where: { $0.keyword == text }) { return .success(match.discipline) }
        let keywords = disciplines.map(\.keyword)
        let written = String(text.lowercased().map { $0 == "_" ? "-" : $0 })
        let initials = { (keyword: String) in String(keyword.split(separator: "-").compactMap(\.first)) }
        let suggestion =
            Suggestions.best(for: text, among: keywords)
            ?? keywords.first { $0.hasPrefix(written) || initials($0) == written }
        return .failure(
            QuantityError(
                "expected one of \(keywords.map { "'\($0)'" }.joined(separator: ", ")), got '\(text)'",
                suggestion: suggestion
            )
        )
    }

    mutating func readWorkloads(_ top: inout MappingReader) -> [DecodedWorkload]? {
        let workloads = top.named("workloads", element: "workload", required: true) {
            workload,
            name -> DecodedWorkload? in
            self.elements[.workload(name)] = workload.node
            return self.readWorkload(&workload, name: name)
        }
        workloadNames = names(of: .workload)
        // Only a list written empty: classes that failed to read are reported already.
        if workloads != nil, Self.writtenCount(top.node("workloads")) == 0 {
            top.error("'workloads' needs at least one workload class")
        }
        return workloads
    }

    mutating func readWorkload(_ workload: inout MappingReader, name: String) -> DecodedWorkload? {
        guard let kindName = workload.required("kind", as: .oneOf(Self.workloadKinds)) else {
            workload.ignore(
                "service",
                "slo",
                "catalogue",
                "zipf",
                "object_size",
                "bitrate",
                "cpu",
                "checkpoint",
                "request_size",
                "response_size",
                "priority",
                "stages",
                "playback"
            )
            return nil
        }
        let slo = workload.optional("slo", as: .simDuration)
        let priority = workload.optional(
            "priority",
            as: ValueParser<Int>.integer.atLeast(WorkloadClassSpec.priorities.lowerBound)
                .atMost(WorkloadClassSpec.priorities.upperBound),
            default: 0
        )
        // Read for every kind, so that a size on a kind that cannot carry it is reported by
        // validation at the field, not as an unknown key.
        let requestBytes = workload.optional("request_size", as: .distribution(of: .dataSize))
        let responseBytes = workload.optional("response_size", as: .distribution(of: .dataSize))
        var service = workload.optional("service", as: .distribution(of: .duration))
        var serviceKey = SpecField.service
        let kind: WorkloadKind?
        var stages: [RequestStageSpec] = []
        var playback = PlaybackSpec()
        if kindName != "stream", let node = workload.node("playback") {
            workload.error("'playback' in workload '\(name)' applies to stream workloads only", at: node)
        }
        if kindName != "transaction", let node = workload.node("stages") {
            workload.error("'stages' in workload '\(name)' applies to transaction workloads only", at: node)
        }
        switch kindName {
        case "transaction" where workload.contains("stages"):
            guard let read = readStages(&workload, name: name) else { return nil }
            stages = read
            if workload.contains("service") {
                workload.error(
                    "a workload with 'stages' gives each stage its own 'time'; 'service' does not apply",
                    at: workload.node("service") ?? workload.node
                )
                return nil
            }
            // Zones keep one service time per class; a staged class's is never drawn.
            service = .constant(ConstantDistribution(finite: 0))
            kind = .transaction
        case "transaction":
            if service == nil, !workload.contains("service") {
                workload.error(
                    "missing required field 'service' in workload '\(name)' (a transaction's service time in a zone)"
                )
            }
            kind = .transaction
        case "download", "stream":
            let catalogue = workload.required("catalogue", as: .count)
            let zipf = workload.optional("zipf", as: .number, default: 0.8)
            let sizes = workload.required("object_size", as: .distribution(of: .dataSize))
            let bitrate =
                kindName == "stream" ? workload.required("bitrate", as: .dataRate) : nil
            if kindName == "stream", let read = Self.readPlayback(&workload) { playback = read }
            if service == nil { service = .constant(ConstantDistribution(finite: 0.001)) }
            if let catalogue, let sizes {
                let content = ContentSpec(catalogueSize: catalogue, zipfExponent: zipf, objectBytes: sizes)
                if kindName == "stream" {
                    kind = bitrate.map { .stream(content, bitrateBitsPerSecond: $0) }
                } else {
                    kind = .download(content)
                }
            } else {
                kind = nil
            }
        default:
            let cpu = workload.required("cpu", as: .distribution(of: .duration))
            let checkpoint = workload.optional("checkpoint", as: .simDuration)
            if service == nil, !workload.contains("service") {
                service = cpu
                serviceKey = .cpu
            }
            kind = cpu.map { .compute(ComputeJobSpec(cpuSeconds: $0, checkpointInterval: checkpoint)) }
        }
        guard let kind, let service else { return nil }
        return DecodedWorkload(
            spec: WorkloadClassSpec(
                name: name,
                kind: kind,
                slo: slo,
                requestBytes: requestBytes,
                responseBytes: responseBytes,
                priority: priority,
                stages: stages,
                playback: playback
            ),
            service: service,
            serviceKey: serviceKey
        )
    }
}

extension ScenarioBuilder {
    /// A stream's `playback`: `segment`, `startup`, `resume` and `buffer_ahead` (durations of
    /// media), `watch` (a distribution of viewing times) and `ladder` (renditions, ascending
    /// data rates); each defaults as in
    /// ``PlaybackSpec``. Nil when absent or a value is invalid (reported).
    static func readPlayback(_ workload: inout MappingReader) -> PlaybackSpec? {
        var failed = false
        let spec = workload.mapping("playback") { playback -> PlaybackSpec in
            let defaults = PlaybackSpec()
            func seconds(_ key: String, _ fallback: Double) -> Double? {
                guard playback.contains(key) else { return fallback }
                guard let value = playback.optional(key, as: ValueParser<SimDuration>.simDuration.positiveDuration)
                else {
                    failed = true
                    return nil
                }
                return value.seconds
            }
            let segment = seconds("segment", defaults.segmentSeconds)
            let startup = seconds("startup", defaults.startupSeconds)
            let resume = seconds("resume", startup ?? defaults.resumeSeconds)
            let ahead = seconds("buffer_ahead", defaults.bufferAheadSeconds)
            let watch = playback.optional("watch", as: .distribution(of: .duration))
            if playback.contains("watch"), watch == nil { failed = true }
            let ladder = playback.list("ladder", of: .dataRate)
            if playback.contains("ladder"), ladder == nil { failed = true }
            return PlaybackSpec(
                segmentSeconds: segment ?? defaults.segmentSeconds,
                startupSeconds: startup ?? defaults.startupSeconds,
                resumeSeconds: resume,
                bufferAheadSeconds: ahead ?? defaults.bufferAheadSeconds,
                watchSeconds: watch,
                ladderBitsPerSecond: ladder ?? []
            )
        }
        return failed ? nil : spec
    }
}
