internal import SimCore

/// A figure's mean over replications with its 95% confidence half-width.
///
/// `halfWidth95` is the Student-t half-width `t(0.975, n − 1) × s / √n` in the figure's own
/// unit; it is nil with a single replication (no spread to measure). `n` counts the
/// replications the figure was defined in (a latency has none in a run that served nothing).
public struct Estimate: Hashable, Sendable, Codable {
    /// The mean over replications, in the figure's unit.
    public var mean: Double
    /// Half the width of the 95% confidence interval, in the figure's unit; nil when n < 2.
    public var halfWidth95: Double?
    /// The number of replications behind the mean; at least 1.
    public var n: Int

    /// Creates an estimate from its parts.
    public init(mean: Double, halfWidth95: Double?, n: Int) {
        self.mean = mean
        self.halfWidth95 = halfWidth95
        self.n = n
    }

    /// The estimate of `values`, one per replication; nil when `values` is empty.
    ///
    /// The mean is Welford's; the half-width is ``ConfidenceInterval``'s at 95%.
    public init?(values: [Double]) {
        guard !values.isEmpty else { return nil }
        let interval = ConfidenceInterval.of(values, level: 0.95)
        mean = interval.mean
        halfWidth95 = values.count > 1 && interval.halfWidth.isFinite ? interval.halfWidth : nil
        n = values.count
    }

    /// The lower end of the interval, or the mean when there is no interval.
    public var lower: Double { mean - (halfWidth95 ?? 0) }

    /// The upper end of the interval, or the mean when there is no interval.
    public var upper: Double { mean + (halfWidth95 ?? 0) }

    private enum CodingKeys: String, CodingKey { case mean, halfWidth95, n }

    /// Encodes `mean`, `halfWidth95` (null with one replication) and `n`, in that order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mean, forKey: .mean)
        try container.encode(halfWidth95, forKey: .halfWidth95)
        try container.encode(n, forKey: .n)
    }

    /// Decodes an estimate written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        mean = try container.decode(Double.self, forKey: .mean)
        halfWidth95 = try container.decodeIfPresent(Double.self, forKey: .halfWidth95)
        n = try container.decode(Int.self, forKey: .n)
    }
}
