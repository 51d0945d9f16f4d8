import Dispatch

/// Runs `body` on a Dispatch thread, outside Swift's cooperative pool, and returns its result.
///
/// Tests run on that pool, which has one thread per core. A test that blocks on sockets or on
/// a child process for seconds would hold one of those few threads, and tests waiting for it
/// would use up their time limits without running; awaiting this instead frees the thread.
/// Assertions stay in the test (task-local test context does not reach the Dispatch thread).
func offPool<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) async throws -> Result {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Swift.Result { try body() }) }
    }
}
