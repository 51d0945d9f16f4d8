import HostRuntime
import SimCore

/// Progress lines for a running plan: one line redrawn in place on a terminal, elsewhere (CI
/// logs, Slurm) a new line every 5 s; the caller writes them (to standard error).
public enum ProgressLines {
    /// The runner's hooks writing through `write`: redrawn lines (`\r`, clear line) every
    /// 0.25 s when `terminal`, else `sharesim: ...` lines every 5 s. Nothing is shown in the
    /// first second (of the command, and of each simulation for its own line).
    public static func hooks(terminal: Bool, write: @escaping (String) -> Void) -> ExperimentRunner.Progress {
        let every: UInt64 = terminal ? 250_000_000 : 5_000_000_000
        let start = ProcessClock.nanoseconds()
        var shown = false
        var lastShown: UInt64 = 0
        // Rates and times left are per simulation: from the start of the one running.
        var simulationStart = start
        var lastSimulated = SimTime.zero
        func show(_ line: String) {
            lastShown = ProcessClock.nanoseconds()
            write(terminal ? "\r\u{1B}[K" + line : "sharesim: " + line + "\n")
            shown = true
        }
        return ExperimentRunner.Progress(
            jobEnded: { done, total in
                let now = ProcessClock.nanoseconds()
                let elapsed = Double(now - start) * 1e-9
                guard total > 1, terminal ? elapsed >= 1 || shown : now - max(start, lastShown) >= every else { return }
                let left = elapsed / Double(done) * Double(total - done)
                show(
                    "simulations \(done)/\(total) (\(done * 100 / total)%), "
                        + "\(HumanNumbers.fixed(elapsed, decimals: 1)) s elapsed, "
                        + "about \(HumanNumbers.fixed(left, decimals: 0)) s left"
                )
            },
            simulationAdvanced: { simulated, end, events in
                let now = ProcessClock.nanoseconds()
                if simulated < lastSimulated { simulationStart = now }  // The next simulation began.
                lastSimulated = simulated
                let elapsed = Double(now - simulationStart) * 1e-9
                guard elapsed >= 1, now - max(simulationStart, lastShown) >= every else { return }
                let fraction = end.nanoseconds == 0 ? 1 : Double(simulated.nanoseconds) / Double(end.nanoseconds)
                let left = fraction > 0 ? elapsed / fraction - elapsed : 0
                show(
                    "\(simulated) of \(end.sinceStart) simulated (\(Int(fraction * 100))%), "
                        + "\(HumanNumbers.compact(Double(events) / elapsed)) events/s, "
                        + "about \(HumanNumbers.fixed(left, decimals: 0)) s left"
                )
            },
            finished: { if shown && terminal { write("\r\u{1B}[K") } }
        )
    }
}
