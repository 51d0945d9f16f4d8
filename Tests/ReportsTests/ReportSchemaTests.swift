import Testing
import Reports

@Suite struct ReportSchemaTests {
    @Test func schemaIdentifierIsVersioned() {
        #expect(ReportSchema.identifier == "sharesim.report/1")
    }
}
