public import SimCore

/// One-way network latency between endpoints: distance over fibre, stretched by a
/// path-inflation factor, plus each end's access latency, unless a measured figure overrides it.
///
/// For endpoints `a` and `b`, the fixed one-way latency is
///
///     distance(a, b) / fibreSpeed × pathInflation + access(a) + access(b) + pairJitter(a, b)
///
/// with the distance by ``GeoCoordinate/distanceKilometres(to:)``, the propagation part
/// rounded to the nearest nanosecond, and the pair jitter from ``LatencyJitter`` (zero by
/// default). A measured latency set with ``setMeasuredLatency(_:between:and:)`` replaces the
/// whole fixed figure (distance, access and pair jitter) for that unordered pair. Latency is
/// symmetric. Per-message jitter, when asked for, is added on top of either.
///
/// This is the reference computation; the simulation's hot path reads a ``LatencyMatrix``
/// built from it.
///
/// ```swift
/// var model = try LatencyModel(pathInflation: 1.5)
/// let london = try LatencyEndpoint(
///     name: "london", coordinate: GeoCoordinate(latitude: 51.5074, longitude: -0.1278), kind: .dataCenter)
/// let paris = try LatencyEndpoint(
///     name: "paris", coordinate: GeoCoordinate(latitude: 48.8566, longitude: 2.3522), kind: .homeBroadband)
/// let modelled = model.latency(from: london, to: paris)  // 2.58 ms over 343.5 km + 0.5 ms + 8 ms
/// try model.setMeasuredLatency(.milliseconds(6), between: "london", and: "paris")
/// ```
public struct LatencyModel: Sendable {
    /// The default signal speed in optical fibre, in kilometres per second (about 2/3 of c).
    public static let defaultFibreSpeedKilometresPerSecond = 200_000.0

    /// The default ratio of real path length to great-circle distance.
    public static let defaultPathInflation = 1.5

    /// The signal speed in fibre, in kilometres per second.
    public let fibreSpeedKilometresPerSecond: Double

    /// How much longer real routes are than the great circle (a factor, at least 1).
    public let pathInflation: Double

    /// Jitter added to the fixed latency (none by default).
    public let jitter: LatencyJitter

    /// Nanoseconds of one-way propagation per kilometre of great-circle distance.
    @usableFromInline
    let nanosecondsPerKilometre: Double

    /// Measured one-way latencies by unordered pair of endpoint names.
    private var measured: [EndpointPair: SimDuration] = [:]

    /// A model with fibre speed `fibreSpeedKilometresPerSecond` (km/s), path inflation
    /// `pathInflation` (a factor, at least 1) and `jitter`.
    ///
    /// - Throws: ``SpecError`` about `latency`: field `fibre_speed` if the speed is not a
    ///   positive finite number, or `path_inflation` if the inflation is not finite or below 1.
    public init(
        fibreSpeedKilometresPerSecond: Double = defaultFibreSpeedKilometresPerSecond,
        pathInflation: Double = defaultPathInflation,
        jitter: LatencyJitter = .none
    ) throws(SpecError) {
        try SpecError.requirePositive(fibreSpeedKilometresPerSecond, .latency, .fibreSpeed)
        guard pathInflation.isFinite, pathInflation >= 1 else {
            throw SpecError(
                .latency,
                .pathInflation,
                .other("must be at least 1 (a path is never shorter than the great circle), got \(pathInflation)")
            )
        }
        self.fibreSpeedKilometresPerSecond = fibreSpeedKilometresPerSecond
        self.pathInflation = pathInflation
        self.jitter = jitter
        self.nanosecondsPerKilometre = pathInflation * 1e9 / fibreSpeedKilometresPerSecond
    }

    /// Records a measured one-way `latency` between the endpoints named `a` and `b` (either
    /// order); it replaces the modelled figure for that pair and any earlier measurement.
    ///
    /// - Throws: ``SpecError`` about a measured latency (named `a, b`), field `latency`, if it
    ///   is negative.
    public mutating func setMeasuredLatency(
        _ latency: SimDuration,
        between a: String,
        and b: String
    ) throws(SpecError) {
        guard latency >= .zero else {
            throw SpecError(SpecElement(.measuredLatency, name: "\(a), \(b)"), .latency, .negative(got: "\(latency)"))
        }
        measured[EndpointPair(a, b)] = latency
    }

    /// The measured one-way latency between the endpoints named `a` and `b` (either order), if
    /// one was set.
    public func measuredLatency(between a: String, and b: String) -> SimDuration? {
        measured[EndpointPair(a, b)]
    }

    /// Every measured pair, in UTF-8 byte order of the names (a stable order, for reports and
    /// for checking that each names a known endpoint).
    public var measuredPairs: [EndpointPair] {
        measured.keys.sorted { lhs, rhs in
            if lhs.first.utf8.elementsEqual(rhs.first.utf8) {
                return lhs.second.utf8.lexicographicallyPrecedes(rhs.second.utf8)
            }
            return lhs.first.utf8.lexicographicallyPrecedes(rhs.first.utf8)
        }
    }

    /// The one-way propagation delay over `distanceKilometres` of great-circle distance:
    /// distance / fibre speed × path inflation, rounded to the nearest nanosecond.
    ///
    /// Saturates at ``SimDuration/max`` rather than trapping.
    public func propagationDelay(distanceKilometres: Double) -> SimDuration {
        let nanoseconds = (distanceKilometres * nanosecondsPerKilometre).rounded()
        if nanoseconds.isNaN { return .zero }
        if nanoseconds >= 9.223_372_036_854_775e18 { return .max }
        return SimDuration(nanoseconds: Int64(nanoseconds))
    }

    /// The fixed one-way latency from `a` to `b` (the same as from `b` to `a`): the measured
    /// figure for the pair if there is one, otherwise propagation plus both access latencies
    /// plus the pair's fixed jitter.
    ///
    /// - Complexity: O(length of the two names), for the override lookup and the jitter
    ///   stream; O(1) when the model has neither measured figures nor pair jitter.
    public func latency(from a: LatencyEndpoint, to b: LatencyEndpoint) -> SimDuration {
        if measured.isEmpty, !(jitter.pairSpread > .zero) {
            // Nothing is keyed by name: skip building the pair (the same figure, faster).
            let distance = a.coordinate.distanceKilometres(to: b.coordinate)
            return propagationDelay(distanceKilometres: distance) + a.accessLatency + b.accessLatency
        }
        let pair = EndpointPair(a.name, b.name)
        if let measured = measured[pair] { return measured }
        let distance = a.coordinate.distanceKilometres(to: b.coordinate)
        return propagationDelay(distanceKilometres: distance) + a.accessLatency + b.accessLatency
            + jitter.pairExtra(for: pair)
    }

    /// The one-way latency of one message from `a` to `b`: the fixed latency plus a
    /// per-message extra drawn from `messageJitter` (nothing is drawn when the model's
    /// ``LatencyJitter/messageSpread`` is zero).
    public func latency(
        from a: LatencyEndpoint,
        to b: LatencyEndpoint,
        messageJitter: inout RandomStream
    ) -> SimDuration {
        latency(from: a, to: b) + jitter.messageExtra(using: &messageJitter)
    }
}
