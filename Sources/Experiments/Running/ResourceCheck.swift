public import HostRuntime
public import Scenario
import ShareModel

/// The check a plan passes before any simulation starts: each distinct simulation's memory
/// estimate must fit its share of this machine, and a run that will take long is announced.
///
/// See ``ShareModel/ResourceEstimate`` for what is counted.
public struct ResourceCheck: Sendable {
    /// This machine's memory (bytes).
    public var machineBytes: Double
    /// How many simulations run at once.
    public var simultaneous: Int
    /// Whether to go on when a simulation does not fit (`--force`).
    public var force: Bool

    /// Events per simulation from which a warning says how long it will take.
    public static let longRunEvents = 1e9
    /// The range of speeds the whole model typically runs at (events per second), for the
    /// warning: measured with `sharesim bench model` on the development machine.
    public static let typicalEventsPerSecond = 1e6...5e6

    /// The part of the machine's memory simulations may use together.
    public static let usableFraction = 0.75

    /// The memory each simulation may use (bytes): an equal share of the usable part.
    public var shareBytes: Double { machineBytes * Self.usableFraction / Double(simultaneous) }

    /// A check of `simultaneous` simulations on a machine of `machineBytes` bytes.
    public init(machineBytes: Double = MachineMemory.bytes, simultaneous: Int, force: Bool) {
        self.machineBytes = machineBytes
        self.simultaneous = max(1, simultaneous)
        self.force = force
    }

    /// Checks each distinct simulation of `plan` (replications share one check).
    ///
    /// - Returns: warnings to show before the run: one per distinct simulation that will take
    ///   long, and one per simulation that does not fit when `force`.
    /// - Throws: ``Scenario/ScenarioError`` at the field that asks for the most memory, for each
    ///   simulation that does not fit (unless `force`); errors resolving a job's scenario.
    public func check(_ plan: ExperimentPlan) throws -> [String] {
        var seen: Set<String> = []
        var simulations: [(label: String, scenario: Scenario)] = []
        for job in plan.jobs {
            var key = job
            key.replication = 1
            guard seen.insert(key.id + "|" + key.scenario.location).inserted else { continue }
            simulations.append((job.label, try job.resolvedScenario()))
        }
        return try check(simulations)
    }

    /// Checks each of `simulations`, labelled for warnings; see the plan check above.
    public func check(_ simulations: [(label: String, scenario: Scenario)]) throws(ScenarioError) -> [String] {
        var warnings: [String] = []
        var refusals = Diagnostics()
        for (label, scenario) in simulations {
            let estimate = scenario.spec.resourceEstimate
            if estimate.bytes > shareBytes, let largest = estimate.items.first {
                let message =
                    "'\(largest.field)' in \(largest.element): \(largest.what) need about "
                    + "\(MachineMemory.text(estimate.bytes)) in one simulation; \(shareText) (use --force to try)"
                if force {
                    warnings.append(message)
                } else {
                    refusals.error(message, at: scenario.location(of: largest.element, largest.field))
                }
            }
            if estimate.events >= Self.longRunEvents {
                let fastest = estimate.events / Self.typicalEventsPerSecond.upperBound
                let slowest = estimate.events / Self.typicalEventsPerSecond.lowerBound
                warnings.append(
                    "\(label): about \(HumanNumbers.compact(estimate.events)) events per simulation, "
                        + "\(Self.durationText(fastest)) to \(Self.durationText(slowest)) each at the "
                        + "1-5 M events/s the model typically runs"
                )
            }
        }
        try refusals.throwIfErrors()
        return warnings
    }

    /// `this machine has 24 GiB, 18 GiB for simulations`, or with several at once
    /// `... for 2 simulations at once (9 GiB each)`.
    private var shareText: String {
        let machine = MachineMemory.text(machineBytes)
        let usable = MachineMemory.text(machineBytes * Self.usableFraction)
        return simultaneous == 1
            ? "this machine has \(machine), \(usable) for simulations"
            : "this machine has \(machine), \(usable) for \(simultaneous) simulations at once "
                + "(\(MachineMemory.text(shareBytes)) each)"
    }

    /// `40 s`, `12 min`, `3.5 h`, `2.1 days`.
    static func durationText(_ seconds: Double) -> String {
        if seconds < 120 { return HumanNumbers.fixed(seconds, decimals: 0) + " s" }
        if seconds < 7_200 { return HumanNumbers.fixed(seconds / 60, decimals: 0) + " min" }
        if seconds < 172_800 { return HumanNumbers.fixed(seconds / 3_600, decimals: 1) + " h" }
        return HumanNumbers.fixed(seconds / 86_400, decimals: 1) + " days"
    }
}
