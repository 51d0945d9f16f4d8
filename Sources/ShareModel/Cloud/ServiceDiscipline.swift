/// The order in which a cloud zone serves the requests it holds.
///
/// - ``fcfs``: one request per core; a request that finds every core busy waits in one line
///   and is served first come, first served (the default).
/// - ``processorSharing``: every request in the zone is in service at once; with n requests
///   on c cores each progresses at min(1, c/n) of a core (egalitarian processor sharing;
///   c = 1 is M/G/1-PS).
/// - ``priority``: one request per core; waiting requests are served highest
///   ``WorkloadClassSpec/priority`` first, first come first served within a priority; a
///   request in service is never interrupted (non-preemptive).
/// - ``preemptivePriority``: as ``priority``, but an arrival of higher priority than the
///   lowest-priority request in service, finding no free core, takes that request's core; the
///   interrupted request returns to the front of its priority's line and later resumes with
///   the work it had left (preemptive-resume).
public enum ServiceDiscipline: Hashable, Sendable, CaseIterable {
    /// First come, first served, one request per core.
    case fcfs
    /// Egalitarian processor sharing over the zone's cores.
    case processorSharing
    /// Highest priority first, non-preemptive.
    case priority
    /// Highest priority first, preemptive-resume.
    case preemptivePriority

    /// Whether requests wait in one line per priority.
    public var isPriority: Bool { self == .priority || self == .preemptivePriority }
}
