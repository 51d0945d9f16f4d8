/// A price on the p-th percentile of a link's 5-minute average rates, the way Chinese CDNs,
/// carriers and shared-compute networks buy bandwidth ("95th-percentile billing").
///
/// The bill for a run is `percentile rate (Mbit/s) × price per Mbit/s per period × run
/// seconds / period seconds`: the period's price prorated to the run's length, so a one-day
/// run at a monthly price pays 1/30 of the month.
public struct PercentilePrice: Hashable, Sendable {
    /// The period a price per Mbit/s buys: a month (30 days) or a day.
    public enum Period: String, Hashable, Sendable, CaseIterable {
        /// 30 days, 2,592,000 seconds: carriers' monthly 95th-percentile billing.
        case month
        /// One day, 86,400 seconds: daily peak billing of shared-compute networks.
        case day

        /// The period's length in seconds.
        public var seconds: Double {
            switch self {
            case .month: 30 * 86_400
            case .day: 86_400
            }
        }
    }

    /// Money units per Mbit/s (10⁶ bit/s) of the percentile rate, per ``period``; finite, ≥ 0.
    public let pricePerMbps: Double
    /// What the price buys.
    public let period: Period
    /// The percentile billed, in (0, 100]: 95 drops the top 5% of samples.
    public let percentile: Double

    /// A price of `pricePerMbps` money units per Mbit/s per `period` on the `percentile`-th
    /// percentile of 5-minute samples.
    ///
    /// - Throws: ``SpecError`` about `element` if the price is NaN, infinite or negative
    ///   (`field.mbps`) or the percentile is outside (0, 100] (`field.percentile`).
    public init(
        pricePerMbps: Double,
        period: Period,
        percentile: Double = 95,
        element: SpecElement = .cost,
        field: SpecField = .price
    ) throws(SpecError) {
        try SpecError.requireNonNegative(pricePerMbps, element, field.child("mbps"))
        guard percentile.isFinite, percentile > 0, percentile <= 100 else {
            throw SpecError(
                element,
                field.child("percentile"),
                .outOfRange(got: "\(percentile)", lower: "just above 0", upper: "100")
            )
        }
        self.pricePerMbps = pricePerMbps
        self.period = period
        self.percentile = percentile
    }

    /// The money units charged over `seconds` of run for a percentile rate of `mbps` Mbit/s.
    ///
    /// - Complexity: O(1).
    public func cost(mbps: Double, seconds: Double) -> Double {
        mbps * pricePerMbps * seconds / period.seconds
    }
}
