import SimCore

extension WorldModel {
    /// The most times one job is moved off devices that left before it fails.
    static let maxJobRestarts: UInt16 = 100

    /// Marks `device` of `pool` as running request `id` (from routing on, so that two jobs
    /// are never sent to one device).
    mutating func reserve(device: DeviceIndex, of pool: PoolID, for id: RequestSlot) {
        precondition(
            pools[pool].devices[job: device].isNone,
            "device \(device.index) of pool \(pool.index) is busy"
        )
        pools[pool].devices[job: device] = id
        pools[pool].busyDevices += 1
    }

    /// Frees the device request `id` holds for a job, if any.
    mutating func releaseDevice(of id: RequestSlot) {
        let device = requests[id].device
        guard !device.isNone, !requests[id].site.isNone else { return }
        requests[id].device = .none
        guard case .pool(let pool) = sites[requests[id].site].role, !pools[pool].devices.job.isEmpty,
            pools[pool].devices[job: device] == id
        else { return }
        pools[pool].devices[job: device] = .none
        pools[pool].busyDevices -= 1
    }

    /// Runs request `id`'s job on its device: work ÷ the device's lent cores.
    mutating func startJob<Queue: PendingEventSet>(_ id: RequestSlot, pool: PoolID, scheduler: inout Scheduler<Queue>) {
        let device = requests[id].device
        let cores = Double(pools[pool].engine.cpuCores[device.offset])
        requests[id].phase = .computing
        recordStep(id, .compute, at: scheduler.now)
        requests[id].runStart = scheduler.now
        requests[id].runCores = cores
        requests[id].jobTimer = scheduler.scheduleCancellable(
            Kind.jobDone,
            target: 0,
            payload: id.index,
            after: .seconds(requests[id].work / cores)
        )
    }

    /// Request `id`'s job finished on its device.
    mutating func jobFinished<Queue: PendingEventSet>(_ id: RequestSlot, scheduler: inout Scheduler<Queue>) {
        guard case .pool(let pool) = sites[requests[id].site].role else {
            preconditionFailure("job \(id.index) finished away from a pool at \(scheduler.now)")
        }
        requests[id].jobTimer = nil
        if requests[id].isCounted {
            pools[pool].tally.jobsCompleted += 1
            pools[pool].tally.cpuSeconds += (scheduler.now - requests[id].runStart).seconds * requests[id].runCores
        }
        releaseDevice(of: id)
        respond(id, scheduler: &scheduler)
    }

    /// `device` of `pool` went offline: its transfers fail and its job moves elsewhere,
    /// keeping the work up to its last checkpoint.
    mutating func deviceLeft<Queue: PendingEventSet>(
        pool: PoolID,
        device: DeviceIndex,
        scheduler: inout Scheduler<Queue>
    ) {
        if !pools[pool].devices.link.isEmpty {
            abortFlows(on: pools[pool].devices[link: device], scheduler: &scheduler)
        }
        guard !pools[pool].devices.job.isEmpty else { return }
        let id = pools[pool].devices[job: device]
        guard !id.isNone, requests[id].phase == .computing else { return }
        if let timer = requests[id].jobTimer { scheduler.cancel(timer) }
        requests[id].jobTimer = nil
        let workloadClass = requests[id].workloadClass
        let ran = (scheduler.now - requests[id].runStart).seconds
        var kept = 0.0
        let checkpoint = classes[workloadClass].traits.checkpointSeconds
        if checkpoint > 0 {
            kept = (ran / checkpoint).rounded(.down) * checkpoint
        }
        let cores = requests[id].runCores
        requests[id].work = max(0, requests[id].work - kept * cores)
        if requests[id].isCounted {
            classes[workloadClass].tally.preemptions += 1
            classes[workloadClass].tally.wastedCPUSeconds += (ran - kept) * cores
            pools[pool].tally.preemptions += 1
            pools[pool].tally.cpuSeconds += ran * cores
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
