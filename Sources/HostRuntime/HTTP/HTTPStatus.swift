/// An HTTP response status: the code and its reason phrase.
public struct HTTPStatus: Sendable, Hashable, CustomStringConvertible {
    /// The three-digit code, such as 404.
    public let code: Int
    /// The reason phrase, such as `Not Found`.
    public let reasonPhrase: String

    /// A status `code` with `reasonPhrase`.
    public init(code: Int, reasonPhrase: String) {
        precondition((100...999).contains(code), "HTTPStatus: the code must have three digits")
        self.code = code
        self.reasonPhrase = reasonPhrase
    }

    /// 200 OK.
    public static let ok = HTTPStatus(code: 200, reasonPhrase: "OK")
    /// 202 Accepted: a control request was taken and will be acted on.
    public static let accepted = HTTPStatus(code: 202, reasonPhrase: "Accepted")
    /// 204 No Content.
    public static let noContent = HTTPStatus(code: 204, reasonPhrase: "No Content")
    /// 400 Bad Request: the request was malformed.
    public static let badRequest = HTTPStatus(code: 400, reasonPhrase: "Bad Request")
    /// 401 Unauthorized: the request lacks the credentials the resource needs.
    public static let unauthorized = HTTPStatus(code: 401, reasonPhrase: "Unauthorized")
    /// 403 Forbidden: the request was understood and refused (a foreign `Host` or `Origin`).
    public static let forbidden = HTTPStatus(code: 403, reasonPhrase: "Forbidden")
    /// 404 Not Found.
    public static let notFound = HTTPStatus(code: 404, reasonPhrase: "Not Found")
    /// 405 Method Not Allowed.
    public static let methodNotAllowed = HTTPStatus(code: 405, reasonPhrase: "Method Not Allowed")
    /// 413 Content Too Large: the body exceeded the limit.
    public static let contentTooLarge = HTTPStatus(code: 413, reasonPhrase: "Content Too Large")
    /// 431 Request Header Fields Too Large: the request line and headers exceeded the limit.
    public static let requestHeaderFieldsTooLarge = HTTPStatus(
        code: 431,
        reasonPhrase: "Request Header Fields Too Large"
    )
    /// 500 Internal Server Error.
    public static let internalServerError = HTTPStatus(code: 500, reasonPhrase: "Internal Server Error")
    /// 501 Not Implemented: the request method is not one the server knows.
    public static let notImplemented = HTTPStatus(code: 501, reasonPhrase: "Not Implemented")
    /// 503 Service Unavailable.
    public static let serviceUnavailable = HTTPStatus(code: 503, reasonPhrase: "Service Unavailable")

    /// `code reasonPhrase`, as in a status line.
    public var description: String { "\(code) \(reasonPhrase)" }

    /// Whether a response with this status has no body and no `Content-Length`
    /// (1xx, 204 and 304).
    public var forbidsBody: Bool { code < 200 || code == 204 || code == 304 }
}
