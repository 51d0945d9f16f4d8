import HostRuntime
import Testing

@Suite("Host and Origin checks")
struct HTTPHostCheckTests {
    /// A GET of `/` with `headers`, in HTTP/1.`minor`.
    private func request(_ headers: [(String, String)], minor: Int = 1) -> HTTPRequest {
        HTTPRequest(
            method: "GET",
            target: "/",
            headers: headers.map { HTTPHeader($0.0, $0.1) },
            versionMinor: minor
        )
    }

    private func status(_ check: HTTPHostCheck, _ headers: [(String, String)], minor: Int = 1) -> Int? {
        check.refusal(of: request(headers, minor: minor))?.status.code
    }

    @Test("numeric addresses parse with their loopback and wildcard nature; names do not")
    func addresses() throws {
        let v4 = try #require(IPAddress("127.0.0.1"))
        #expect(v4.isLoopback && !v4.isUnspecified && !v4.isIPv6 && v4.bytes == [127, 0, 0, 1])
        #expect(IPAddress("127.8.9.10")?.isLoopback == true)
        #expect(IPAddress("::1")?.isLoopback == true)
        #expect(IPAddress("0:0:0:0:0:0:0:1") == IPAddress("::1"))
        #expect(IPAddress("::ffff:127.0.0.1")?.isLoopback == true)
        #expect(IPAddress("0.0.0.0")?.isUnspecified == true && IPAddress("::")?.isUnspecified == true)
        #expect(IPAddress("192.168.1.4")?.isLoopback == false)
        #expect(IPAddress("0:0:0:0:0:0:0:1")?.description == "::1")
        for text in ["localhost", "", "1.2.3", "1.2.3.4.5", "256.0.0.1", "[::1]", "::1%lo", "example.com"] {
            #expect(IPAddress(text) == nil, "\(text)")
        }
    }

    @Test("a loopback server answers for its own address and localhost, with any port, and no other host")
    func loopbackHosts() throws {
        let check = HTTPHostCheck(listeningOn: try #require(IPAddress("127.0.0.1")))
        for host in ["127.0.0.1", "127.0.0.1:8080", "localhost", "LOCALHOST:1"] {
            #expect(status(check, [("Host", host)]) == nil, "\(host)")
        }
        for host in ["evil.example", "evil.example:8080", "127.0.0.2", "[::1]:8080", "localhost.evil.example"] {
            #expect(status(check, [("Host", host)]) == 403, "\(host)")
        }
        for host in ["", ":8080", "127.0.0.1:", "127.0.0.1:http", "127.0.0.1:123456", "a b", "[::1", "::1"] {
            #expect(status(check, [("Host", host)]) == 400, "\(host)")
        }
        #expect(status(check, []) == 400, "HTTP/1.1 needs Host")
        #expect(status(check, [], minor: 0) == nil, "HTTP/1.0 may omit it")
        #expect(status(check, [("Host", "127.0.0.1"), ("Host", "127.0.0.1")]) == 400)
    }

    @Test("an Origin must be http:// and the request's own Host")
    func origins() throws {
        let check = HTTPHostCheck(listeningOn: try #require(IPAddress("127.0.0.1")))
        #expect(status(check, [("Host", "127.0.0.1:8080"), ("Origin", "http://127.0.0.1:8080")]) == nil)
        #expect(status(check, [("Host", "localhost:8080"), ("Origin", "http://LocalHost:8080")]) == nil)
        for origin in ["http://evil.example", "null", "https://127.0.0.1:8080", "http://127.0.0.1:9090", ""] {
            #expect(status(check, [("Host", "127.0.0.1:8080"), ("Origin", origin)]) == 403, "\(origin)")
        }
        let twice = [("Host", "127.0.0.1:8080"), ("Origin", "http://127.0.0.1:8080"), ("Origin", "http://x")]
        #expect(status(check, twice) == 403)
    }

    @Test("IPv6 and wildcard listeners: brackets in Host; any numeric host, never a name, on a wildcard")
    func otherListeners() throws {
        let v6 = HTTPHostCheck(listeningOn: try #require(IPAddress("::1")))
        #expect(status(v6, [("Host", "[::1]:8080")]) == nil)
        #expect(status(v6, [("Host", "[0::1]")]) == nil)
        #expect(status(v6, [("Host", "127.0.0.1")]) == 403)
        let any = HTTPHostCheck(listeningOn: try #require(IPAddress("0.0.0.0")))
        #expect(status(any, [("Host", "192.168.1.4:8080")]) == nil)
        #expect(status(any, [("Host", "[fe80::1]:8080")]) == nil)
        #expect(status(any, [("Host", "localhost")]) == nil)
        #expect(status(any, [("Host", "attacker.example")]) == 403)
    }
}
