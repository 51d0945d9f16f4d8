/// An unordered pair of endpoint names: `EndpointPair("a", "b") == EndpointPair("b", "a")`.
///
/// Names are compared by their exact UTF-8 bytes (not by Unicode canonical equivalence), and
/// the pair keeps them in byte order, so the pair and everything derived from it (its jitter
/// stream name) are the same in every process and on every platform.
public struct EndpointPair: Hashable, Sendable, CustomStringConvertible {
    /// The name that comes first in UTF-8 byte order.
    public let first: String

    /// The name that comes second in UTF-8 byte order (equal to ``first`` for an endpoint and itself).
    public let second: String

    /// The pair of `a` and `b`, in either order.
    public init(_ a: String, _ b: String) {
        if b.utf8.lexicographicallyPrecedes(a.utf8) {
            first = b
            second = a
        } else {
            first = a
            second = b
        }
    }

    /// Whether both pairs hold the same two names, byte for byte, in either order.
    public static func == (lhs: EndpointPair, rhs: EndpointPair) -> Bool {
        lhs.first.utf8.elementsEqual(rhs.first.utf8) && lhs.second.utf8.elementsEqual(rhs.second.utf8)
    }

    /// Feeds the two names' UTF-8 bytes, in pair order, to `hasher`.
    public func hash(into hasher: inout Hasher) {
        // 0xFF never occurs in UTF-8, so it separates the names unambiguously.
        for byte in first.utf8 { hasher.combine(byte) }
        hasher.combine(0xFF as UInt8)
        for byte in second.utf8 { hasher.combine(byte) }
    }

    /// The name of this pair's random stream for `purpose`: injective in the two names
    /// (the first is length-prefixed), stable forever.
    func streamName(_ purpose: String) -> String {
        "\(purpose)/\(first.utf8.count):\(first)/\(second)"
    }

    /// `first <-> second`.
    public var description: String { "\(first) <-> \(second)" }
}
