import SimCore

/// What one drawn link carried, as an interface counter would: the bytes that crossed it
/// (whatever became of their transfers) and the flows on it, per interval of the series.
///
/// Bytes are exact: the bytes of ended flows plus the bytes active flows have delivered so
/// far, read at the start of the measured span and at every interval boundary
/// (``WorldModel/carriedBytes(ofDrawnLink:at:)``), so an interval's bytes are the
/// difference of two readings.
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

    /// The utilisation of `bytes` carried in `seconds` on a link of `capacity` bit/s, 0...1.
    ///
    /// A saturated link's bytes are summed from rates that add up to its capacity, so the
    /// quotient may exceed 1 by a rounding error; that error (below 1e-9) is removed, any
    /// larger excess is left to show.
    static func utilisation(bytes: Double, capacity: Double, seconds: Double) -> Double {
        guard seconds > 0 else { return 0 }
        let value = bytes * 8 / (capacity * seconds)
        return value > 1 && value < 1 + 1e-9 ? 1 : value
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
