import SimCore

/// One device on/off trace being replayed: its reader, the chunk read ahead, and its place.
///
/// `@unchecked Sendable` for the reason ``TraceFeed`` gives: only the model that opened the
/// reader calls it, on the one task that runs the model.
struct DeviceFeed: @unchecked Sendable {
    /// The pool it drives.
    let pool: PoolID
    /// The trace's reader, nil once the trace has ended.
    var reader: (any DeviceTraceReader)?
    var buffer: ContiguousArray<DeviceStateChange> = []
    var cursor = 0
    var lap: Int64 = 0
    var lapHadChanges = false
}

extension WorldModel {
    /// Hands each device trace's devices to its pool (before the pools start) and opens it.
    mutating func buildDeviceTraces() throws(SpecError) {
        for (index, trace) in spec.deviceTraces.enumerated() {
            guard let pool = spec.sharedPools.firstIndex(where: { $0.pool.name == trace.pool }) else {
                throw SpecError(.scenario, SpecField("device_traces").at(index).child("pool"), .other("no such pool"))
            }
            pools[pool].engine.followTrace(devices: trace.devices)
            let reader: any DeviceTraceReader
            do {
                reader = try trace.source.openChanges()
            } catch {
                throw SpecError(.scenario, SpecField("device_traces").at(index).child("file"), .other(error.message))
            }
            deviceFeeds.append(DeviceFeed(pool: PoolID(UInt32(pool)), reader: reader))
        }
    }

    /// Schedules the first change of every device trace.
    mutating func startDeviceTraces<Queue: PendingEventSet>(scheduler: inout Scheduler<Queue>) {
        for index in deviceFeeds.indices { scheduleNextDeviceChange(index, scheduler: &scheduler) }
    }

    /// The change at the front of device trace `index` happens now: the device goes online
    /// or offline (work on a device that leaves is handled as for churn), and the next
    /// change is scheduled.
    ///
    /// - Complexity: O(1) amortised, plus what the device's leaving costs.
    mutating func handleDeviceChange<Queue: PendingEventSet>(_ index: Int, scheduler: inout Scheduler<Queue>) {
        let change = deviceFeeds[index].buffer[deviceFeeds[index].cursor]
        deviceFeeds[index].cursor += 1
        let pool = deviceFeeds[index].pool
        scheduleNextDeviceChange(index, scheduler: &scheduler)
        let device = DeviceIndex(change.device)
        guard
            let transition = pools[pool].engine.setTraced(device, online: change.isOnline, at: scheduler.now)
        else { return }
        if measuring {
            let online = Double(pools[pool].engine.onlineDevices)
            let devices = Double(max(1, pools[pool].engine.deviceCount))
            pools[pool].onlineSeries.record(online / devices, at: scheduler.now)
        }
        if !transition.isOnline {
            deviceLeft(pool: pool, device: transition.device, scheduler: &scheduler)
        }
    }

    /// Schedules the next change of device trace `index`, reading ahead or starting the next
    /// lap when the chunk is used up, if it falls before the run's end.
    mutating func scheduleNextDeviceChange<Queue: PendingEventSet>(_ index: Int, scheduler: inout Scheduler<Queue>) {
        let trace = spec.deviceTraces[index]
        while deviceFeeds[index].cursor == deviceFeeds[index].buffer.count {
            guard let reader = deviceFeeds[index].reader else { return }
            do throws(TraceReadError) {
                try reader.read(into: &deviceFeeds[index].buffer, capacity: TraceFeed.chunk)
                deviceFeeds[index].cursor = 0
                if deviceFeeds[index].buffer.isEmpty {
                    guard trace.loop, deviceFeeds[index].lapHadChanges else {
                        deviceFeeds[index].reader = nil
                        return
                    }
                    try reader.rewind()
                    deviceFeeds[index].lap += 1
                    deviceFeeds[index].lapHadChanges = false
                }
            } catch {
                deviceFeeds[index].reader = nil
                traceProblems.append("device trace \(trace.name) stopped at \(scheduler.now): \(error.message)")
                return
            }
        }
        deviceFeeds[index].lapHadChanges = true
        let change = deviceFeeds[index].buffer[deviceFeeds[index].cursor]
        let time = trace.replayTime(of: change.time, lap: deviceFeeds[index].lap)
        guard time < runEnd else {
            deviceFeeds[index].reader = nil
            return
        }
        scheduler.schedule(Kind.deviceTrace, target: UInt32(index), at: max(time, scheduler.now))
    }
}
