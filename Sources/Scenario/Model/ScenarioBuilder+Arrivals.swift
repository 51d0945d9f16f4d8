import ShareModel
import SimCore

/// The `arrivals` field of a population's demand: which arrival process, with its parameters.
///
/// Written either as a bare name (`arrivals: deterministic`) for the processes that take no
/// parameters, or as a mapping with `process` and that process's own keys:
/// `{process: batch, batch_size: geometric(4)}`, `{process: on-off, mean_on: 2 s, mean_off: 8 s}`,
/// `{process: burst, count: 10k, at: 5 min}`. Absent, a demand is Poisson. (The on/off
/// means are `mean_on` and `mean_off`, not `on` and `off`, which YAML 1.1 tools read as
/// true and false.)
enum ArrivalsSyntax {
    /// The process names, in the order messages list them.
    static let processes = ["poisson", "deterministic", "batch", "on-off", "burst"]
    /// Each process's own keys besides `process`.
    static let keys: [String: [String]] = [
        "poisson": [], "deterministic": [], "batch": ["batch_size"], "on-off": ["mean_on", "mean_off", "off_level"],
        "burst": ["count", "at"],
    ]
    /// Every key some process takes, in a fixed order.
    static let allKeys = ["batch_size", "mean_on", "mean_off", "off_level", "count", "at"]
    /// The demand keys that shape a rate profile, which a burst does not have.
    static let profileKeys = ["rate", "diurnal", "shape", "peaks"]

    /// A batch size: a whole number of requests (`8`, fixed) or `geometric(MEAN)`.
    static var batchSize: ValueParser<BatchSize> {
        let expectation = "a whole number of requests such as '8', or 'geometric(4)' (the mean size)"
        return .scalar(expecting: expectation) { text in
            let trimmed = text.trimmingSpaces
            if trimmed.lowercased().hasPrefix("geometric("), trimmed.hasSuffix(")") {
                let inner = trimmed.dropFirst("geometric(".count).dropLast()
                return QuantityKind.number.parse(String(inner).trimmingSpaces).map { BatchSize.geometric(mean: $0) }
            }
            return QuantityKind.count.parse(trimmed)
                .mapError { _ in QuantityError("expected \(expectation), got '\(text)'") }
                .map { BatchSize.fixed(Int($0)) }
        }
    }
}

extension ScenarioBuilder {
    /// The arrival process of the demand being read by `demand`, Poisson when `arrivals` is
    /// absent; nil (reported) when it is invalid. Parameters are only decoded here; the
    /// model checks their ranges (``ShareModel/ModelSpec/validate()``), so each limit is
    /// stated once.
    func readArrivals(_ demand: inout MappingReader) -> ArrivalProcess? {
        guard let node = demand.node("arrivals"), !node.isNull else { return .poisson }
        if node.scalarText != nil {
            guard let name = demand.optional("arrivals", as: .oneOf(ArrivalsSyntax.processes)) else { return nil }
            switch name {
            case "poisson": return .poisson
            case "deterministic": return .deterministic
            default:
                let keys = (ArrivalsSyntax.keys[name] ?? []).map { "'\($0)'" }.joined(separator: " and ")
                demand.error(
                    "'\(name)' arrivals in \(demand.context) need \(keys): write "
                        + "'arrivals: {process: \(name), ...}'",
                    at: node
                )
                return nil
            }
        }
        return demand.mapping("arrivals") { arrivals -> ArrivalProcess? in
            let name = arrivals.required("process", as: .oneOf(ArrivalsSyntax.processes))
            let own = name.flatMap { ArrivalsSyntax.keys[$0] } ?? ArrivalsSyntax.allKeys
            for key in ArrivalsSyntax.allKeys where !own.contains(key) && arrivals.contains(key) {
                let node = arrivals.node(key)
                let owner = ArrivalsSyntax.processes.first { ArrivalsSyntax.keys[$0]?.contains(key) == true } ?? ""
                arrivals.error(
                    "'\(key)' belongs to \(owner) arrivals, not \(name ?? "these") (in \(arrivals.context))",
                    at: node ?? arrivals.node
                )
            }
            switch name {
            case "poisson": return .poisson
            case "deterministic": return .deterministic
            case "batch":
                return arrivals.required("batch_size", as: ArrivalsSyntax.batchSize).map { .batch($0) }
            case "on-off":
                let on = arrivals.required("mean_on", as: .simDuration)
                let off = arrivals.required("mean_off", as: .simDuration)
                let level = arrivals.optional("off_level", as: .fraction, default: 0)
                guard let on, let off else { return nil }
                return .onOff(OnOffModulation(meanOn: on, meanOff: off, offLevel: level))
            case "burst":
                let count = arrivals.required("count", as: .count)
                let at = arrivals.required("at", as: .simDuration)
                guard let count, let at else { return nil }
                return .burst(count: count, at: SimTime.zero + at)
            default:
                return nil
            }
        } ?? nil
    }
}
