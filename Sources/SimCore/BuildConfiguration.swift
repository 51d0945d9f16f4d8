#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about how SimCore was compiled, for tools that must refuse to measure a slow build.
public enum BuildConfiguration {
    /// ShareSim's version, reported by `sharesim --version` and in every report.
    public static let version = "0.2.0"

    /// Whether the pending-event set walks its invariants after every change: correct but
    /// far slower, never for benchmarks.
    ///
    /// Always in a build compiled with `-DSHARESIM_INTERNAL_CHECKS`; in a debug build, when the
    /// environment variable `SHARESIM_INTERNAL_CHECKS` is `1` as the process reads it first
    /// (so the debug build the tests use can run them again with the walks on); never in a
    /// release build without the flag.
    public static let internalChecksEnabled: Bool = {
        #if SHARESIM_INTERNAL_CHECKS
        return true
        #elseif DEBUG
        return getenv("SHARESIM_INTERNAL_CHECKS").map { String(cString: $0) == "1" } ?? false
        #else
        return false
        #endif
    }()

    /// Whether this is an optimised build (`swift build -c release`).
    public static var isOptimized: Bool {
        #if DEBUG
        return false
        #else
        return true
        #endif
    }
}
