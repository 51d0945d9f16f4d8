import SimCore
import Testing

@testable import ShareModel

/// The pruned candidate list against a brute-force nearest computation: the complete list
/// sorted, the first `k` of each kind taken from it.
@Suite("Candidate lists")
struct CandidateListTests {
    /// `count` random entries with latencies from a small set (so ties abound) and random kinds.
    static func randomEntries(
        count: Int,
        kinds: [CandidateKind],
        using stream: inout RandomStream
    ) -> [CandidateList.Entry] {
        (0..<count).map { index in
            CandidateList.Entry(
                site: SiteID(UInt32(index)),
                latency: .microseconds(Int64(stream.nextInt(below: 40)) * 250),
                kind: kinds[Int(stream.nextInt(below: UInt64(kinds.count)))]
            )
        }
    }

    /// Whether `a` comes before `b`: nearer, or as near with a lower site id (written out
    /// again here rather than calling the code under test).
    static func before(_ a: CandidateList.Entry, _ b: CandidateList.Entry) -> Bool {
        (a.latency.nanoseconds, a.site.index) < (b.latency.nanoseconds, b.site.index)
    }

    @Test("the pruned list holds exactly the k nearest of each kind, in order, for every k and many seeds")
    func nearestPerKind() {
        var stream = RandomStream(seed: 11, name: "candidate-list")
        for trial in 0..<300 {
            let kinds =
                [[.zone], [.zone, .edge], [.zone, .edge, .pool], [.edge, .pool]][trial % 4] as [CandidateKind]
            let entries = Self.randomEntries(count: Int(stream.nextInt(below: 60)), kinds: kinds, using: &stream)
            let complete = entries.sorted(by: Self.before)
            for k in [1, 2, 3, 5, 8, 64] {
                let list = CandidateList(nearest: k, of: entries)
                var expected: [CandidateList.Entry] = []
                var leftOut = false
                for kind in CandidateKind.allCases {
                    let ofKind = complete.filter { $0.kind == kind }
                    expected += ofKind.prefix(k)
                    leftOut = leftOut || ofKind.count > k
                }
                expected.sort(by: Self.before)
                #expect((0..<list.count).map { list[$0] } == expected, "trial \(trial), k \(k)")
                #expect(list.isComplete == !leftOut, "trial \(trial), k \(k)")
            }
        }
    }

    @Test("on its exact prefix, a filtered scan of the pruned list sees what a scan of the complete list sees")
    func exactPrefix() {
        var stream = RandomStream(seed: 12, name: "candidate-list-prefix")
        for trial in 0..<300 {
            let entries = Self.randomEntries(
                count: 1 + Int(stream.nextInt(below: 60)),
                kinds: [.zone, .edge, .pool],
                using: &stream
            )
            let complete = entries.sorted(by: Self.before)
            for k in [1, 2, 4, 16] {
                let list = CandidateList(nearest: k, of: entries)
                for filter in CandidateFilter.allCases {
                    let exact = list.exactCount(filter)
                    let seen = (0..<exact).map { list[$0] }.filter { filter.admits($0.kind) }
                    let truth = complete.filter { filter.admits($0.kind) }
                    #expect(Array(truth.prefix(seen.count)) == seen, "trial \(trial), k \(k), \(filter)")
                    // Maximal: the prefix ends where the nearest site left out of an admitted kind would come.
                    let bounds = CandidateKind.allCases.filter { filter.admits($0) }.compactMap { kind in
                        complete.filter { $0.kind == kind }.dropFirst(k).first
                    }
                    let expected = (0..<list.count).prefix { position in
                        bounds.allSatisfy { Self.before(list[position], $0) }
                    }.count
                    #expect(exact == expected, "trial \(trial), k \(k), \(filter)")
                    if list.isComplete { #expect(exact == list.count) }
                }
            }
        }
    }

    @Test("position(after:) finds the first candidate after an entry, present or not")
    func positionAfter() {
        var stream = RandomStream(seed: 13, name: "candidate-list-position")
        let entries = Self.randomEntries(count: 200, kinds: [.zone, .edge], using: &stream)
        let list = CandidateList(nearest: Int.max, of: entries)
        #expect(list.isComplete && list.count == 200)
        for entry in entries {
            let linear = (0..<list.count).first { Self.before(entry, list[$0]) } ?? list.count
            #expect(list.position(after: entry) == linear)
            #expect(list[list.position(after: entry) - 1] == entry)
        }
        let outside = CandidateList.Entry(site: SiteID(999), latency: .microseconds(5_000), kind: .edge)
        let linear = (0..<list.count).first { Self.before(outside, list[$0]) } ?? list.count
        #expect(list.position(after: outside) == linear)
    }

    @Test("the documented example: zone 0 is left out, and nothing left out is nearer than the two kept")
    func example() {
        let list = CandidateList(
            nearest: 1,
            of: [
                CandidateList.Entry(site: SiteID(0), latency: .milliseconds(9), kind: .zone),
                CandidateList.Entry(site: SiteID(1), latency: .milliseconds(2), kind: .zone),
                CandidateList.Entry(site: SiteID(2), latency: .milliseconds(5), kind: .edge),
            ]
        )
        #expect(list.sites == [SiteID(1), SiteID(2)])
        #expect(list.exactCount(.all) == 2)
        #expect(list.exactCount(.poolsOnly) == 2)
        #expect(!list.isComplete)
    }
}
