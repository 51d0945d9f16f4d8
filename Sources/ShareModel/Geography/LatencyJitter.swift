public import SimCore

/// Optional randomness on top of the fixed latency of a path: a fixed extra per pair of
/// endpoints and a small extra per message.
///
/// The **pair** extra is drawn once per unordered pair, uniformly in whole nanoseconds from
/// `0...pairSpread`, from the stream `RandomStream(seed: seed, name: …)` named after the two
/// endpoint names. It depends only on the seed and the two names: it is the same on every
/// call, in every process, whatever order endpoints were created in, and adding an endpoint
/// never changes another pair's value. It models the fixed detours of real routes.
///
/// The **message** extra is drawn per message, uniformly in whole nanoseconds from
/// `0...messageSpread`, from a stream the caller owns (one per entity and purpose). It models
/// queueing in the network and should stay small next to the fixed latency.
public struct LatencyJitter: Hashable, Sendable {
    /// The largest fixed extra a pair of endpoints can draw (one way).
    public let pairSpread: SimDuration

    /// The largest extra a single message can draw (one way).
    public let messageSpread: SimDuration

    /// The run seed the pair extras are derived from.
    public let seed: UInt64

    /// No jitter at all: latency is exactly the fixed figure.
    public static let none = LatencyJitter(checkedSeed: 0, pairSpread: .zero, messageSpread: .zero)

    /// Jitter of up to `pairSpread` fixed per pair (derived from `seed`) and up to
    /// `messageSpread` per message, both one way.
    ///
    /// - Throws: ``SpecError`` about `latency`, field `jitter` (`pairSpread`) or
    ///   `message_jitter` (`messageSpread`), if it is negative.
    public init(seed: UInt64, pairSpread: SimDuration, messageSpread: SimDuration = .zero) throws(SpecError) {
        guard pairSpread >= .zero else {
            throw SpecError(.latency, .jitter, .negative(got: "\(pairSpread)"))
        }
        guard messageSpread >= .zero else {
            throw SpecError(.latency, .messageJitter, .negative(got: "\(messageSpread)"))
        }
        self.init(checkedSeed: seed, pairSpread: pairSpread, messageSpread: messageSpread)
    }

    private init(checkedSeed seed: UInt64, pairSpread: SimDuration, messageSpread: SimDuration) {
        self.seed = seed
        self.pairSpread = pairSpread
        self.messageSpread = messageSpread
    }

    /// The fixed extra latency of `pair`, in `0...pairSpread`; zero when `pairSpread` is zero.
    ///
    /// - Complexity: O(length of the two names); the latency matrix calls it once per pair.
    public func pairExtra(for pair: EndpointPair) -> SimDuration {
        guard pairSpread > .zero else { return .zero }
        var stream = RandomStream(seed: seed, name: pair.streamName("latency-jitter"))
        return Self.uniform(upTo: pairSpread, using: &stream)
    }

    /// A fresh per-message extra latency in `0...messageSpread`, drawn from `stream`.
    ///
    /// When `messageSpread` is zero this returns zero without drawing, so turning message
    /// jitter off leaves the caller's stream untouched.
    @inlinable
    public func messageExtra(using stream: inout RandomStream) -> SimDuration {
        guard messageSpread > .zero else { return .zero }
        return Self.uniform(upTo: messageSpread, using: &stream)
    }

    /// A uniform whole number of nanoseconds in `0...spread`, for `spread > 0`.
    @inlinable
    static func uniform(upTo spread: SimDuration, using stream: inout RandomStream) -> SimDuration {
        let bound = UInt64(spread.nanoseconds)
        // `bound + 1` overflows only for SimDuration.max; draw the full 63-bit range then.
        let draw = bound == UInt64(Int64.max) ? stream.next() >> 1 : stream.nextInt(below: bound + 1)
        return SimDuration(nanoseconds: Int64(draw))
    }
}
