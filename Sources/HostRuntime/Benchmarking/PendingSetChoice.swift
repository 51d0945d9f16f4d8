import SimCore

/// Which pending-event set a benchmark runs on.
public enum PendingSetChoice: String, CaseIterable, Sendable {
    /// ``QuaternaryHeap``: 24 bytes per pending event.
    case heap
    /// ``LadderQueue``, the engine's default: the fastest at every size measured.
    case ladder
}
