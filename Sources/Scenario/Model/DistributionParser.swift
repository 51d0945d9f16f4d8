public import SimCore

extension ValueParser where Value == SampledDistribution {
    /// A distribution whose values are quantities of `kind`, written as one string:
    /// `40 ms` (constant), `exp(40 ms)` (mean), `uniform(20 Mbps, 100 Mbps)`,
    /// `normal(40 ms, 5 ms)` (mean, standard deviation), `lognormal(2 h, 1.0)` (median,
    /// sigma), `weibull(0.6, 3 h)` (shape, scale), `pareto(1.2, 10 min, 48 h)` (shape, lower,
    /// upper: bounded Pareto). Values are in the kind's base unit (seconds, bit/s, bytes).
    public static func distribution(of kind: QuantityKind) -> ValueParser<SampledDistribution> {
        let expectation =
            "a distribution of \(kind.expectation.replacingPrefix("a ", with: "")) such as "
            + "'\(DistributionSyntax.example(for: kind))' or 'exp(\(DistributionSyntax.example(for: kind)))'"
        return .scalar(expecting: expectation) { text in
            DistributionSyntax.parse(text, kind: kind)
        }
    }
}

extension String {
    /// The string without `prefix` at its start, replaced by `replacement`.
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}

/// The text form of distributions in scenario files.
enum DistributionSyntax {
    /// The families and their argument lists, for messages.
    static let families = ["exp", "uniform", "normal", "lognormal", "weibull", "pareto"]

    static func example(for kind: QuantityKind) -> String {
        switch kind {
        case .duration: "40 ms"
        case .dataRate: "100 Mbps"
        case .dataSize: "4 MB"
        case .eventRate: "100/s"
        default: "2"
        }
    }

    static func parse(_ text: String, kind: QuantityKind) -> Result<SampledDistribution, QuantityError> {
        let trimmed = text.trimmingSpaces
        guard let open = trimmed.firstIndex(of: "("), trimmed.hasSuffix(")") else {
            return kind.parse(trimmed).flatMap { value in
                wrap { () throws(DistributionError) in .constant(try ConstantDistribution(value)) }
            }
        }
        let family = String(trimmed[..<open]).trimmingSpaces.lowercased()
        let inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        let arguments = inner.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        func value(_ index: Int) -> Result<Double, QuantityError> { kind.parse(arguments[index]) }
        func number(_ index: Int) -> Result<Double, QuantityError> { QuantityKind.number.parse(arguments[index]) }
        func expect(_ count: Int, _ usage: String) -> QuantityError? {
            arguments.count == count
                ? nil
                : QuantityError(
                    "\(family)(...) takes \(count) argument\(count == 1 ? "" : "s"): \(usage), got '\(text)'"
                )
        }
        switch family {
        case "exp", "exponential":
            if let error = expect(1, "the mean") { return .failure(error) }
            return value(0).flatMap { mean in
                wrap { () throws(DistributionError) in .exponential(try ExponentialDistribution(mean: mean)) }
            }
        case "uniform":
            if let error = expect(2, "lower, upper") { return .failure(error) }
            return value(0).flatMap { lower in
                value(1).flatMap { upper in
                    wrap { () throws(DistributionError) in .uniform(try UniformDistribution(lower: lower, upper: upper))
                    }
                }
            }
        case "normal":
            if let error = expect(2, "mean, standard deviation") { return .failure(error) }
            return value(0).flatMap { mean in
                value(1).flatMap { deviation in
                    wrap { () throws(DistributionError) in
                        .normal(try NormalDistribution(mean: mean, standardDeviation: deviation))
                    }
                }
            }
        case "lognormal":
            if let error = expect(2, "median, sigma") { return .failure(error) }
            return value(0).flatMap { median in
                number(1).flatMap { sigma in
                    guard median > 0 else {
                        return .failure(QuantityError("lognormal median must be positive, got '\(arguments[0])'"))
                    }
                    return wrap { () throws(DistributionError) in
                        .logNormal(try LogNormalDistribution(mu: PortableMath.log(median), sigma: sigma))
                    }
                }
            }
        case "weibull":
            if let error = expect(2, "shape, scale") { return .failure(error) }
            return number(0).flatMap { shape in
                value(1).flatMap { scale in
                    wrap { () throws(DistributionError) in .weibull(try WeibullDistribution(shape: shape, scale: scale))
                    }
                }
            }
        case "pareto":
            if let error = expect(3, "shape, lower, upper") { return .failure(error) }
            return number(0).flatMap { shape in
                value(1).flatMap { lower in
                    value(2).flatMap { upper in
                        wrap { () throws(DistributionError) in
                            .boundedPareto(try BoundedParetoDistribution(shape: shape, lower: lower, upper: upper))
                        }
                    }
                }
            }
        default:
            return .failure(
                QuantityError(
                    "unknown distribution '\(family)'; use one of \(families.joined(separator: ", ")) or a "
                        + "single value",
                    suggestion: Suggestions.best(for: family, among: families).map { "\($0)(...)" }
                )
            )
        }
    }

    /// Runs `make`, turning a distribution error into a quantity error.
    static func wrap(
        _ make: () throws(DistributionError) -> SampledDistribution
    ) -> Result<SampledDistribution, QuantityError> {
        do {
            return .success(try make())
        } catch {
            let argument = argumentNames[error.parameter] ?? error.parameter
            return .failure(QuantityError("invalid distribution: \(argument) \(error.problem)"))
        }
    }

    /// The engine's parameter names that the written form spells differently: `normal(mean,
    /// standard deviation)`, `exp(mean)`, `lognormal(median, sigma)` (whose `mu` is log median).
    static let argumentNames = ["standardDeviation": "standard deviation", "rate": "mean", "mu": "median"]
}
