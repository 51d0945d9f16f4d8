import Foundation
import SimCore
import Testing

@testable import Scenario
@testable import ShareModel

/// Streams as playback sessions: start-up delay and rebuffering against their analytic values
/// for one viewer on one line, the player's bookkeeping step by step, and bad players refused.
@Suite("Playback sessions")
struct PlaybackScenarioTests {
    /// One viewer 5 ms from one region, on a line of `line`, watching a video of
    /// `videoSeconds` at `bitrate` (bit/s), with `playback`.
    static func scenario(line: String, bitrate: Double, videoSeconds: Double, playback: String) -> String {
        let bytes = Int(videoSeconds * bitrate / 8)
        return """
            duration: 30 min
            workloads:
              - name: video
                kind: stream
                catalogue: 1
                object_size: \(bytes) B
                bitrate: \(Int(bitrate)) bps
                service: 2 ms
                playback: \(playback)
            regions:
              - name: hz
                location: [30.27, 120.15]
                zones: [{name: hz-a, servers: 4}]
            latency:
              measured:
                - {between: [viewers, hz], latency: 5 ms}
            populations:
              - name: viewers
                location: [31.23, 121.47]
                line: \(line)
                workloads: [{workload: video, arrivals: {process: burst, count: 1, at: 1 s}}]
            """
    }

    static func playback(_ text: String) throws -> PlaybackResults {
        let scenario = try Scenario.parse(text, name: "playback.yaml")
        let results = try ModelRun.run(scenario.spec, seed: 1)
        #expect(results.workloads[0].served == 1)
        return try #require(results.workloads[0].playback)
    }

    @Test("r < C: start-up delay is the round trip, the handling and one buffer at the line's rate; no stall")
    func startupOnAFastLine() throws {
        // 2 Mbit/s on a 10 Mbit/s line, a 4 s start-up buffer (one 4 s segment): 5 ms there,
        // 2 ms handling, 4 × 2 / 10 = 0.8 s of transfer, 5 ms back.
        let playback = try Self.playback(
            Self.scenario(line: "10 Mbps", bitrate: 2e6, videoSeconds: 120, playback: "{segment: 4 s, startup: 4 s}")
        )
        let expected = 0.005 + 0.002 + 0.8 + 0.005
        #expect(abs((playback.startupP50 ?? 0) - expected) < 1e-3 * expected, "\(playback.startupP50 ?? -1)")
        #expect(abs((playback.startupMean ?? 0) - expected) < 1e-6, "\(playback.startupMean ?? -1)")
        #expect(playback.rebuffersPerSession == 0)
        #expect(playback.rebufferRatio == 0)
        #expect(playback.watchedSeconds == 120)
    }

    @Test("time to first byte means the same for a stream: its first segment's first byte, 5 + 2 + 5 ms")
    func streamFirstByte() throws {
        let text = Self.scenario(line: "10 Mbps", bitrate: 2e6, videoSeconds: 120, playback: "{segment: 4 s}")
        let results = try ModelRun.run(try Scenario.parse(text, name: "ttfb.yaml").spec, seed: 1)
        let firstByte = try #require(results.workloads[0].timeToFirstByteP50)
        #expect(abs(firstByte - 0.012) < 0.012e-3, "\(firstByte)")
    }

    @Test("r > C: the rebuffering ratio is 1 - C/r")
    func rebufferingOnASlowLine() throws {
        // 4 Mbit/s video on a 2 Mbit/s line: the player receives media at half speed, so of
        // the viewing time (watched plus stalled) half is stalled. Each 8 s segment costs a
        // 10 ms round trip beyond its 16 s transfer, which the ratio carries (0.03%).
        let playback = try Self.playback(
            Self.scenario(
                line: "2 Mbps",
                bitrate: 4e6,
                videoSeconds: 600,
                playback: "{segment: 8 s, startup: 8 s, resume: 8 s}"
            )
        )
        let ratio = try #require(playback.rebufferRatio)
        #expect(abs(ratio - (1 - 2.0 / 4.0)) < 0.02 * 0.5, "\(ratio)")
        // It stalls after every segment but the last: each arrives as the last one ends.
        #expect((playback.rebuffersPerSession ?? 0) >= 70, "\(playback.rebuffersPerSession ?? -1)")
        #expect(playback.rebufferedShare == 1)
    }

    @Test("the player, step by step: start, fetch ahead until the buffer is full, stall where it runs dry, resume")
    func playerBookkeeping() {
        let player = PlayerBuffers(
            PlaybackSpec(segmentSeconds: 4, startupSeconds: 8, resumeSeconds: 4, bufferAheadSeconds: 12)
        )
        let start = SimTime(.seconds(10))
        var session = PlaybackSession(videoSeconds: 40, watchSeconds: 30, created: start)
        // The first segment does not fill the 8 s start-up buffer: fetch on at once.
        #expect(session.segmentArrived(at: start + .seconds(1), player: player) == .fetch(at: start + .seconds(1)))
        #expect(session.state == .starting)
        // The second does: playback starts at 12 s; with 8 s buffered of 12 there is room for 4 more.
        #expect(session.segmentArrived(at: start + .seconds(2), player: player) == .fetch(at: start + .seconds(2)))
        #expect(session.startupDelay == .seconds(2))
        // The third fills the buffer (12 s held at playhead 0.5): the next fits once the playhead reaches 4.
        #expect(session.segmentArrived(at: start + .seconds(2.5), player: player) == .fetch(at: start + .seconds(6)))
        // The fourth comes late: the buffer (12 s) ran dry at 14 s (playhead 12); it arrives at
        // 15 s, and 4 s is enough to resume at once: one stall of 1 s.
        #expect(session.segmentArrived(at: start + .seconds(15), player: player) == .fetch(at: start + .seconds(15)))
        #expect(session.rebuffers == 1)
        #expect(abs(session.rebufferSeconds - 1) < 1e-9)
        #expect(session.state == .playing)
        // Segments to 28 s and then 32 s: the 30 s watched are in, the session is complete.
        _ = session.segmentArrived(at: start + .seconds(16), player: player)
        _ = session.segmentArrived(at: start + .seconds(17), player: player)
        _ = session.segmentArrived(at: start + .seconds(18), player: player)
        #expect(session.segmentArrived(at: start + .seconds(19), player: player) == .complete)
        #expect(session.rebuffers == 1)
    }

    @Test("conservation: every session ends once, and the bytes served are whole segments, all sent by the region")
    func sessionsConserveBytes() throws {
        // Fifty viewers at once, 60 s videos at 1 Mbit/s in 4 s segments (500,000 bytes each),
        // each watching exp(30 s) of it.
        let text = Self.scenario(
            line: "10 Mbps",
            bitrate: 1e6,
            videoSeconds: 60,
            playback: "{segment: 4 s, startup: 4 s, watch: \"exp(30 s)\"}"
        ).replacingOccurrences(of: "count: 1, at: 1 s", with: "count: 50, at: 1 s")
        let scenario = try Scenario.parse(text, name: "conservation.yaml")
        let results = try ModelRun.run(scenario.spec, seed: 7)
        let video = results.workloads[0]
        #expect(video.arrived == 50 && video.served == 50 && video.inFlight == 0 && video.failed == 0)
        let playback = try #require(video.playback)
        #expect(playback.sessions == 50)
        let segments = video.bytesDelivered / 500_000
        #expect(segments == segments.rounded() && segments >= 50, "\(video.bytesDelivered) bytes")
        #expect(results.regions[0].egressBytes == video.bytesDelivered)
        // Each session received whole segments covering what it watched, so no more than one
        // segment beyond it: watched ≤ received media < watched + 4 s per session.
        let media = video.bytesDelivered * 8 / 1e6
        #expect(media >= playback.watchedSeconds && media < playback.watchedSeconds + 4 * 50)
    }

    @Test("the rendition follows the buffer: lowest in the reservoir, highest once the buffer ahead is full")
    func renditionFollowsTheBuffer() {
        let player = PlayerBuffers(PlaybackSpec(segmentSeconds: 4, bufferAheadSeconds: 30))
        let ladder = [1e6, 2e6, 4e6]
        #expect(player.rung(forBuffer: 0, rates: ladder) == 0)
        #expect(player.rung(forBuffer: 4, rates: ladder) == 0)
        // 15 s: 1 + 3 × (15 - 4) / (26 - 4) = 2.5 Mbit/s, so the 2 Mbit/s rendition; 26 s is
        // all the player holds when it asks (30 s ahead less a segment): the top.
        #expect(player.rung(forBuffer: 15, rates: ladder) == 1)
        #expect(player.rung(forBuffer: 25.9, rates: ladder) == 1)
        #expect(player.rung(forBuffer: 26, rates: ladder) == 2)
        #expect(player.rung(forBuffer: 30, rates: [3e6]) == 0)
        // The throughput rule lifts it: 3 Mbit/s measured carries 2 Mbit/s (≤ 0.8 × 3), not 4.
        #expect(player.rung(forBuffer: 0, throughput: 3e6, rates: ladder) == 1)
        #expect(player.rung(forBuffer: 0, throughput: 5e6, rates: ladder) == 2)
        #expect(player.rung(forBuffer: 26, throughput: 1e6, rates: ladder) == 2)
    }

    @Test("with a ladder, a 3 Mbit/s line settles below the 4 Mbit/s top without stalling; a fast line reaches it")
    func ladderAdaptsToTheLine() throws {
        let ladder = "{segment: 4 s, startup: 4 s, ladder: [1 Mbps, 2 Mbps, 4 Mbps]}"
        let slow = try Self.playback(Self.scenario(line: "3 Mbps", bitrate: 4e6, videoSeconds: 600, playback: ladder))
        let slowRate = try #require(slow.averageBitrate)
        // The line sustains at most 3 Mbit/s of media on average: more would drain the buffer for good.
        #expect(slowRate > 1e6 && slowRate <= 3e6, "\(slowRate)")
        #expect(slow.rebuffersPerSession == 0)
        let fast = try Self.playback(Self.scenario(line: "40 Mbps", bitrate: 4e6, videoSeconds: 600, playback: ladder))
        let fastRate = try #require(fast.averageBitrate)
        #expect(fastRate > 3.5e6 && fastRate <= 4e6, "\(fastRate)")
        // Without a ladder, every segment is at the bitrate.
        let single = try Self.playback(
            Self.scenario(line: "40 Mbps", bitrate: 4e6, videoSeconds: 600, playback: "{segment: 4 s}")
        )
        #expect(single.averageBitrate == 4e6)
    }

    @Test(
        "bad players are located errors",
        arguments: [
            ("{ladder: [1 Mbps, 800 kbps, 2 Mbps]}", "renditions must go up"),
            ("{ladder: [1 Mbps, 3 Mbps]}", "must be the stream's 'bitrate'"),
            ("{startup: 40 s, buffer_ahead: 30 s}", "buffer_ahead"),
            ("{startup: 200 s, buffer_ahead: 300 s}", "longer than the mean video"),
            ("{segment: 0 s}", "segment"),
            ("{watch: fast}", "watch"),
            ("{rewind: 3 s}", "rewind"),
        ]
    )
    func badPlayers(playback: String, expected: String) throws {
        do {
            _ = try Scenario.parse(
                Self.scenario(line: "10 Mbps", bitrate: 2e6, videoSeconds: 120, playback: playback),
                name: "bad.yaml"
            )
            Issue.record("\(playback) was accepted")
        } catch {
            let message = "\(error)"
            #expect(message.contains("bad.yaml:"), "\(message)")
            #expect(message.contains(expected), "\(message)")
        }
    }
}
