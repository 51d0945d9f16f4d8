internal import CLibUV

/// The host's monotonic clock, for measuring how long real work took.
///
/// Wall-clock time never reaches simulation results: it appears only in reports' "wall
/// time" fields and in benchmarks.
public enum ProcessClock {
    /// Nanoseconds since an arbitrary fixed point; monotonic, not affected by clock changes.
    public static func nanoseconds() -> UInt64 {
        uv_hrtime()
    }

    /// Runs `body` and returns its result with the elapsed wall time in seconds.
    public static func measure<Result, Failure: Error>(
        _ body: () throws(Failure) -> Result
    ) throws(Failure) -> (result: Result, seconds: Double) {
        let start = uv_hrtime()
        let result = try body()
        let elapsed = uv_hrtime() &- start
        return (result, Double(elapsed) * 1e-9)
    }
}
