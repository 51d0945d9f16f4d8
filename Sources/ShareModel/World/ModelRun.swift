public import SimCore

/// Runs a whole model from a spec and a seed to its end and returns what it measured.
public enum ModelRun {
    /// Builds the model for `spec` and `seed`, runs it to the end of the warm-up plus the
    /// duration, and returns the results.
    ///
    /// - Throws: ``SpecErrors`` if the spec is invalid; nothing is run then.
    /// - Complexity: the run's events × O(log pending) for the default pending-event set.
    public static func run(_ spec: ModelSpec, seed: UInt64) throws(SpecErrors) -> ModelResults {
        var simulation = try prepare(spec, seed: seed)
        return finish(&simulation)
    }

    /// The model for `spec` and `seed`, started, in a simulation ready to run; for callers
    /// that run it in steps (progress, live mode) and then call ``finish(_:)``.
    public static func prepare(
        _ spec: ModelSpec,
        seed: UInt64
    ) throws(SpecErrors) -> Simulation<WorldModel, DefaultPendingEventSet> {
        let model = try WorldModel(spec: spec, seed: seed)
        var simulation = Simulation(model: model)
        simulation.model.start(scheduler: &simulation.scheduler)
        return simulation
    }

    /// Runs `simulation` to the model's end (from wherever it is) and returns the results.
    public static func finish(_ simulation: inout Simulation<WorldModel, DefaultPendingEventSet>) -> ModelResults {
        let end = simulation.model.runEnd
        _ = simulation.run(until: end)
        return simulation.model.results(at: end, events: simulation.scheduler.eventCount)
    }
}
