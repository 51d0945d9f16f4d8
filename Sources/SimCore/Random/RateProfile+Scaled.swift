extension RateProfile {
    /// The same profile with every rate multiplied by `factor` (finite, ≥ 0): the same
    /// segments, period, shape and peaks.
    ///
    /// - Complexity: O(s log s + p log p), as the initialiser.
    public func scaled(by factor: Double) -> RateProfile {
        precondition(factor.isFinite && factor >= 0, "a rate profile's scale must be finite and >= 0, got \(factor)")
        if factor == 1 { return self }
        do throws(DistributionError) {
            return try RateProfile(
                segments: segments.map { Segment(start: $0.start, ratePerSecond: $0.ratePerSecond * factor) },
                period: period,
                peaks: peaks,
                shape: shape
            )
        } catch {
            preconditionFailure("scaling a valid profile by \(factor) gave an invalid one: \(error)")
        }
    }
}
