/// A request, made from a ``WorkerPool``'s event callback, to start no more jobs: the jobs
/// running finish (their results are kept) and the rest are not run.
///
/// For failures of the caller's own that make further work pointless, such as a results file
/// that can no longer be written. Used on the thread that runs the pool; not `Sendable`.
public final class DispatchStop {
    /// Whether ``request()`` was called.
    public private(set) var isRequested = false

    /// A stop not yet requested.
    public init() {}

    /// Starts no more jobs from now on.
    public func request() { isRequested = true }
}
