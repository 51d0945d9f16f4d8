import Foundation
import Reports
import Testing

@Suite("Live dashboard page")
struct LiveDashboardTests {
    @Test("the page sends the control token with every control request, as a safe script string")
    func token() {
        let page = LiveDashboard.page(title: "t", controlToken: "0123456789abcdef")
        #expect(page.contains(#"const controlToken = "0123456789abcdef";"#))
        #expect(page.contains(#""Authorization": "Bearer " + controlToken"#))
        #expect(!page.contains("{{CONTROL_TOKEN}}"))
        let hostile = LiveDashboard.page(title: "{{CONTROL_TOKEN}}", controlToken: "a\"</script><b>\\\u{2028}\n")
        #expect(hostile.contains(#"const controlToken = "a\u0022\u003c/script\u003e\u003cb\u003e\u005c\u2028\u000a";"#))
        #expect(!hostile.contains("</script><b>"))
        #expect(hostile.contains("<title>sharesim live: {{CONTROL_TOKEN}}</title>"), "the title is not a template")
    }

    @Test("the latency chart reads the windowed p50/p99 in seconds, skips an empty window and names the window")
    func windowedLatency() {
        let page = LiveDashboard.page(title: "t", controlToken: "0123456789abcdef")
        #expect(page.contains(LiveDashboard.axisScript))
        #expect(
            page.contains(
                "if (w.figures.latencyP99 !== undefined) add(\"latency\", w.name + \" p99\", x, w.figures.latencyP99);"
            )
        )
        #expect(page.contains("formatTime(f.latencyWindowSeconds)"))
        #expect(!page.contains("{{AXIS_SCRIPT}}"))
        #expect(!page.contains("toPrecision(3)") && !page.contains("* 1000"), "no exponent labels, no ms scaling")
    }

    @Test(
        "axis ticks are in human units: ms, s, min; k/s; percent; never exponent notation",
        .enabled(if: LiveDashboardTests.node != nil)
    )
    func axisTicks() throws {
        let calls = [
            #"axisTicks("duration", 6.5)"#, #"axisTicks("duration", 631)"#, #"axisTicks("duration", 0.0423)"#,
            #"axisTicks("duration", 0)"#, #"axisTicks("duration", 0.00004)"#, #"axisTicks("rate", 583000)"#,
            #"axisTicks("percent", 73)"#, "formatTime(6500)", "formatTime(42)", "formatTime(631.2)",
            "formatTime(200000)",
        ]
        let script =
            LiveDashboard.axisScript + "\nconsole.log(JSON.stringify([" + calls.joined(separator: ", ") + "]));\n"
        let output = try Self.runNode(script)
        let expected = [
            #"{"top":8,"labels":["0","2 s","4 s","6 s","8 s"]}"#,
            #"{"top":900,"labels":["0","5 min","10 min","15 min"]}"#,
            #"{"top":0.06,"labels":["0","20 ms","40 ms","60 ms"]}"#,
            #"{"top":0.001,"labels":["0","0.25 ms","0.5 ms","0.75 ms","1 ms"]}"#,
            #"{"top":0.00004,"labels":["0","10 µs","20 µs","30 µs","40 µs"]}"#,
            #"{"top":600000,"labels":["0","200k/s","400k/s","600k/s"]}"#,
            #"{"top":80,"labels":["0","20%","40%","60%","80%"]}"#,
            #""108.3 min""#, #""42 s""#, #""10.5 min""#, #""2.3 d""#,
        ]
        #expect(output == "[" + expected.joined(separator: ",") + "]\n")
    }

    /// The path of `node`, if it is installed.
    static let node: String? = ["/usr/bin/node", "/usr/local/bin/node"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// What `node` prints running `script`.
    static func runNode(_ script: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node ?? "node")
        process.arguments = ["-e", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
