public import HostRuntime

/// The secret that `POST /control` of `sharesim live` requires, sent as
/// `Authorization: Bearer TOKEN`.
///
/// Without it, any web page open in a browser on the same machine could send control
/// requests to the loopback server. The dashboard page embeds the token so that its own
/// buttons work; other pages cannot read it (browsers keep a page from reading another
/// origin's responses, and ``HTTPHostCheck`` refuses DNS-rebound names).
public struct ControlToken: Sendable, Hashable {
    /// The token's text: letters, digits and `-._~+/=`, 16 to 256 of them.
    public let text: String
    /// Whether the token was generated (and so must be shown to the user) rather than given.
    public let isGenerated: Bool

    /// A fresh token of 32 hexadecimal digits (128 bits) from the system's secure random
    /// source. It is deliberately not derived from the scenario seed: it must not be
    /// guessable, and it never reaches results.
    public static func generate() -> ControlToken {
        var source = SystemRandomNumberGenerator()
        let words = [source.next(), source.next()] as [UInt64]
        let hex = words.map { word in
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return ControlToken(text: hex.joined(), isGenerated: true)
    }

    /// `text` as a token, as given with `--control-token`.
    ///
    /// - Throws: ``ExperimentError/usage(_:)`` naming `--control-token` unless `text` has 16
    ///   to 256 characters, each a letter, digit or one of `-._~+/=`.
    public init(validating text: String) throws {
        guard (16...256).contains(text.utf8.count), text.utf8.allSatisfy(Self.isTokenByte) else {
            throw ExperimentError.usage(
                "--control-token must be 16 to 256 characters, each a letter, digit or one of -._~+/="
            )
        }
        self.init(text: text, isGenerated: false)
    }

    private init(text: String, isGenerated: Bool) {
        self.text = text
        self.isGenerated = isGenerated
    }

    /// Whether `request` carries exactly this token as `Authorization: Bearer TOKEN`; the
    /// comparison takes the same time wherever the first difference is.
    public func authorizes(_ request: HTTPRequest) -> Bool {
        let values = request.headers.filter { $0.matches("Authorization") }.map(\.value)
        guard values.count == 1, let value = values.first else { return false }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return false }
        let given = Array(parts[1].drop { $0 == " " }.utf8)
        let expected = Array(text.utf8)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "-._~+/=".utf8.contains(byte)
        }
    }
}
