/// Facts about how SimCore was compiled, for tools that must refuse to measure a slow build.
public enum BuildConfiguration {
    /// ShareSim's version, reported by `sharesim --version` and in every report.
    public static let version = "0.2.0"

    /// Whether the pending-event set walks its invariants after every change
    /// (`SHARESIM_INTERNAL_CHECKS`): correct but far slower, never for benchmarks.
    public static var internalChecksEnabled: Bool {
        #if SHARESIM_INTERNAL_CHECKS
        return true
        #else
        return false
        #endif
    }

    /// Whether this is an optimised build (`swift build -c release`).
    public static var isOptimized: Bool {
        #if DEBUG
        return false
        #else
        return true
        #endif
    }
}
