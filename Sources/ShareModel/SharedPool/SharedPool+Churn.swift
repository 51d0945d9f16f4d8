public import SimCore

/// One device going online or offline, as ``SharedPool/handleChurn(_:scheduler:)`` reports
/// it to the model that embeds the pool (to restart a job, drop a flow, and so on).
public struct SharedPoolTransition: Hashable, Sendable {
    /// The device that changed.
    public var device: DeviceIndex
    /// Whether it is online after the change.
    public var isOnline: Bool
}

extension SharedPool {
    /// Draws every device's initial state and schedules the end of its first session.
    ///
    /// Each device is online with probability meanOn / (meanOn + s · meanOff), s the
    /// diurnal factor at `scheduler.now`, and its first session is a residual from the
    /// equilibrium distribution (see the type's documentation). Resets ``onlineFraction``
    /// to start at `scheduler.now`. Call it once.
    ///
    /// - Complexity: O(N) time; schedules N events.
    public mutating func start<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        precondition(!isStarted, "shared pool \"\(spec.name)\" started twice (at \(scheduler.now))")
        isStarted = true
        let now = scheduler.now
        let offScale = spec.diurnalOffScale?.factor(at: now) ?? 1
        let meanOn = spec.onSessionSeconds.mean
        let meanOff = spec.offSessionSeconds.mean * offScale
        let onlineProbability = meanOn / (meanOn + meanOff)
        for device in 0..<UInt32(deviceCount) {
            var random = stream(device: device, purpose: Purpose.initialState)
            let online = random.nextUnit() < onlineProbability
            let distribution = online ? spec.onSessionSeconds : spec.offSessionSeconds
            let seconds: Double
            if let residual = EquilibriumResidual.sample(of: distribution, using: &random) {
                seconds = residual * (online ? 1 : offScale)
            } else {
                seconds = drawSession(online: online, device: device, at: now)
            }
            if online { setOnline(device) }
            scheduler.schedule(churnEventKind, target: eventTarget, payload: device, after: Self.duration(seconds))
        }
        onlineFraction = TimeWeightedMean(initialValue: fraction, at: now)
    }

    /// Ends the session of the device in `event`'s payload: it toggles online/offline and
    /// the end of its next session is scheduled.
    ///
    /// A bigger model calls this for events of kind ``churnEventKind``.
    ///
    /// - Returns: The device and its new state.
    /// - Complexity: O(1).
    @discardableResult
    public mutating func handleChurn<Queue: PendingEventSet>(
        _ event: Event,
        scheduler: inout Scheduler<Queue>
    ) -> SharedPoolTransition {
        let device = event.payload
        precondition(
            Int(device) < deviceCount,
            "shared pool \"\(spec.name)\": churn for unknown device \(device) at \(scheduler.now)"
        )
        let nowOnline = !isOnline[Int(device)]
        if nowOnline { setOnline(device) } else { setOffline(device) }
        transitionCount &+= 1
        onlineFraction.record(fraction, at: scheduler.now)
        let seconds = drawSession(online: nowOnline, device: device, at: scheduler.now)
        scheduler.schedule(churnEventKind, target: eventTarget, payload: device, after: Self.duration(seconds))
        return SharedPoolTransition(device: DeviceIndex(device), isOnline: nowOnline)
    }

    /// Starts a new averaging window for ``onlineFraction`` at `time` (warm-up deletion).
    public mutating func resetStatistics(at time: SimTime) {
        onlineFraction.reset(at: time)
    }

    /// The fraction of devices online now (0 for an empty pool).
    var fraction: Double {
        deviceCount == 0 ? 0 : Double(onlineDevices) / Double(deviceCount)
    }

    /// The length in seconds of the next session of `device`, drawn from the stream of
    /// its next session number; off-sessions are scaled by the diurnal factor at `time`.
    mutating func drawSession(online: Bool, device: UInt32, at time: SimTime) -> Double {
        let number = sessionNumber[Int(device)]
        sessionNumber[Int(device)] = number &+ 1
        var random = stream(device: device, purpose: Purpose.firstSession &+ UInt64(number))
        if online { return spec.onSessionSeconds.sample(using: &random) }
        let scale = spec.diurnalOffScale?.factor(at: time) ?? 1
        return spec.offSessionSeconds.sample(using: &random) * scale
    }

    /// A session length in seconds as a duration, negative samples clamped to zero.
    static func duration(_ seconds: Double) -> SimDuration {
        .seconds(max(0, seconds))
    }

    /// Marks `device` online and, if reachable, appends it to the dense list.
    mutating func setOnline(_ device: UInt32) {
        assert(!isOnline[Int(device)])
        isOnline[Int(device)] = true
        onlineDevices += 1
        if !isBehindNAT[Int(device)] {
            positionInReachable[Int(device)] = UInt32(reachableOnline.count)
            reachableOnline.append(device)
        }
    }

    /// Marks `device` offline and swap-removes it from the dense list if it was there.
    mutating func setOffline(_ device: UInt32) {
        assert(isOnline[Int(device)])
        isOnline[Int(device)] = false
        onlineDevices -= 1
        let position = positionInReachable[Int(device)]
        guard position != Self.absent else { return }
        let last = reachableOnline.removeLast()
        if last != device {
            reachableOnline[Int(position)] = last
            positionInReachable[Int(last)] = position
        }
        positionInReachable[Int(device)] = Self.absent
    }
}
