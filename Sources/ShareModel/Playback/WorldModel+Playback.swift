import SimCore

extension WorldModel {
    /// Stores `session` in a free slot of ``sessions`` (or a new one) and returns the slot.
    mutating func openSession(_ session: PlaybackSession) -> Int32 {
        if let slot = freeSessions.popLast() {
            sessions[Int(slot)] = session
            return slot
        }
        precondition(sessions.count < Int(Int32.max), "more than 2 billion streams in flight")
        sessions.append(session)
        return Int32(sessions.count - 1)
    }

    /// Frees request `id`'s playback session, if it has one.
    mutating func endSession(of id: RequestSlot) {
        let slot = requests[id].session
        guard slot >= 0 else { return }
        freeSessions.append(slot)
        requests[id].session = -1
    }

    /// The bytes request `id`'s next transfer carries: a stream's next segment (remembered
    /// by its session), else the request's bytes.
    mutating func nextTransferBytes(of id: RequestSlot) -> Double {
        let slot = Int(requests[id].session)
        guard slot >= 0 else { return requests[id].bytes }
        let row = requests[id].workloadClass.offset
        let player = classes[row].traits.player
        var rate = classes[row].traits.streamBitrate
        if !classes[row].ladder.isEmpty {
            let rung = player.rung(
                forBuffer: sessions[slot].requestBuffer,
                throughput: sessions[slot].lastThroughput,
                rates: classes[row].ladder
            )
            rate = classes[row].ladder[rung]
        }
        let media = sessions[slot].segmentMedia(sessions[slot].nextSegment, player: player)
        sessions[slot].segmentRate = rate
        sessions[slot].segmentBytes = media * rate / 8
        return sessions[slot].segmentBytes
    }

    /// The bytes of request `id`'s transfer that just ended: a stream's segment, else the
    /// request's bytes.
    func transferredBytes(of id: RequestSlot) -> Double {
        let slot = Int(requests[id].session)
        return slot >= 0 ? sessions[slot].segmentBytes : requests[id].bytes
    }

    /// Remembers where stream `id`'s segments come from, for the next ones.
    mutating func rememberSource(of id: RequestSlot, sender: LinkID, relayPath: Int32, relay: LinkID) {
        let slot = Int(requests[id].session)
        guard slot >= 0 else { return }
        sessions[slot].sender = sender
        sessions[slot].relayPath = relayPath
        sessions[slot].relay = relay
    }

    /// Request `id`'s transfer ended with all its bytes sent (accounted by the caller): a
    /// download or answer goes back to its client; a stream's segment reaches the player one
    /// way later, which either has the watched part whole (the session is served when it
    /// arrives) or asks for the next segment when it fits in its buffer.
    mutating func transferArrived<Queue: PendingEventSet>(_ id: RequestSlot, scheduler: inout Scheduler<Queue>) {
        let slot = Int(requests[id].session)
        guard slot >= 0 else {
            respond(id, scheduler: &scheduler)
            return
        }
        let oneWay = requests[id].routeLatency
        let player = classes[requests[id].workloadClass].traits.player
        switch sessions[slot].segmentArrived(at: scheduler.now + oneWay, player: player) {
        case .complete:
            requests[id].bytes = sessions[slot].receivedBytes
            requests[id].stallSeconds = sessions[slot].rebufferSeconds
            respond(id, scheduler: &scheduler)
        case .fetch(let at):
            requests[id].phase = .betweenSegments
            // The player's request travels one way to the source.
            scheduler.schedule(Kind.segmentRequest, target: 0, payload: id.index, at: at + oneWay)
        }
    }

    /// Stream `id`'s request for its next segment reaches its source: the segment is sent if
    /// the source can still send it, else the attempt fails (and is retried elsewhere, the
    /// player keeping what it has).
    mutating func segmentRequested<Queue: PendingEventSet>(_ id: RequestSlot, scheduler: inout Scheduler<Queue>) {
        guard sourceCanSend(id) else {
            attemptEnded(id, loss: .failed, scheduler: &scheduler)
            return
        }
        let slot = Int(requests[id].session)
        startTransfer(
            id,
            sender: sessions[slot].sender,
            relayPath: sessions[slot].relayPath,
            relay: sessions[slot].relay,
            scheduler: &scheduler
        )
    }

    /// Whether the site serving request `id` can still send: its zone is up; its edge site is
    /// up (and, for a miss, its origin can serve); its device is online.
    func sourceCanSend(_ id: RequestSlot) -> Bool {
        switch sites[requests[id].site].role {
        case .zone(let zone):
            return zones[zone].engine.isUp
        case .edge(let edge):
            guard edgeSites[edge].isUp else { return false }
            return requests[id].servedBy != .origin || regions[edgeSites[edge].originRegion].canServeOrigin
        case .pool(let pool):
            return pools[pool].engine.canServe(requests[id].device)
        }
    }

    /// Counts served stream `id`'s playback: its start-up delay, rebuffers and watched time.
    mutating func recordPlayback(_ id: RequestSlot) {
        let slot = Int(requests[id].session)
        guard slot >= 0, requests[id].isCounted else { return }
        let session = sessions[slot]
        let row = requests[id].workloadClass.offset
        classes[row].tally.watchedSeconds += session.watchSeconds
        classes[row].tally.receivedMediaSeconds += session.receivedMedia
        classes[row].tally.receivedMediaBits += session.receivedMediaBits
        classes[row].tally.rebuffers += UInt64(session.rebuffers)
        if session.rebuffers > 0 { classes[row].tally.rebufferedSessions += 1 }
        if let delay = session.startupDelay {
            if classes[row].tally.startupDelay == nil {
                classes[row].tally.startupDelay = LatencyHistogram(highestTrackable: WorkloadTallyLimits.latencyRange)
            }
            classes[row].tally.startupDelay!.record(delay)
        }
    }
}
