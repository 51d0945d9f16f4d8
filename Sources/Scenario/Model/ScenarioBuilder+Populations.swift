import Foundation
import ShareModel
import SimCore

extension ScenarioBuilder {
    static let clientKinds: [String: SiteKind] = [
        "home": .homeBroadband, "mobile": .mobileClient, "enterprise": .enterprise,
    ]

    mutating func readPopulations(_ top: inout MappingReader, workloads: [DecodedWorkload]) -> [PopulationSpec]? {
        let populations = top.named("populations", element: "population", required: true) {
            population,
            name -> PopulationSpec? in
            self.elements[.population(name)] = population.node
            return self.readPopulation(&population, name: name)
        }
        populationNames = names(of: .population)
        // Only a list written empty: populations that failed to read are reported already.
        if populations != nil, Self.writtenCount(top.node("populations")) == 0 {
            top.error("'populations' needs at least one population")
        }
        return populations
    }

    mutating func readPopulation(_ population: inout MappingReader, name: String) -> PopulationSpec? {
        let location = location(&population, of: .population(name))
        let clients = population.optional("clients", as: .oneOf(["home", "mobile", "enterprise"]), default: "home")
        let access = population.optional("access", as: .dataRate)
        let lines = Self.readLines(&population)
        let allowed = population.list("allowed_regions", of: .name)
        if let allowed, let node = population.entry("allowed_regions")?.value.sequenceElements {
            for (region, element) in zip(allowed, node) {
                requireKnown(region, among: regionNames, kind: "region", from: "population '\(name)'", at: element)
            }
        }
        var local = Diagnostics()
        let demands = population.mappings("workloads", element: "workload", required: true) {
            demand -> WorkloadDemand? in
            let workload = demand.required("workload", as: .name)
            if let workload, !self.workloadNames.contains(workload), let node = demand.entry("workload")?.value {
                local.error(
                    "population '\(name)' refers to unknown workload '\(workload)'",
                    at: node.location,
                    suggestion: self.suggestion(for: workload, among: self.workloadNames)
                )
            }
            let arrivals = self.readArrivals(&demand)
            if case .burst = arrivals {
                // A burst has no rate profile: each profile key is refused where it stands.
                for key in ArrivalsSyntax.profileKeys where demand.contains(key) {
                    let node = demand.node(key) ?? demand.node
                    demand.error(
                        "'\(key)' has no meaning for burst arrivals, which send 'count' requests at 'at'; "
                            + "leave it out (in \(demand.context))",
                        at: node
                    )
                }
                guard let workload, let arrivals else { return nil }
                do throws(DistributionError) {
                    return WorkloadDemand(
                        workloadClass: workload,
                        rate: try .constant(ratePerSecond: 0),
                        arrivals: arrivals
                    )
                } catch {
                    preconditionFailure("a rate of zero is a valid constant profile: \(error)")
                }
            }
            let rate = demand.required("rate", as: .eventRate)
            let diurnal = demand.list("diurnal", of: ValueParser<Double>.number.atLeast(0))
            if let diurnal, diurnal.count != 24 {
                demand.error(
                    "'diurnal' needs 24 hourly factors, got \(diurnal.count)",
                    at: demand.entry("diurnal")?.value ?? demand.node
                )
            }
            let shape = demand.optional("shape", as: .oneOf(["steps", "linear"]), default: "steps")
            let peaks =
                demand.mappings("peaks", element: "peak") { peak -> RateProfile.Peak? in
                    let at = peak.required("at", as: .simDuration)
                    let length = peak.required("for", as: ValueParser<SimDuration>.simDuration.positiveDuration)
                    let times = peak.required("times", as: ValueParser<Double>.number.atLeast(0))
                    guard let at, let length, let times else { return nil }
                    return RateProfile.Peak(start: SimTime.zero + at, duration: length, multiplier: times)
                } ?? []
            guard let workload, let rate, let arrivals else { return nil }
            do throws(DistributionError) {
                let profile: RateProfile
                if let diurnal, diurnal.count == 24 {
                    profile = try RateProfile(
                        segments: diurnal.enumerated().map {
                            RateProfile.Segment(start: .hours($0.offset), ratePerSecond: rate * $0.element)
                        },
                        period: .hours(24),
                        peaks: peaks,
                        shape: shape == "linear" ? .linear : .steps
                    )
                } else {
                    profile = try RateProfile(
                        segments: [RateProfile.Segment(start: .zero, ratePerSecond: rate)],
                        peaks: peaks
                    )
                }
                return WorkloadDemand(workloadClass: workload, rate: profile, arrivals: arrivals)
            } catch {
                let problem = Self.rateProfileProblem(error)
                demand.error(
                    "invalid '\(problem.key)' in \(demand.context): \(problem.message)",
                    at: demand.node.nodeIfPresent(at: ScenarioPath(problem.path)) ?? demand.node
                )
                return nil
            }
        }
        diagnostics.append(contentsOf: local)
        guard let location, let demands else { return nil }
        return PopulationSpec(
            name: name,
            location: location,
            clientKind: Self.clientKinds[clients] ?? .homeBroadband,
            accessBitsPerSecond: access,
            lines: lines,
            allowedRegions: allowed,
            demands: demands
        )
    }

    /// A population's `line`: one rate distribution for every client (`line: uniform(30 Mbps,
    /// 300 Mbps)`), or a list of access technologies, each `{name, share, rate}`. Nil when
    /// absent or invalid (reported).
    static func readLines(_ population: inout MappingReader) -> ClientLineMix? {
        guard population.contains("line") else { return nil }
        guard let written = population.node("line")?.sequenceElements else {
            return population.optional("line", as: .distribution(of: .dataRate)).map(ClientLineMix.init(bitsPerSecond:))
        }
        let technologies = population.mappings("line", element: "line") { line -> ClientLineMix.Technology? in
            let name = line.required("name", as: .name)
            let share = line.required("share", as: .fraction)
            let rate = line.required("rate", as: .distribution(of: .dataRate))
            guard let name, let share, let rate else { return nil }
            return ClientLineMix.Technology(name: name, share: share, bitsPerSecond: rate)
        }
        // A technology that failed to read is reported already; its shares are not checked.
        guard let technologies, technologies.count == written.count else { return nil }
        return ClientLineMix(technologies: technologies)
    }

    /// A rate profile's error as the scenario key at fault (`diurnal[3]`, `peaks[0].times`),
    /// the path to it, and what is wrong: the profile's segments are `rate` times each
    /// `diurnal` factor, its peaks are `peaks`.
    static func rateProfileProblem(_ error: DistributionError) -> (key: String, path: [String], message: String) {
        let parameter = error.parameter
        guard let open = parameter.firstIndex(of: "["), let close = parameter.firstIndex(of: "]"),
            let index = Int(parameter[parameter.index(after: open)..<close])
        else {
            let key = parameter == "period" ? "diurnal" : "rate"
            return (key, [key], error.problem)
        }
        if parameter.hasPrefix("segments") {
            return ("diurnal[\(index)]", ["diurnal", "\(index)"], "'rate' times this factor \(error.problem)")
        }
        let key = parameter.hasSuffix("duration") ? "for" : "times"
        return ("peaks[\(index)].\(key)", ["peaks", "\(index)", key], error.problem)
    }

    mutating func readRouting(_ top: inout MappingReader) -> (RoutingPolicy?, RetryPolicy?) {
        var local = Diagnostics()
        if let node = top.node("routing") {
            elements[.routing] = node
            if let retry = node.entry("retry")?.value { elements[.retry] = retry }
        }
        let read = top.mapping("routing") { routing -> (RoutingPolicy?, RetryPolicy?) in
            let policy = routing.optional("policy", as: .oneOf(RoutingPolicy.names), default: "nearest-healthy")
            var weights: [String: Double] = [:]
            if let node = routing.node("weights") {
                if let entries = node.mappingEntries {
                    for entry in entries {
                        if !self.siteNames.contains(entry.key) {
                            local.error(
                                "'weights' in routing names unknown site '\(entry.key)'",
                                at: entry.keyLocation,
                                suggestion: self.suggestion(for: entry.key, among: self.siteNames)
                            )
                        }
                        switch ValueParser<Double>.number.parse(entry.value) {
                        case .success(let weight): weights[entry.key] = weight
                        case .failure(let error):
                            local.error("invalid weight of '\(entry.key)': \(error.message)", at: entry.value.location)
                        }
                    }
                } else {
                    routing.error(
                        "expected a mapping of site name to weight for 'weights', got \(node.summary)",
                        at: node
                    )
                }
            }
            if policy == "weighted", weights.isEmpty {
                routing.error("the weighted policy needs 'weights': a mapping of site name to weight")
            }
            let retry =
                routing.mapping("retry") { retry in
                    RetryPolicy(
                        maxAttempts: retry.optional("attempts", as: .count, default: 1),
                        backoff: retry.optional("backoff", as: .simDuration, default: .milliseconds(100)),
                        multiplier: retry.optional("multiplier", as: .number, default: 2),
                        cap: retry.optional("cap", as: .simDuration, default: .seconds(10)),
                        jitter: retry.bool("jitter", default: true)
                    )
                } ?? RetryPolicy.none
            let routingPolicy: RoutingPolicy? =
                switch policy {
                case "nearest-healthy": .nearestHealthy
                case "lowest-latency": .lowestLatency
                case "power-of-two": .powerOfTwoChoices
                case "weighted": .weighted(weights)
                case "shared-first": .sharedFirst
                default: nil
                }
            return (routingPolicy, retry)
        }
        diagnostics.append(contentsOf: local)
        return read ?? (.nearestHealthy, RetryPolicy.none)
    }

    mutating func readFailures(_ top: inout MappingReader) -> ([ScheduledOutage]?, [RandomFailureSpec]?) {
        var outages: [ScheduledOutage] = []
        var random: [RandomFailureSpec] = []
        var local = Diagnostics()
        let targetKeys = ["zone", "region", "edge_site", "link", "group"]
        var linkNames = ReferenceNames(
            regionNames.ordered.map { "\($0).egress" } + regionNames.ordered.map { "\($0).ingress" }
                + edgeNames.ordered.map { "\($0).uplink" } + populationNames.ordered.map { "\($0).access" }
        )
        linkNames.append(contentsOf: drawnLinkNames)
        _ = top.mappings("failures", element: "failure") { failure -> Bool? in
            let present = targetKeys.filter { failure.contains($0) }
            guard present.count == 1, let key = present.first, let name = failure.required(key, as: .name) else {
                failure.ignore("zone", "region", "edge_site", "link", "group", "at", "for", "mtbf", "mttr", "slowdown")
                failure.error(
                    "a failure needs exactly one of 'zone', 'region', 'edge_site', 'link' or 'group', got "
                        + "\(present.isEmpty ? "none" : present.joined(separator: ", "))"
                )
                return nil
            }
            let target: FailureTarget =
                switch key {
                case "zone": .zone(name)
                case "region": .region(name)
                case "edge_site": .edgeSite(name)
                case "group": .group(name)
                default: .link(name)
                }
            let known: ReferenceNames =
                switch key {
                case "zone": self.zoneNames
                case "region": self.regionNames
                case "edge_site": self.edgeNames
                case "group": self.groupNames
                default: linkNames
                }
            if !known.contains(name), let node = failure.entry(key)?.value {
                local.error(
                    "failure refers to unknown \(key.replacingOccurrences(of: "_", with: " ")) '\(name)'",
                    at: node.location,
                    suggestion: self.suggestion(for: name, among: known)
                )
            }
            if failure.contains("slowdown") {
                let factor = failure.required("slowdown", as: ValueParser<Double>.number.positive)
                if failure.contains("mtbf") || failure.contains("mttr") {
                    failure.ignore("mtbf", "mttr")
                    failure.error("a slowdown needs 'at' and 'for', not 'mtbf' and 'mttr'")
                }
                let at = failure.required("at", as: .simDuration)
                let length = failure.required("for", as: .simDuration)
                let element = SpecElement.slowdown(self.slowdowns.count, of: target)
                self.elements[element] = failure.node
                if let factor, let at, let length {
                    do throws(SpecError) {
                        self.slowdowns.append(
                            try ScheduledSlowdown(
                                target: target,
                                start: SimTime.zero + at,
                                duration: length,
                                factor: factor,
                                element: element
                            )
                        )
                    } catch {
                        report(error, in: &failure)
                    }
                }
            } else if failure.contains("mtbf") || failure.contains("mttr") {
                let mtbf = failure.required("mtbf", as: .simDuration)
                let mttr = failure.required("mttr", as: .simDuration)
                failure.ignore("at", "for")
                let element = SpecElement.randomFailure(random.count, of: target)
                self.elements[element] = failure.node
                if let mtbf, let mttr {
                    do throws(SpecError) {
                        random.append(
                            try RandomFailureSpec(
                                target: target,
                                mtbfHours: mtbf.seconds / 3_600,
                                mttrHours: mttr.seconds / 3_600
                            )
                        )
                    } catch {
                        report(error.attributed(to: element), in: &failure)
                    }
                }
            } else {
                let at = failure.required("at", as: .simDuration)
                let length = failure.required("for", as: .simDuration)
                let element = SpecElement.outage(outages.count, of: target)
                self.elements[element] = failure.node
                if let at, let length {
                    do throws(SpecError) {
                        outages.append(try ScheduledOutage(target: target, start: SimTime.zero + at, duration: length))
                    } catch {
                        report(error.attributed(to: element), in: &failure)
                    }
                }
            }
            return true
        }
        diagnostics.append(contentsOf: local)
        return (outages, random)
    }

    mutating func readVariants(_ top: inout MappingReader) -> [ScenarioVariant] {
        top.named("variants", element: "variant") { variant, name -> ScenarioVariant? in
            let description = variant.optional("description", as: .string, default: "")
            var overrides: [(path: ScenarioPath, value: ScenarioNode)] = []
            if let set = variant.node("set") {
                if let entries = set.mappingEntries {
                    for entry in entries {
                        guard let path = ScenarioPath(parsing: entry.key) else {
                            variant.error(
                                "invalid path '\(entry.key)' in variant '\(name)'",
                                at: ScenarioNode.null(at: entry.keyLocation)
                            )
                            continue
                        }
                        overrides.append((path, entry.value))
                    }
                } else {
                    variant.error(
                        "expected a mapping of path to value for 'set' in variant '\(name)', got \(set.summary)",
                        at: set
                    )
                }
            } else {
                variant.error("missing required field 'set' in variant '\(name)'")
            }
            return ScenarioVariant(name: name, description: description, overrides: overrides)
        } ?? []
    }

    mutating func readSweep(_ top: inout MappingReader) -> ScenarioSweep? {
        top.mapping("sweep") { sweep -> ScenarioSweep? in
            let pathText = sweep.required("path", as: .string)
            let values = sweep.sequence("values", required: true)
            guard let pathText, let values else { return nil }
            guard let path = ScenarioPath(parsing: pathText) else {
                sweep.error("invalid 'path' in sweep: '\(pathText)'")
                return nil
            }
            if values.isEmpty { sweep.error("'values' in sweep needs at least one value") }
            return ScenarioSweep(path: path, values: values)
        } ?? nil
    }
}
