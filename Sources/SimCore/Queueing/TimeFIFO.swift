/// A first-in, first-out queue of instants in a growable ring buffer.
///
/// Used for waiting lines: appending and removing never allocate once the buffer has grown
/// to the longest line seen.
///
/// - Complexity: `append` amortised O(1); `popFirst` O(1).
public struct TimeFIFO: Sendable {
    @usableFromInline var buffer: ContiguousArray<SimTime>
    @usableFromInline var head: Int = 0
    @usableFromInline var stored: Int = 0

    /// An empty line.
    public init() {
        buffer = ContiguousArray(repeating: .zero, count: 16)
    }

    /// The number of instants held.
    @inlinable public var count: Int { stored }

    /// Adds `time` at the back.
    @inlinable
    public mutating func append(_ time: SimTime) {
        if stored == buffer.count { grow() }
        var slot = head &+ stored
        if slot >= buffer.count { slot &-= buffer.count }
        buffer[slot] = time
        stored &+= 1
    }

    /// Removes and returns the front instant, or nil when empty.
    @inlinable
    public mutating func popFirst() -> SimTime? {
        guard stored > 0 else { return nil }
        let time = buffer[head]
        head &+= 1
        if head == buffer.count { head = 0 }
        stored &-= 1
        return time
    }

    @usableFromInline
    mutating func grow() {
        var larger = ContiguousArray<SimTime>()
        larger.reserveCapacity(buffer.count * 2)
        for offset in 0..<stored {
            larger.append(buffer[(head + offset) % buffer.count])
        }
        larger.append(contentsOf: repeatElement(.zero, count: buffer.count * 2 - stored))
        buffer = larger
        head = 0
    }
}
