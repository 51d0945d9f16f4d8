import Testing

@testable import Reports

/// The report's JSON encoder builds arrays and objects in place: a report with thousands of
/// rows (a scenario with 1,000 classes has 30,000) takes time linear in its size.
@Suite("Ordered JSON encoder")
struct OrderedJSONEncoderTests {
    struct Row: Encodable {
        var figure: String
        var value: Double?
    }

    @Test("an array of 200,000 objects encodes in order, each key in declaration order", .timeLimit(.minutes(1)))
    func longArray() throws {
        // Copying the array on every append (the bug this guards against) made this
        // 2·10^10 element copies: minutes, not the milliseconds it takes in place.
        let rows = (0..<200_000).map { Row(figure: "f\($0)", value: $0 % 3 == 0 ? nil : Double($0)) }
        guard case .array(let items) = try OrderedJSONEncoder.encode(rows) else {
            Issue.record("not an array")
            return
        }
        #expect(items.count == 200_000)
        #expect(
            items[7]
                == .object([
                    JSONMember(key: "figure", value: .string("f7")), JSONMember(key: "value", value: .number(7)),
                ])
        )
        #expect(
            items[9]
                == .object([JSONMember(key: "figure", value: .string("f9")), JSONMember(key: "value", value: .null)])
        )
    }
}
