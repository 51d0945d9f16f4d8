extension SharedPool {
    /// Every broken invariant of the online bookkeeping, as sentences; empty when sound.
    ///
    /// Checks that the dense list holds exactly the online, reachable devices, once each,
    /// that the position index points back into it, and that ``onlineDevices`` counts the
    /// online flags.
    ///
    /// - Complexity: O(N).
    func invariantViolations() -> [String] {
        var problems: [String] = []
        let countedOnline = isOnline.reduce(0) { $0 + ($1 ? 1 : 0) }
        if countedOnline != onlineDevices {
            problems.append("onlineDevices is \(onlineDevices) but \(countedOnline) flags are set")
        }
        for (position, device) in reachableOnline.enumerated() {
            if Int(device) >= deviceCount {
                problems.append("list slot \(position) holds unknown device \(device)")
                continue
            }
            if positionInReachable[Int(device)] != UInt32(position) {
                problems.append(
                    "device \(device) is at slot \(position) but its position says \(positionInReachable[Int(device)])"
                )
            }
        }
        for device in 0..<deviceCount {
            let shouldBeListed = isOnline[device] && !isBehindNAT[device]
            let position = positionInReachable[device]
            let listed =
                position != Self.absent && Int(position) < reachableOnline.count
                && reachableOnline[Int(position)] == UInt32(device)
            if shouldBeListed != listed {
                problems.append(
                    "device \(device): online \(isOnline[device]), NAT \(isBehindNAT[device]), listed \(listed)"
                )
            }
        }
        return problems
    }
}
