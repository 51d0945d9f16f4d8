extension HTTPServer {
    /// Limits and timeouts: what one client may cost the server at most.
    public struct Options: Sendable, Equatable {
        /// Size limits on each request.
        public var limits: HTTPRequestParser.Limits
        /// How long a client may go without progress before it is dropped: to send a whole
        /// request (from connecting, or from the end of the previous response), to read a
        /// response the server could not send at once. Event streams have no timeout.
        public var requestTimeout: Duration
        /// Connections open at once, event streams included; more get 503 and are closed.
        public var maxConnections: Int
        /// Requests parsed from one connection and not yet answered, at most; the rest of what
        /// the client sent stays unparsed until those are answered.
        public var maxQueuedRequests: Int
        /// Unsent response bytes on one connection beyond which the server answers nothing
        /// more and stops reading from it until the client reads (backpressure).
        public var maxUnsentBytes: Int
        /// Unsent event bytes after which an event-stream client is dropped.
        public var maxQueuedEventBytes: Int
        /// Whether a connection may carry several requests (HTTP keep-alive).
        public var keepAlive: Bool
        /// Whether requests must name this server in `Host` and come from no other `Origin`
        /// (see ``HTTPHostCheck``).
        public var checksHost: Bool

        /// Options with the given limits; the defaults suit a local dashboard.
        ///
        /// - Precondition: every count and size is positive.
        public init(
            limits: HTTPRequestParser.Limits = HTTPRequestParser.Limits(
                maxHeaderBytes: 8 * 1024,
                maxBodyBytes: 4 * 1024
            ),
            requestTimeout: Duration = .seconds(5),
            maxConnections: Int = 64,
            maxQueuedRequests: Int = 16,
            maxUnsentBytes: Int = 256 * 1024,
            maxQueuedEventBytes: Int = 1 << 20,
            keepAlive: Bool = true,
            checksHost: Bool = true
        ) {
            precondition(
                maxConnections > 0 && maxQueuedRequests > 0 && maxUnsentBytes > 0 && maxQueuedEventBytes > 0,
                "HTTPServer.Options: counts and sizes must be positive"
            )
            self.limits = limits
            self.requestTimeout = requestTimeout
            self.maxConnections = maxConnections
            self.maxQueuedRequests = maxQueuedRequests
            self.maxUnsentBytes = maxUnsentBytes
            self.maxQueuedEventBytes = maxQueuedEventBytes
            self.keepAlive = keepAlive
            self.checksHost = checksHost
        }
    }
}
