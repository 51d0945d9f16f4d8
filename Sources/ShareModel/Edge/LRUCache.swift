/// A least-recently-used cache of objects with sizes, bounded in bytes.
///
/// Objects are dense integer ids `0..<catalogueSize` (a catalogue interned at load time), so
/// the cache keeps its state in arrays indexed by object id instead of a dictionary: a
/// doubly linked recency list threaded through `previous`/`next` `Int32` arrays, most
/// recent at the head, and the size of each resident object (0 when not resident).
///
/// - Memory: 16 bytes per catalogue object (two `Int32` links and one `Int64` size),
///   allocated once, when the first object is cached, whatever the capacity; 10^6 objects
///   take 16 MB, and a cache never used (most of thousands of edge sites) takes nothing.
///   ``access(object:size:)`` allocates only on that first insertion.
/// - Complexity: ``access(object:size:)`` and ``contains(object:)`` are O(1), plus O(1)
///   per eviction (each insertion is evicted at most once, so O(1) amortised).
///
/// ```swift
/// var cache = try LRUCache(capacityBytes: 2, catalogueSize: 10)
/// cache.access(object: 1, size: 1)  // false: miss, now cached
/// cache.access(object: 1, size: 1)  // true: hit
/// ```
public struct LRUCache: Sendable {
    /// The byte budget (bytes, > 0): the resident objects' sizes never sum above it.
    public let capacityBytes: Int64
    /// The number of objects in the catalogue; ids are `0..<catalogueSize`.
    public let catalogueSize: Int

    /// The next less recently used object, or -1 at the tail. Meaningful only when resident.
    /// Empty, like the other two tables, until the first object is cached.
    private var next: ContiguousArray<Int32> = []
    /// The next more recently used object, or -1 at the head. Meaningful only when resident.
    private var previous: ContiguousArray<Int32> = []
    /// The size in bytes of each resident object; 0 when not resident.
    private var residentSize: ContiguousArray<Int64> = []
    /// The most recently used resident object, or -1 when empty.
    private var head: Int32 = -1
    /// The least recently used resident object (the next to evict), or -1 when empty.
    private var tail: Int32 = -1

    /// The bytes held by resident objects (bytes, <= ``capacityBytes``).
    public private(set) var usedBytes: Int64 = 0
    /// The number of resident objects.
    public private(set) var residentCount = 0
    /// Accesses that found their object resident, since creation or ``resetCounters()``.
    public private(set) var hits = 0
    /// Accesses that did not, since creation or ``resetCounters()``.
    public private(set) var misses = 0
    /// Bytes requested by hits (bytes).
    public private(set) var hitBytes: Double = 0
    /// Bytes requested by misses, to be fetched from the origin (bytes).
    public private(set) var missBytes: Double = 0
    /// Objects evicted to make room, since creation or ``resetCounters()``.
    public private(set) var evictions = 0

    /// The largest catalogue the `Int32` links can address.
    public static let maximumCatalogueSize = Int(Int32.max)

    /// An empty cache of `capacityBytes` bytes over objects `0..<catalogueSize`.
    ///
    /// - Throws: ``SpecError`` about the cache: field `cache` if `capacityBytes` is not
    ///   positive, or `catalogue` if `catalogueSize` is not in `1...maximumCatalogueSize`.
    /// - Complexity: O(1); the first object cached costs O(catalogueSize) time and 16 bytes
    ///   per catalogue object.
    public init(capacityBytes: Int64, catalogueSize: Int) throws(SpecError) {
        let element = SpecElement(.cache)
        guard capacityBytes > 0 else { throw SpecError(element, .cache, .notPositive(got: "\(capacityBytes) bytes")) }
        try SpecError.require(catalogueSize, in: 1...LRUCache.maximumCatalogueSize, element, .catalogue)
        self.capacityBytes = capacityBytes
        self.catalogueSize = catalogueSize
    }

    /// Whether `object` is resident. Does not count as an access or change recency.
    ///
    /// - Complexity: O(1).
    public func contains(object: Int) -> Bool {
        precondition(object >= 0 && object < catalogueSize, "object \(object) is outside 0..<\(catalogueSize)")
        return !residentSize.isEmpty && residentSize[object] > 0
    }

    /// Requests `object` of `size` bytes: true on a hit, which makes it the most recent.
    ///
    /// On a miss the object is inserted as the most recent, after evicting least recently
    /// used objects until it fits; an object larger than ``capacityBytes`` is counted as a
    /// miss and never cached (nothing is evicted for it). An object's size must not change
    /// while it is resident; a hit counts the size it was inserted with.
    ///
    /// - Parameters:
    ///   - object: The object id, in `0..<catalogueSize`.
    ///   - size: The object's size (bytes, > 0).
    /// - Complexity: O(1) plus O(1) per eviction; no allocation but the tables', at the first
    ///   insertion.
    @discardableResult
    public mutating func access(object: Int, size: Int64) -> Bool {
        precondition(object >= 0 && object < catalogueSize, "object \(object) is outside 0..<\(catalogueSize)")
        precondition(size > 0, "object \(object) has size \(size) bytes; sizes must be positive")
        let resident = residentSize.isEmpty ? 0 : residentSize[object]
        if resident > 0 {
            assert(resident == size, "object \(object) changed size from \(resident) to \(size) bytes while cached")
            hits += 1
            hitBytes += Double(resident)
            moveToHead(Int32(truncatingIfNeeded: object))
            return true
        }
        misses += 1
        missBytes += Double(size)
        guard size <= capacityBytes else { return false }
        if residentSize.isEmpty {
            next = ContiguousArray(repeating: -1, count: catalogueSize)
            previous = ContiguousArray(repeating: -1, count: catalogueSize)
            residentSize = ContiguousArray(repeating: 0, count: catalogueSize)
        }
        while usedBytes + size > capacityBytes {
            evictTail()
        }
        residentSize[object] = size
        usedBytes += size
        residentCount += 1
        pushHead(Int32(truncatingIfNeeded: object))
        return false
    }

    /// The fraction of accesses that were hits (0 when there were none).
    public var hitRatio: Double {
        let total = hits + misses
        return total == 0 ? 0 : Double(hits) / Double(total)
    }

    /// The fraction of requested bytes served from the cache (0 when none were requested).
    public var byteHitRatio: Double {
        let total = hitBytes + missBytes
        return total == 0 ? 0 : hitBytes / total
    }

    /// Sets hits, misses, byte counters and evictions to zero, keeping the cached objects:
    /// call it after a warm-up.
    ///
    /// - Complexity: O(1).
    public mutating func resetCounters() {
        hits = 0
        misses = 0
        hitBytes = 0
        missBytes = 0
        evictions = 0
    }

    /// The resident objects from most to least recently used.
    ///
    /// - Complexity: O(residentCount); allocates the result. For tests and reports, not
    ///   the hot path.
    public func objectsByRecency() -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(residentCount)
        var node = head
        while node >= 0 {
            result.append(Int(node))
            node = next[Int(node)]
        }
        return result
    }

    // MARK: - The linked list

    /// Unlinks `node` (resident) and relinks it at the head.
    private mutating func moveToHead(_ node: Int32) {
        guard node != head else { return }
        unlink(node)
        pushHead(node)
    }

    /// Links `node` (not in the list) in front of the head.
    private mutating func pushHead(_ node: Int32) {
        let index = Int(node)
        previous[index] = -1
        next[index] = head
        if head >= 0 {
            previous[Int(head)] = node
        } else {
            tail = node
        }
        head = node
    }

    /// Removes `node` (in the list) from the list, leaving its links stale.
    private mutating func unlink(_ node: Int32) {
        let index = Int(node)
        let before = previous[index]
        let after = next[index]
        if before >= 0 { next[Int(before)] = after } else { head = after }
        if after >= 0 { previous[Int(after)] = before } else { tail = before }
    }

    /// Evicts the least recently used object. The list must not be empty.
    private mutating func evictTail() {
        let victim = tail
        precondition(victim >= 0, "LRU cache is empty but \(usedBytes) bytes are used")
        unlink(victim)
        usedBytes -= residentSize[Int(victim)]
        residentSize[Int(victim)] = 0
        residentCount -= 1
        evictions += 1
    }

    /// Whether the tables are allocated (the cache has held an object).
    var hasTables: Bool { !residentSize.isEmpty }

    /// Walks the list and checks it against the counters and the size array; for tests.
    ///
    /// - Complexity: O(catalogueSize).
    func invariantViolation() -> String? {
        var count = 0
        var bytes: Int64 = 0
        var node = head
        var before: Int32 = -1
        while node >= 0 {
            let index = Int(node)
            if previous[index] != before { return "object \(node) has previous \(previous[index]), expected \(before)" }
            if residentSize[index] <= 0 { return "object \(node) is listed but not resident" }
            count += 1
            bytes += residentSize[index]
            if count > residentCount { return "list is longer than residentCount \(residentCount)" }
            before = node
            node = next[index]
        }
        if before != tail { return "tail is \(tail), list ends at \(before)" }
        if count != residentCount { return "list has \(count) objects, residentCount is \(residentCount)" }
        if bytes != usedBytes { return "list holds \(bytes) bytes, usedBytes is \(usedBytes)" }
        if bytes > capacityBytes { return "\(bytes) bytes exceed capacity \(capacityBytes)" }
        let flagged = residentSize.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        if flagged != residentCount { return "\(flagged) objects have a size, residentCount is \(residentCount)" }
        return nil
    }
}
