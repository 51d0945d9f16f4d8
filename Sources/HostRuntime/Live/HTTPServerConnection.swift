/// One connection accepted by an ``HTTPServer``: its socket, parser and timeout timer, the
/// bytes and requests it has received but not yet answered, and where it stands.
///
/// The server keeps everything it holds for a connection bounded: `inbox` grows by one read
/// at a time and is read only while it is drained, `pending` by at most
/// ``HTTPServer/Options/maxQueuedRequests``; both are freed when the connection closes.
final class HTTPServerConnection {
    /// Where a connection stands.
    enum State {
        /// Reading requests and answering them in order.
        case open
        /// Turned into a server-sent-events stream; incoming bytes are read and dropped.
        case eventStream
        /// Writing its last response; closes when every write has completed.
        case closing
        /// Closed; every later event about it is ignored.
        case closed
    }

    let stream: TCPConnection
    let parser: HTTPRequestParser
    let timer: LoopTimer
    var state = State.open
    /// Bytes received and not yet parsed (a slice, so dropping parsed bytes copies nothing).
    var inbox: ArraySlice<UInt8> = []
    /// Requests parsed and not yet answered, oldest first.
    var pending: [HTTPRequest] = []
    /// Whether the stream is reading now (it stops while responses back up).
    var isReading = false
    /// Whether the client has finished sending (end of stream).
    var peerFinished = false
    /// Writes handed to the stream whose completion has not run yet.
    var writesInFlight = 0

    init(stream: TCPConnection, parser: HTTPRequestParser, timer: LoopTimer) {
        self.stream = stream
        self.parser = parser
        self.timer = timer
    }
}
