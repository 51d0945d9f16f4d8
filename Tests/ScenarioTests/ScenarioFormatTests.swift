import Testing
import Scenario

@Suite struct ScenarioFormatTests {
    @Test func yamlExtensionsAreAccepted() {
        #expect(ScenarioFormat.fileExtensions == ["yaml", "yml"])
    }
}
