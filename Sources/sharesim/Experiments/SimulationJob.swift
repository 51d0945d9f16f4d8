import Foundation
import Scenario
import ShareModel
import SimCore

/// One simulation to run: a scenario, its variant and settings, one replication. Sent to a
/// worker process as JSON, or run in this process; either way the result is the same bytes.
struct SimulationJob: Codable, Hashable, Sendable {
    /// A `PATH=VALUE` override (a sweep point or `--set`).
    struct Setting: Codable, Hashable, Sendable {
        var path: String
        var value: String
    }

    var scenario: ScenarioReference
    /// The position of this job's entry in a comparison (0 otherwise), so that a scenario
    /// compared with itself keeps two entries.
    var entry: Int = 0
    var variant: String
    var settings: [Setting]
    /// The replication, from 1.
    var replication: Int
    /// The scenario's base seed, or the one given with `--seed`.
    var baseSeed: UInt64?
    /// A measured duration replacing the scenario's, in seconds.
    var durationSeconds: Double?
    /// The job's position in its command's list, so merged shards keep the command's order.
    var order: Int = 0
    /// A stable hash of the scenario's resolved document (its `extends` included), part of
    /// the id, so `--resume` never reuses a result computed before the file was edited.
    var scenarioDigest: String = ""

    /// A stable identifier: the same job gets the same id in every process and run.
    var id: String {
        var parts = entry == 0 ? [] : ["entry=\(entry)"]
        parts.append("variant=\(variant)")
        parts += settings.map { "\($0.path)=\($0.value)" }
        parts.append("rep=\(replication)")
        if !scenarioDigest.isEmpty { parts.append("scenario=\(scenarioDigest)") }
        return parts.joined(separator: "/")
    }

    /// The scenario with this job's variant, settings and duration applied.
    func resolvedScenario() throws -> Scenario {
        var scenario = try scenario.load().applying(variant: variant)
        for setting in settings {
            guard let path = ScenarioPath(parsing: setting.path) else {
                throw CommandFailure.usage("invalid path '\(setting.path)'")
            }
            let location = SourceLocation(file: "--set", line: 1, column: 1)
            scenario = try scenario.setting(path, to: .scalar(setting.value, at: location), at: location)
        }
        if let durationSeconds { scenario.spec.duration = .seconds(durationSeconds) }
        if let baseSeed { scenario.seed = baseSeed }
        return scenario
    }

    /// Runs the job and returns the job with its results as one line of JSON (a
    /// ``JobResult``), so that results files describe themselves.
    func run(progress: ((_ simulated: SimTime, _ end: SimTime, _ events: UInt64) -> Void)? = nil) throws -> String {
        let scenario = try resolvedScenario()
        var simulation = try ModelRun.prepare(scenario.spec, seed: scenario.seed(forReplication: replication))
        if let progress {
            // Run in 1/200ths of the span so the caller can show how far it got.
            let end = simulation.model.runEnd
            let chunk = SimDuration(nanoseconds: max(1, end.nanoseconds / 200))
            while simulation.now < end {
                simulation.run(until: min(end, simulation.now + chunk))
                progress(simulation.now, end, simulation.scheduler.eventCount)
            }
        }
        let results = ModelRun.finish(&simulation)
        return try JobCoding.encode(
            JobResult(
                job: self,
                scenarioName: scenario.name,
                scenarioDescription: scenario.description,
                results: results
            )
        )
    }
}

/// What one job produced, with the job itself: a line of a results file.
struct JobResult: Codable, Sendable {
    var job: SimulationJob
    var scenarioName: String
    var scenarioDescription: String
    var results: ModelResults
}

/// The JSON form of jobs and results: sorted keys, so equal values give equal bytes.
enum JobCoding {
    static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
