internal import CLibUV

/// The one place where libuv status codes become Swift errors.
///
/// Every libuv call in HostRuntime whose status matters goes through ``check(_:_:)``, so a
/// negative return is never ignored and always names its function.
enum UVCall {
    /// Returns normally when `status` is zero or positive; throws a ``UVError`` otherwise.
    static func check(_ status: Int32, _ function: StaticString) throws(UVError) {
        guard status < 0 else { return }
        throw UVError(
            code: status,
            function: String(describing: function),
            name: String(cString: uv_err_name(status)),
            message: String(cString: uv_strerror(status)))
    }

    /// The libuv version this binary runs against, such as `1.44.2`.
    static var versionString: String { String(cString: uv_version_string()) }
}
