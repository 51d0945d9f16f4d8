/// Why ``HTTPRequestParser`` rejected its input, with the status to answer it with.
public struct HTTPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of failure, which decides the response status.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        /// The status a server answers with.
        public let status: HTTPStatus

        private init(_ name: String, _ status: HTTPStatus) {
            self.name = name
            self.status = status
        }

        /// The bytes are not a valid HTTP/1.x request (400).
        public static let malformed = Kind("malformed", .badRequest)
        /// The method is a well-formed token that the parser does not know, such as `BREW` (501).
        public static let unknownMethod = Kind("unknownMethod", .notImplemented)
        /// The request line and headers exceed the parser's header limit (431).
        public static let headersTooLarge = Kind("headersTooLarge", .requestHeaderFieldsTooLarge)
        /// The body (declared or received) exceeds the parser's body limit (413).
        public static let bodyTooLarge = Kind("bodyTooLarge", .contentTooLarge)

        /// The kind's name, such as `malformed`.
        public var description: String { name }
    }

    /// The class of failure.
    public let kind: Kind
    /// What exactly was wrong, for logs.
    public let detail: String

    /// An error of `kind` with `detail`.
    public init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// The status to answer the request with: 400, 413, 431 or 501.
    public var status: HTTPStatus { kind.status }

    /// `STATUS: detail`.
    public var description: String { "\(status): \(detail)" }
}
