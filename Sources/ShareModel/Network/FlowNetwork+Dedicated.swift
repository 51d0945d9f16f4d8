import SimCore

/// Dedicated links and the slack fast path.
///
/// A *dedicated* link carries at most one flow at a time (a client's own line), so its
/// capacity caps that flow. For each other link the network keeps the sum of the caps of the
/// flows crossing it (each rounded up to a whole bit per second, summed exactly) and the number
/// of flows crossing it with no dedicated link. A link whose flows all have caps that sum to at
/// most `(1 - slackMargin)` of its capacity is *slack*: it limits none of its flows, in the
/// max-min allocation and in water-filling, which pops each such flow's dedicated link at
/// exactly its capacity before the slack link's share can come down to it (the margin is far
/// larger than the rounding that remaining capacities accumulate).
///
/// A flow that starts with a dedicated link while every other link on its path stays slack
/// gets its cap and changes no other rate: no other flow was limited by a link on its path, so
/// every other flow keeps its bottleneck. A flow that ends while every other link on its path
/// was slack frees capacity no other flow was held back by. Both cost O(p) for a path of p
/// links instead of a recompute of the component, and give the rates a recompute would, bit
/// for bit: a CDN's egress carrying thousands of transfers each capped by its viewer's line,
/// none of them saturating it, costs O(p) per transfer start and end.
extension FlowNetwork {
    /// The fraction of a link's capacity that the caps of its flows must leave free for the
    /// link to count as slack.
    static let slackMargin = 1e-6

    /// A flow's cap as summed into its links' demand: its dedicated links' smallest capacity
    /// rounded up (at most 2⁵⁰ bit/s), or ``uncapped``.
    static func demandUnits(ofCap cap: Double) -> UInt64 {
        cap.isFinite ? UInt64(Swift.min(cap.rounded(.up), 0x4_0000_0000_0000)) : uncapped
    }

    /// The demand of a flow with no dedicated link.
    static let uncapped = UInt64.max

    /// Adds a dedicated link of capacity `capacityBitsPerSecond` (finite, ≥ 0): it may carry
    /// one flow at a time, and its capacity caps that flow. Returns its id (dense, in order of
    /// addition, shared with ``addLink(capacityBitsPerSecond:)``).
    ///
    /// - Throws: ``SpecError`` naming the new link and `capacity`.
    /// - Complexity: O(1) amortised.
    public mutating func addDedicatedLink(capacityBitsPerSecond: Double) throws(SpecError) -> LinkID {
        let link = try addLink(capacityBitsPerSecond: capacityBitsPerSecond)
        linkIsDedicated[Int(link.index)] = true
        return link
    }

    /// Whether `link` was added by ``addDedicatedLink(capacityBitsPerSecond:)``.
    public func isDedicated(_ link: LinkID) -> Bool {
        precondition(Int(link.index) < linkCapacity.count, "unknown link \(link.index)")
        return linkIsDedicated[Int(link.index)]
    }

    /// Whether `link` is slack: not dedicated, not in saturated mode, every flow on it capped,
    /// and the caps, with `extra` more, within its capacity less the margin.
    func isSlack(_ link: Int, adding extra: UInt64) -> Bool {
        guard linkUnlined[link] == 0, !saturated.isShared(link) else { return false }
        let (demand, overflow) = linkLineDemand[link].addingReportingOverflow(extra)
        return !overflow && Double(demand) <= linkCapacity[link] * (1 - Self.slackMargin)
    }

    /// The demand of slot `index` from its path's dedicated links (``uncapped`` without one).
    func demandUnits(ofFlow index: Int) -> UInt64 {
        var cap = Double.infinity
        for link in flowPath[index] where linkIsDedicated[Int(link)] { cap = Swift.min(cap, linkCapacity[Int(link)]) }
        return Self.demandUnits(ofCap: cap)
    }

    /// Adds (`sign` 1) or removes (-1) slot `index`'s demand on the other links of its path.
    mutating func applyDemand(of index: Int, sign: Int) {
        let demand = flowDemand[index]
        for link in flowPath[index] where !linkIsDedicated[Int(link)] {
            let position = Int(link)
            if demand == Self.uncapped {
                linkUnlined[position] = sign > 0 ? linkUnlined[position] + 1 : linkUnlined[position] - 1
            } else {
                linkLineDemand[position] =
                    sign > 0 ? linkLineDemand[position] &+ demand : linkLineDemand[position] &- demand
            }
        }
    }

    /// Gives just-linked slot `index` its cap if every non-dedicated link on its path stays
    /// slack with it; returns whether it did (the caller then recomputes nothing).
    mutating func startWithSlack(_ index: Int) -> Bool {
        let demand = flowDemand[index]
        guard demand != Self.uncapped else { return false }
        for link in flowPath[index] where !linkIsDedicated[Int(link)] {
            guard isSlack(Int(link), adding: demand) else { return false }
        }
        var cap = Double.infinity
        for link in flowPath[index] where linkIsDedicated[Int(link)] { cap = Swift.min(cap, linkCapacity[Int(link)]) }
        flowRate[index] = cap
        refreshCompletion(index)
        lastRecomputedFlowCount = 1
        lastRecomputedLinkCount = flowPath[index].count
        return true
    }

    /// Whether ending slot `index` changes no other flow's rate: it has a dedicated link and
    /// every other link on its path is slack with it still counted.
    func endsWithSlack(_ index: Int) -> Bool {
        guard flowDemand[index] != Self.uncapped else { return false }
        for link in flowPath[index] where !linkIsDedicated[Int(link)] {
            guard isSlack(Int(link), adding: 0) else { return false }
        }
        return true
    }
}
