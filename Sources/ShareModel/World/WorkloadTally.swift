import SimCore

/// The ranges of what a workload class counts.
enum WorkloadTallyLimits {
    /// The longest latency a class's histogram keeps as itself.
    static let latencyRange = SimDuration.hours(24)
}

/// What the model counts for one workload class while measuring.
struct WorkloadTally: Sendable {
    var arrived: UInt64 = 0
    var served: UInt64 = 0
    var rejected: UInt64 = 0
    var failed: UInt64 = 0
    var retries: UInt64 = 0
    var preemptions: UInt64 = 0
    var servedByRegion: [UInt64]
    var servedByEdge: UInt64 = 0
    var servedByShared: UInt64 = 0
    var servedByOrigin: UInt64 = 0
    var latency = LatencyHistogram(highestTrackable: WorkloadTallyLimits.latencyRange)
    /// The same latencies in the buckets `/metrics` exports and in the dashboard's sliding
    /// window; only in a live run (see ``WorldModel/recordLiveLatency()``).
    var live: LiveLatencyTally?
    /// Every latency recorded, in order, only when a test sets it to `[]` (nil: nothing kept).
    var latencyLog: [SimDuration]?
    var sloMet: UInt64 = 0
    var bytes: Double = 0
    /// Measured request bytes its transactions carried up to their zones.
    var bytesUp: Double = 0
    var stallSeconds: Double = 0
    /// Streams: seconds of media watched, stalls after playback started, sessions with at
    /// least one, and start-up delays (created at the first served stream).
    var watchedSeconds: Double = 0
    /// Streams: media received, in seconds and in bits at its renditions' rates.
    var receivedMediaSeconds: Double = 0
    var receivedMediaBits: Double = 0
    var rebuffers: UInt64 = 0
    var rebufferedSessions: UInt64 = 0
    var startupDelay: LatencyHistogram?
    /// Time to first byte of served requests (created at the first).
    var firstByte: LatencyHistogram?
    var wastedCPUSeconds: Double = 0
    /// Attempts that reached a site that was down.
    var sentToDeadSites: UInt64 = 0
    /// Served requests that needed more than one attempt, and their time before the last
    /// attempt (failed attempts and backoffs), summed in seconds.
    var retriedServed: UInt64 = 0
    var retryDelaySeconds: Double = 0
    /// Measured arrivals per interval.
    var arrivedSeries: IntervalSeries
    /// Served requests per interval, with their latencies in seconds as the sum.
    var servedSeries: IntervalSeries
    /// Bytes delivered per interval (as the sum).
    var bytesSeries: IntervalSeries
    /// Requests lost for good per interval.
    var lostSeries: IntervalSeries
    /// Latency p50 and p99 of the requests served in each interval.
    var latencyQuantiles: IntervalQuantiles
    /// The fate of the requests that arrived while something was down.
    var duringOutages = OutageTally()

    init(regionCount: Int, interval: SimDuration, origin: SimTime) {
        servedByRegion = Array(repeating: 0, count: regionCount)
        arrivedSeries = IntervalSeries(interval: interval, origin: origin)
        servedSeries = IntervalSeries(interval: interval, origin: origin)
        bytesSeries = IntervalSeries(interval: interval, origin: origin)
        lostSeries = IntervalSeries(interval: interval, origin: origin)
        latencyQuantiles = IntervalQuantiles(interval: interval, origin: origin)
    }
}

/// What the model counts about the measured requests of one class that arrived while a zone,
/// edge site or link was down, whenever they ended.
struct OutageTally: Sendable {
    var arrived: UInt64 = 0
    var served: UInt64 = 0
    /// Rejected or failed on their last attempt.
    var lost: UInt64 = 0
    /// The latencies of those served; created at the first (a histogram is about 300 KB, which
    /// a scenario without outages, or with a thousand classes, should not pay for).
    var latency: LatencyHistogram?

    /// Records the latency of one of them served.
    mutating func recordServed(_ latency: SimDuration) {
        served += 1
        if self.latency == nil {
            self.latency = LatencyHistogram(highestTrackable: WorkloadTallyLimits.latencyRange)
        }
        self.latency!.record(latency)
    }
}

/// What the model counts for one shared pool while measuring.
struct PoolTally: Sendable {
    var requestsServed: UInt64 = 0
    var bytesServed: Double = 0
    var credits: Double = 0
    var jobsCompleted: UInt64 = 0
    var cpuSeconds: Double = 0
    var preemptions: UInt64 = 0
    var transitionsAtWarmup: UInt64 = 0
}
