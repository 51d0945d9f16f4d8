/// A JSON value whose objects keep their keys in insertion order.
indirect enum JSONNode: Hashable, Sendable {
    case null
    case bool(Bool)
    /// An integer, already in its decimal text.
    case integer(String)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])
}

/// One key and value of a ``JSONNode/object``.
struct JSONMember: Hashable, Sendable {
    var key: String
    var value: JSONNode
}

/// An `Encoder` that builds a ``JSONNode`` with keys in the order `encode(to:)` writes them
/// (declaration order for synthesized conformances), and nil optionals as `null` rather
/// than left out, so every object of a type has the same keys.
struct OrderedJSONEncoder {
    /// The tree of `value`.
    static func encode(_ value: some Encodable) throws -> JSONNode {
        let root = JSONSlot()
        try value.encode(to: NodeEncoder(slot: root, codingPath: []))
        return root.resolve()
    }
}

/// A place a value goes: filled once with a scalar, or turned into an object or array.
private final class JSONSlot {
    enum Content {
        case empty
        case scalar(JSONNode)
        case object([(String, JSONSlot)])
        case array([JSONSlot])
    }

    var content: Content = .empty

    func resolve() -> JSONNode {
        switch content {
        case .empty: return .null
        case .scalar(let node): return node
        case .object(let members): return .object(members.map { JSONMember(key: $0.0, value: $0.1.resolve()) })
        case .array(let items): return .array(items.map { $0.resolve() })
        }
    }

    /// The child slot for `key`, created (in order) if new.
    func member(_ key: String) -> JSONSlot {
        if case .object(var members) = content {
            if let existing = members.first(where: { $0.0 == key }) { return existing.1 }
            let slot = JSONSlot()
            content = .empty  // `members` is now the array's only owner: appended in place
            members.append((key, slot))
            content = .object(members)
            return slot
        }
        let slot = JSONSlot()
        content = .object([(key, slot)])
        return slot
    }

    /// A new slot appended to this array.
    func appendItem() -> JSONSlot {
        let slot = JSONSlot()
        if case .array(var items) = content {
            content = .empty  // `items` is now the array's only owner: O(1) amortised, not a copy
            items.append(slot)
            content = .array(items)
        } else {
            content = .array([slot])
        }
        return slot
    }

    func makeObject() {
        if case .object = content { return }
        content = .object([])
    }

    func makeArray() {
        if case .array = content { return }
        content = .array([])
    }

    var count: Int {
        if case .array(let items) = content { return items.count }
        return 0
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) {
        stringValue = String(index)
        intValue = index
    }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.init(intValue) }
}

private struct NodeEncoder: Encoder {
    let slot: JSONSlot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        slot.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        slot.makeArray()
        return UnkeyedNodeContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(slot: slot, codingPath: codingPath)
    }
}

/// Encodes `value` into `slot`, taking the scalar fast paths.
private func fill(_ slot: JSONSlot, with value: some Encodable, codingPath: [any CodingKey]) throws {
    try value.encode(to: NodeEncoder(slot: slot, codingPath: codingPath))
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let slot: JSONSlot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.content = .scalar(.null) }
    mutating func encode(_ value: Bool) throws { slot.content = .scalar(.bool(value)) }
    mutating func encode(_ value: String) throws { slot.content = .scalar(.string(value)) }
    mutating func encode(_ value: Double) throws { slot.content = .scalar(.number(value)) }
    mutating func encode(_ value: Float) throws { slot.content = .scalar(.number(Double(value))) }
    mutating func encode(_ value: Int) throws { slot.content = .scalar(.integer(String(value))) }
    mutating func encode(_ value: Int8) throws { slot.content = .scalar(.integer(String(value))) }
    mutating func encode(_ value: Int16) throws { slot.content = .scalar(.integer(String(value))) }
    mutating func encode(_ value: Int32) throws { slot.content = .scalar(.integer(String(value))) }
    mutating func encode(_ value: Int64) throws { slot.content = .scalar(.integer(String(value))) }
    mutating func encode(_ value: UInt) throws { slot.content = .scalar(.integer(String(value))) }
    mutating func encode(_ value: UInt8) throws { slot.content = .scalar(.integer(String(value))) }
    mutating func encode(_ value: UInt16) throws { slot.content = .scalar(.integer(String(value))) }
    mutating func encode(_ value: UInt32) throws { slot.content = .scalar(.integer(String(value))) }
    mutating func encode(_ value: UInt64) throws { slot.content = .scalar(.integer(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { try fill(slot, with: value, codingPath: codingPath) }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: JSONSlot
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> JSONSlot { slot.member(key.stringValue) }
    private func single(_ key: Key) -> SingleNodeContainer {
        SingleNodeContainer(slot: child(key), codingPath: codingPath + [key])
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).content = .scalar(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        var c = single(key)
        try c.encode(value)
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        var c = single(key)
        try c.encode(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        var c = single(key)
        try c.encode(value)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        var c = single(key)
        try c.encode(value)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        var c = single(key)
        try c.encode(value)
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws {
        var c = single(key)
        try c.encode(value)
    }
    mutating func encode(_ value: Int16, forKey key: Key) throws {
        var c = single(key)
        try c.encode(value)
    }
    mutating func encode(_ value: Int32, forKey key: Key) throws {
        var c = single(key)
        try c.encode(value)
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        var c = single(key)
        try c.encode(value)
    }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        var c = single(key)
        try c.encode(value)
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        var c = single(key)
        try c.encode(value)
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        var c = single(key)
        try c.encode(value)
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        var c = single(key)
        try c.encode(value)
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        var c = single(key)
        try c.encode(value)
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try fill(child(key), with: value, codingPath: codingPath + [key])
    }

    // Nil optionals become `null` (the defaults would leave the key out).
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try present(value, key) }

    private func present<T: Encodable>(_ value: T?, _ key: Key) throws {
        let slot = child(key)
        if let value {
            try fill(slot, with: value, codingPath: codingPath + [key])
        } else {
            slot.content = .scalar(.null)
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let slot = child(key)
        slot.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(slot: slot, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let slot = child(key)
        slot.makeArray()
        return UnkeyedNodeContainer(slot: slot, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(slot: slot.member("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(slot: child(key), codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let slot: JSONSlot
    let codingPath: [any CodingKey]
    var count: Int { slot.count }

    private func next() -> (JSONSlot, [any CodingKey]) {
        let path = codingPath + [IndexKey(slot.count)]
        return (slot.appendItem(), path)
    }

    mutating func encodeNil() throws { next().0.content = .scalar(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let (item, path) = next()
        try fill(item, with: value, codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<
        NestedKey
    > {
        let (item, path) = next()
        item.makeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(slot: item, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let (item, path) = next()
        item.makeArray()
        return UnkeyedNodeContainer(slot: item, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let (item, path) = next()
        return NodeEncoder(slot: item, codingPath: path)
    }
}
