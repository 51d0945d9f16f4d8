/// How a stream class's viewers fared, as video engineers measure it: start-up delay (press
/// play to first frame), rebuffering (stalls after playback started), and the share of
/// sessions that stalled at all. Over the measured sessions that were served (the viewer
/// watched what they meant to).
public struct PlaybackResults: Hashable, Sendable, Codable {
    /// Served sessions.
    public var sessions: UInt64
    /// Start-up delay percentiles and mean, in seconds; nil when no session started.
    public var startupP50: Double?
    public var startupP90: Double?
    public var startupP99: Double?
    public var startupMean: Double?
    /// Stalls after playback started, over sessions; nil with no session.
    public var rebuffersPerSession: Double?
    /// Stalled time over viewing time (watched media plus stalls), 0...1: the rebuffering
    /// ratio; nil with no session.
    public var rebufferRatio: Double?
    /// The share of sessions with at least one stall, 0...1; nil with no session.
    public var rebufferedShare: Double?
    /// Seconds of media watched, and of stalls, summed over sessions.
    public var watchedSeconds: Double
    public var stallSeconds: Double
    /// The mean bitrate of the media received, in bit/s (each segment at its rendition's
    /// rate, weighted by its length); nil with nothing received.
    public var averageBitrate: Double?

    /// Results of `sessions` served sessions with the given start-up percentiles (nil when
    /// none started), stalls, stalled sessions and watched and stalled seconds.
    public init(
        sessions: UInt64,
        startup: (p50: Double, p90: Double, p99: Double, mean: Double)?,
        rebuffers: UInt64,
        rebufferedSessions: UInt64,
        watchedSeconds: Double,
        stallSeconds: Double,
        receivedMediaSeconds: Double = 0,
        receivedMediaBits: Double = 0
    ) {
        averageBitrate = receivedMediaSeconds > 0 ? receivedMediaBits / receivedMediaSeconds : nil
        self.sessions = sessions
        startupP50 = startup?.p50
        startupP90 = startup?.p90
        startupP99 = startup?.p99
        startupMean = startup?.mean
        self.watchedSeconds = watchedSeconds
        self.stallSeconds = stallSeconds
        guard sessions > 0 else { return }
        rebuffersPerSession = Double(rebuffers) / Double(sessions)
        rebufferedShare = Double(rebufferedSessions) / Double(sessions)
        let viewing = watchedSeconds + stallSeconds
        rebufferRatio = viewing > 0 ? stallSeconds / viewing : 0
    }
}
