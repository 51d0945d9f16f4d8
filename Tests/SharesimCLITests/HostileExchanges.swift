import SimCore

/// One hostile exchange with `sharesim live`: the bytes a client sends on a fresh connection,
/// how it leaves, and what it must get back.
struct HostileExchange: Sendable {
    /// How the client leaves after sending.
    enum Leaving: Sendable {
        /// Says it has finished sending and reads the reply to the end.
        case readsReply
        /// Closes without reading anything.
        case closesAtOnce
        /// Resets the connection without reading anything.
        case resetsAtOnce
    }

    /// What the reply must be.
    enum Expected: Equatable, Sendable {
        /// Exactly these responses, in order, then the close.
        case statuses([Int])
        /// Nothing but refusals (4xx or 5xx), or no response at all.
        case refusalsOnly
        /// Nothing is read.
        case unread
    }

    /// What kind of abuse this is, for failure messages.
    var label: String
    var bytes: [UInt8]
    /// How many HTTP requests `bytes` hold (one for noise).
    var requests: Int
    var leaving: Leaving
    var expected: Expected
}

/// A seeded generator of hostile exchanges: well-formed and pipelined requests, unknown and
/// disallowed methods, malformed request lines and headers, oversized headers and bodies,
/// foreign hosts and origins, control requests with and without the token and with random or
/// structured bodies, requests cut off, random noise, and clients that leave early.
struct HostileExchanges {
    private var random: SplitMix64
    private let token: String
    private let port: Int

    /// Exchanges drawn from `seed`, for a server on `port` whose control token is `token`.
    init(seed: UInt64, token: String, port: Int) {
        random = SplitMix64(seed: seed)
        self.token = token
        self.port = port
    }

    /// The next exchange.
    mutating func next() -> HostileExchange {
        switch int(0...99) {
        case 0..<30: return pipeline()
        case 30..<38: return unknownMethod()
        case 38..<44: return disallowedMethod()
        case 44..<50: return malformed()
        case 50..<55: return oversizedHeaders()
        case 55..<61: return foreignHostOrOrigin()
        case 61..<76: return control()
        case 76..<84: return cutOff()
        case 84..<90: return noise()
        case 90..<96: return leavesEarly()
        default: return pipelineEndingBadly()
        }
    }

    // MARK: Kinds

    /// 1 to 6 well-formed requests; with `allowingHTTP10`, the first may be HTTP/1.0, which
    /// closes the connection after its response.
    private mutating func pipeline(allowingHTTP10: Bool = true) -> HostileExchange {
        let count = int(1...6)
        var bytes: [UInt8] = []
        var statuses: [Int] = []
        let oldVersion = allowingHTTP10 && int(0...4) == 0
        for index in 0..<count {
            let (path, status) = pick([
                ("/metrics", 200), ("/", 200), ("/nowhere", 404), ("/favicon.ico", 404), ("/metrics/", 404),
                ("/index.html?x=1", 200), ("/%2e%2e/etc/passwd", 404), ("/events/x", 404),
            ])
            var headers = [pick(["Host: 127.0.0.1:\(port)", "Host: localhost", "Host: 127.0.0.1"])]
            if int(0...3) == 0 { headers.append("Origin: http://\(headers[0].dropFirst(6))") }
            if int(0...3) == 0 { headers.append("Accept: */*") }
            bytes += request("GET", path, headers: headers, version: oldVersion && index == 0 ? "1.0" : "1.1")
            // An HTTP/1.0 request closes the connection after its response.
            if !oldVersion || index == 0 { statuses.append(status) }
        }
        return HostileExchange(
            label: "pipeline",
            bytes: bytes,
            requests: count,
            leaving: .readsReply,
            expected: .statuses(statuses)
        )
    }

    private mutating func unknownMethod() -> HostileExchange {
        let known: Set<String> = [
            "DELETE", "GET", "HEAD", "POST", "PUT", "CONNECT", "OPTIONS", "TRACE", "COPY", "LOCK", "MKCOL", "MOVE",
            "PROPFIND", "PROPPATCH", "SEARCH", "UNLOCK", "BIND", "REBIND", "UNBIND", "ACL", "REPORT", "MKACTIVITY",
            "CHECKOUT", "MERGE", "NOTIFY", "SUBSCRIBE", "UNSUBSCRIBE", "PATCH", "PURGE", "MKCALENDAR", "LINK",
            "UNLINK", "SOURCE",
        ]
        var method = ""
        repeat {
            method = String((0..<int(2...9)).map { _ in Character(Unicode.Scalar(UInt8(int(65...90)))) })
        } while known.contains(method)
        return single("unknown method", request(method, "/metrics", headers: ["Host: 127.0.0.1"]), [501])
    }

    private mutating func disallowedMethod() -> HostileExchange {
        let (method, path) = pick([
            ("PUT", "/metrics"), ("DELETE", "/"), ("PATCH", "/events"), ("POST", "/metrics"), ("GET", "/control"),
            ("OPTIONS", "/control"), ("PUT", "/control"),
        ])
        let body: [UInt8]? = method == "GET" || method == "OPTIONS" ? nil : randomBytes(int(0...64))
        return single("disallowed method", request(method, path, headers: ["Host: 127.0.0.1"], body: body), [405])
    }

    private mutating func malformed() -> HostileExchange {
        let host = "Host: 127.0.0.1\r\n"
        let templates = [
            "GET / HTTP/x.y\r\n\(host)\r\n", "GET /a b HTTP/1.1\r\n\(host)\r\n", "@GET / HTTP/1.1\r\n\(host)\r\n",
            "GET / HTTP/1.1\r\n\(host)No colon here\r\n\r\n", "GET / HTTP/1.1\r\n\(host)Bad Name: x\r\n\r\n",
            "GET / HTTP/1.1\r\n\(host)X-Ctl\u{1}: y\r\n\r\n", "GET / HTTP/1.1\r\n\(host)Content-Length: -5\r\n\r\n",
            "GET / HTTP/1.1\r\n\(host)Content-Length: 1\r\nContent-Length: 2\r\n\r\nab",
            "POST /control HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\nzz\r\n",
            "GET /\u{7f} HTTP/1.1\r\n\(host)\r\n",
            "GET / HTTP/1.1\r\n\(host)Upgrade: websocket\r\nConnection: upgrade\r\n\r\n",
        ]
        var bytes = Array(pick(templates).utf8)
        if int(0...3) == 0 { bytes[0] = pick([0, 1, 0x7f, 0xff, UInt8(ascii: "{"), UInt8(ascii: "(")]) }
        return single("malformed", bytes, [400])
    }

    private mutating func oversizedHeaders() -> HostileExchange {
        let size = int(0...40) == 0 ? 1 << 20 : int(8 * 1024...64 * 1024)
        var bytes = Array("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Fill: ".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: size)
        bytes += Array("\r\n\r\n".utf8)
        return single("oversized headers", bytes, [431])
    }

    private mutating func foreignHostOrOrigin() -> HostileExchange {
        switch int(0...4) {
        case 0:
            let host = pick(["attacker.example", "127.0.0.2", "localhost.attacker.example", "10.0.0.1:\(port)"])
            return single("foreign host", request("GET", "/", headers: ["Host: \(host)"]), [403])
        case 1:
            let origin = pick(["http://attacker.example", "null", "https://127.0.0.1:\(port)", "http://127.0.0.1:1"])
            let headers = ["Host: 127.0.0.1:\(port)", "Origin: \(origin)", "Authorization: Bearer \(token)"]
            return single(
                "foreign origin",
                request("POST", "/control", headers: headers, body: Array(#"{"action":"pause"}"#.utf8)),
                [403]
            )
        case 2: return single("no host", request("GET", "/metrics", headers: []), [400])
        case 3: return single("two hosts", request("GET", "/", headers: ["Host: 127.0.0.1", "Host: localhost"]), [400])
        default: return single("bad host", request("GET", "/", headers: ["Host: [::1"]), [400])
        }
    }

    private mutating func control() -> HostileExchange {
        let host = "Host: 127.0.0.1"
        let bearer = "Authorization: Bearer \(token)"
        switch int(0...14) {
        case 0...2:
            let authorization = pick([
                [], ["Authorization: Bearer \(token)x"], ["Authorization: Basic \(token)"], ["Authorization: Bearer"],
                ["Authorization: \(token)"], ["Authorization: Bearer \(String(token.dropLast()))"],
            ])
            let body = Array(#"{"action":"pause"}"#.utf8)
            return single(
                "control without the token",
                request("POST", "/control", headers: [host] + authorization, body: body),
                [401]
            )
        case 3...6:
            return single(
                "control with random bytes",
                request("POST", "/control", headers: [host, bearer], body: randomBytes(int(0...4096))),
                [400]
            )
        case 7...11:
            let (json, status) = controlJSON()
            return single(
                "control JSON \(json)",
                request("POST", "/control", headers: [host, bearer], body: Array(json.utf8)),
                [status]
            )
        default:
            let sent = int(0...8192)
            let declared = max(sent, int(4097...1 << 30))
            let head = "POST /control HTTP/1.1\r\n\(host)\r\n\(bearer)\r\nContent-Length: \(declared)\r\n\r\n"
            return single("control body too large", Array(head.utf8) + randomBytes(sent), [413])
        }
    }

    /// A control body and the status it gets.
    private mutating func controlJSON() -> (String, Int) {
        let extra = int(0...4) == 0 ? #","extra":[1,{"x":null}]"# : ""
        switch int(0...9) {
        case 0: return (#"{"action":"pause"\#(extra)}"#, 200)
        case 1: return (#"{"action":"resume"\#(extra)}"#, 200)
        case 2: return (#"{"action":"speed","value":\#(int(1...3000))\#(extra)}"#, 200)
        case 3:
            let value = pick([#"0"#, #"-5"#, #""fast""#, #"1e999"#, #"null"#, #"[]"#, #""""#])
            return (#"{"action":"speed","value":\#(value)}"#, 400)
        case 4:
            let (target, status) = pick([("zone:r-a", 200), ("region:r", 200), ("zone:nope", 404), ("", 404)])
            return (#"{"action":"outage","target":"\#(target)","down":\#(int(0...1) == 0)\#(extra)}"#, status)
        case 5: return (#"{"action":"outage"}"#, 400)
        case 6: return (#"{"action":"\#(pick(["explode", "", "PAUSE"]))"}"#, 400)
        case 7: return (pick([#"{"action":5}"#, #"[]"#, #"null"#, #""pause""#, #"{"#, #"{"action":"pause""#]), 400)
        case 8: return (String(repeating: "[", count: int(1...2000)), 400)
        default: return (#"{"action":"outage","target":"zone:r-a","down":"yes"}"#, 400)
        }
    }

    private mutating func cutOff() -> HostileExchange {
        let whole = pick([
            request("GET", "/metrics", headers: ["Host: 127.0.0.1"]),
            request(
                "POST",
                "/control",
                headers: ["Host: 127.0.0.1", "Authorization: Bearer \(token)"],
                body: Array(#"{"action":"resume"}"#.utf8)
            ),
        ])
        return single("cut off", Array(whole.prefix(int(1...whole.count - 1))), [400])
    }

    private mutating func noise() -> HostileExchange {
        HostileExchange(
            label: "noise",
            bytes: randomBytes(int(1...512)),
            requests: 1,
            leaving: .readsReply,
            expected: .refusalsOnly
        )
    }

    private mutating func leavesEarly() -> HostileExchange {
        var exchange = int(0...1) == 0 ? pipeline() : control()
        exchange.label = "leaves early after " + exchange.label
        exchange.bytes = Array(exchange.bytes.prefix(int(0...exchange.bytes.count)))
        exchange.leaving = int(0...1) == 0 ? .closesAtOnce : .resetsAtOnce
        exchange.expected = .unread
        return exchange
    }

    private mutating func pipelineEndingBadly() -> HostileExchange {
        var exchange = pipeline(allowingHTTP10: false)
        guard case .statuses(let statuses) = exchange.expected else { return exchange }
        let bad = pick([unknownMethod(), malformed(), disallowedMethod(), foreignHostOrOrigin()])
        guard case .statuses(let badStatuses) = bad.expected else { return exchange }
        exchange.label = "pipeline ending with " + bad.label
        exchange.bytes += bad.bytes
        exchange.requests += 1
        exchange.expected = .statuses(statuses + badStatuses)
        return exchange
    }

    // MARK: Building blocks

    private func single(_ label: String, _ bytes: [UInt8], _ statuses: [Int]) -> HostileExchange {
        HostileExchange(label: label, bytes: bytes, requests: 1, leaving: .readsReply, expected: .statuses(statuses))
    }

    private func request(
        _ method: String,
        _ path: String,
        headers: [String],
        body: [UInt8]? = nil,
        version: String = "1.1"
    ) -> [UInt8] {
        var text = "\(method) \(path) HTTP/\(version)\r\n"
        for header in headers { text += header + "\r\n" }
        if let body { text += "Content-Length: \(body.count)\r\n" }
        return Array((text + "\r\n").utf8) + (body ?? [])
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    private mutating func pick<Element>(_ items: [Element]) -> Element { items[int(0...items.count - 1)] }

    private mutating func randomBytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
    }
}
