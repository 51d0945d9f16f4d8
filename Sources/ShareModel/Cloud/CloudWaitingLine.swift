public import SimCore

/// One request waiting for a slot in a zone.
public struct CloudWaitingRequest: Hashable, Sendable {
    /// The request.
    public var request: CloudRequestID
    /// Its workload class.
    public var workloadClass: CloudWorkloadClass
    /// When it arrived.
    public var arrival: SimTime
    /// Its service time in seconds as a trace gives it, or -1 to draw one from the zone's
    /// distribution for its class.
    public var serviceSeconds: Double = -1
}

/// A zone's first-come-first-served line of waiting requests.
typealias CloudWaitingLine = FIFOLine<CloudWaitingRequest>

/// A first-in-first-out line of values: a zone's waiting requests, or its deadlines.
///
/// An array with a moving head: removing from the front advances the head, and the consumed
/// prefix is dropped once it is at least half the storage, so both ends cost amortised O(1)
/// and the storage stops growing once it has held the longest line.
struct FIFOLine<Element: Sendable>: Sendable {
    private var storage: ContiguousArray<Element> = []
    private var head = 0

    init() {}

    /// The number of waiting requests.
    var count: Int { storage.count - head }

    /// Whether no request waits.
    var isEmpty: Bool { head == storage.count }

    /// The oldest waiting request, or nil.
    var first: Element? { isEmpty ? nil : storage[head] }

    /// Adds `request` at the back.
    ///
    /// - Complexity: amortised O(1).
    mutating func append(_ request: Element) {
        storage.append(request)
    }

    /// Removes and returns the oldest request, or nil when empty.
    ///
    /// - Complexity: amortised O(1).
    mutating func popFirst() -> Element? {
        guard head < storage.count else { return nil }
        let request = storage[head]
        head += 1
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64 && head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return request
    }

    /// Removes every request, handing each to `body` oldest first.
    mutating func removeAll(_ body: (Element) -> Void) {
        for index in head..<storage.count { body(storage[index]) }
        storage.removeAll(keepingCapacity: true)
        head = 0
    }
}
