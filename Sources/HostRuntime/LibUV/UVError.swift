/// A failed libuv call: the function that failed, libuv's error code and its message.
public struct UVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libuv's (negative) error code, such as `UV_ENOMEM`.
    public let code: Int32
    /// The libuv function that returned it, such as `uv_getrusage`.
    public let function: String
    /// libuv's short name for the code, such as `ENOMEM`.
    public let name: String
    /// libuv's human-readable text for the code.
    public let message: String

    /// An error for `code` returned by `function`.
    public init(code: Int32, function: String, name: String, message: String) {
        self.code = code
        self.function = function
        self.name = name
        self.message = message
    }

    public var description: String { "\(function) failed: \(message) (\(name))" }
}
