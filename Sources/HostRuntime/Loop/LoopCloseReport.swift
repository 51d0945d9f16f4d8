/// What ``EventLoop/close()`` found still open.
public struct LoopCloseReport: Sendable, Equatable {
    /// The libuv type names (such as `timer`, `pipe`, `process`) of handles that were still
    /// open and had to be closed by the loop, in creation order.
    public let leakedHandles: [String]

    /// A report of `leakedHandles`.
    public init(leakedHandles: [String]) {
        self.leakedHandles = leakedHandles
    }

    /// Whether every handle had been closed before the loop was.
    public var isClean: Bool { leakedHandles.isEmpty }
}
