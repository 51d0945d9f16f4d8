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
    /// The current segment's bytes, while it is fetched.
    var segmentBytes: Double = 0
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
        bufferedUntil = min(videoSeconds, bufferedUntil + segmentMedia(nextSegment, player: player))
        nextSegment += 1
        receivedBytes += segmentBytes
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
        guard state == .playing else { return .fetch(at: arrival) }
        // The next segment fits once the buffer ahead has room for a whole one.
        let wait = bufferedUntil + player.segmentSeconds - player.bufferAheadSeconds - playhead
        return .fetch(at: wait > 0 ? arrival + .seconds(wait) : arrival)
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
