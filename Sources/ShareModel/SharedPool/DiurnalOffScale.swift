public import SimCore

/// A daily modulation of availability: off-sessions that start in a given hour of the day
/// last `hourlyFactors[hour]` times as long as drawn.
///
/// This is the simplest diurnal model that keeps churn event-driven: when a device goes
/// offline at time t, its off-session length is drawn from the spec's off-session
/// distribution and multiplied by the factor of t's hour. A factor above 1 keeps devices
/// away longer (night-time power-off, daytime use of the owner's line), below 1 brings them
/// back sooner. On-sessions are not scaled.
///
/// Hour 0 is simulated time zero modulo 24 h (the pool's local midnight); to place a pool
/// in another time zone, rotate the array. With every factor equal to `s` the long-run
/// online fraction is `meanOn / (meanOn + s · meanOff)`; with unequal factors it is not
/// given by a closed form, and the run measures it.
public struct DiurnalOffScale: Hashable, Sendable {
    /// The factor per hour of the day: 24 finite values, each greater than zero
    /// (dimensionless; 1 means unchanged).
    public var hourlyFactors: [Double]

    /// A modulation with the given 24 hourly factors (checked by ``SharedPoolSpec/validate()``).
    public init(hourlyFactors: [Double]) {
        self.hourlyFactors = hourlyFactors
    }

    /// The same factor at every hour (dimensionless, > 0).
    public static func constant(_ factor: Double) -> DiurnalOffScale {
        DiurnalOffScale(hourlyFactors: Array(repeating: factor, count: 24))
    }

    /// The factor that applies to an off-session starting at `time` (times before zero
    /// wrap around the day as well).
    ///
    /// - Complexity: O(1).
    @inlinable
    public func factor(at time: SimTime) -> Double {
        let hourNanoseconds: Int64 = 3_600_000_000_000
        var hours = time.nanoseconds / hourNanoseconds
        if time.nanoseconds % hourNanoseconds < 0 { hours -= 1 }  // floor, for times before zero
        var hour = hours % 24
        if hour < 0 { hour += 24 }
        return hourlyFactors[Int(hour)]
    }
}
