extension SharedPool {
    /// Bytes in one gigabyte, for credits: 10⁹ (decimal, as operators bill).
    public static let bytesPerGB = 1e9

    /// Records that `device` served `bytes` bytes: adds them to its total and the pool's.
    ///
    /// The caller decides whether the device could serve (see ``canServe(_:)``); this only
    /// does the accounting.
    ///
    /// - Parameters:
    ///   - bytes: Bytes served, finite and ≥ 0.
    ///   - device: The device that served them.
    /// - Complexity: O(1).
    public mutating func recordServed(bytes: Double, by device: DeviceIndex) {
        precondition(
            bytes.isFinite && bytes >= 0,
            "shared pool \"\(spec.name)\": served bytes must be finite and >= 0, got \(bytes)"
        )
        bytesServed[Int(device.index)] += bytes
        totalBytesServed += bytes
    }

    /// The credits `device` has earned: its bytes served / 10⁹ × ``SharedPoolSpec/creditsPerGB``.
    public func credits(of device: DeviceIndex) -> Double {
        bytesServed[Int(device.index)] * spec.creditsPerGB / Self.bytesPerGB
    }

    /// The credits earned by all devices: total bytes served / 10⁹ × ``SharedPoolSpec/creditsPerGB``.
    public var totalCredits: Double {
        totalBytesServed * spec.creditsPerGB / Self.bytesPerGB
    }
}
