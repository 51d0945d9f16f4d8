public import HostRuntime

/// How a `sharesim live` run is paced and served: speed, address, control token, and whether
/// it exits at the end.
public struct LiveSettings: Sendable, Hashable {
    /// Simulated seconds per wall-clock second, or as fast as possible.
    public var speed: PacedClock.Speed
    /// Where the server listens.
    public var listen: ListenAddress
    /// What `POST /control` requires.
    public var controlToken: ControlToken
    /// Whether the session ends when the run does, instead of serving the final figures.
    public var exitAtEnd: Bool

    /// Settings from checked values.
    public init(speed: PacedClock.Speed, listen: ListenAddress, controlToken: ControlToken, exitAtEnd: Bool) {
        self.speed = speed
        self.listen = listen
        self.controlToken = controlToken
        self.exitAtEnd = exitAtEnd
    }

    /// Settings from the command line's text: `--speed`, `--listen` (with `--allow-remote`),
    /// `--control-token` (`nil`: a generated one) and `--exit-at-end`.
    ///
    /// - Throws: ``ExperimentError/usage(_:)`` naming the flag whose value is wrong.
    public init(speed: String, listen: String, allowRemote: Bool, controlToken: String?, exitAtEnd: Bool) throws {
        guard let pace = PacedClock.Speed(parsing: speed) else {
            throw ExperimentError.usage("--speed must be a positive number or `max`, not '\(speed)'")
        }
        self.init(
            speed: pace,
            listen: try ListenAddress(parsing: listen, allowRemote: allowRemote),
            controlToken: try controlToken.map(ControlToken.init(validating:)) ?? .generate(),
            exitAtEnd: exitAtEnd
        )
    }
}
