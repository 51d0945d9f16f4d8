import SimCore

/// A class's stages resolved to positions: each stage's predecessors and successors, and the
/// one stage the answer leaves from. Built (and checked) from ``RequestStageSpec``s by
/// ``resolve(_:zones:services:)``.
struct RequestGraph: Hashable, Sendable {
    /// The most stages a class may have: a stage's position travels in 8 bits of an event.
    static let maximumStages = 64

    /// Each stage's predecessors, by position, in the order written.
    var predecessors: [[Int]]
    /// Each stage's successors, by position, in stage order.
    var successors: [[Int]]
    /// The stage no other stage follows: the answer leaves from it.
    var sink: Int

    /// The number of stages.
    var count: Int { predecessors.count }

    /// The field of stage `index`'s `key` (`stages[2].after`).
    static func field(_ index: Int, _ key: String) -> SpecField { SpecField("stages").at(index).child(key) }

    /// The graph of `workload`'s stages, checked: names unique, predecessors known and not
    /// repeated, `join` only on a join, no cycle, exactly one last stage, a message only on a
    /// stage with predecessors, zones and services known (`zones`, and `services`, the names
    /// zones offer).
    ///
    /// - Throws: ``SpecError`` at the workload's `stages[i].<key>`, with a suggestion for an
    ///   unknown name when one is close.
    /// - Complexity: O(stages + predecessors) plus suggestions.
    static func resolve(
        _ workload: WorkloadClassSpec,
        zones: KnownNames,
        services: KnownNames
    ) throws(SpecError) -> RequestGraph {
        let element = SpecElement.workload(workload.name)
        let stages = workload.stages
        guard stages.count <= maximumStages else {
            throw SpecError(
                element,
                SpecField("stages"),
                .tooLarge(got: "\(stages.count)", maximum: "\(maximumStages)")
            )
        }
        var position: [String: Int] = [:]
        for (index, stage) in stages.enumerated() {
            if stage.name.isEmpty { throw SpecError(element, field(index, "name"), .emptyName) }
            if position[stage.name] != nil {
                throw SpecError(element, field(index, "name"), .duplicateName(stage.name))
            }
            position[stage.name] = index
        }
        let stageNames = KnownNames(stages.map(\.name))
        var predecessors: [[Int]] = []
        for (index, stage) in stages.enumerated() {
            try checkStage(stage, at: index, element: element, zones: zones, services: services)
            var before: [Int] = []
            if let after = stage.after {
                if after.isEmpty { throw SpecError(element, field(index, "after"), .empty) }
                for (entry, name) in after.enumerated() {
                    let entryField = field(index, "after").at(entry)
                    try stageNames.require(name, element, entryField, kind: "stage")
                    let predecessor = position[name] ?? 0
                    if predecessor == index {
                        throw SpecError(
                            element,
                            entryField,
                            .other("names the stage itself: a request graph has no cycle")
                        )
                    }
                    if before.contains(predecessor) {
                        throw SpecError(element, entryField, .other("names stage '\(name)' twice"))
                    }
                    before.append(predecessor)
                }
            } else if index > 0 {
                before = [index - 1]
            }
            if stage.join != nil, before.count < 2 {
                throw SpecError(
                    element,
                    field(index, "join"),
                    .other("applies only to a stage after several stages; '\(stage.name)' follows \(before.count)")
                )
            }
            if stage.messageBytes != nil, before.isEmpty {
                throw SpecError(
                    element,
                    field(index, "message"),
                    .other("has no sender: the first stage starts from the population, not after a stage")
                )
            }
            predecessors.append(before)
        }
        var successors = Array(repeating: [Int](), count: stages.count)
        for (index, before) in predecessors.enumerated() {
            for predecessor in before { successors[predecessor].append(index) }
        }
        try checkAcyclic(stages, predecessors: predecessors, successors: successors, element: element)
        let sinks = successors.indices.filter { successors[$0].isEmpty }
        if sinks.count > 1 {
            let names = sinks.map { "'\(stages[$0].name)'" }.joined(separator: ", ")
            throw SpecError(
                element,
                field(sinks[0], "name"),
                .other(
                    "is one of several last stages (\(names)): the answer leaves from one stage; "
                        + "make the others lead to it with 'after'"
                )
            )
        }
        return RequestGraph(predecessors: predecessors, successors: successors, sink: sinks.first ?? 0)
    }

    /// Checks one stage's own values: its zone or service known, a time and a message with
    /// finite non-negative means.
    private static func checkStage(
        _ stage: RequestStageSpec,
        at index: Int,
        element: SpecElement,
        zones: KnownNames,
        services: KnownNames
    ) throws(SpecError) {
        switch stage.placement {
        case .zone(let zone):
            try zones.require(zone, element, field(index, "zone"), kind: "zone")
        case .service(let service):
            guard !services.names.isEmpty else {
                throw SpecError(
                    element,
                    field(index, "service"),
                    .other("names service '\(service)', but no zone lists any service in its 'services'")
                )
            }
            guard services.contains(service) else {
                throw SpecError(
                    element,
                    field(index, "service"),
                    .other("names service '\(service)', which no zone lists in its 'services'"),
                    suggestion: NameSuggestion.closest(to: service, among: services.names)
                )
            }
        }
        let mean = stage.service.mean
        guard mean.isFinite, mean >= 0 else {
            throw SpecError(element, field(index, "time"), .other("must have a finite, non-negative mean, got \(mean)"))
        }
        if let message = stage.messageBytes {
            guard message.mean.isFinite, message.mean >= 0 else {
                throw SpecError(
                    element,
                    field(index, "message"),
                    .other("must have a finite, non-negative mean, got \(message.mean) bytes")
                )
            }
            if message.mean > ContentSpec.maximumMeanObjectBytes {
                throw SpecError(
                    element,
                    field(index, "message"),
                    .tooLarge(got: "a mean of \(message.mean) bytes", maximum: "1 TB")
                )
            }
        }
    }

    /// Throws at the first stage (in list order) on a cycle, naming the stages around it.
    private static func checkAcyclic(
        _ stages: [RequestStageSpec],
        predecessors: [[Int]],
        successors: [[Int]],
        element: SpecElement
    ) throws(SpecError) {
        var waiting = predecessors.map(\.count)
        var ready = waiting.indices.filter { waiting[$0] == 0 }
        var done = Array(repeating: false, count: stages.count)
        while let stage = ready.popLast() {
            done[stage] = true
            for successor in successors[stage] {
                waiting[successor] -= 1
                if waiting[successor] == 0 { ready.append(successor) }
            }
        }
        guard let stuck = done.firstIndex(of: false) else { return }
        // Walk back through unfinished predecessors until a stage repeats: that loop is a cycle.
        var path: [Int] = [stuck]
        var current = stuck
        while true {
            guard let next = predecessors[current].first(where: { !done[$0] }) else { break }
            if let start = path.firstIndex(of: next) {
                let loop = [path[start]] + path[(start + 1)...].reversed() + [path[start]]
                let names = loop.map { stages[$0].name }.joined(separator: " -> ")
                throw SpecError(
                    element,
                    field(loop[0], "after"),
                    .other("makes a cycle (\(names)): a request visits each stage once")
                )
            }
            path.append(next)
            current = next
        }
        throw SpecError(element, field(stuck, "after"), .other("makes a cycle: a request visits each stage once"))
    }
}
