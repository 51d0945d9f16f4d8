import SimCore

/// Random draws among the eligible members of a candidate list (healthy, and not a site
/// already drawn), exact and cheap when most members are eligible.
///
/// Each draw first tries rejection sampling: a position drawn over the whole list (uniformly,
/// or in proportion to its weight) is kept if eligible. Conditional on being kept, such a draw
/// is distributed exactly as the eligible members are, so the result is exact whichever try
/// succeeds. After ``rejectionTries`` rejections (most of the list down) the draw counts the
/// eligible members and picks one of them directly, which is exact as well: the mixture of two
/// exact draws is exact.
///
/// - Complexity: O(1) expected tries per draw (O(log n) each for a weighted one) while at
///   least half the list is eligible; O(n) for the fallback, which a draw reaches with
///   probability (1 − eligible share)^16.
enum HealthyDraw {
    /// Rejected tries before a draw falls back to counting the eligible members.
    static let rejectionTries = 16

    /// A position of `0..<count`, uniformly among those for which `isEligible` holds; nil when
    /// there is none.
    ///
    /// - Parameters:
    ///   - count: the list's length, ≥ 0.
    ///   - stream: the stream the draws come from (one or more numbers per call).
    ///   - isEligible: whether a position may be drawn; called at most 2 × `count` + 16 times.
    static func uniform(
        count: Int,
        stream: inout RandomStream,
        isEligible: (Int) -> Bool
    ) -> Int? {
        guard count > 0 else { return nil }
        for _ in 0..<rejectionTries {
            let position = Int(stream.nextInt(below: UInt64(count)))
            if isEligible(position) { return position }
        }
        var eligible = 0
        for position in 0..<count where isEligible(position) { eligible += 1 }
        guard eligible > 0 else { return nil }
        var rank = Int(stream.nextInt(below: UInt64(eligible)))
        for position in 0..<count where isEligible(position) {
            if rank == 0 { return position }
            rank -= 1
        }
        preconditionFailure("eligibility changed during a draw")
    }

    /// A position of `cumulativeWeights`, among those for which `isEligible` holds, with
    /// probability proportional to its weight; nil when no eligible position has a weight.
    ///
    /// - Parameters:
    ///   - cumulativeWeights: the running sums of the members' weights (each weight finite and
    ///     ≥ 0, so the sums never decrease); a member of weight 0 is never drawn.
    ///   - stream: the stream the draws come from.
    ///   - isEligible: whether a position may be drawn.
    /// - Complexity: O(log n) per try; O(n) for the fallback.
    static func weighted(
        cumulativeWeights: [Double],
        stream: inout RandomStream,
        isEligible: (Int) -> Bool
    ) -> Int? {
        guard let total = cumulativeWeights.last, total > 0 else { return nil }
        for _ in 0..<rejectionTries {
            let position = firstAbove(stream.nextUnit() * total, in: cumulativeWeights)
            if isEligible(position) { return position }
        }
        var eligibleTotal = 0.0
        var previous = 0.0
        for (position, sum) in cumulativeWeights.enumerated() {
            if isEligible(position) { eligibleTotal += sum - previous }
            previous = sum
        }
        guard eligibleTotal > 0 else { return nil }
        var draw = stream.nextUnit() * eligibleTotal
        var chosen: Int?
        previous = 0
        for (position, sum) in cumulativeWeights.enumerated() {
            let weight = sum - previous
            previous = sum
            guard weight > 0, isEligible(position) else { continue }
            chosen = position
            draw -= weight
            if draw < 0 { break }
        }
        return chosen
    }

    /// The first position whose running sum exceeds `value`: the member whose weight covers
    /// `value` when `value` lies in [0, total). Members of weight 0 are skipped.
    ///
    /// - Complexity: O(log n).
    static func firstAbove(_ value: Double, in cumulativeWeights: [Double]) -> Int {
        var low = 0
        var high = cumulativeWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] > value { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
