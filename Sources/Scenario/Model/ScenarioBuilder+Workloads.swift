import ShareModel
import SimCore

/// A workload class as read, with the service time zones use unless they override it.
struct DecodedWorkload {
    var spec: WorkloadClassSpec
    var service: SampledDistribution
}

extension ScenarioBuilder {
    static let workloadKinds = ["transaction", "download", "stream", "compute"]

    mutating func readWorkloads(_ top: inout MappingReader) -> [DecodedWorkload]? {
        var builder = self
        let workloads = top.named("workloads", element: "workload", required: true) {
            workload,
            name -> DecodedWorkload? in
            builder.elements[.workload(name)] = workload.node
            return builder.readWorkload(&workload, name: name)
        }
        self = builder
        workloadNames = names(of: .workload)
        if let workloads, workloads.isEmpty { top.error("'workloads' needs at least one workload class") }
        return workloads
    }

    func readWorkload(_ workload: inout MappingReader, name: String) -> DecodedWorkload? {
        guard let kindName = workload.required("kind", as: .oneOf(Self.workloadKinds)) else {
            workload.ignore("service", "slo", "catalogue", "zipf", "object_size", "bitrate", "cpu", "checkpoint")
            return nil
        }
        let slo = workload.optional("slo", as: .simDuration)
        var service = workload.optional("service", as: .distribution(of: .duration))
        let kind: WorkloadKind?
        switch kindName {
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
            if service == nil { service = cpu }
            kind = cpu.map { .compute(ComputeJobSpec(cpuSeconds: $0, checkpointInterval: checkpoint)) }
        }
        guard let kind, let service else { return nil }
        return DecodedWorkload(spec: WorkloadClassSpec(name: name, kind: kind, slo: slo), service: service)
    }
}
