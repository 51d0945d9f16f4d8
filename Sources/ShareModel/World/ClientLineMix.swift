public import SimCore

/// The downlinks of a population's clients: each request's client has a line of its own,
/// drawn from a mix of access technologies (home fibre, DSL, 4G/5G), and every transfer to
/// it is capped by that line in the flow network, whatever serves it.
public struct ClientLineMix: Hashable, Sendable {
    /// One access technology: its share of the clients and their lines' downlink rates.
    public struct Technology: Hashable, Sendable {
        /// A name for people, such as `fibre` or `5g`.
        public var name: String
        /// The share of clients on it, in (0, 1]; the shares of a mix sum to 1.
        public var share: Double
        /// The downlink of one client's line in bits per second, drawn per request.
        public var bitsPerSecond: SampledDistribution

        /// A technology `name` for `share` of the clients with lines of `bitsPerSecond`.
        public init(name: String, share: Double, bitsPerSecond: SampledDistribution) {
            self.name = name
            self.share = share
            self.bitsPerSecond = bitsPerSecond
        }
    }

    /// The technologies, in the order written.
    public var technologies: [Technology]

    /// The slowest line a draw gives (1 kbit/s): a distribution that can reach zero or below
    /// (a normal) is clamped here, so that no transfer stalls for ever.
    public static let slowestBitsPerSecond = 1_000.0

    /// How far the shares may sum from 1.
    public static let shareTolerance = 1e-6

    /// A mix of `technologies`.
    public init(technologies: [Technology]) {
        self.technologies = technologies
    }

    /// Every client on one kind of line with rates `bitsPerSecond`.
    public init(bitsPerSecond: SampledDistribution) {
        self.technologies = [Technology(name: "line", share: 1, bitsPerSecond: bitsPerSecond)]
    }

    /// A client's line in bits per second: a technology by share, then a rate from it (at
    /// least ``slowestBitsPerSecond``). Two draws from `stream` (one with a single technology).
    public func draw(using stream: inout RandomStream) -> Double {
        var chosen = technologies.count - 1
        if technologies.count > 1 {
            var left = stream.nextUnit()
            for (index, technology) in technologies.enumerated() {
                left -= technology.share
                if left < 0 {
                    chosen = index
                    break
                }
            }
        }
        return Swift.max(Self.slowestBitsPerSecond, technologies[chosen].bitsPerSecond.sample(using: &stream))
    }

    /// The mean line rate over the mix, in bits per second (before the clamp).
    public var meanBitsPerSecond: Double {
        technologies.reduce(0) { $0 + $1.share * $1.bitsPerSecond.mean }
    }
}
