/// The state of the components in saturated mode: components with many flows whose rates
/// are set by a few shared links, so that flows crossing the same shared links (a *flow
/// class*) all have one rate.
///
/// A component in saturated mode has *shared links* (those that carried two or more flows
/// when it entered the mode) and *private links* (each carries one flow and does not limit
/// it). A flow's class is the set of shared links on its path. Max-min fair rates are then
/// the same when computed over classes, each weighted by its number of flows, as over the
/// flows one by one, and a start or end costs O(L² + C·k) for L shared links and C classes of
/// k shared links each, whatever the number of flows.
///
/// Each class keeps a virtual work counter: the bytes one of its flows has delivered since the
/// class was made. A flow stores the counter's value when its progress was last settled, so a
/// change of the class's rate touches no flow. Completions come in order of virtual finish
/// from a heap per class; only the first of them has an entry in the network's completion heap.
struct SaturatedComponents: Sendable {
    /// The most shared links a component in saturated mode may have.
    static let maximumSharedLinks = 64
    /// The most flow classes a component in saturated mode may have.
    static let maximumClasses = 32

    // MARK: Per link

    /// The component the link is a shared link of, or `UInt32.max`.
    var linkComponent: ContiguousArray<UInt32> = []
    /// The classes whose flows cross the link (for shared links only).
    var linkClasses: ContiguousArray<ContiguousArray<UInt32>> = []
    /// Working storage: flows fixed on the link in the current water-filling round.
    var roundCount: ContiguousArray<UInt32> = []

    // MARK: Per component (slots reused)

    /// The shared links of each component, in increasing index order.
    var componentLinks: ContiguousArray<ContiguousArray<UInt32>> = []
    /// The classes of each component.
    var componentClasses: ContiguousArray<ContiguousArray<UInt32>> = []
    /// The number of active flows of each component.
    var componentFlows: ContiguousArray<Int> = []
    /// Component slots not in use.
    var freeComponents: ContiguousArray<UInt32> = []
    /// The number of components in saturated mode.
    var count: Int = 0

    // MARK: Per class (slots reused)

    /// The shared links of each class, in increasing index order.
    var classLinks: ContiguousArray<ContiguousArray<UInt32>> = []
    /// The number of active flows of each class.
    var classFlows: ContiguousArray<Int> = []
    /// The rate of each of the class's flows, in bits per second.
    var classRate: ContiguousArray<Double> = []
    /// The shared link at which water-filling fixed the class's rate.
    var classBottleneck: ContiguousArray<UInt32> = []
    /// Bytes delivered per flow since the class was made, as of `classVirtualAt`.
    var classVirtual: ContiguousArray<Double> = []
    /// The instant `classVirtual` was last advanced, in nanoseconds.
    var classVirtualAt: ContiguousArray<Int64> = []
    /// The flow slot whose completion entry stands for the class, or `UInt32.max`.
    var classHead: ContiguousArray<UInt32> = []
    /// The class's flows by virtual finish, with stale entries removed lazily.
    var classFinishes: ContiguousArray<MinHeap<VirtualFinishEntry>> = []
    /// The private links of the class's flows by capacity, with stale entries removed
    /// lazily; the first bounds the rate the class may have.
    var classPrivateLinks: ContiguousArray<MinHeap<PrivateLinkEntry>> = []
    /// Working storage: the rate and bottleneck water-filling gives each class, and whether
    /// the current pass has fixed it.
    var classNewRate: ContiguousArray<Double> = []
    var classNewBottleneck: ContiguousArray<UInt32> = []
    var classFixed: ContiguousArray<Bool> = []
    /// Class slots not in use.
    var freeClasses: ContiguousArray<UInt32> = []

    // MARK: Working storage

    /// Links whose `roundCount` is not zero.
    var touched: ContiguousArray<UInt32> = []
    /// A class key being built.
    var key: ContiguousArray<UInt32> = []

    /// Adds the state of a new link (not in any component).
    mutating func addLink() {
        linkComponent.append(UInt32.max)
        linkClasses.append([])
        roundCount.append(0)
    }

    /// Whether `link` is a shared link of a component in saturated mode.
    @inline(__always)
    func isShared(_ link: Int) -> Bool { linkComponent[link] != UInt32.max }

    /// A component slot with no links and no classes. O(1) amortised.
    mutating func makeComponent() -> Int {
        count += 1
        if let slot = freeComponents.popLast() { return Int(slot) }
        componentLinks.append([])
        componentClasses.append([])
        componentFlows.append(0)
        return componentLinks.count - 1
    }

    /// A class slot of `component` keyed by `key` (shared links in increasing order), listed
    /// on each of those links, with no flows, rate 0 and virtual work 0 at `nanoseconds`.
    mutating func makeClass(in component: Int, at nanoseconds: Int64) -> Int {
        let slot: Int
        if let free = freeClasses.popLast() {
            slot = Int(free)
        } else {
            classLinks.append([])
            classFlows.append(0)
            classRate.append(0)
            classBottleneck.append(UInt32.max)
            classVirtual.append(0)
            classVirtualAt.append(0)
            classHead.append(UInt32.max)
            classFinishes.append(MinHeap())
            classPrivateLinks.append(MinHeap())
            classNewRate.append(0)
            classNewBottleneck.append(UInt32.max)
            classFixed.append(false)
            slot = classLinks.count - 1
        }
        classLinks[slot].append(contentsOf: key)
        classFlows[slot] = 0
        classRate[slot] = 0
        classBottleneck[slot] = UInt32.max
        classVirtual[slot] = 0
        classVirtualAt[slot] = nanoseconds
        classHead[slot] = UInt32.max
        for link in key { linkClasses[Int(link)].append(UInt32(slot)) }
        componentClasses[component].append(UInt32(slot))
        return slot
    }

    /// Sorts the working key in place by insertion: keys are a few links long, and the
    /// standard sort's buffer would allocate. O(k²).
    mutating func sortKey() {
        guard key.count > 1 else { return }
        for end in 1..<key.count {
            let moving = key[end]
            var position = end
            while position > 0, key[position - 1] > moving {
                key[position] = key[position - 1]
                position -= 1
            }
            key[position] = moving
        }
    }

    /// The class keyed by the working key `key`, or nil. O(classes on its first link · k).
    @inline(__always)
    func findClassOfKey() -> Int? {
        guard let first = key.first else { return nil }
        for candidate in linkClasses[Int(first)] where classLinks[Int(candidate)] == key {
            return Int(candidate)
        }
        return nil
    }

    /// Frees `component`, its classes and its links' lists (the flows must already have
    /// left them). O(links + classes).
    mutating func discard(_ component: Int) {
        for slot in componentClasses[component] {
            let index = Int(slot)
            classLinks[index].removeAll(keepingCapacity: true)
            classFinishes[index].removeAll()
            classPrivateLinks[index].removeAll()
            classFlows[index] = 0
            classHead[index] = UInt32.max
            freeClasses.append(slot)
        }
        for link in componentLinks[component] {
            linkComponent[Int(link)] = UInt32.max
            linkClasses[Int(link)].removeAll(keepingCapacity: true)
        }
        componentLinks[component].removeAll(keepingCapacity: true)
        componentClasses[component].removeAll(keepingCapacity: true)
        componentFlows[component] = 0
        freeComponents.append(UInt32(component))
        count -= 1
    }
}

/// A flow of a class by virtual finish: the class's virtual work at which the flow has
/// delivered all its bytes.
struct VirtualFinishEntry: MinHeapElement, Sendable {
    /// The virtual finish, in bytes per flow.
    var finish: Double
    /// The flow slot.
    var flow: UInt32
    /// The slot's generation when pushed; an entry with another generation is stale.
    var generation: UInt32

    static func precedes(_ lhs: VirtualFinishEntry, _ rhs: VirtualFinishEntry) -> Bool {
        lhs.finish < rhs.finish || (lhs.finish == rhs.finish && lhs.flow < rhs.flow)
    }
}

/// A private link of a class's flow, by capacity then link index.
struct PrivateLinkEntry: MinHeapElement, Sendable {
    /// The link's capacity when pushed, in bits per second.
    var capacity: Double
    /// The link index.
    var link: UInt32
    /// The flow slot it carries.
    var flow: UInt32
    /// The slot's generation when pushed; an entry with another generation is stale.
    var generation: UInt32

    static func precedes(_ lhs: PrivateLinkEntry, _ rhs: PrivateLinkEntry) -> Bool {
        lhs.capacity < rhs.capacity || (lhs.capacity == rhs.capacity && lhs.link < rhs.link)
    }
}
