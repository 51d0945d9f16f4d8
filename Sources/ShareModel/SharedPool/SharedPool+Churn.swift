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
    /// The ends of sessions wait in the pool's own heap (24 bytes per device); only the
    /// earliest is in `scheduler`, with the place in firing order it was given when it was
    /// drawn (``Scheduler/reserve(_:target:payload:at:)``), so events fire exactly as if every
    /// device's were scheduled there, for a third of the memory of the default queue.
    ///
    /// Each device is online with probability meanOn / (meanOn + s · meanOff), s the
    /// diurnal factor at `scheduler.now`, and its first session is a residual from the
    /// equilibrium distribution (see the type's documentation). Resets ``onlineFraction``
    /// to start at `scheduler.now`. Call it once.
    ///
    /// - Complexity: O(N) time; reserves N events and schedules one.
    public mutating func start<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        precondition(!isStarted, "shared pool \"\(spec.name)\" started twice (at \(scheduler.now))")
        isStarted = true
        let now = scheduler.now
        let offScale = spec.diurnalOffScale?.factor(at: now) ?? 1
        let meanOn = spec.onSessionSeconds.mean
        let meanOff = spec.offSessionSeconds.mean * offScale
        let onlineProbability = meanOn / (meanOn + meanOff)
        for device in 0..<UInt32(deviceCount) where isTraced.isEmpty || !isTraced[Int(device)] {
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
            pendingChurn.insert(
                scheduler.reserve(
                    churnEventKind,
                    target: eventTarget,
                    payload: device,
                    at: now + Self.duration(seconds)
                )
            )
        }
        if let first = pendingChurn.peekMin() { scheduler.schedule(reserved: first) }
        onlineFraction = TimeWeightedMean(initialValue: fraction, at: now)
    }

    /// Ends the session of the device in `event`'s payload: it toggles online/offline and
    /// the end of its next session is scheduled.
    ///
    /// A bigger model calls this for events of kind ``churnEventKind``, each once, as they fire.
    ///
    /// - Returns: The device and its new state.
    /// - Precondition: `event` is the pool's next churn event (the one in `scheduler`).
    /// - Complexity: O(log N) (the pool's heap of session ends).
    @discardableResult
    public mutating func handleChurn<Queue: PendingEventSet>(
        _ event: Event,
        scheduler: inout Scheduler<Queue>
    ) -> SharedPoolTransition {
        let device = event.payload
        precondition(
            pendingChurn.peekMin()?.sequence == event.sequence,
            "shared pool \"\(spec.name)\": churn event \(event) is not the pool's next at \(scheduler.now)"
        )
        _ = pendingChurn.popMin()
        let nowOnline = !isOnline[Int(device)]
        if nowOnline { setOnline(device) } else { setOffline(device) }
        transitionCount &+= 1
        onlineFraction.record(fraction, at: scheduler.now)
        let seconds = drawSession(online: nowOnline, device: device, at: scheduler.now)
        pendingChurn.insert(
            scheduler.reserve(
                churnEventKind,
                target: eventTarget,
                payload: device,
                at: scheduler.now + Self.duration(seconds)
            )
        )
        if let next = pendingChurn.peekMin() { scheduler.schedule(reserved: next) }
        return SharedPoolTransition(device: DeviceIndex(device), isOnline: nowOnline)
    }

    /// Hands `devices` to an on/off trace: they start offline and never churn on their own;
    /// only ``setTraced(_:online:at:)`` changes them. The other devices draw exactly what
    /// they would without the trace (every device has its own streams). Call before ``start(scheduler:)``.
    ///
    /// - Complexity: O(N + devices).
    public mutating func followTrace(devices: [UInt32]) {
        precondition(!isStarted, "shared pool \"\(spec.name)\": a trace must be followed before the pool starts")
        if isTraced.isEmpty { isTraced = Array(repeating: false, count: deviceCount) }
        for device in devices where Int(device) < deviceCount { isTraced[Int(device)] = true }
    }

    /// Sets traced `device` online or offline at `time`, as its trace says; nil when it is
    /// already in that state (a repeated `on` or `off` changes nothing).
    ///
    /// - Complexity: O(1).
    public mutating func setTraced(_ device: DeviceIndex, online: Bool, at time: SimTime) -> SharedPoolTransition? {
        let index = Int(device.index)
        precondition(
            !isTraced.isEmpty && isTraced[index],
            "shared pool \"\(spec.name)\": device \(index) is not traced"
        )
        guard isOnline[index] != online else { return nil }
        if online { setOnline(device.index) } else { setOffline(device.index) }
        transitionCount &+= 1
        onlineFraction.record(fraction, at: time)
        return SharedPoolTransition(device: device, isOnline: online)
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
