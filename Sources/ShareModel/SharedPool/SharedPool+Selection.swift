public import SimCore

extension SharedPool {
    /// A device chosen uniformly among those online and reachable (not behind NAT), or nil
    /// if none is.
    ///
    /// - Parameter stream: The caller's stream (one per purpose, such as request routing).
    /// - Complexity: O(1).
    public func randomReachableOnlineDevice(using stream: inout RandomStream) -> DeviceIndex? {
        guard !reachableOnline.isEmpty else { return nil }
        let slot = stream.nextInt(below: UInt64(reachableOnline.count))
        return DeviceIndex(reachableOnline[Int(slot)])
    }

    /// Whether `device` is online and reachable, so it can serve now.
    ///
    /// - Complexity: O(1).
    public func canServe(_ device: DeviceIndex) -> Bool {
        positionInReachable[Int(device.index)] != Self.absent
    }
}
