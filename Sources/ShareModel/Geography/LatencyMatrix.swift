public import SimCore

/// The fixed one-way latency between every pair of N endpoints, precomputed for the hot path.
///
/// Build it once from a ``LatencyModel`` when a simulation is set up; then each lookup is one
/// array read by dense index (the endpoints' positions in the array given to ``init(endpoints:model:)``),
/// with no hashing, no strings and no floating point. Every entry equals
/// ``LatencyModel/latency(from:to:)`` for the same pair. Latency is symmetric, so only the
/// lower triangle is stored: N (N + 1) / 2 eight-byte entries (about 4 MB for 1,000 endpoints,
/// 400 MB for 10,000).
public struct LatencyMatrix: Sendable {
    /// The endpoint names, in index order.
    public let names: [String]

    /// Lower triangle with the diagonal, row by row: entry (i, j) with j <= i is at i (i + 1) / 2 + j.
    @usableFromInline
    let nanoseconds: ContiguousArray<Int64>

    /// The per-message jitter settings of the model the matrix was built from.
    public let jitter: LatencyJitter

    /// The latencies between all pairs of `endpoints` under `model`.
    ///
    /// - Throws: ``SpecError`` about the site, field `name`, if two endpoints share a name (overrides and
    ///   jitter are keyed by name, so the names must tell endpoints apart).
    /// - Complexity: O(N²) latency computations for N endpoints.
    public init(endpoints: [LatencyEndpoint], model: LatencyModel) throws(SpecError) {
        var seen = Set<String>()
        for endpoint in endpoints where !seen.insert(endpoint.name).inserted {
            throw SpecError(SpecElement(.site, name: endpoint.name), .name, .duplicateName(endpoint.name))
        }
        var table = ContiguousArray<Int64>()
        table.reserveCapacity(endpoints.count * (endpoints.count + 1) / 2)
        for row in endpoints.indices {
            for column in 0...row {
                table.append(model.latency(from: endpoints[row], to: endpoints[column]).nanoseconds)
            }
        }
        names = endpoints.map(\.name)
        nanoseconds = table
        jitter = model.jitter
    }

    /// The number of endpoints.
    @inlinable public var count: Int { names.count }

    /// The fixed one-way latency between the endpoints at indices `a` and `b` (either order).
    ///
    /// - Precondition: both indices are in `0..<count`.
    /// - Complexity: O(1).
    @inlinable
    public func latency(_ a: Int, _ b: Int) -> SimDuration {
        precondition(a >= 0 && a < count && b >= 0 && b < count, "endpoint index out of range: \(a), \(b) of \(count)")
        let row = Swift.max(a, b)
        return SimDuration(nanoseconds: nanoseconds[row &* (row &+ 1) / 2 &+ Swift.min(a, b)])
    }

    /// The one-way latency of one message between the endpoints at indices `a` and `b`: the
    /// fixed latency plus a per-message extra drawn from `messageJitter` (nothing is drawn
    /// when ``LatencyJitter/messageSpread`` is zero).
    ///
    /// - Complexity: O(1).
    @inlinable
    public func latency(_ a: Int, _ b: Int, messageJitter: inout RandomStream) -> SimDuration {
        latency(a, b) + jitter.messageExtra(using: &messageJitter)
    }

    /// The index of the endpoint called `name`, if any.
    ///
    /// - Complexity: O(N); for setting up, not for the hot path.
    public func index(named name: String) -> Int? {
        names.firstIndex { $0.utf8.elementsEqual(name.utf8) }
    }
}
