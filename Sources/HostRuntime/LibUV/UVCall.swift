internal import CLibUV

/// The one place where libuv status codes become Swift errors.
///
/// Every libuv call in HostRuntime whose status matters goes through ``check(_:_:)``, so a
/// negative return is never ignored and always names its function.
enum UVCall {
    /// Returns normally when `status` is zero or positive; throws a ``UVError`` otherwise.
    static func check(_ status: Int32, _ function: StaticString) throws(UVError) {
        guard status < 0 else { return }
        throw error(status, function)
    }

    /// The ``UVError`` for a negative libuv `status` returned (or reported through a callback)
    /// by `function`.
    static func error(_ status: Int32, _ function: StaticString) -> UVError {
        UVError(
            code: status,
            function: String(describing: function),
            name: String(cString: uv_err_name(status)),
            message: String(cString: uv_strerror(status))
        )
    }

    /// The error for calling `function` on a handle that is already closing or closed.
    ///
    /// libuv's own code for this is `EBADF`; the message says what actually happened.
    static func closedHandle(_ function: StaticString) -> UVError {
        let code = UV_EBADF.rawValue
        return UVError(
            code: code,
            function: String(describing: function),
            name: String(cString: uv_err_name(code)),
            message: "the handle is closed"
        )
    }

    /// The libuv version this binary runs against, such as `1.44.2`.
    static var versionString: String { String(cString: uv_version_string()) }
}
