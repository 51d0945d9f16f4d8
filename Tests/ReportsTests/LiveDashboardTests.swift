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
}
