import Scenario
import Testing

@Suite struct ScenarioFormatTests {
    @Test func yamlExtensionsAreAccepted() {
        #expect(ScenarioFormat.fileExtensions == ["yaml", "yml"])
    }
}
