import SimCore

/// The sites a demand may be served by, nearest first: the `k` nearest of each kind (zone,
/// edge site, pool), or all of them once completed.
///
/// The order is that of the complete list: by one-way latency, ties by site id. A pruned
/// list is exact on a prefix: for a ``CandidateFilter``, the first ``exactCount(_:)``
/// entries that pass the filter are exactly the first sites of the complete list that pass
/// it, in the same order, because no site of an admitted kind left out is nearer than
/// they are. A router that scans past that prefix must complete the list first (see
/// `WorldModel.nextCandidate(_:of:)`); so routing over a pruned list decides exactly as it
/// would over the complete one.
///
/// ```swift
/// let list = CandidateList(nearest: 1, of: [
///     CandidateList.Entry(site: SiteID(0), latency: .milliseconds(9), kind: .zone),
///     CandidateList.Entry(site: SiteID(1), latency: .milliseconds(2), kind: .zone),
///     CandidateList.Entry(site: SiteID(2), latency: .milliseconds(5), kind: .edge),
/// ])
/// list.sites                  // [1, 2]: zone 0 is left out
/// list.exactCount(.all)       // 2: nothing left out is nearer than 9 ms
/// ```
struct CandidateList: Sendable {
    /// One candidate site: which, how far (one way) and of what kind.
    struct Entry: Sendable, Equatable {
        /// The site.
        var site: SiteID
        /// The one-way latency from the population to it.
        var latency: SimDuration
        /// Zone, edge site or pool.
        var kind: CandidateKind

        /// Whether it comes before `other` in candidate order: nearer, or as near with a lower id.
        func precedes(_ other: Entry) -> Bool {
            latency != other.latency ? latency < other.latency : site < other.site
        }
    }

    /// The candidates in order, site by site.
    let sites: [SiteID]
    /// The one-way latency to each candidate.
    let latencies: [SimDuration]
    /// The kind of each candidate.
    let kinds: [CandidateKind]
    /// Per filter (``CandidateFilter/all``, ``CandidateFilter/withoutPools``,
    /// ``CandidateFilter/poolsOnly``), the length of the exact prefix.
    private let exactCounts: (Int, Int, Int)
    /// Whether no site was left out.
    let isComplete: Bool
    /// The kinds of site in the list (the same in the complete list: a kind keeps at least one).
    let kindsPresent: CandidateKinds

    /// The `k` nearest entries of each kind among `entries` (all of them, a complete list,
    /// when `k` is `Int.max`), in candidate order.
    ///
    /// - Precondition: `k` is at least 1; sites are distinct.
    /// - Complexity: see ``Builder``.
    init(nearest k: Int, of entries: [Entry]) {
        var builder = Builder(keeping: k)
        for entry in entries { builder.offer(entry) }
        self = builder.build()
    }

    /// Collects candidates one at a time and keeps the `k` nearest of each kind, plus the
    /// nearest one left out (which bounds the exact prefix).
    ///
    /// - Complexity: O(1) for an entry no nearer than the `k + 1` kept of its kind, O(k)
    ///   for one that is; O(k log k) to build the list (O(n log n) for a complete one).
    struct Builder {
        /// The candidates kept of each kind: at most `k + 1`, in order (all, unordered, when
        /// `k` is `Int.max`).
        private var nearest: [[Entry]] = Array(repeating: [], count: CandidateKind.allCases.count)
        /// How many of each kind the list keeps.
        let k: Int

        /// A builder keeping the `k` nearest of each kind (`Int.max`: every candidate).
        ///
        /// - Precondition: `k` is at least 1.
        init(keeping k: Int) {
            precondition(k >= 1, "keep at least one candidate of each kind, not \(k)")
            self.k = k
        }

        /// Offers one more candidate (sites must be distinct).
        mutating func offer(_ entry: Entry) {
            let kind = Int(entry.kind.rawValue)
            guard k < Int.max else {
                nearest[kind].append(entry)
                return
            }
            if nearest[kind].count > k {
                guard entry.precedes(nearest[kind][k]) else { return }
                nearest[kind].removeLast()
            }
            var position = nearest[kind].count
            while position > 0, entry.precedes(nearest[kind][position - 1]) { position -= 1 }
            nearest[kind].insert(entry, at: position)
        }

        /// The list of the candidates offered so far.
        func build() -> CandidateList {
            var kept: [Entry] = []
            var leftOut: [Entry] = []
            for var ofKind in nearest {
                if ofKind.count > k { leftOut.append(ofKind.removeLast()) }
                kept += ofKind
            }
            return CandidateList(sorted: kept.sorted { $0.precedes($1) }, leftOut: leftOut)
        }
    }

    /// The list of `kept`, in candidate order, whose kinds' nearest sites left out are `leftOut`.
    private init(sorted kept: [Entry], leftOut: [Entry]) {
        sites = kept.map(\.site)
        latencies = kept.map(\.latency)
        kinds = kept.map(\.kind)
        isComplete = leftOut.isEmpty
        kindsPresent = kept.reduce(into: CandidateKinds()) { $0.insert($1.kind) }
        let counts = CandidateFilter.allCases.map { filter in
            let bounds = leftOut.filter { filter.admits($0.kind) }
            return kept.prefix { entry in bounds.allSatisfy { entry.precedes($0) } }.count
        }
        exactCounts = (counts[0], counts[1], counts[2])
    }

    /// The number of candidates.
    var count: Int { sites.count }

    /// The entry at `position`.
    subscript(position: Int) -> Entry {
        Entry(site: sites[position], latency: latencies[position], kind: kinds[position])
    }

    /// How many leading candidates are exact for `filter`: those that pass it are the
    /// complete list's first sites that pass it (all of the list when it is complete).
    func exactCount(_ filter: CandidateFilter) -> Int {
        switch filter {
        case .all: exactCounts.0
        case .withoutPools: exactCounts.1
        case .poolsOnly: exactCounts.2
        }
    }

    /// The position of the first candidate after `entry` in candidate order (the count
    /// when there is none).
    ///
    /// - Complexity: O(log count).
    func position(after entry: Entry) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if entry.precedes(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// What a candidate site is, for keeping the nearest of each kind.
enum CandidateKind: UInt8, Sendable, CaseIterable {
    /// A cloud zone.
    case zone
    /// An edge site.
    case edge
    /// A shared pool.
    case pool
}

/// A set of kinds of site, as bits.
struct CandidateKinds: Sendable, Equatable {
    /// Bit `kind.rawValue` is set for each kind in the set.
    private var bits: UInt8 = 0

    /// Adds `kind`.
    mutating func insert(_ kind: CandidateKind) { bits |= 1 << kind.rawValue }

    /// Whether `kind` is in the set.
    func contains(_ kind: CandidateKind) -> Bool { bits & (1 << kind.rawValue) != 0 }
}

/// The kinds of site one scan of a candidate list considers.
enum CandidateFilter: Int, Sendable, CaseIterable {
    /// Every candidate.
    case all
    /// Zones and edge sites.
    case withoutPools
    /// Shared pools.
    case poolsOnly

    /// Whether a scan with this filter considers sites of `kind`.
    func admits(_ kind: CandidateKind) -> Bool {
        switch self {
        case .all: true
        case .withoutPools: kind != .pool
        case .poolsOnly: kind == .pool
        }
    }
}
