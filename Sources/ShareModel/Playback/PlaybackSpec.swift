public import SimCore

/// How a stream is watched: a player that fetches the video in segments ahead of its
/// playhead, starts once it holds a start-up buffer, stalls (rebuffers) when the buffer runs
/// dry, and a viewer who watches for a drawn time (many leave early).
///
/// Times are seconds of media (at the stream's bitrate a segment of `segmentSeconds` is
/// `segmentSeconds × bitrate / 8` bytes). The player asks for one segment at a time: each
/// request pays a round trip to the source before its bytes flow, and it asks for the next
/// as soon as that segment would fit in `bufferAheadSeconds`.
public struct PlaybackSpec: Hashable, Sendable {
    /// Media per segment (HLS and DASH use 2 to 10 s; default 4 s).
    public var segmentSeconds: Double
    /// Media the player holds before playback starts (default 4 s, one segment).
    public var startupSeconds: Double
    /// Media the player holds before it resumes after a stall (default: the start-up buffer).
    public var resumeSeconds: Double
    /// The most media the player fetches ahead of its playhead (default 30 s).
    public var bufferAheadSeconds: Double
    /// How long a viewer watches, in seconds of media, drawn per session and cut at the
    /// video's end; nil for the whole video.
    public var watchSeconds: SampledDistribution?
    /// The renditions the player chooses among, in bits per second, strictly ascending, the
    /// top one the stream's bitrate; empty for one rendition (the bitrate). Each segment's
    /// rendition is chosen from the buffer the player holds when it asks for it (see
    /// ``PlayerBuffers/rung(forBuffer:rates:)``).
    public var ladderBitsPerSecond: [Double]

    /// A player with the given buffers, segments and viewing time.
    public init(
        segmentSeconds: Double = 4,
        startupSeconds: Double = 4,
        resumeSeconds: Double? = nil,
        bufferAheadSeconds: Double = 30,
        watchSeconds: SampledDistribution? = nil,
        ladderBitsPerSecond: [Double] = []
    ) {
        self.ladderBitsPerSecond = ladderBitsPerSecond
        self.segmentSeconds = segmentSeconds
        self.startupSeconds = startupSeconds
        self.resumeSeconds = resumeSeconds ?? startupSeconds
        self.bufferAheadSeconds = bufferAheadSeconds
        self.watchSeconds = watchSeconds
    }
}
