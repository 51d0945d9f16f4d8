import Experiments
import Testing

@Suite("Listen address")
struct ListenAddressTests {
    @Test(
        "HOST:PORT and [IPv6]:PORT parse; anything else names --listen",
        arguments: ["", "8080", "h:", "h:70000", "[::1]8080"]
    )
    func invalid(_ text: String) {
        #expect(throws: ExperimentError.self) { try ListenAddress(parsing: text) }
    }

    @Test("an IPv4 and an IPv6 address with their ports")
    func valid() throws {
        let v4 = try ListenAddress(parsing: "127.0.0.1:0")
        #expect(v4.host == "127.0.0.1" && v4.port == 0 && v4.urlHost == "127.0.0.1")
        let v6 = try ListenAddress(parsing: "[::1]:8080")
        #expect(v6.host == "::1" && v6.port == 8080 && v6.urlHost == "[::1]")
    }
}
