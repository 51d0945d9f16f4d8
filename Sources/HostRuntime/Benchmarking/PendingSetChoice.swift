import SimCore

/// Which pending-event set a benchmark runs on.
public enum PendingSetChoice: String, CaseIterable, Sendable {
    /// ``QuaternaryHeap``, the default.
    case heap
    /// ``LadderQueue``.
    case ladder
}
