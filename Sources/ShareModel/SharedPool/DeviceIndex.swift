/// One device of a ``SharedPool``: a dense index into the pool's per-device arrays.
///
/// Indices run from 0 to `deviceCount - 1`; a device keeps its index for the whole run.
public struct DeviceIndex: Hashable, Comparable, Sendable, EntityID {
    /// The index into the pool's per-device arrays.
    public var index: UInt32
    /// The device at `index`.
    @inlinable public init(_ index: UInt32) { self.index = index }
    /// No device: index `UInt32.max`, never a valid one.
    public static let none = DeviceIndex(.max)
    /// Orders devices by index.
    @inlinable public static func < (lhs: DeviceIndex, rhs: DeviceIndex) -> Bool { lhs.index < rhs.index }
}
