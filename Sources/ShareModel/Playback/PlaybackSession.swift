import SimCore

/// A player's buffer settings in seconds of media, read per segment (``PlaybackSpec`` without
/// its viewing-time distribution).
struct PlayerBuffers: Sendable {
    var segmentSeconds: Double
    var startupSeconds: Double
    var resumeSeconds: Double
    var bufferAheadSeconds: Double

    init(_ spec: PlaybackSpec) {
        segmentSeconds = spec.segmentSeconds
        startupSeconds = spec.startupSeconds
        resumeSeconds = spec.resumeSeconds
        bufferAheadSeconds = spec.bufferAheadSeconds
    }
}

extension PlayerBuffers {
    /// The rendition (an index into `rates`, ascending) for a segment asked for while the
    /// player holds `buffer` seconds of media: a buffer-based choice in the manner of BBA-0
    /// (Huang et al., SIGCOMM 2014): the lowest while the buffer holds at most one segment
    /// (the reservoir), the highest once it holds the buffer ahead less one segment (all it can
    /// hold when it asks), and between them the highest rendition at or below a rate that rises
    /// linearly with the buffer.
    func rung(forBuffer buffer: Double, rates: [Double]) -> Int {
        guard rates.count > 1 else { return 0 }
        let reservoir = segmentSeconds
        let upper = bufferAheadSeconds - segmentSeconds
        if buffer <= reservoir { return 0 }
        if buffer >= upper || upper <= reservoir { return rates.count - 1 }
        let target = rates[0] + (rates[rates.count - 1] - rates[0]) * (buffer - reservoir) / (upper - reservoir)
        var chosen = 0
        for index in rates.indices where rates[index] <= target { chosen = index }
        return chosen
    }

    /// The rendition for the next segment: the buffer's choice (``rung(forBuffer:rates:)``), or
    /// higher if the last segment came at a throughput that carries a higher one with a 20%
    /// margin (`throughput` in bit/s, 0 before any) — the throughput rule players such as
    /// dash.js use while their buffer is short, so that a fast line does not start low.
    func rung(forBuffer buffer: Double, throughput: Double, rates: [Double]) -> Int {
        var chosen = rung(forBuffer: buffer, rates: rates)
        for index in rates.indices where index > chosen && rates[index] <= 0.8 * throughput { chosen = index }
        return chosen
    }
}

/// One viewer's player: what it has received, where its playhead is, and what it has
/// suffered (start-up delay, stalls). Pure bookkeeping in media seconds and instants; the
/// world model feeds it segment arrivals and does what it answers.
struct PlaybackSession: Sendable {
    /// Where the player stands.
    enum State: UInt8, Sendable {
        /// Filling the start-up buffer.
        case starting
        /// Playing since ``PlaybackSession/clock``.
        case playing
        /// Stalled since ``PlaybackSession/stallStart``, refilling.
        case stalled
        /// Every watched second is in the buffer: nothing more can stall.
        case complete
    }

    /// What the player does after a segment arrives.
    enum Next: Equatable, Sendable {
        /// The watched part is all received: the session ends.
        case complete
        /// Ask for the next segment at this instant (now, or when it fits in the buffer).
        case fetch(at: SimTime)
    }

    /// The video's length and the part watched, in seconds of media.
    let videoSeconds: Double
    let watchSeconds: Double
    /// When the viewer pressed play.
    let created: SimTime
    /// The next segment to ask for (0-based).
    var nextSegment: Int32 = 0
    /// Media received so far, from the start, in seconds.
    var bufferedUntil: Double = 0
    /// The playhead at ``clock``, in seconds of media.
    var playhead: Double = 0
    /// The instant ``playhead`` was last settled (while playing).
    var clock: SimTime
    var state = State.starting
    /// When playback started; nil before.
    var started: SimTime?
    /// When the current stall began.
    var stallStart: SimTime
    /// Stalls after playback started, and their total length in seconds.
    var rebuffers: Int32 = 0
    var rebufferSeconds: Double = 0
    /// Bytes received (every segment that arrived whole).
    var receivedBytes: Double = 0
    /// The current segment's bytes and rendition's rate (bit/s), while it is fetched.
    var segmentBytes: Double = 0
    var segmentRate: Double = 0
    /// The media the player held when it asked for the next segment (its rendition is
    /// chosen from it), in seconds, and when it asked.
    var requestBuffer: Double = 0
    var requestedAt: SimTime
    /// The throughput the last segment came at, from the player's request to its arrival, in
    /// bit/s; 0 before the first.
    var lastThroughput: Double = 0
    /// Media received, in seconds and in bits at their renditions' rates (their ratio is the
    /// average bitrate delivered).
    var receivedMedia: Double = 0
    var receivedMediaBits: Double = 0
    /// The source's sending line and relays, kept for the next segment.
    var sender: LinkID = .none
    var relayPath: Int32 = -1
    var relay: LinkID = .none

    /// A session for a video of `videoSeconds` of which the viewer watches `watchSeconds`
    /// (cut to the video), started at `created`.
    init(videoSeconds: Double, watchSeconds: Double, created: SimTime) {
        self.videoSeconds = max(0, videoSeconds)
        self.watchSeconds = min(max(0, watchSeconds), self.videoSeconds)
        self.created = created
        self.clock = created
        self.stallStart = created
        self.requestedAt = created
    }

    /// The media seconds of segment `index` of `player`'s segments: a whole segment, or what is
    /// left of the video.
    func segmentMedia(_ index: Int32, player: PlayerBuffers) -> Double {
        let start = Double(index) * player.segmentSeconds
        return max(0, min(player.segmentSeconds, videoSeconds - start))
    }

    /// The next segment arrives whole at `arrival` (not before the last arrival): the
    /// playhead moves on to it (a stall starts where the buffer ran dry), the buffer grows,
    /// playback starts or resumes when the buffer allows, and the player says what next.
    mutating func segmentArrived(at arrival: SimTime, player: PlayerBuffers) -> Next {
        advance(to: arrival)
        let media = segmentMedia(nextSegment, player: player)
        bufferedUntil = min(videoSeconds, bufferedUntil + media)
        nextSegment += 1
        receivedBytes += segmentBytes
        receivedMedia += media
        receivedMediaBits += media * segmentRate
        let took = (arrival - requestedAt).seconds
        if took > 0 { lastThroughput = segmentBytes * 8 / took }
        let watchedAll = bufferedUntil >= watchSeconds
        switch state {
        case .starting where watchedAll || bufferedUntil >= player.startupSeconds:
            started = arrival
            state = .playing
            clock = arrival
        case .stalled where watchedAll || bufferedUntil - playhead >= player.resumeSeconds:
            rebufferSeconds += (arrival - stallStart).seconds
            state = .playing
            clock = arrival
        default:
            break
        }
        if watchedAll {
            state = .complete
            return .complete
        }
        guard state == .playing else {
            requestBuffer = bufferedUntil - playhead
            requestedAt = arrival
            return .fetch(at: arrival)
        }
        // The next segment fits once the buffer ahead has room for a whole one.
        let wait = bufferedUntil + player.segmentSeconds - player.bufferAheadSeconds - playhead
        requestBuffer = bufferedUntil - playhead - max(0, wait)
        requestedAt = wait > 0 ? arrival + .seconds(wait) : arrival
        return .fetch(at: requestedAt)
    }

    /// Moves the playhead to `time` while playing; where the buffer runs dry first, playback
    /// stalls there (one rebuffer).
    mutating func advance(to time: SimTime) {
        guard state == .playing, time > clock else { return }
        let reached = playhead + (time - clock).seconds
        if reached >= bufferedUntil {
            let dry = clock + .seconds(bufferedUntil - playhead)
            playhead = bufferedUntil
            state = .stalled
            stallStart = dry
            rebuffers += 1
        } else {
            playhead = reached
        }
        clock = time
    }

    /// The start-up delay, once playback has started.
    var startupDelay: SimDuration? { started.map { $0 - created } }
}
