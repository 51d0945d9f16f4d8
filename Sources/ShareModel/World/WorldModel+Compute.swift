import SimCore

extension WorldModel {
    /// The most times one job is moved off devices that left before it fails.
    static let maxJobRestarts: UInt16 = 100

    /// Marks `device` of `pool` as running request `id` (from routing on, so that two jobs
    /// are never sent to one device).
    mutating func reserve(device: UInt32, of pool: Int, for id: UInt32) {
        precondition(poolDeviceJob[pool][Int(device)] == ModelRequest.none, "device \(device) of pool \(pool) is busy")
        poolDeviceJob[pool][Int(device)] = id
        poolBusyDevices[pool] += 1
    }

    /// Frees the device request `id` holds for a job, if any.
    mutating func releaseDevice(of id: UInt32) {
        let device = requests[id].device
        guard device != ModelRequest.none, requests[id].site != ModelRequest.none else { return }
        requests[id].device = ModelRequest.none
        guard case .pool(let pool) = sites[Int(requests[id].site)], !poolDeviceJob[pool].isEmpty,
            poolDeviceJob[pool][Int(device)] == id
        else { return }
        poolDeviceJob[pool][Int(device)] = ModelRequest.none
        poolBusyDevices[pool] -= 1
    }

    /// Runs request `id`'s job on its device: work ÷ the device's lent cores.
    mutating func startJob<Queue: PendingEventSet>(_ id: UInt32, pool: Int, scheduler: inout Scheduler<Queue>) {
        let device = Int(requests[id].device)
        let cores = Double(pools[pool].cpuCores[device])
        requests[id].phase = .computing
        requests[id].runStart = scheduler.now
        requests[id].runCores = cores
        requests[id].jobTimer = scheduler.scheduleCancellable(
            Kind.jobDone,
            target: 0,
            payload: id,
            after: .seconds(requests[id].work / cores)
        )
    }

    /// Request `id`'s job finished on its device.
    mutating func jobFinished<Queue: PendingEventSet>(_ id: UInt32, scheduler: inout Scheduler<Queue>) {
        guard case .pool(let pool) = sites[Int(requests[id].site)] else {
            preconditionFailure("job \(id) finished away from a pool at \(scheduler.now)")
        }
        requests[id].jobTimer = nil
        if requests[id].isCounted {
            poolTallies[pool].jobsCompleted += 1
            poolTallies[pool].cpuSeconds += (scheduler.now - requests[id].runStart).seconds * requests[id].runCores
        }
        releaseDevice(of: id)
        respond(id, scheduler: &scheduler)
    }

    /// `device` of `pool` went offline: its transfers fail and its job moves elsewhere,
    /// keeping the work up to its last checkpoint.
    mutating func deviceLeft<Queue: PendingEventSet>(pool: Int, device: UInt32, scheduler: inout Scheduler<Queue>) {
        if !poolDeviceLink[pool].isEmpty {
            abortFlows(on: poolDeviceLink[pool][Int(device)], scheduler: &scheduler)
        }
        guard !poolDeviceJob[pool].isEmpty else { return }
        let id = poolDeviceJob[pool][Int(device)]
        guard id != ModelRequest.none, requests[id].phase == .computing else { return }
        if let timer = requests[id].jobTimer { scheduler.cancel(timer) }
        requests[id].jobTimer = nil
        let workloadClass = Int(requests[id].workloadClass)
        let ran = (scheduler.now - requests[id].runStart).seconds
        var kept = 0.0
        let checkpoint = classTraits[workloadClass].checkpointSeconds
        if checkpoint > 0 {
            kept = (ran / checkpoint).rounded(.down) * checkpoint
        }
        let cores = requests[id].runCores
        requests[id].work = max(0, requests[id].work - kept * cores)
        if requests[id].isCounted {
            tallies[workloadClass].preemptions += 1
            tallies[workloadClass].wastedCPUSeconds += (ran - kept) * cores
            poolTallies[pool].preemptions += 1
            poolTallies[pool].cpuSeconds += ran * cores
        }
        releaseDevice(of: id)
        requests[id].restarts &+= 1
        if requests[id].restarts > Self.maxJobRestarts {
            attemptEnded(id, loss: .failed, scheduler: &scheduler)
        } else {
            dispatch(id, scheduler: &scheduler)
        }
    }
}
