public import SimCore

extension ValueParser where Value == SimDuration {
    /// A non-negative duration as a ``SimCore/SimDuration``, rounded to the nearest nanosecond.
    ///
    /// Durations too long for 64-bit nanoseconds (about 292 years) are rejected.
    public static var simDuration: ValueParser<SimDuration> {
        let expectation = QuantityKind.duration.expectation
        return .scalar(expecting: expectation) { text in
            QuantityKind.duration.parse(text).flatMap { seconds in
                let nanoseconds = (seconds * 1e9).rounded()
                guard nanoseconds < 9.2e18 else {
                    return .failure(QuantityError("expected \(expectation), got '\(text)' (too long)"))
                }
                return .success(SimDuration(nanoseconds: Int64(nanoseconds)))
            }
        }
    }
}
