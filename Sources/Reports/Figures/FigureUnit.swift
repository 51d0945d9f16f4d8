/// The unit of a figure: how its numbers are scaled for people and labelled in CSV.
///
/// Every figure is stored in its base unit (seconds, bytes, bits per second, fractions 0...1).
public enum FigureUnit: String, Hashable, Sendable, Codable, CaseIterable {
    /// Requests per second.
    case requestsPerSecond
    /// Bits per second.
    case bitsPerSecond
    /// Seconds (latencies, waits, stalls).
    case seconds
    /// A fraction in 0...1, shown as a percentage.
    case fraction
    /// A count of events (requests, retries).
    case count
    /// A mean number waiting, in requests.
    case requests
    /// Bytes (decimal scales: 1 GB = 10⁹ B).
    case bytes
    /// Money, in the price list's currency-agnostic units (shown with ¤).
    case money
    /// Cores (capacity).
    case cores
    /// Devices (pool size).
    case devices
    /// Credits earned by shared devices.
    case credits

    /// The unit as written in CSV headers and the `unit` column: `req/s`, `bit/s`, `s`, …
    public var symbol: String {
        switch self {
        case .requestsPerSecond: "req/s"
        case .bitsPerSecond: "bit/s"
        case .seconds: "s"
        case .fraction: "fraction"
        case .count: "count"
        case .requests: "requests"
        case .bytes: "B"
        case .money: "money"
        case .cores: "cores"
        case .devices: "devices"
        case .credits: "credits"
        }
    }
}
