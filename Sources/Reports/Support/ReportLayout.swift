import ShareModel

/// Lays reports out as ``ReportDocument``s: which tables, which rows, which words.
///
/// Shared by the table, Markdown and HTML renderers, so the three say the same thing.
enum ReportLayout {
    // MARK: - Run

    static func document(_ report: RunReport) -> ReportDocument {
        let figures = report.figures
        var tables: [TextTable] = []
        if !figures.workloads.isEmpty {
            tables.append(workloadTable(figures.workloads))
            tables.append(servedByTable(figures.workloads))
        }
        if let arrivals = arrivalsTable(report.replications) { tables.append(arrivals) }
        if let stages = stagesTable(report.replications) { tables.append(stages) }
        if let links = linksTable(report.replications) { tables.append(links) }
        if !figures.regions.isEmpty {
            tables.append(
                TextTable(
                    title: "Regions",
                    headers: [
                        "Region", "Capacity", "Utilisation", "Mean queue", "Availability", "Served", "Egress util.",
                    ],
                    rows: figures.regions.map { region in
                        [
                            .init(region.name), .init(HumanFormat.format(Double(region.capacity), .cores)),
                            cell(region.utilisation, .fraction), cell(region.meanQueueLength, .requests),
                            cell(region.availability, .fraction), cell(region.served, .count),
                            cell(region.egressUtilisation, .fraction),
                        ]
                    }
                )
            )
        }
        tables += payloadTables(figures)
        if !figures.zones.isEmpty {
            tables.append(
                TextTable(
                    title: "Zones",
                    headers: [
                        "Zone", "Region", "Capacity", "Utilisation", "Mean queue", "Mean wait", "Availability",
                        "Served",
                        "Rejected",
                    ],
                    rows: figures.zones.map { zone in
                        [
                            .init(zone.name), .init(zone.region),
                            .init(HumanFormat.format(Double(zone.capacity), .cores)),
                            cell(zone.utilisation, .fraction), cell(zone.meanQueueLength, .requests),
                            cell(zone.meanWaitSeconds, .seconds), cell(zone.availability, .fraction),
                            cell(zone.served, .count), cell(zone.rejected, .count),
                        ]
                    }
                )
            )
        }
        if !figures.edgeSites.isEmpty {
            tables.append(
                TextTable(
                    title: "Edge sites",
                    headers: [
                        "Edge site", "Region", "Nodes", "Hit ratio", "Byte hit ratio", "Bytes served", "Uplink util.",
                        "Availability",
                    ],
                    rows: figures.edgeSites.map { site in
                        [
                            .init(site.name), .init(site.region), .init(HumanFormat.count(Double(site.nodes))),
                            cell(site.hitRatio, .fraction), cell(site.byteHitRatio, .fraction),
                            cell(site.bytesServed, .bytes), cell(site.uplinkUtilisation, .fraction),
                            cell(site.availability, .fraction),
                        ]
                    }
                )
            )
        }
        tables += detectionTables(figures)
        tables += autoscalingTables(figures)
        if !figures.sharedPools.isEmpty {
            tables.append(
                TextTable(
                    title: "Shared pools",
                    headers: ["Pool", "Region", "Devices", "Online", "Bytes served", "Requests served", "Credits"],
                    rows: figures.sharedPools.map { pool in
                        [
                            .init(pool.name), .init(pool.region),
                            .init(HumanFormat.format(Double(pool.devices), .devices)),
                            cell(pool.onlineFraction, .fraction), cell(pool.bytesServed, .bytes),
                            cell(pool.requestsServed, .count), cell(pool.credits, .credits),
                        ]
                    }
                )
            )
        }
        if let cost = figures.cost {
            tables += costTables(cost, figures)
        }
        var document = ReportDocument(
            title: "ShareSim report: " + report.metadata.scenarioName,
            facts: facts(report.metadata) + warningFacts(report.warnings.map { ("", $0) }),
            tables: tables,
            notes: notes(
                replications: report.metadata.replications,
                streams: figures.workloads.contains { $0.kind == "stream" }
            )
        )
        document.question = report.metadata.focus?.question
        let currency = figures.cost?.currency
        let headline = (report.metadata.focus?.headline ?? []).compactMap { id -> [TextTable.Cell]? in
            report.row(id).map { [.init(id.headlineName), cell($0.estimate, $0.unit, currency: currency)] }
        }
        if !headline.isEmpty {
            document.headline = TextTable(title: headlineTitle, headers: ["Figure", "Value"], rows: headline)
        }
        return document
    }

    /// The autoscaling table of a run with autoscaled zones, none without: per autoscaled
    /// zone, its paid servers (fewest, mean, most) and its scale actions.
    static func autoscalingTables(_ figures: ReportFigures) -> [TextTable] {
        let zones = figures.zones.filter { $0.serversMean != nil }
        guard !zones.isEmpty else { return [] }
        return [
            TextTable(
                title: "Autoscaling",
                headers: ["Zone", "Servers min", "Servers mean", "Servers max", "Scale-outs", "Scale-ins"],
                rows: zones.map { zone in
                    [
                        .init(zone.name), cell(zone.serversMin, .count), cell(zone.serversMean, .count),
                        cell(zone.serversMax, .count), cell(zone.scaleOuts, .count), cell(zone.scaleIns, .count),
                    ]
                }
            )
        ]
    }

    /// The failure-detection tables of a run with health checks, none without: per checked
    /// site that failed (a site that never failed is left out: with hundreds of zones the
    /// table would be mostly dashes), how long detection took; per class, what was sent into
    /// the windows.
    static func detectionTables(_ figures: ReportFigures) -> [TextTable] {
        var tables: [TextTable] = []
        let zones = figures.zones.filter { $0.detectionSeconds != nil || ($0.undetectedOutages?.mean ?? 0) > 0 }
        let edges = figures.edgeSites.filter { $0.detectionSeconds != nil }
        if !zones.isEmpty || !edges.isEmpty {
            tables.append(
                TextTable(
                    title: "Failure detection",
                    headers: ["Site", "Time to detect", "Time to detect max", "Undetected outages"],
                    rows: zones.map { zone in
                        [
                            .init(zone.name), cell(zone.detectionSeconds, .seconds),
                            cell(zone.maxDetectionSeconds, .seconds), cell(zone.undetectedOutages, .count),
                        ]
                    }
                        + edges.map { site in
                            [.init(site.name), cell(site.detectionSeconds, .seconds), .init("-"), .init("-")]
                        }
                )
            )
        }
        let workloads = figures.workloads.filter { $0.sentToDeadSites != nil }
        if !workloads.isEmpty {
            tables.append(
                TextTable(
                    title: "Before detection",
                    headers: ["Workload", "Sent to dead sites", "Retry delay"],
                    rows: workloads.map { workload in
                        [
                            .init(workload.name), cell(workload.sentToDeadSites, .count),
                            cell(workload.retryDelaySeconds, .seconds),
                        ]
                    }
                )
            )
        }
        return tables
    }

    /// The title of the headline figures' table.
    static let headlineTitle = "Headline figures"

    /// One highlighted `Warning` fact per (run label, warning); the label prefixes the text
    /// when there is one.
    static func warningFacts(_ warnings: [(run: String, text: String)]) -> [ReportFact] {
        warnings.map {
            ReportFact(label: "Warning", value: ($0.run.isEmpty ? "" : $0.run + ": ") + $0.text, warning: true)
        }
    }

    static func facts(_ metadata: RunMetadata) -> [ReportFact] {
        var facts = [ReportFact(label: "Scenario", value: metadata.scenarioName)]
        if let variant = metadata.variant { facts.append(ReportFact(label: "Variant", value: variant)) }
        if !metadata.scenarioDescription.isEmpty {
            facts.append(ReportFact(label: "Description", value: metadata.scenarioDescription))
        }
        facts.append(
            metadata.complete
                ? ReportFact(label: "Status", value: "complete")
                : ReportFact(label: "Status", value: "INTERRUPTED: partial results", warning: true)
        )
        facts.append(ReportFact(label: "Seed", value: String(metadata.seed)))
        facts.append(ReportFact(label: "Replications", value: String(metadata.replications)))
        facts.append(
            ReportFact(
                label: "Measured",
                value: HumanFormat.seconds(metadata.durationSeconds) + " after "
                    + HumanFormat.seconds(metadata.warmupSeconds) + " warm-up, "
                    + HumanFormat.seconds(metadata.intervalSeconds) + " intervals"
            )
        )
        var events = HumanFormat.count(Double(metadata.eventsProcessed)) + " events"
        if let wall = metadata.wallTimeSeconds {
            events += " in " + HumanFormat.seconds(wall) + " wall time"
            if wall > 0 {
                events += " (" + HumanFormat.count(Double(metadata.eventsProcessed) / wall) + " events/s)"
            }
        }
        facts.append(ReportFact(label: "Engine", value: events))
        facts.append(ReportFact(label: "ShareSim", value: metadata.sharesimVersion))
        return facts
    }

    static func notes(replications: Int, streams: Bool = false) -> [String] {
        let intervals =
            replications > 1
            ? "± is the half-width of the 95% confidence interval over \(replications) replications (Student t)."
            : "One replication: no confidence intervals."
        guard streams else { return [intervals] }
        return [
            intervals,
            "A stream's latency is its session's length (press play to the last watched segment's arrival); "
                + "what its viewer waits for is the start-up delay, and rebuffering is what interrupts the viewing. "
                + "A download's latency is its completion time; time to first byte means the same for every class.",
        ]
    }

    private static func workloadTable(_ workloads: [WorkloadFigures]) -> TextTable {
        func row(_ label: String, _ pick: (WorkloadFigures) -> Estimate?, _ unit: FigureUnit) -> [TextTable.Cell] {
            [.init(label)] + workloads.map { cell(pick($0), unit) }
        }
        let rows: [[TextTable.Cell]] = [
            [.init("Kind")] + workloads.map { .init($0.kind) },
            row("Throughput", { $0.throughputPerSecond }, .requestsPerSecond),
            row("Bitrate", { $0.bitsPerSecond }, .bitsPerSecond),
            row("Latency p50", { $0.latency.p50 }, .seconds),
            row("Latency p90", { $0.latency.p90 }, .seconds),
            row("Latency p99", { $0.latency.p99 }, .seconds),
            row("Latency p99.9", { $0.latency.p999 }, .seconds),
            row("Latency max", { $0.latency.max }, .seconds),
            row("Time to first byte p50", { $0.timeToFirstByteP50 }, .seconds),
            row("Time to first byte p99", { $0.timeToFirstByteP99 }, .seconds),
            [.init("SLO objective")]
                + workloads.map { .init($0.sloSeconds.map { "≤ " + HumanFormat.seconds($0) } ?? "—") },
            row("SLO attainment", { $0.sloAttainment }, .fraction),
            row("Success", { $0.successRatio }, .fraction),
            row("Arrived", { $0.arrived }, .count),
            row("Served", { $0.served }, .count),
            row("Rejected", { $0.rejected }, .count),
            row("Failed", { $0.failed }, .count),
            row("Unfinished", { $0.unfinished }, .count),
            row("Retries", { $0.retries }, .count),
            row("Stall", { $0.stallSeconds }, .seconds),
            row("Preemptions", { $0.preemptions }, .count),
        ]
        // A stream's player, in rows of their own when some class streams.
        let playback: [[TextTable.Cell]] =
            workloads.contains { $0.kind == "stream" }
            ? [
                row("Start-up delay p50", { $0.startupDelayP50 }, .seconds),
                row("Start-up delay p90", { $0.startupDelayP90 }, .seconds),
                row("Start-up delay p99", { $0.startupDelayP99 }, .seconds),
                row("Rebuffers per session", { $0.rebuffersPerSession }, .count),
                row("Rebuffering ratio", { $0.rebufferRatio }, .fraction),
                row("Sessions with a rebuffer", { $0.rebufferedSessionShare }, .fraction),
                row("Average bitrate", { $0.averageBitrate }, .bitsPerSecond),
            ] : []
        return TextTable(title: "Workloads", headers: ["Figure"] + workloads.map(\.name), rows: rows + playback)
    }

    private static func servedByTable(_ workloads: [WorkloadFigures]) -> TextTable {
        let sources = workloads[0].servedBy
        let rows: [[TextTable.Cell]] = sources.indices.map { index in
            [.init(sources[index].label)]
                + workloads.map { workload in cell(element(workload.servedBy, index)?.share, .fraction) }
        }
        return TextTable(
            title: "Served by (share of served requests)",
            headers: ["Source"] + workloads.map(\.name),
            rows: rows
        )
    }

    /// The bytes transactions carry: per class with a payload, up and down; per region with
    /// request bytes coming in, its backhaul (ingress) mean and 95th-percentile rates. Empty
    /// when no class carries bytes.
    static func payloadTables(_ figures: ReportFigures) -> [TextTable] {
        var tables: [TextTable] = []
        let carrying = figures.workloads.filter { $0.bytesUp != nil }
        if !carrying.isEmpty {
            tables.append(
                TextTable(
                    title: "Payloads",
                    headers: ["Workload", "Bytes up", "Bitrate up", "Bytes down", "Bitrate down"],
                    rows: carrying.map { workload in
                        [
                            .init(workload.name), cell(workload.bytesUp, .bytes),
                            cell(workload.bitsPerSecondUp, .bitsPerSecond), cell(workload.bytesDown, .bytes),
                            cell(workload.bitsPerSecond, .bitsPerSecond),
                        ]
                    }
                )
            )
        }
        let regions = figures.regions.filter { $0.backhaulMean != nil }
        if !regions.isEmpty {
            tables.append(
                TextTable(
                    title: "Backhaul",
                    headers: ["Region", "Backhaul in", "95th-pct rate", "Utilisation"],
                    rows: regions.map { region in
                        [
                            .init(region.name), cell(region.backhaulMean, .bitsPerSecond),
                            cell(region.backhaul95th, .bitsPerSecond), cell(region.backhaulUtilisation, .fraction),
                        ]
                    }
                )
            )
        }
        return tables
    }

    /// Each demand's arrival process and its measured arrivals (mean over replications), when
    /// some demand is not Poisson; nil otherwise, so Poisson runs read as before.
    static func arrivalsTable(_ replications: [ModelResults]) -> TextTable? {
        guard let first = replications.first?.arrivals else { return nil }
        return TextTable(
            title: "Arrivals",
            headers: ["Population", "Workload", "Process", "Arrived"],
            rows: first.indices.map { index in
                let counts = replications.compactMap { $0.arrivals?[index].arrived }
                let mean = Double(counts.reduce(0, +)) / Double(max(1, counts.count))
                return [
                    .init(first[index].population), .init(first[index].workload), .init(first[index].process),
                    .init(HumanFormat.format(mean, .count)),
                ]
            }
        )
    }

    static func cell(_ estimate: Estimate?, _ unit: FigureUnit, currency: String? = nil) -> TextTable.Cell {
        .init(HumanFormat.estimate(estimate, unit, currency: currency))
    }

    /// The cost by item (items that cost something, then the total and unit costs), and by
    /// region and site with each billed link's 95th-percentile rate, amounts in the currency.
    static func costTables(_ cost: CostFigures, _ figures: ReportFigures) -> [TextTable] {
        let currency = cost.currency
        let items: [(String, Estimate?)] = [
            ("Compute on demand", cost.compute), ("Compute provisioned", cost.provisioned),
            ("Egress per GB", cost.egress), ("Egress 95th", cost.egress95th), ("Backhaul", cost.backhaul),
            ("Edge delivery", cost.edge),
            ("Shared devices per GB", cost.sharedPerGB), ("Shared devices 95th", cost.shared95th),
            ("Shared devices storage", cost.sharedStorage), ("Credits", cost.credits),
        ]
        var rows: [[TextTable.Cell]] = items.compactMap { label, estimate in
            guard let estimate, estimate.mean != 0 else { return nil }
            return [.init(label), cell(estimate, .money, currency: currency)]
        }
        rows += [
            ["Total", cell(cost.total, .money, currency: currency)],
            ["Per million requests", cell(cost.perMillionRequests, .money, currency: currency)],
            ["Per TB delivered", cell(cost.perTBDelivered, .money, currency: currency)],
            ["Per hour", cell(cost.perHour, .money, currency: currency)],
        ]
        var tables = [
            TextTable(title: "Cost" + (currency.map { " (\($0))" } ?? ""), headers: ["Item", "Cost"], rows: rows)
        ]
        var places: [[TextTable.Cell]] = []
        func add(_ name: String, _ kind: String, _ amount: Estimate?, _ rate: Estimate?) {
            guard let amount else { return }
            places.append([
                .init(name), .init(kind), cell(amount, .money, currency: currency), cell(rate, .bitsPerSecond),
            ])
        }
        for region in figures.regions { add(region.name, "region", region.cost, region.egress95th) }
        for site in figures.edgeSites { add(site.name, "edge site", site.cost, site.uplink95th) }
        for pool in figures.sharedPools { add(pool.name, "shared pool", pool.cost, pool.bandwidth95th) }
        if !places.isEmpty {
            tables.append(
                TextTable(title: "Cost by place", headers: ["Place", "Kind", "Cost", "95th-pct rate"], rows: places)
            )
        }
        let payouts: [[TextTable.Cell]] = figures.sharedPools.compactMap { pool in
            pool.payoutPerDevicePerMonth.map {
                [
                    .init(pool.name), .init(HumanFormat.format(Double(pool.devices), .devices)),
                    cell($0, .money, currency: currency),
                ]
            }
        }
        if !payouts.isEmpty {
            tables.append(
                TextTable(
                    title: "Paid to shared devices",
                    headers: ["Pool", "Devices", "Per device per month"],
                    rows: payouts
                )
            )
        }
        return tables
    }

    // MARK: - Comparison

    static func document(_ comparison: ComparisonReport) -> ReportDocument {
        let baseline = comparison.entries[0]
        var headers = ["Figure", baseline.label]
        for entry in comparison.entries.dropFirst() {
            headers += [entry.label, "Δ " + entry.label]
        }
        let currencies = comparison.entries.map { $0.report.figures.cost?.currency }
        let currency = currencies.allSatisfy { $0 == currencies[0] } ? currencies[0] : nil
        func row(_ figure: ComparisonFigure, name: String) -> [TextTable.Cell] {
            var cells: [TextTable.Cell] = [.init(name), mean(figure.estimates[0], figure.unit, currency: currency)]
            for index in comparison.entries.indices.dropFirst() {
                cells.append(mean(figure.estimates[index], figure.unit, currency: currency))
                cells.append(difference(figure.differences[index], figure.id.descriptor, currency: currency))
            }
            return cells
        }
        var tables: [TextTable] = []
        for section in FigureSection.allCases {
            let figures = comparison.figures.filter { $0.section == section && $0.estimates.contains { $0 != nil } }
            guard !figures.isEmpty else { continue }
            tables.append(
                TextTable(title: section.title, headers: headers, rows: figures.map { row($0, name: $0.displayName) })
            )
        }
        let focus = baseline.report.metadata.focus
        let headline = (focus?.headline ?? []).compactMap { id in
            comparison.figure(id).map { row($0, name: id.headlineName) }
        }
        var facts = [ReportFact(label: "Baseline", value: baseline.label)]
        facts.append(
            ReportFact(
                label: "Runs",
                value: comparison.entries.map { entry in
                    entry.label + " (" + entry.report.metadata.scenarioName
                        + (entry.report.metadata.variant.map { ", variant " + $0 } ?? "") + ", "
                        + String(entry.report.metadata.replications) + " replications)"
                }.joined(separator: "; ")
            )
        )
        facts.append(
            ReportFact(
                label: "Pairing",
                value: comparison.commonRandomNumbers
                    ? "common random numbers (replication i of every run used the same seed)"
                    : "seeds differ between runs: differences are less precise",
                warning: !comparison.commonRandomNumbers
            )
        )
        let interrupted = comparison.entries.filter { !$0.report.metadata.complete }.map(\.label)
        if !interrupted.isEmpty {
            facts.append(
                ReportFact(
                    label: "Status",
                    value: "INTERRUPTED: " + interrupted.joined(separator: ", "),
                    warning: true
                )
            )
        }
        facts += warningFacts(comparison.entries.flatMap { entry in entry.report.warnings.map { (entry.label, $0) } })
        facts.append(ReportFact(label: "ShareSim", value: baseline.report.metadata.sharesimVersion))
        var document = ReportDocument(
            title: "ShareSim comparison: " + comparison.entries.map(\.label).joined(separator: " vs "),
            facts: facts,
            tables: tables,
            notes: [
                "Columns show means over replications. Δ is the difference from " + baseline.label
                    + " with its 95% confidence interval and relative change (shares: in percentage points, pp);"
                    + " * marks an interval that excludes zero, followed by better or worse where the figure has"
                    + " a direction."
            ]
        )
        document.question = focus?.question
        if !headline.isEmpty { document.headline = TextTable(title: headlineTitle, headers: headers, rows: headline) }
        return document
    }

    private static func mean(_ estimate: Estimate?, _ unit: FigureUnit, currency: String?) -> TextTable.Cell {
        .init(estimate.map { HumanFormat.format($0.mean, unit, currency: currency) } ?? "—")
    }

    /// A difference as people read it: `+1.2k/s ± 300/s (+5.0%) * better`. Shares and ratios
    /// change by percentage points (`+2.3 pp ± 0.4 pp`), never by a percentage of a
    /// percentage; `*` marks a 95% interval that excludes zero, and the registry's direction
    /// says whether that change is better or worse.
    static func differenceText(
        _ difference: FigureDifference,
        _ descriptor: FigureDescriptor,
        currency: String? = nil
    ) -> String {
        if difference.mean == 0 && (difference.halfWidth95 ?? 0) == 0 { return "no change" }
        let unit = descriptor.unit
        var text: String
        if ChangeKind(for: unit) == .percentagePoints {
            func points(_ value: Double) -> String { HumanFormat.fixed(value * 100, decimals: 1) + " pp" }
            text = (difference.mean > 0 ? "+" : "") + points(difference.mean)
            if let halfWidth = difference.halfWidth95 { text += " ± " + points(halfWidth) }
        } else {
            text = HumanFormat.signed(difference.mean, unit, currency: currency)
            if let halfWidth = difference.halfWidth95 {
                text += " ± " + HumanFormat.format(halfWidth, unit, currency: currency)
            }
            if let relative = difference.relativePercent, difference.mean != 0 {
                text += " (" + (relative > 0 ? "+" : "") + HumanFormat.fixed(relative, decimals: 1) + "%)"
            }
        }
        guard difference.significant else { return text }
        let verdict = descriptor.direction.isImprovement(difference.mean).map { $0 ? " better" : " worse" } ?? ""
        return text + " *" + verdict
    }

    private static func difference(
        _ difference: FigureDifference?,
        _ descriptor: FigureDescriptor,
        currency: String?
    ) -> TextTable.Cell {
        guard let difference else { return "—" }
        return .init(differenceText(difference, descriptor, currency: currency), highlight: difference.significant)
    }

    // MARK: - Sweep

    static func document(_ sweep: SweepReport) -> ReportDocument {
        let headers = ["Figure"] + sweep.points.map { sweep.parameter + " = " + $0.value }
        let currency = sweep.points[0].report.figures.cost?.currency
        var tables: [TextTable] = []
        for section in FigureSection.allCases {
            let figures = sweep.figures.filter { $0.section == section && $0.estimates.contains { $0 != nil } }
            guard !figures.isEmpty else { continue }
            let rows: [[TextTable.Cell]] = figures.map { figure in
                [.init(figure.displayName)] + figure.estimates.map { cell($0, figure.unit, currency: currency) }
            }
            tables.append(TextTable(title: section.title, headers: headers, rows: rows))
        }
        let first = sweep.points[0].report.metadata
        let headline: [[TextTable.Cell]] = (first.focus?.headline ?? []).compactMap { id in
            sweep.figure(id).map { figure in
                [.init(id.headlineName)] + figure.estimates.map { cell($0, figure.unit, currency: currency) }
            }
        }
        var facts = [
            ReportFact(label: "Scenario", value: first.scenarioName),
            ReportFact(label: "Swept", value: sweep.parameter),
            ReportFact(label: "Values", value: sweep.points.map(\.value).joined(separator: ", ")),
            ReportFact(label: "Replications", value: String(first.replications) + " per value"),
            ReportFact(label: "Seed", value: String(first.seed)),
        ]
        let interrupted = sweep.points.filter { !$0.report.metadata.complete }.map(\.value)
        if !interrupted.isEmpty {
            facts.append(
                ReportFact(
                    label: "Status",
                    value: "INTERRUPTED: " + interrupted.joined(separator: ", "),
                    warning: true
                )
            )
        }
        facts += warningFacts(
            sweep.points.flatMap { point in point.report.warnings.map { (sweep.parameter + " = " + point.value, $0) } }
        )
        facts.append(ReportFact(label: "ShareSim", value: first.sharesimVersion))
        var document = ReportDocument(
            title: "ShareSim sweep: " + first.scenarioName + " over " + sweep.parameter,
            facts: facts,
            tables: tables,
            notes: notes(replications: first.replications)
        )
        document.question = first.focus?.question
        if !headline.isEmpty { document.headline = TextTable(title: headlineTitle, headers: headers, rows: headline) }
        return document
    }
}
