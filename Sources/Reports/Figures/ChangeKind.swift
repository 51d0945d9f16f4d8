/// How a comparison states the change of a figure against the baseline.
///
/// A share that goes from 62% to 47% changed by −15.0 percentage points, not by −24%: a
/// percentage of a percentage misleads. Every other figure changes by a percentage of the
/// baseline's magnitude.
public enum ChangeKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// In percentage points: (alternative − baseline) × 100, for figures in ``FigureUnit/fraction``.
    case percentagePoints
    /// In percent of the baseline's magnitude: 100 × (alternative − baseline) / |baseline|.
    case percent

    /// The kind for figures in `unit`.
    public init(for unit: FigureUnit) {
        self = unit == .fraction ? .percentagePoints : .percent
    }

    /// The name in CSV's `change_kind` column: `percentage_points` or `percent`.
    public var csvName: String {
        switch self {
        case .percentagePoints: "percentage_points"
        case .percent: "percent"
        }
    }

    /// The symbol after a change: `pp` or `%`.
    public var symbol: String {
        switch self {
        case .percentagePoints: "pp"
        case .percent: "%"
        }
    }
}

extension FigureDifference {
    /// The change as `kind` states it: the mean difference × 100 in percentage points, or
    /// ``relativePercent``; nil for a relative change from a baseline of 0.
    public func change(_ kind: ChangeKind) -> Double? {
        switch kind {
        case .percentagePoints: mean * 100
        case .percent: relativePercent
        }
    }
}
