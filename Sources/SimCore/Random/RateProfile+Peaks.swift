extension RateProfile {
    /// The product of the multipliers of the peaks covering each interval between
    /// consecutive `boundaries` (the sorted, distinct instants where peaks start or end), and
    /// 1 after the last boundary.
    ///
    /// A sweep over the boundaries switches each peak on at its start and off at its end in
    /// a product tree over the peaks in the order given (a peak switched off holds 1), so each
    /// interval's product is read at the root. Where at most two peaks overlap the product is
    /// exactly theirs; with more, the tree's grouping of the multiplications decides the last
    /// bit, the same way every run.
    /// - Complexity: O(p log p) for p peaks.
    static func peakMultipliers(_ peaks: [Peak], boundaries: [Int64]) -> [Double] {
        var leaves = 1
        while leaves < peaks.count { leaves *= 2 }
        var tree = [Double](repeating: 1, count: 2 * leaves)
        func set(_ peak: Int, to value: Double) {
            var node = leaves + peak
            tree[node] = value
            while node > 1 {
                node /= 2
                tree[node] = tree[2 * node] * tree[2 * node + 1]
            }
        }
        let starts = peaks.indices.sorted { (peaks[$0].start.nanoseconds, $0) < (peaks[$1].start.nanoseconds, $1) }
        let ends = peaks.indices.map { (peaks[$0].start + peaks[$0].duration).nanoseconds }
        let byEnd = peaks.indices.sorted { (ends[$0], $0) < (ends[$1], $1) }
        var nextStart = 0
        var nextEnd = 0
        var multipliers: [Double] = []
        multipliers.reserveCapacity(boundaries.count)
        for (index, boundary) in boundaries.enumerated() {
            // On `boundary ..< next boundary` a peak counts when it starts by `boundary` and
            // ends after it (its end is a boundary too, so it covers the whole interval).
            while nextStart < starts.count, peaks[starts[nextStart]].start.nanoseconds <= boundary {
                set(starts[nextStart], to: peaks[starts[nextStart]].multiplier)
                nextStart += 1
            }
            while nextEnd < byEnd.count, ends[byEnd[nextEnd]] <= boundary {
                set(byEnd[nextEnd], to: 1)
                nextEnd += 1
            }
            multipliers.append(index + 1 < boundaries.count ? tree[1] : 1)
        }
        return multipliers
    }
}
