import Reports
import Testing

@Suite struct ReportSchemaTests {
    @Test func schemaIdentifierIsVersioned() {
        #expect(ReportSchema.identifier == "sharesim.report/2")
    }
}
