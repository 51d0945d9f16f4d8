public import Reports
public import Scenario

extension Scenario {
    /// The question and figures the scenario's `report:` declares, its names read as
    /// figures; nil without `report:`. Only figures this scenario's runs report are kept: a
    /// variant that removes a pool leaves out the pool's figures, and a name that is no figure
    /// is left out here (``checkReportFigures()`` reports it). Figures about outages are kept
    /// without failures: a run's report shows them when it measured an outage.
    public var reportFocus: ReportFocus? {
        guard let report else { return nil }
        let reported = Set(FigureRegistry.figures(reportedFor: spec, orMayMeasure: true))
        func figures(_ references: [FigureReference]) -> [FigureID] {
            references.compactMap { FigureID(key: $0.name) }.filter(reported.contains)
        }
        return ReportFocus(
            question: report.question,
            headline: figures(report.headline),
            charts: figures(report.charts)
        )
    }

    /// Checks that every figure `report:` names is one a run of this scenario reports.
    ///
    /// - Throws: ``ScenarioError`` with one error per unknown name, at the name, with the
    ///   closest figure as a suggestion.
    /// - Complexity: O(figures the scenario reports + names × that for suggestions).
    public func checkReportFigures() throws(ScenarioError) {
        guard let report else { return }
        let known = FigureRegistry.figures(reportedFor: spec, orMayMeasure: true)
        let knownSet = Set(known)
        // Run-wide figures are suggested in their short spelling, `cost/total`.
        let names = known.map { $0.subject.isEmpty ? $0.descriptor.section.rawValue + "/" + $0.metricKey : $0.key }
        var diagnostics = Diagnostics()
        for (field, references) in [("headline", report.headline), ("charts", report.charts)] {
            for reference in references {
                if let id = FigureID(key: reference.name), knownSet.contains(id) { continue }
                diagnostics.error(
                    "unknown figure '\(reference.name)' in 'report.\(field)': a figure is named "
                        + "section/subject/metric as the CSV and JSON reports name it "
                        + "(workload/<class>/latencyP99, servedBy/<class>/shared, cost/perTBDelivered)",
                    at: reference.location,
                    suggestion: Suggestions.best(for: reference.name, among: names)
                )
            }
        }
        try diagnostics.throwIfErrors()
    }
}
