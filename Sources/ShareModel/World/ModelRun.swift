public import SimCore

/// Runs a whole model from a spec and a seed to its end and returns what it measured.
public enum ModelRun {
    /// Builds the model for `spec` and `seed`, runs it to the end of the warm-up plus the
    /// duration, and returns the results.
    ///
    /// - Throws: ``SpecErrors`` if the spec is invalid (nothing is run then);
    ///   ``RunLimitBreach`` if the run reaches one of `limits`.
    /// - Complexity: the run's events × O(log pending) for the default pending-event set.
    public static func run(_ spec: ModelSpec, seed: UInt64, limits: RunLimits = .unlimited) throws -> ModelResults {
        var simulation = try prepare(spec, seed: seed, limits: limits)
        return try finish(&simulation)
    }

    /// The model for `spec` and `seed`, started, in a simulation ready to run; for callers
    /// that run it in steps (progress, live mode) and then call ``finish(_:)``. With
    /// `recording`, the sampled requests' records are kept for
    /// ``WorldModel/takeRequestRecords()``.
    public static func prepare(
        _ spec: ModelSpec,
        seed: UInt64,
        limits: RunLimits = .unlimited,
        recording: RequestSampling? = nil
    ) throws(SpecErrors) -> Simulation<WorldModel, DefaultPendingEventSet> {
        var model = try WorldModel(spec: spec, seed: seed)
        model.limits = limits
        if let recording { model.recordRequests(recording) }
        var simulation = Simulation(model: model)
        simulation.model.start(scheduler: &simulation.scheduler)
        return simulation
    }

    /// Runs `simulation` until `time` (at most to the model's end), for callers that run it in
    /// steps between progress reports.
    ///
    /// Call this rather than `simulation.run(until:)` from another module: the run loop is
    /// compiled here, for the model's own pending-event set, so every event handler is
    /// specialised; a loop compiled elsewhere calls the handlers' generic versions, which look
    /// up type metadata on every call (measured: `alibaba-double11`'s orders took 1.3 times the CPU time).
    ///
    /// - Complexity: the events up to `time` × O(1) amortised for the default pending-event set.
    public static func advance(
        _ simulation: inout Simulation<WorldModel, DefaultPendingEventSet>,
        until time: SimTime
    ) {
        _ = simulation.run(until: min(time, simulation.model.runEnd))
    }

    /// Runs `simulation` to the model's end (from wherever it is) and returns the results.
    ///
    /// - Throws: ``RunLimitBreach`` if the run reaches one of its limits (now or before).
    public static func finish(
        _ simulation: inout Simulation<WorldModel, DefaultPendingEventSet>
    ) throws(RunLimitBreach) -> ModelResults {
        let end = simulation.model.runEnd
        if simulation.model.limitBreach == nil { _ = simulation.run(until: end) }
        if let breach = simulation.model.limitBreach { throw breach }
        return simulation.model.results(at: end, events: simulation.scheduler.eventCount)
    }
}
