public import SimCore

extension CloudZone {
    /// Starts the zone's measurements afresh at `time` (the end of a warm-up): counts go to
    /// zero and time averages restart from the current busy slots, queue and up state.
    public mutating func resetStatistics(at time: SimTime) {
        var fresh = CloudZoneMetrics(capacity: spec.capacity, autoscaled: spec.autoscaling != nil, at: time)
        fresh.servingCores = TimeWeightedMean(initialValue: Double(capacity + retiringCores), at: time)
        fresh.provisionedCores = TimeWeightedMean(initialValue: Double(provisionedCores), at: time)
        fresh.busySlots = TimeWeightedMean(initialValue: Double(busyCores), at: time)
        fresh.queueLength = TimeWeightedMean(initialValue: Double(waitingCount), at: time)
        fresh.up = TimeWeightedMean(initialValue: isUp ? 1 : 0, at: time)
        metrics = fresh
        // The autoscaler's window restarts with the areas (a shorter first window).
        scaling.busyArea = 0
        scaling.servingArea = 0
    }
}
