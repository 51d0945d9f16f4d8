import ArgumentParser
import HostRuntime

/// How a benchmark prints its result.
enum BenchFormat: String, ExpressibleByArgument, CaseIterable {
    /// One human line.
    case text
    /// One JSON object on one line.
    case json
}

/// The `--queue` flag: which pending-event set to benchmark.
enum QueueArgument: String, ExpressibleByArgument, CaseIterable {
    case heap
    case ladder

    /// The runtime's name for the choice.
    var choice: PendingSetChoice {
        switch self {
        case .heap: .heap
        case .ladder: .ladder
        }
    }
}

/// Options every `sharesim bench` command takes.
struct BenchOptions: ParsableArguments {
    @Option(help: "Output format: text (one line) or json (one object).")
    var format: BenchFormat = .text

    @Option(help: "Pending-event set: ladder (ladder queue, the default) or heap (4-ary heap, 24 bytes per event).")
    var queue: QueueArgument = .ladder

    @Option(help: "Seed of the benchmark's random streams (0 to 2^64-1).")
    var seed: UInt64 = 1
}
