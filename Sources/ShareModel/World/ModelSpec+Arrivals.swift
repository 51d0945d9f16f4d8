import SimCore

extension SpecField {
    /// `arrivals` (a population's demand: its arrival process), and its keys below.
    public static let arrivals = SpecField("arrivals")
    /// `rate` (a population's demand: its mean rate).
    public static let rate = SpecField("rate")
}

extension WorkloadDemand {
    /// The largest burst: one request per payload count of an arrival event.
    public static let maximumBurst = Int(UInt32.max)
}

extension ModelSpec {
    /// Checks one demand's arrival process: batch sizes of at least 1, positive on and off
    /// means, an off level in 0...1, a burst of 1 to ``WorkloadDemand/maximumBurst`` requests
    /// at a time not before zero and with no rate of its own.
    ///
    /// - Parameters:
    ///   - element: The population; `field` the demand (`workloads[i]`).
    static func validate(_ demand: WorkloadDemand, _ element: SpecElement, _ field: SpecField) throws(SpecError) {
        let arrivals = field.child(SpecField.arrivals.key)
        switch demand.arrivals {
        case .poisson, .deterministic:
            return
        case .batch(let size):
            let sizeField = arrivals.child("batch_size")
            switch size {
            case .fixed(let n):
                if n < 1 { throw SpecError(element, sizeField, .tooSmall(got: "\(n)", minimum: "1")) }
                if n > WorkloadDemand.maximumBurst {
                    throw SpecError(
                        element,
                        sizeField,
                        .tooLarge(got: "\(n)", maximum: "\(WorkloadDemand.maximumBurst)")
                    )
                }
            case .geometric(let mean):
                guard mean.isFinite, mean >= 1 else {
                    throw SpecError(element, sizeField, .tooSmall(got: "a mean of \(mean)", minimum: "a mean of 1"))
                }
            }
        case .onOff(let modulation):
            if modulation.meanOn <= .zero {
                throw SpecError(element, arrivals.child("mean_on"), .notPositive(got: "\(modulation.meanOn)"))
            }
            if modulation.meanOff <= .zero {
                throw SpecError(element, arrivals.child("mean_off"), .notPositive(got: "\(modulation.meanOff)"))
            }
            let level = modulation.offLevel
            guard level.isFinite, level >= 0, level <= 1 else {
                throw SpecError(
                    element,
                    arrivals.child("off_level"),
                    .outOfRange(got: "\(level)", lower: "0", upper: "1")
                )
            }
        case .burst(let count, let at):
            if count < 1 { throw SpecError(element, arrivals.child("count"), .tooSmall(got: "\(count)", minimum: "1")) }
            if count > WorkloadDemand.maximumBurst {
                throw SpecError(
                    element,
                    arrivals.child("count"),
                    .tooLarge(got: "\(count)", maximum: "\(WorkloadDemand.maximumBurst)")
                )
            }
            if at < .zero { throw SpecError(element, arrivals.child("at"), .negative(got: "\(at.sinceStart)")) }
            if demand.rate.maxRate > 0 {
                throw SpecError(
                    element,
                    field.child(SpecField.rate.key),
                    .other("has no meaning for a burst, which sends its 'count' requests at 'at'; leave it out")
                )
            }
        }
    }

    /// What cannot act as written among the demands' bursts: one that comes after the run
    /// ends, or before measuring starts. One sentence each, in population and demand order.
    var burstWarnings: [String] {
        let measureStart = SimTime.zero + warmup
        let runEnd = measureStart + duration
        var warnings: [String] = []
        for population in populations {
            for demand in population.demands {
                guard case .burst(let count, let at) = demand.arrivals else { continue }
                let what =
                    "the burst of \(count) '\(demand.workloadClass)' requests from '\(population.name)' at "
                    + "\(at.sinceStart)"
                if at >= runEnd {
                    warnings.append(what + " comes after the run ends at \(runEnd.sinceStart): it has no effect")
                } else if at < measureStart {
                    warnings.append(
                        what + " comes before measuring starts at \(measureStart.sinceStart): no count shows it"
                    )
                }
            }
        }
        return warnings
    }
}
