import Experiments
import HostRuntime
import Testing

@Suite("Listen address, control token and live settings")
struct ListenAddressTests {
    /// The usage message `text` is refused with.
    private func refusal(_ text: String, allowRemote: Bool = false) -> String? {
        do {
            _ = try ListenAddress(parsing: text, allowRemote: allowRemote)
            return nil
        } catch let error as ExperimentError {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    @Test(
        "anything but HOST:PORT or [IPv6]:PORT with a numeric host or localhost names --listen",
        arguments: [
            ("", "--listen must be HOST:PORT"), ("8080", "--listen must be HOST:PORT"),
            ("[::1]8080", "--listen must be HOST:PORT"), ("h:", "the port must be a number from 0 to 65535, not ''"),
            ("127.0.0.1:70000", "not '70000'"), ("127.0.0.1:+80", "not '+80'"),
            ("example.com:80", "'example.com' is not a numeric IP address or localhost"),
            (":8080", "'' is not a numeric IP address"), ("::1:8080", "write an IPv6 address in brackets"),
            ("[localhost]:80", "brackets are for IPv6 addresses only"), ("1.2.3:80", "'1.2.3' is not a numeric"),
        ]
    )
    func invalid(_ text: String, _ message: String) throws {
        let refused = try #require(refusal(text, allowRemote: true))
        #expect(refused.hasPrefix("--listen"))
        #expect(refused.contains(message), "\(refused)")
    }

    @Test("loopback addresses and localhost parse; localhost is 127.0.0.1")
    func valid() throws {
        let v4 = try ListenAddress(parsing: "127.0.0.1:0")
        #expect(v4.host == "127.0.0.1" && v4.port == 0 && v4.urlHost == "127.0.0.1")
        let v6 = try ListenAddress(parsing: "[::1]:8080")
        #expect(v6.host == "::1" && v6.port == 8080 && v6.urlHost == "[::1]")
        let name = try ListenAddress(parsing: "LocalHost:8080")
        #expect(name.host == "127.0.0.1" && name.port == 8080)
        #expect(try ListenAddress(parsing: "127.1.2.3:1").host == "127.1.2.3")
        #expect(try ListenAddress(parsing: "[0:0:0:0:0:0:0:1]:1").host == "::1")
    }

    @Test("an address other machines can reach needs allowRemote, and the refusal names --allow-remote")
    func remote() throws {
        for text in ["0.0.0.0:8080", "[::]:8080", "192.168.1.4:80", "[fe80::1]:80", "[::ffff:10.0.0.1]:80"] {
            let refused = try #require(refusal(text))
            #expect(
                refused == "--listen \(text) would accept connections from other machines; add --allow-remote "
                    + "to serve the dashboard, /metrics and /control beyond this machine"
            )
            #expect(refusal(text, allowRemote: true) == nil)
        }
        #expect(try ListenAddress(parsing: "0.0.0.0:8080", allowRemote: true).host == "0.0.0.0")
        #expect(refusal("[::ffff:127.0.0.1]:80") == nil, "IPv4-mapped loopback is loopback")
    }

    @Test("a generated control token is 32 fresh hex digits; a given one is checked")
    func tokens() throws {
        let first = ControlToken.generate()
        let second = ControlToken.generate()
        #expect(first.text.count == 32 && first.text.allSatisfy(\.isHexDigit) && first.isGenerated)
        #expect(first != second)
        let given = try ControlToken(validating: "abcDEF0123456789-._~+/=")
        #expect(given.text == "abcDEF0123456789-._~+/=" && !given.isGenerated)
        for bad in ["", "short", String(repeating: "a", count: 257), "0123456789abcdef\"", "0123456789abcdef <"] {
            #expect(throws: ExperimentError.self) { try ControlToken(validating: bad) }
        }
        #expect(try ControlToken(validating: String(repeating: "a", count: 256)).text.count == 256)
    }

    @Test("a control token authorises exactly `Authorization: Bearer TOKEN`, once")
    func authorisation() throws {
        let token = try ControlToken(validating: "0123456789abcdef")
        func request(_ values: [String]) -> HTTPRequest {
            HTTPRequest(method: "POST", target: "/control", headers: values.map { HTTPHeader("Authorization", $0) })
        }
        #expect(token.authorizes(request(["Bearer 0123456789abcdef"])))
        #expect(token.authorizes(request(["bearer   0123456789abcdef"])))
        for values in [
            [], ["Bearer 0123456789abcdeF"], ["Bearer 0123456789abcde"], ["Bearer 0123456789abcdef0"],
            ["Basic 0123456789abcdef"], ["0123456789abcdef"], ["Bearer"], ["Bearer 0123456789abcdef x"],
            ["Bearer 0123456789abcdef", "Bearer 0123456789abcdef"],
        ] {
            #expect(!token.authorizes(request(values)), "\(values)")
        }
    }

    @Test("live settings from the command line's text; each bad value names its flag")
    func settings() throws {
        let settings = try LiveSettings(
            speed: "max",
            listen: "localhost:0",
            allowRemote: false,
            controlToken: "0123456789abcdef",
            exitAtEnd: true
        )
        #expect(settings.speed == .unlimited && settings.listen.host == "127.0.0.1" && settings.exitAtEnd)
        #expect(settings.controlToken.text == "0123456789abcdef")
        let generated = try LiveSettings(
            speed: "2",
            listen: "127.0.0.1:0",
            allowRemote: false,
            controlToken: nil,
            exitAtEnd: false
        )
        #expect(generated.controlToken.isGenerated && generated.speed == .factor(2))
        let cases: [(speed: String, listen: String, token: String?, flag: String)] = [
            ("fast", "127.0.0.1:0", nil, "--speed"), ("1", "0.0.0.0:0", nil, "--allow-remote"),
            ("1", "127.0.0.1:0", "x", "--control-token"),
        ]
        for (speed, listen, token, flag) in cases {
            let error = #expect(throws: ExperimentError.self) {
                try LiveSettings(
                    speed: speed,
                    listen: listen,
                    allowRemote: false,
                    controlToken: token,
                    exitAtEnd: false
                )
            }
            #expect(error?.description.contains(flag) == true, "\(String(describing: error))")
        }
    }
}
