import Testing

@testable import ShareModel

@Suite("Identifiers")
struct IdentifierTests {
    @Test("typed indices order by index and keep their value")
    func ordering() {
        #expect(SiteID(3) < SiteID(7))
        #expect(LinkID(9).index == 9)
        #expect([FlowID(5), FlowID(1), FlowID(3)].sorted() == [FlowID(1), FlowID(3), FlowID(5)])
        #expect(PopulationID(2) != PopulationID(4))
    }
}
