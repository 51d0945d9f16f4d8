public import ShareModel

extension FigureID {
    /// The figure whose key is `key` (``key``'s inverse), or nil when no metric of the named
    /// section has that name.
    ///
    /// Accepts `section/subject/metric` as JSON and CSV carry it (`workload/web/latencyP99`,
    /// `servedBy/video/cloud:cn-shenzhen`, `cost//total`) and, for run-wide figures, the
    /// shorter `section/metric` (`cost/total`). Whether the run has the subject is not checked
    /// here: see ``FigureRegistry/figures(reportedFor:)``.
    public init?(key: String) {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, let section = FigureSection(rawValue: parts[0]) else {
            return nil
        }
        let subject = parts.count == 3 ? parts[1] : ""
        let metricKey = parts[parts.count - 1]
        if section == .servedBy {
            guard !subject.isEmpty, let source = ServedBySource(key: metricKey) else { return nil }
            self = .servedShare(of: subject, by: source)
            return
        }
        guard section == .cost ? subject.isEmpty : !subject.isEmpty,
            let metric = FigureMetric.all(in: section).first(where: { $0.descriptor.key == metricKey })
        else { return nil }
        self.init(metric, of: subject)
    }
}

extension ServedBySource {
    /// The source whose ``key`` is `key` (`edge`, `shared`, `cloud:<region>`, `origin`).
    public init?(key: String) {
        switch key {
        case "edge": self = .edge
        case "shared": self = .shared
        case "origin": self = .origin
        default:
            guard key.hasPrefix("cloud:"), key.count > "cloud:".count else { return nil }
            self = .cloud(region: String(key.dropFirst("cloud:".count)))
        }
    }
}

extension FigureID: Codable {
    /// Encodes the figure as its ``key``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }

    /// Decodes a figure from its key; throws for a key no figure has.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let key = try container.decode(String.self)
        guard let id = FigureID(key: key) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown figure '\(key)'")
        }
        self = id
    }
}

extension FigureRegistry {
    /// Every figure a run of `spec` reports, in the order of a run report's rows: each
    /// class's metrics (those about outages only when `spec` has failures, or with
    /// `orMayMeasure`, where a run could measure them: a live run's manual outages, a variant's
    /// failures) and served-by shares, each stage's, then each drawn link's, region's, zone's, edge site's and
    /// pool's metrics, then the cost (when `spec` has prices).
    ///
    /// - Complexity: O(entities × metrics).
    public static func figures(reportedFor spec: ModelSpec, orMayMeasure: Bool = false) -> [FigureID] {
        var ids: [FigureID] = []
        let sources = [ServedBySource.edge, .shared] + spec.regionNames.map { .cloud(region: $0) } + [.origin]
        let hasOutages = orMayMeasure || !spec.outages.isEmpty || !spec.randomFailures.isEmpty
        let workloadMetrics = FigureMetric.all(in: .workload).filter {
            $0.isPlayback || hasOutages || !$0.descriptor.onlyWhenMeasured
        }
        for workload in spec.workloadClasses {
            let isStream = if case .stream = workload.kind { true } else { false }
            ids += workloadMetrics.filter { isStream || !$0.isPlayback }.map { FigureID($0, of: workload.name) }
            ids += sources.map { FigureID.servedShare(of: workload.name, by: $0) }
        }
        let stageMetrics = FigureMetric.all(in: .stage)
        for workload in spec.workloadClasses {
            for stage in workload.stages {
                ids += stageMetrics.map { FigureID($0, of: workload.name + ":" + stage.name) }
            }
        }
        let priced = spec.prices != nil
        func add(_ section: FigureSection, _ subjects: [String]) {
            let metrics = FigureMetric.all(in: section).filter { priced || !$0.isBilled }
            for subject in subjects { ids += metrics.map { FigureID($0, of: subject) } }
        }
        add(.link, spec.links.map(\.name))
        add(.region, spec.regionNames)
        add(.zone, spec.zones.map(\.zone.name))
        add(.edgeSite, spec.edgeSites.map(\.name))
        add(.sharedPool, spec.sharedPools.map(\.pool.name))
        if priced { add(.cost, [""]) }
        return ids
    }
}
