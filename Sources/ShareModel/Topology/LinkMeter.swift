import SimCore

/// What one drawn link carried, as an interface counter would: the bytes that crossed it
/// (whatever became of their transfers) and the flows on it, per interval of the series.
///
/// Bytes are exact: the bytes of ended flows plus the bytes active flows have delivered so
/// far, read at the start of the measured span and at every interval boundary
/// (``cumulativeBytes``), so an interval's bytes are the difference of two readings.
struct LinkMeter: Sendable {
    /// Bytes delivered over the link by flows that have ended (completed or aborted), since
    /// the run began.
    var endedBytes: Double = 0
    /// The readings of the link's carried bytes (``endedBytes`` plus the active flows'
    /// delivered bytes) at the end of the warm-up and at each interval boundary after it,
    /// in order.
    var readings: [Double] = []
    /// Active flows on the link, time-weighted per interval from the end of the warm-up.
    var flows: TimeWeightedSeries

    /// A meter whose flow series has intervals of `interval` from `origin` (the end of the warm-up).
    init(interval: SimDuration, origin: SimTime) {
        flows = TimeWeightedSeries(initialValue: 0, interval: interval, origin: origin)
    }
}

/// One drawn link's figures in one interval of the series.
public struct IntervalLinkPoint: Hashable, Sendable, Codable {
    /// Bytes that crossed the link in the interval.
    public var bytes: Double
    /// Those bytes' bits over capacity × the interval's length, 0...1.
    public var utilisation: Double
    /// Active flows on the link, time-weighted within the interval.
    public var meanFlows: Double

    /// A point with nothing carried.
    static let idle = IntervalLinkPoint(bytes: 0, utilisation: 0, meanFlows: 0)

    /// A point of `bytes`, `utilisation` (0...1) and `meanFlows`.
    public init(bytes: Double, utilisation: Double, meanFlows: Double) {
        self.bytes = bytes
        self.utilisation = utilisation
        self.meanFlows = meanFlows
    }
}
