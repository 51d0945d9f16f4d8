public import SimCore

/// What a shared pool is made of: how many home devices, how their resources and
/// availability are distributed, how many sit behind NAT, and what they earn.
///
/// A spec is plain data; ``validate()`` checks it and ``SharedPool/init(spec:seed:)``
/// builds the pool from it. Each device draws its uplink, storage and CPU once, from its
/// own random streams, and then alternates between on-sessions (online) and off-sessions
/// (offline) whose lengths are drawn afresh each time. Session lengths may be heavy-tailed
/// (Weibull with shape below 1, lognormal, bounded Pareto), as measured in P2P systems.
///
/// Resource samples below zero (possible with a normal distribution) are clamped to zero.
public struct SharedPoolSpec: Hashable, Sendable {
    /// The pool's name; it keys the pool's random streams, so two pools with different
    /// names draw independent numbers, and renaming a pool changes its draws.
    public var name: String
    /// The number of devices N (0 ≤ N < 2³²−1).
    public var deviceCount: Int
    /// Per-device uplink bandwidth, in bits per second, drawn once per device.
    public var uplinkBitsPerSecond: SampledDistribution
    /// Per-device storage lent to the pool, in bytes, drawn once per device.
    public var storageBytes: SampledDistribution
    /// Per-device CPU lent to the pool, in cores (fractions allowed), drawn once per device.
    public var cpuCores: SampledDistribution
    /// Length of an on-session (device online), in seconds; mean positive and finite, no
    /// negative values (so not `.normal`).
    public var onSessionSeconds: SampledDistribution
    /// Length of an off-session (device offline), in seconds, before the diurnal factor;
    /// mean positive and finite, no negative values.
    public var offSessionSeconds: SampledDistribution
    /// The probability that a device sits behind a NAT that cannot be reached, in 0...1.
    /// Such a device comes and goes like the others but never serves.
    public var natFraction: Double
    /// An optional daily modulation of off-session lengths; nil for none.
    public var diurnalOffScale: DiurnalOffScale?
    /// Credits a device earns per gigabyte served (1 GB = 10⁹ bytes); finite, ≥ 0.
    public var creditsPerGB: Double

    /// A spec with every field given; see each property for units and limits.
    public init(
        name: String,
        deviceCount: Int,
        uplinkBitsPerSecond: SampledDistribution,
        storageBytes: SampledDistribution,
        cpuCores: SampledDistribution,
        onSessionSeconds: SampledDistribution,
        offSessionSeconds: SampledDistribution,
        natFraction: Double = 0,
        diurnalOffScale: DiurnalOffScale? = nil,
        creditsPerGB: Double = 0
    ) {
        self.name = name
        self.deviceCount = deviceCount
        self.uplinkBitsPerSecond = uplinkBitsPerSecond
        self.storageBytes = storageBytes
        self.cpuCores = cpuCores
        self.onSessionSeconds = onSessionSeconds
        self.offSessionSeconds = offSessionSeconds
        self.natFraction = natFraction
        self.diurnalOffScale = diurnalOffScale
        self.creditsPerGB = creditsPerGB
    }

    /// The long-run fraction of time a device is online without diurnal modulation:
    /// meanOn / (meanOn + meanOff), dimensionless.
    public var stationaryOnlineFraction: Double {
        let on = onSessionSeconds.mean
        return on / (on + offSessionSeconds.mean)
    }

    /// The most devices a pool may have: device indices travel in 32-bit event payloads.
    public static let maximumDeviceCount = Int(UInt32.max) - 1

    /// The most credits a pool may pay per GB served (10⁹), so that credits summed over a run
    /// stay finite.
    public static let maximumCreditsPerGB = 1e9

    /// Checks every field and throws on the first impossible one.
    ///
    /// - Throws: ``SpecError`` about the shared pool, naming the field by its scenario key: a
    ///   negative or too-large device count (`devices`), a NAT fraction outside 0...1 (`nat`),
    ///   negative or over-large credits (`credits_per_gb`), a resource distribution with a
    ///   negative or non-finite mean (`uplink`, `storage`, `cpu`), a session distribution that
    ///   can be negative or has a mean that is not positive and finite (`online`, `offline`), a
    ///   diurnal table that does not have 24 positive finite factors (`diurnal`).
    public func validate() throws(SpecError) {
        let element = SpecElement.sharedPool(name)
        try SpecError.require(deviceCount, in: 0...Self.maximumDeviceCount, element, .devices)
        guard natFraction.isFinite, (0...1).contains(natFraction) else {
            throw SpecError(element, .nat, .outOfRange(got: "\(natFraction)", lower: "0", upper: "1"))
        }
        try SpecError.requireNonNegative(creditsPerGB, element, .creditsPerGB)
        if creditsPerGB > Self.maximumCreditsPerGB {
            throw SpecError(
                element,
                .creditsPerGB,
                .tooLarge(got: "\(creditsPerGB)", maximum: "\(Int(Self.maximumCreditsPerGB))")
            )
        }
        for (field, distribution) in [
            (SpecField.uplink, uplinkBitsPerSecond), (.storage, storageBytes), (.cpu, cpuCores),
        ] {
            let mean = distribution.mean
            guard mean.isFinite, mean >= 0 else {
                throw SpecError(element, field, .other("must have a finite mean of zero or more, got \(mean)"))
            }
        }
        try RandomFailureSpec.requireDuration(onSessionSeconds, element, .online)
        try RandomFailureSpec.requireDuration(offSessionSeconds, element, .offline)
        if let diurnalOffScale {
            let factors = diurnalOffScale.hourlyFactors
            guard factors.count == 24 else {
                throw SpecError(element, .diurnal, .wrongCount(expected: 24, got: factors.count))
            }
            for (hour, factor) in factors.enumerated() {
                try SpecError.requirePositive(factor, element, .diurnal.at(hour))
            }
        }
    }
}
