/// One HTTP header field, as received or to be sent.
public struct HTTPHeader: Sendable, Hashable, CustomStringConvertible {
    /// The field name, as written (compare with ``matches(_:)``, names are case-insensitive).
    public var name: String
    /// The field value, without surrounding whitespace.
    public var value: String

    /// A header `name: value`.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Whether this header's name is `name`, ignoring ASCII case.
    public func matches(_ name: String) -> Bool {
        self.name.utf8.elementsEqual(name.utf8) { Self.lowercased($0) == Self.lowercased($1) }
    }

    /// `name: value`.
    public var description: String { "\(name): \(value)" }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}

extension Array where Element == HTTPHeader {
    /// The value of the first header named `name` (ignoring ASCII case), if any.
    public func value(of name: String) -> String? {
        first { $0.matches(name) }?.value
    }
}
