/// A rejected input to a ``FlowNetwork``: it names the element and the field at fault.
///
/// Thrown before anything changes, so a rejected call leaves the network as it was.
/// ``description`` reads like `link 3: capacityBitsPerSecond: must not be negative (got -5.0)`.
public struct NetworkInputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Why the input was rejected; internal so that cases can grow.
    enum Reason: Equatable, Sendable {
        /// A capacity below zero, in bits per second.
        case negativeCapacity(Double)
        /// A capacity that is NaN or infinite.
        case nonFiniteCapacity(Double)
        /// A link index at or beyond the number of links.
        case unknownLink(UInt32, linkCount: Int)
        /// A flow path with no link.
        case emptyPath
        /// A flow path that lists the same link twice.
        case repeatedLink(UInt32)
        /// A byte count that is negative, NaN or infinite.
        case invalidBytes(Double)
    }

    /// The element at fault, such as `link 3` or `flow path`.
    public let element: String
    /// The field at fault, such as `capacityBitsPerSecond`, `path[2]` or `bytes`.
    public let field: String
    /// Why it was rejected.
    let reason: Reason

    init(element: String, field: String, reason: Reason) {
        self.element = element
        self.field = field
        self.reason = reason
    }

    /// A one-line message a person understands: element, field, what is wrong.
    public var description: String {
        let problem: String
        switch reason {
        case .negativeCapacity(let value):
            problem = "must not be negative (got \(value) bit/s)"
        case .nonFiniteCapacity(let value):
            problem = "must be a finite number of bits per second (got \(value))"
        case .unknownLink(let index, let linkCount):
            problem = "unknown link \(index) (the network has \(linkCount) links, 0..<\(linkCount))"
        case .emptyPath:
            problem = "must list at least one link"
        case .repeatedLink(let index):
            problem = "lists link \(index) more than once"
        case .invalidBytes(let value):
            problem = "must be a finite, non-negative number of bytes (got \(value))"
        }
        return "\(element): \(field): \(problem)"
    }
}
