/// One scenario run at several values of one parameter, each figure as a series against
/// the swept value.
public struct SweepReport: Hashable, Sendable, Codable {
    /// One value of the swept parameter and the run at it.
    public struct Point: Hashable, Sendable, Codable {
        /// The value as written in the scenario (`40 ms`, `100k`), for labels.
        public var value: String
        /// The value as a number in its base unit, when it is one (for plotting on a numeric axis).
        public var numericValue: Double?
        /// The run at this value.
        public var report: RunReport

        /// Creates a point.
        public init(value: String, numericValue: Double?, report: RunReport) {
            self.value = value
            self.numericValue = numericValue
            self.report = report
        }
    }

    /// The swept parameter's path in the scenario, e.g. `workloads.web.rate`.
    public let parameter: String
    /// The points, in sweep order; at least one.
    public let points: [Point]
    /// Every figure of the first point, in its row order, across all points.
    public let figures: [SweepFigure]

    /// A sweep of `parameter` over `points` (at least one).
    ///
    /// Figures are matched by ``FigureID``; one a point lacks is nil there.
    public init(parameter: String, points: [Point]) {
        precondition(!points.isEmpty, "a sweep needs at least one point")
        self.parameter = parameter
        self.points = points
        let lookups = points.map { point in
            Dictionary(point.report.rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        figures = points[0].report.rows.map { row in
            SweepFigure(id: row.id, estimates: lookups.map { $0[row.id]?.estimate })
        }
    }

    /// The figure `id` across the points, or nil when the first point lacks it.
    ///
    /// - Complexity: O(number of figures).
    public func figure(_ id: FigureID) -> SweepFigure? {
        figures.first { $0.id == id }
    }

    /// Whether every point has a numeric value, strictly increasing, so a numeric x axis fits.
    public var isNumeric: Bool {
        let values = points.compactMap(\.numericValue)
        guard values.count == points.count else { return false }
        return zip(values, values.dropFirst()).allSatisfy { $0 < $1 }
    }

    private enum CodingKeys: String, CodingKey {
        case schema, kind, parameter, values, figures, runs
    }

    /// Encodes `schema`, `kind` (`sweep`), `parameter`, `values`, `figures` and `runs` (each
    /// point's value, numeric value and full run report).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ReportSchema.identifier, forKey: .schema)
        try container.encode("sweep", forKey: .kind)
        try container.encode(parameter, forKey: .parameter)
        try container.encode(points.map(\.value), forKey: .values)
        try container.encode(figures, forKey: .figures)
        try container.encode(points, forKey: .runs)
    }

    /// Decodes a sweep, rebuilding the figure series from the runs.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try ReportSchema.check(container, schemaKey: .schema, kindKey: .kind, expectedKind: "sweep")
        let parameter = try container.decode(String.self, forKey: .parameter)
        let points = try container.decode([Point].self, forKey: .runs)
        guard !points.isEmpty else {
            throw DecodingError.dataCorruptedError(
                forKey: .runs,
                in: container,
                debugDescription: "a sweep needs at least one point"
            )
        }
        self.init(parameter: parameter, points: points)
    }
}

/// One figure across the points of a sweep.
public struct SweepFigure: IdentifiedFigure, Hashable, Sendable, Encodable {
    /// Which figure.
    public var id: FigureID
    /// Per point, the figure's estimate (nil where undefined or missing).
    public var estimates: [Estimate?]

    /// Encodes the figure's identity and `estimates`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FigureAcrossRunsKey.self)
        try FigureAcrossRunsKey.encodeIdentity(id, into: &container)
        try container.encode(estimates, forKey: .estimates)
    }
}
