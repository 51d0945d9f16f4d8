import ShareModel

extension ReportLayout {
    /// Each link drawn in the scenario: capacity, latency, and the means over replications of
    /// the bytes that crossed it, its mean and peak-interval utilisation, its time-weighted
    /// flows and its time down; nil when the scenario draws none, so such runs read as before.
    static func linksTable(_ replications: [ModelResults]) -> TextTable? {
        guard let first = replications.first?.links else { return nil }
        func mean(_ index: Int, _ value: (LinkResults) -> Double) -> Double {
            let values = replications.compactMap { $0.links?[index] }.map(value)
            return values.reduce(0, +) / Double(max(1, values.count))
        }
        return TextTable(
            title: "Links",
            headers: ["Link", "Capacity", "Latency", "Bytes", "Utilisation", "Peak util.", "Mean flows", "Down"],
            rows: first.indices.map { index in
                [
                    .init(first[index].name),
                    .init(HumanFormat.format(first[index].capacityBitsPerSecond, .bitsPerSecond)),
                    .init(HumanFormat.format(first[index].latencySeconds, .seconds)),
                    .init(HumanFormat.format(mean(index, \.bytes), .bytes)),
                    .init(HumanFormat.format(mean(index, \.utilisation), .fraction)),
                    .init(HumanFormat.format(mean(index, \.peakUtilisation), .fraction)),
                    .init(HumanFormat.format(mean(index, \.meanFlows), .count)),
                    .init(HumanFormat.format(mean(index, \.downSeconds), .seconds)),
                ]
            }
        )
    }
}
