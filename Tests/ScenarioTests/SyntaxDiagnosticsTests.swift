import Testing

@testable import Scenario

@Suite struct SyntaxDiagnosticsTests {
    @Test func aDiagnosticPrintsFileLineColumnSeverityAndMessage() {
        let at = SourceLocation(file: "Simulations/cdn.yaml", line: 12, column: 5)
        #expect(
            Diagnostic.error("unknown field 'regoins' in scenario", at: at).description
                == "Simulations/cdn.yaml:12:5: error: unknown field 'regoins' in scenario"
        )
        #expect(
            Diagnostic.error("unknown field 'regoins' in scenario", at: at, suggestion: "regions").description
                == "Simulations/cdn.yaml:12:5: error: unknown field 'regoins' in scenario; did you mean 'regions'?"
        )
        #expect(
            Diagnostic.warning("seed is not set", at: at).description
                == "Simulations/cdn.yaml:12:5: warning: seed is not set"
        )
    }

    @Test func diagnosticsSortByFileLineColumnAndKeepTheOrderOfTies() {
        var diagnostics = Diagnostics()
        diagnostics.error("third", at: SourceLocation(file: "b.yaml", line: 1, column: 1))
        diagnostics.error("second", at: SourceLocation(file: "a.yaml", line: 10, column: 2))
        diagnostics.error("first", at: SourceLocation(file: "a.yaml", line: 2, column: 9))
        diagnostics.warning("second, tie", at: SourceLocation(file: "a.yaml", line: 10, column: 2))
        #expect(diagnostics.entries.map(\.message) == ["third", "second", "first", "second, tie"])
        #expect(diagnostics.sorted.map(\.message) == ["first", "second", "second, tie", "third"])
        #expect(diagnostics.errorCount == 3)
    }

    @Test func throwIfErrorsCarriesEveryDiagnosticSorted() {
        var diagnostics = Diagnostics()
        diagnostics.warning("only a warning", at: .startOf("a.yaml"))
        #expect(throws: Never.self) { try diagnostics.throwIfErrors() }
        diagnostics.error("bad", at: SourceLocation(file: "a.yaml", line: 3, column: 4))
        do {
            try diagnostics.throwIfErrors()
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == 2)
            #expect(error.errors.map(\.message) == ["bad"])
            #expect(error.description == "a.yaml:1:1: warning: only a warning\na.yaml:3:4: error: bad")
        }
    }

    @Test func unknownReferencesNameTheReferrerAndSuggest() {
        var diagnostics = Diagnostics()
        let at = SourceLocation(file: "s.yaml", line: 7, column: 13)
        diagnostics.unknownReference(
            "eu-west",
            kind: "region",
            from: "zone 'hk-1a'",
            candidates: ["cn-hangzhou", "eu-west-1"],
            at: at
        )
        #expect(
            diagnostics.description
                == "s.yaml:7:13: error: zone 'hk-1a' refers to unknown region 'eu-west'; did you mean 'eu-west-1'?"
        )
    }
}

@Suite struct SyntaxSuggestionsTests {
    @Test func editDistanceCountsTranspositionsAsOne() {
        #expect(Suggestions.editDistance("regoins", "regions") == 1)
        #expect(Suggestions.editDistance("kitten", "sitting") == 3)
        #expect(Suggestions.editDistance("", "abc") == 3)
        #expect(Suggestions.editDistance("ca", "abc") == 3)  // optimal string alignment, not unrestricted
        #expect(Suggestions.editDistance("same", "same") == 0)
    }

    @Test func suggestsTheUniqueClosestCandidateWithinAThirdOfTheLength() {
        let fields = ["name", "regions", "workloads", "duration", "seed"]
        #expect(Suggestions.best(for: "regoins", among: fields) == "regions")
        #expect(Suggestions.best(for: "duraton", among: fields) == "duration")
        #expect(Suggestions.best(for: "sed", among: fields) == "seed")
        // Too far: 'wrkld' is 4 edits from 'workloads', more than max(1, 5/3).
        #expect(Suggestions.best(for: "wrkld", among: fields) == nil)
        #expect(Suggestions.best(for: "zzz", among: fields) == nil)
    }

    @Test func caseDifferencesRankFirst() {
        #expect(Suggestions.best(for: "LRU", among: ["fifo", "lru"]) == "lru")
        #expect(Suggestions.best(for: "mbps", among: ["ms", "Mbps"]) == "Mbps")
    }

    @Test func tiesBetweenDifferentCandidatesGiveNoSuggestion() {
        #expect(Suggestions.best(for: "zone-c", among: ["zone-a", "zone-b"]) == nil)
        // A repeated candidate is not a tie with itself.
        #expect(Suggestions.best(for: "zone-c", among: ["zone-a", "zone-a"]) == "zone-a")
        // Ties on folded distance are broken by the exact distance.
        #expect(Suggestions.best(for: "Abc", among: ["abd", "Abd"]) == "Abd")
    }
}
