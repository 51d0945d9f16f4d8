import Testing

@testable import SimCore

/// Statistical checks whose tolerances come from the sample size, so that with a fixed seed
/// they can neither flake nor pass by accident.
///
/// Means are held to 5 standard errors (sigma / sqrt(n)); variances to 5 standard errors of
/// the sample variance, sqrt((mu4 - sigma^4) / n), with mu4 the exact fourth central moment.
/// Goodness-of-fit statistics are compared with their critical values at p = 0.001.
enum DistributionCheck {
    /// `count` samples of `distribution` from the stream (seed 42, `name`).
    static func draw<D: Distribution>(_ distribution: D, count: Int, name: String) -> [Double] {
        var copy = distribution
        var stream = RandomStream(seed: 42, name: name)
        return (0..<count).map { _ in copy.sample(using: &stream) }
    }

    /// The sample mean and the (n - 1) sample variance, two-pass.
    static func moments(_ samples: [Double]) -> (mean: Double, variance: Double) {
        let n = Double(samples.count)
        let mean = samples.reduce(0, +) / n
        let variance = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return (mean, variance)
    }

    /// The fourth central moment from the first four raw moments E[X^k].
    static func fourthCentralMoment(raw m1: Double, _ m2: Double, _ m3: Double, _ m4: Double) -> Double {
        m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 * m1 * m1 * m1
    }

    /// Expects the sample mean and variance of `samples` within 5 standard errors of the
    /// exact `mean` and `variance`.
    static func expectMoments(
        _ samples: [Double],
        mean: Double,
        variance: Double,
        fourthCentralMoment: Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let n = Double(samples.count)
        let observed = moments(samples)
        let meanBound = 5 * (variance / n).squareRoot()
        let varianceBound = 5 * ((fourthCentralMoment - variance * variance) / n).squareRoot()
        #expect(
            (observed.mean - mean).magnitude <= meanBound,
            "sample mean \(observed.mean), expected \(mean) ± \(meanBound)",
            sourceLocation: sourceLocation
        )
        #expect(
            (observed.variance - variance).magnitude <= varianceBound,
            "sample variance \(observed.variance), expected \(variance) ± \(varianceBound)",
            sourceLocation: sourceLocation
        )
    }

    /// The upper p = 0.001 critical value of chi-square with `degreesOfFreedom`, by the
    /// Wilson–Hilferty approximation (accurate to well under 1% for k >= 10).
    static func chiSquareCritical(degreesOfFreedom k: Int) -> Double {
        let z = 3.090_232_306_167_813  // the standard normal 0.999 quantile
        let kk = Double(k)
        let cube = 1 - 2 / (9 * kk) + z * (2 / (9 * kk)).squareRoot()
        return kk * cube * cube * cube
    }

    /// The chi-square statistic of `observed` counts against `expected` counts, after merging
    /// neighbouring cells from the end until every expected count is at least 5.
    static func chiSquare(observed: [Int], expected: [Double]) -> (statistic: Double, degreesOfFreedom: Int) {
        var cells: [(observed: Double, expected: Double)] = []
        var pendingObserved = 0.0
        var pendingExpected = 0.0
        for index in observed.indices.reversed() {
            pendingObserved += Double(observed[index])
            pendingExpected += expected[index]
            if pendingExpected >= 5 {
                cells.append((pendingObserved, pendingExpected))
                pendingObserved = 0
                pendingExpected = 0
            }
        }
        if pendingExpected > 0, !cells.isEmpty {
            cells[cells.count - 1].observed += pendingObserved
            cells[cells.count - 1].expected += pendingExpected
        }
        let statistic = cells.reduce(0) { $0 + ($1.observed - $1.expected) * ($1.observed - $1.expected) / $1.expected }
        return (statistic, cells.count - 1)
    }

    /// Expects the chi-square statistic below its p = 0.001 critical value.
    static func expectChiSquareFit(
        observed: [Int],
        expected: [Double],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let (statistic, degreesOfFreedom) = chiSquare(observed: observed, expected: expected)
        let critical = chiSquareCritical(degreesOfFreedom: degreesOfFreedom)
        #expect(
            statistic < critical,
            "chi-square \(statistic) with \(degreesOfFreedom) degrees of freedom, critical value \(critical)",
            sourceLocation: sourceLocation
        )
    }

    /// Expects the Kolmogorov–Smirnov distance between `samples` and `cdf` below the
    /// asymptotic p = 0.001 critical value 1.9495 / sqrt(n).
    static func expectKolmogorovSmirnovFit(
        _ samples: [Double],
        cdf: (Double) -> Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let sorted = samples.sorted()
        let n = Double(sorted.count)
        var distance = 0.0
        for (index, value) in sorted.enumerated() {
            let f = cdf(value)
            distance = max(distance, Double(index + 1) / n - f, f - Double(index) / n)
        }
        let critical = 1.949_5 / n.squareRoot()
        #expect(
            distance < critical,
            "Kolmogorov–Smirnov distance \(distance) over \(sorted.count) samples, critical value \(critical)",
            sourceLocation: sourceLocation
        )
    }

    /// Expects the fraction of `samples` at most `value` within 5 standard errors of
    /// `probability`.
    static func expectFraction(
        of samples: [Double],
        atMost value: Double,
        equals probability: Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let n = Double(samples.count)
        let fraction = Double(samples.count { $0 <= value }) / n
        let bound = 5 * (probability * (1 - probability) / n).squareRoot() + 1 / n
        #expect(
            (fraction - probability).magnitude <= bound,
            "P(X <= \(value)) observed \(fraction), expected \(probability) ± \(bound)",
            sourceLocation: sourceLocation
        )
    }

    /// The standard normal CDF, by Simpson's rule on the density (error below 1e-13).
    static func normalCDF(_ z: Double) -> Double {
        let steps = 2_000
        let upper = min(z.magnitude, 40)
        let h = upper / Double(steps)
        var sum = 0.0
        for index in 0...steps {
            let x = Double(index) * h
            let weight: Double = index == 0 || index == steps ? 1 : (index % 2 == 1 ? 4 : 2)
            sum += weight * exponential(-0.5 * x * x)
        }
        let half = sum * h / 3 / (2 * Double.pi).squareRoot()
        return z >= 0 ? 0.5 + half : 0.5 - half
    }

    /// The Mills ratio Q(x) / φ(x) of the standard normal, by Laplace's continued fraction.
    static func millsRatio(_ x: Double) -> Double {
        var fraction = x
        for term in stride(from: 100, to: 0, by: -1) {
            fraction = x + Double(term) / fraction
        }
        return 1 / fraction
    }
}

@Suite("Distributions")
struct DistributionTests {
    static let sampleCount = 200_000

    // MARK: Plain-Swift math

    @Test("log and exp give known values and invert each other to within two ulps")
    func elementaryFunctions() {
        #expect(naturalLog(1) == 0)
        #expect(naturalLog(2) == 0.693_147_180_559_945_3)
        #expect(naturalLog(10) == 2.302_585_092_994_046)
        #expect(exponential(0) == 1)
        // fdlibm's exp(1) is one ulp above the correctly rounded e, as Java's StrictMath's is.
        #expect((exponential(1) - 2.718_281_828_459_045).magnitude <= 2.718_281_828_459_045.ulp)
        #expect(exponential(-1) == 0.367_879_441_171_442_33)
        #expect(naturalLog(0) == -.infinity)
        #expect(naturalLog(-1).isNaN)
        #expect(exponential(1_000) == .infinity)
        #expect(exponential(-1_000) == 0)
        for k in -1_074...1_023 {
            let x = Double(sign: .plus, exponent: k, significand: 1)
            let expected = Double(k) * 0.693_147_180_559_945_3
            #expect((naturalLog(x) - expected).magnitude <= 2 * expected.ulp)
        }
        var stream = RandomStream(seed: 42, name: "math")
        for _ in 0..<10_000 {
            let x = (stream.nextUnit() - 0.5) * 1_400
            let roundTrip = naturalLog(exponential(x))
            #expect((roundTrip - x).magnitude <= 2 * max(x.ulp, 0x1p-52), "log(exp(\(x))) = \(roundTrip)")
        }
        #expect(logOnePlus(1e-20) == 1e-20)
        #expect(exponentialMinusOne(1e-20) == 1e-20)
        #expect((logOnePlus(1e-8) - 9.999_999_950_000_000_3e-9).magnitude <= 1e-23)
        #expect((exponentialMinusOne(1e-8) - 1.000_000_005_000_000_2e-8).magnitude <= 1e-23)
    }

    @Test("the gamma function matches factorials and Γ(1/2) = √π")
    func gamma() {
        var factorial = 1.0
        for n in 1...20 {
            let value = gammaFunction(Double(n))
            #expect((value - factorial).magnitude <= 1e-13 * factorial, "Γ(\(n)) = \(value), expected \(factorial)")
            factorial *= Double(n)
        }
        let rootPi = Double.pi.squareRoot()
        #expect((gammaFunction(0.5) - rootPi).magnitude <= 1e-14)
        #expect((gammaFunction(1.5) - rootPi / 2).magnitude <= 1e-14)
        #expect((gammaFunction(0.1) - 9.513_507_698_668_731_8).magnitude <= 1e-12)
    }

    // MARK: Families

    @Test("constant: every sample is the value")
    func constant() throws {
        let distribution = try ConstantDistribution(4.5)
        let samples = DistributionCheck.draw(distribution, count: 1_000, name: "constant")
        #expect(samples.allSatisfy { $0 == 4.5 })
        #expect(distribution.mean == 4.5)
        #expect(distribution.variance == 0)
    }

    @Test("uniform: samples stay in range and have the right mean and variance")
    func uniform() throws {
        let distribution = try UniformDistribution(lower: -2, upper: 5)
        let samples = DistributionCheck.draw(distribution, count: Self.sampleCount, name: "uniform")
        #expect(samples.allSatisfy { $0 >= -2 && $0 <= 5 })
        let width = 7.0
        #expect(distribution.mean == 1.5)
        #expect((distribution.variance - width * width / 12).magnitude < 1e-12)
        DistributionCheck.expectMoments(
            samples,
            mean: 1.5,
            variance: width * width / 12,
            fourthCentralMoment: width * width * width * width / 80
        )
        DistributionCheck.expectKolmogorovSmirnovFit(samples) { ($0 + 2) / width }
        let degenerate = try UniformDistribution(lower: 3, upper: 3)
        #expect(DistributionCheck.draw(degenerate, count: 100, name: "uniform.degenerate").allSatisfy { $0 == 3 })
    }

    @Test("exponential: mean, variance and rate agree with the parameters")
    func exponentialMoments() throws {
        let distribution = try ExponentialDistribution(mean: 2.5)
        #expect(distribution.rate == 0.4)
        #expect(distribution.variance == 6.25)
        #expect(try ExponentialDistribution(rate: 4).mean == 0.25)
        let samples = DistributionCheck.draw(distribution, count: Self.sampleCount, name: "exponential")
        #expect(samples.allSatisfy { $0 >= 0 && $0.isFinite })
        let m = 2.5
        DistributionCheck.expectMoments(samples, mean: m, variance: m * m, fourthCentralMoment: 9 * m * m * m * m)
    }

    @Test("exponential: the ziggurat fits Exp(1) by chi-square over 50 equiprobable bins and by KS")
    func exponentialGoodnessOfFit() {
        var stream = RandomStream(seed: 42, name: "exponential.fit")
        let samples = (0..<Self.sampleCount).map { _ in ExponentialDistribution.standardSample(using: &stream) }
        let binCount = 50
        var observed = [Int](repeating: 0, count: binCount)
        for x in samples {
            // The CDF maps Exp(1) to Uniform(0, 1); equiprobable bins are equal slices of it.
            let bin = min(Int((1 - exponential(-x)) * Double(binCount)), binCount - 1)
            observed[bin] += 1
        }
        let expected = [Double](repeating: Double(samples.count) / Double(binCount), count: binCount)
        DistributionCheck.expectChiSquareFit(observed: observed, expected: expected)
        DistributionCheck.expectKolmogorovSmirnovFit(samples) { 1 - exponential(-$0) }
    }

    @Test("exponential: the ziggurat's tail beyond r = 7.697 has the right mass and shape")
    func exponentialTail() {
        let r = ZigguratTable.exponential.tailStart
        #expect(r > 7.69 && r < 7.70)
        // End to end: only the tail path produces values beyond r; their count is binomial.
        let draws = 2_000_000
        var stream = RandomStream(seed: 42, name: "exponential.tail")
        var excesses: [Double] = []
        for _ in 0..<draws {
            let x = ExponentialDistribution.standardSample(using: &stream)
            if x > r { excesses.append(x - r) }
        }
        let p = exponential(-r)
        let expectedCount = Double(draws) * p
        #expect(
            (Double(excesses.count) - expectedCount).magnitude <= 5 * (expectedCount * (1 - p)).squareRoot(),
            "\(excesses.count) samples beyond r, expected \(expectedCount)"
        )
        // Memorylessness: the excess over r is Exp(1).
        DistributionCheck.expectKolmogorovSmirnovFit(excesses) { 1 - exponential(-$0) }
        // The tail path alone, many times.
        var tailStream = RandomStream(seed: 42, name: "exponential.tail.direct")
        let direct = (0..<20_000).map { _ in
            (ExponentialDistribution.standardSampleOutsideCore(layer: 0, x: r, using: &tailStream) ?? .nan) - r
        }
        DistributionCheck.expectKolmogorovSmirnovFit(direct) { 1 - exponential(-$0) }
    }

    @Test("ziggurat tables: equal-area layers that close at the top")
    func zigguratTables() {
        for (table, density) in [
            (ZigguratTable.exponential, { (x: Double) in exponential(-x) }),
            (ZigguratTable.normal, { (x: Double) in exponential(-0.5 * x * x) }),
        ] {
            #expect(table.x.count == 257 && table.y.count == 257)
            #expect(table.x[256] == 0 && table.y[256] == 1)
            let area = table.x[0] * density(table.x[1])
            for layer in 1..<256 {
                #expect(table.x[layer + 1] < table.x[layer])
                let layerArea = table.x[layer] * (table.y[layer + 1] - table.y[layer])
                #expect(
                    (layerArea - area).magnitude <= 1e-12 * area,
                    "layer \(layer) has area \(layerArea), not \(area)"
                )
            }
        }
    }

    @Test("normal: moments, fit by chi-square on 34 bins, symmetry")
    func normal() throws {
        let distribution = try NormalDistribution(mean: 3, standardDeviation: 2)
        #expect(distribution.variance == 4)
        let samples = DistributionCheck.draw(distribution, count: Self.sampleCount, name: "normal")
        DistributionCheck.expectMoments(samples, mean: 3, variance: 4, fourthCentralMoment: 3 * 16)
        // Bins on the standard scale: below -4, then 0.25 wide up to 4, then above 4.
        let edges = stride(from: -4.0, through: 4.0, by: 0.25).map { $0 }
        var observed = [Int](repeating: 0, count: edges.count + 1)
        for sample in samples {
            let z = (sample - 3) / 2
            let bin = edges.firstIndex { z < $0 } ?? edges.count
            observed[bin] += 1
        }
        let cdf = edges.map(DistributionCheck.normalCDF)
        var expected: [Double] = []
        for bin in 0...edges.count {
            let upper = bin < edges.count ? cdf[bin] : 1
            let lower = bin > 0 ? cdf[bin - 1] : 0
            expected.append((upper - lower) * Double(samples.count))
        }
        DistributionCheck.expectChiSquareFit(observed: observed, expected: expected)
        DistributionCheck.expectFraction(of: samples, atMost: 3, equals: 0.5)
        let zero = try NormalDistribution(mean: 1, standardDeviation: 0)
        #expect(DistributionCheck.draw(zero, count: 100, name: "normal.zero").allSatisfy { $0 == 1 })
    }

    @Test("normal: the ziggurat's tail beyond r = 3.654 follows the normal tail")
    func normalTail() {
        let r = ZigguratTable.normal.tailStart
        var stream = RandomStream(seed: 42, name: "normal.tail.direct")
        let tail = (0..<20_000).map { _ in
            NormalDistribution.standardSampleOutsideCore(layer: 0, x: r, using: &stream) ?? .nan
        }
        #expect(tail.allSatisfy { $0 >= r })
        // P(Z <= x | Z > r) = 1 - Q(x) / Q(r), with Q(x) = φ(x) m(x).
        let tailMass = DistributionCheck.millsRatio(r) * exponential(-0.5 * r * r)
        DistributionCheck.expectKolmogorovSmirnovFit(tail) { x in
            1 - DistributionCheck.millsRatio(x) * exponential(-0.5 * x * x) / tailMass
        }
    }

    @Test("lognormal: moments of the samples, and the mean/standard-deviation constructor")
    func logNormal() throws {
        let mu = 0.5
        let sigma = 0.5
        let distribution = try LogNormalDistribution(mu: mu, sigma: sigma)
        let raw = (1...4).map { k in exponential(Double(k) * mu + Double(k * k) * sigma * sigma / 2) }
        #expect((distribution.mean - raw[0]).magnitude <= 1e-14 * raw[0])
        #expect((distribution.variance - (raw[1] - raw[0] * raw[0])).magnitude <= 1e-12 * distribution.variance)
        let samples = DistributionCheck.draw(distribution, count: Self.sampleCount, name: "lognormal")
        #expect(samples.allSatisfy { $0 > 0 })
        DistributionCheck.expectMoments(
            samples,
            mean: raw[0],
            variance: raw[1] - raw[0] * raw[0],
            fourthCentralMoment: DistributionCheck.fourthCentralMoment(raw: raw[0], raw[1], raw[2], raw[3])
        )
        // The median of a lognormal is e^mu.
        DistributionCheck.expectFraction(of: samples, atMost: exponential(mu), equals: 0.5)

        let fitted = try LogNormalDistribution.fromMeanAndStandardDeviation(mean: 10, standardDeviation: 5)
        #expect((fitted.mean - 10).magnitude <= 1e-12)
        #expect((fitted.standardDeviation - 5).magnitude <= 1e-12)
        let fittedSamples = DistributionCheck.draw(fitted, count: Self.sampleCount, name: "lognormal.fitted")
        let s2 = fitted.sigma * fitted.sigma
        let fittedRaw = (1...4).map { k in exponential(Double(k) * fitted.mu + Double(k * k) * s2 / 2) }
        DistributionCheck.expectMoments(
            fittedSamples,
            mean: 10,
            variance: 25,
            fourthCentralMoment: DistributionCheck.fourthCentralMoment(
                raw: fittedRaw[0],
                fittedRaw[1],
                fittedRaw[2],
                fittedRaw[3]
            )
        )
    }

    @Test("Weibull: moments for shapes 2 and 0.5, from exact gamma values", arguments: [2.0, 0.5])
    func weibull(shape: Double) throws {
        let scale = 3.0
        let distribution = try WeibullDistribution(shape: shape, scale: scale)
        // E[X^k] = scale^k Γ(1 + k/shape).
        let rootPi = Double.pi.squareRoot()
        let gammas: [Double] = shape == 2 ? [rootPi / 2, 1, 3 * rootPi / 4, 2] : [2, 24, 720, 40_320]
        let raw = gammas.enumerated().map { index, g in g * power(scale, Double(index + 1)) }
        let variance = raw[1] - raw[0] * raw[0]
        #expect((distribution.mean - raw[0]).magnitude <= 1e-12 * raw[0])
        #expect((distribution.variance - variance).magnitude <= 1e-11 * variance)
        let samples = DistributionCheck.draw(distribution, count: Self.sampleCount, name: "weibull.\(shape)")
        #expect(samples.allSatisfy { $0 >= 0 })
        DistributionCheck.expectMoments(
            samples,
            mean: raw[0],
            variance: variance,
            fourthCentralMoment: DistributionCheck.fourthCentralMoment(raw: raw[0], raw[1], raw[2], raw[3])
        )
        DistributionCheck.expectKolmogorovSmirnovFit(samples) { 1 - exponential(-power($0 / scale, shape)) }
    }

    @Test("Weibull with shape 1 is the exponential with mean equal to the scale")
    func weibullShapeOne() throws {
        let weibull = try WeibullDistribution(shape: 1, scale: 2)
        let exponentialTwo = try ExponentialDistribution(mean: 2)
        #expect((weibull.mean - exponentialTwo.mean).magnitude <= 1e-14)
        #expect((weibull.variance - exponentialTwo.variance).magnitude <= 1e-13)
        let a = DistributionCheck.draw(weibull, count: 10_000, name: "weibull.one")
        let b = DistributionCheck.draw(exponentialTwo, count: 10_000, name: "weibull.one")
        #expect(a == b)
        DistributionCheck.expectMoments(a, mean: 2, variance: 4, fourthCentralMoment: 9 * 16)
    }

    @Test(
        "bounded Pareto: never outside [L, H], right moments and CDF",
        arguments: [(2.5, 1.0, 100.0), (1.2, 10.0, 1e6), (0.1, 1.0, 1e9), (5.0, 1.0, 1.0001)]
    )
    func boundedPareto(shape: Double, lower: Double, upper: Double) throws {
        let distribution = try BoundedParetoDistribution(shape: shape, lower: lower, upper: upper)
        let samples = DistributionCheck.draw(distribution, count: Self.sampleCount, name: "pareto.\(shape)")
        #expect(samples.allSatisfy { $0 >= lower && $0 <= upper })
        let mass = 1 - power(lower / upper, shape)
        // Moments by Simpson's rule on a logarithmic grid, x = L e^u, where the density
        // times dx is α e^(-αu) / mass du: independent of the closed forms in the type.
        let logRatio = naturalLog(upper / lower)
        func integral(_ g: (Double) -> Double) -> Double {
            let steps = 20_000
            let h = logRatio / Double(steps)
            var sum = 0.0
            for index in 0...steps {
                let u = Double(index) * h
                let weight: Double = index == 0 || index == steps ? 1 : (index % 2 == 1 ? 4 : 2)
                sum += weight * g(lower * exponential(u)) * shape * exponential(-shape * u)
            }
            return sum * h / 3 / mass
        }
        let mean = integral { $0 }
        let variance = integral { ($0 - mean) * ($0 - mean) }
        let fourth = integral { ($0 - mean) * ($0 - mean) * ($0 - mean) * ($0 - mean) }
        #expect((distribution.mean - mean).magnitude <= 1e-9 * mean)
        #expect((distribution.variance - variance).magnitude <= 1e-6 * variance)
        DistributionCheck.expectMoments(samples, mean: mean, variance: variance, fourthCentralMoment: fourth)
        DistributionCheck.expectKolmogorovSmirnovFit(samples) { x in
            (1 - power(lower / x, shape)) / mass
        }
    }

    @Test("empirical, linear: quantiles reproduce the table, samples follow its CDF")
    func empiricalLinear() throws {
        let table: [(Double, Double)] = [(0, 0), (10, 0.5), (20, 0.9), (100, 1)]
        let distribution = try EmpiricalDistribution(
            points: table.map { EmpiricalDistribution.Point(value: $0.0, cumulativeProbability: $0.1) }
        )
        for (value, probability) in table.dropLast() {
            #expect(distribution.quantile(probability) == value)
        }
        #expect(distribution.quantile(1) == 100)
        #expect(distribution.quantile(0.25) == 5)
        #expect((distribution.quantile(0.95) - 60).magnitude <= 1e-12)
        let samples = DistributionCheck.draw(distribution, count: Self.sampleCount, name: "empirical.linear")
        #expect(samples.allSatisfy { $0 >= 0 && $0 <= 100 })
        for (value, probability) in table.dropFirst().dropLast() {
            DistributionCheck.expectFraction(of: samples, atMost: value, equals: probability)
        }
        DistributionCheck.expectFraction(of: samples, atMost: 5, equals: 0.25)
        // Uniform pieces: mass 0.5 on [0, 10], 0.4 on [10, 20], 0.1 on [20, 100].
        let pieces: [(mass: Double, a: Double, b: Double)] = [(0.5, 0, 10), (0.4, 10, 20), (0.1, 20, 100)]
        let raw = (1...4).map { k in
            pieces.reduce(0) { sum, piece in
                let k1 = Double(k + 1)
                return sum + piece.mass * (power(piece.b, k1) - power(piece.a, k1)) / (k1 * (piece.b - piece.a))
            }
        }
        let variance = raw[1] - raw[0] * raw[0]
        #expect((distribution.mean - raw[0]).magnitude <= 1e-12)
        #expect((distribution.variance - variance).magnitude <= 1e-9)
        DistributionCheck.expectMoments(
            samples,
            mean: raw[0],
            variance: variance,
            fourthCentralMoment: DistributionCheck.fourthCentralMoment(raw: raw[0], raw[1], raw[2], raw[3])
        )
    }

    @Test("empirical, discrete and weighted: only listed values, at their probabilities")
    func empiricalDiscrete() throws {
        let distribution = try EmpiricalDistribution.weighted([(5, 2), (1, 1), (7, 0), (3, 1)])
        #expect(distribution.values == [1, 3, 5, 7])
        #expect(distribution.cumulativeProbabilities == [0.25, 0.5, 1, 1])
        #expect(distribution.interpolation == .discrete)
        #expect(distribution.mean == 3.5)
        #expect(distribution.variance == 0.25 * 1 + 0.25 * 9 + 0.5 * 25 - 3.5 * 3.5)
        let samples = DistributionCheck.draw(distribution, count: Self.sampleCount, name: "empirical.discrete")
        #expect(samples.allSatisfy { [1, 3, 5].contains($0) }, "a zero-weight value was drawn")
        DistributionCheck.expectFraction(of: samples, atMost: 1, equals: 0.25)
        DistributionCheck.expectFraction(of: samples, atMost: 3, equals: 0.5)
        // An atom at the first value of a linear table.
        let atom = try EmpiricalDistribution(points: [
            .init(value: 2, cumulativeProbability: 0.3), .init(value: 4, cumulativeProbability: 1),
        ])
        let atomSamples = DistributionCheck.draw(atom, count: Self.sampleCount, name: "empirical.atom")
        let atTwo = Double(atomSamples.count { $0 == 2 }) / Double(atomSamples.count)
        #expect((atTwo - 0.3).magnitude <= 5 * (0.3 * 0.7 / Double(atomSamples.count)).squareRoot())
        #expect((atom.mean - (0.3 * 2 + 0.7 * 3)).magnitude <= 1e-12)
    }

    @Test("the enum of families samples exactly like the concrete types")
    func sampledDistribution() throws {
        let cases: [SampledDistribution] = [
            .constant(try ConstantDistribution(1)),
            .uniform(try UniformDistribution(lower: 0, upper: 1)),
            .exponential(try ExponentialDistribution(mean: 1)),
            .normal(try NormalDistribution(mean: 0, standardDeviation: 1)),
            .logNormal(try LogNormalDistribution(mu: 0, sigma: 1)),
            .weibull(try WeibullDistribution(shape: 1.5, scale: 1)),
            .boundedPareto(try BoundedParetoDistribution(shape: 1.1, lower: 1, upper: 10)),
            .empirical(
                try EmpiricalDistribution(points: [
                    .init(value: 0, cumulativeProbability: 0), .init(value: 1, cumulativeProbability: 1),
                ])
            ),
            .zipf(try ZipfDistribution(exponent: 1, count: 100)),
        ]
        /// Samples, mean and variance of the concrete distribution inside `wrapped`.
        func reference<D: Distribution>(_ distribution: D) -> (samples: [Double], mean: Double, variance: Double) {
            (DistributionCheck.draw(distribution, count: 1_000, name: "enum"), distribution.mean, distribution.variance)
        }
        for wrapped in cases {
            let viaEnum = DistributionCheck.draw(wrapped, count: 1_000, name: "enum")
            let direct =
                switch wrapped {
                case .constant(let distribution): reference(distribution)
                case .uniform(let distribution): reference(distribution)
                case .exponential(let distribution): reference(distribution)
                case .normal(let distribution): reference(distribution)
                case .logNormal(let distribution): reference(distribution)
                case .weibull(let distribution): reference(distribution)
                case .boundedPareto(let distribution): reference(distribution)
                case .empirical(let distribution): reference(distribution)
                case .zipf(let distribution): reference(distribution)
                }
            #expect(viaEnum == direct.samples)
            #expect(wrapped.mean == direct.mean)
            #expect(wrapped.variance == direct.variance)
        }
    }

    // MARK: Validation

    /// Runs `make` and returns the error it throws, if any.
    static func error(_ make: () throws -> Void) -> DistributionError? {
        do {
            try make()
            return nil
        } catch {
            return error as? DistributionError
        }
    }

    /// An empirical distribution from (value, cumulative probability) pairs.
    static func table(_ points: [(Double, Double)]) throws(DistributionError) -> EmpiricalDistribution {
        try EmpiricalDistribution(points: points.map { .init(value: $0.0, cumulativeProbability: $0.1) })
    }

    @Test("invalid parameters throw an error that names the parameter")
    func invalidParameters() {
        let cases: [(parameter: String, make: () throws -> Void)] = [
            ("value", { _ = try ConstantDistribution(.nan) }),
            ("upper", { _ = try UniformDistribution(lower: 2, upper: 1) }),
            ("lower", { _ = try UniformDistribution(lower: -.infinity, upper: 1) }),
            ("rate", { _ = try ExponentialDistribution(rate: -1) }),
            ("rate", { _ = try ExponentialDistribution(rate: 0) }),
            ("mean", { _ = try ExponentialDistribution(mean: .infinity) }),
            ("standardDeviation", { _ = try NormalDistribution(mean: 0, standardDeviation: -1) }),
            ("mean", { _ = try NormalDistribution(mean: .nan, standardDeviation: 1) }),
            ("sigma", { _ = try LogNormalDistribution(mu: 0, sigma: -0.5) }),
            ("mean", { _ = try LogNormalDistribution.fromMeanAndStandardDeviation(mean: 0, standardDeviation: 1) }),
            (
                "standardDeviation",
                {
                    _ = try LogNormalDistribution.fromMeanAndStandardDeviation(mean: 1, standardDeviation: -1)
                }
            ),
            ("shape", { _ = try WeibullDistribution(shape: 0, scale: 1) }),
            ("scale", { _ = try WeibullDistribution(shape: 1, scale: -2) }),
            ("shape", { _ = try BoundedParetoDistribution(shape: -1, lower: 1, upper: 2) }),
            ("lower", { _ = try BoundedParetoDistribution(shape: 1, lower: 0, upper: 2) }),
            ("upper", { _ = try BoundedParetoDistribution(shape: 1, lower: 2, upper: 2) }),
            ("points", { _ = try EmpiricalDistribution(points: []) }),
            ("points[1].value", { _ = try Self.table([(2, 0), (1, 1)]) }),
            ("points[1].cumulativeProbability", { _ = try Self.table([(1, 0.5), (2, 0.4), (3, 1)]) }),
            ("points[0].cumulativeProbability", { _ = try Self.table([(1, 1.5)]) }),
            ("points[1].cumulativeProbability", { _ = try Self.table([(1, 0), (2, 0.9)]) }),
            ("points[0].value", { _ = try Self.table([(.nan, 1)]) }),
            ("table[1].weight", { _ = try EmpiricalDistribution.weighted([(1, 1), (2, -1)]) }),
            ("table", { _ = try EmpiricalDistribution.weighted([(1, 0)]) }),
            ("exponent", { _ = try ZipfDistribution(exponent: -0.5, count: 10) }),
            ("count", { _ = try ZipfDistribution(exponent: 1, count: 0) }),
        ]
        for (parameter, make) in cases {
            let error = Self.error(make)
            #expect(
                error?.parameter == parameter,
                "expected an error about \(parameter), got \(String(describing: error))"
            )
            #expect(error.map { $0.description.hasPrefix(parameter + " ") } == true)
        }
        #expect(
            Self.error { _ = try ExponentialDistribution(rate: -1) }?.description
                == "rate must be positive and finite, got -1"
        )
        // The initialisers use typed throws: the caught error is a DistributionError, no cast.
        do {
            _ = try WeibullDistribution(shape: 2, scale: .nan)
            Issue.record("a NaN scale was accepted")
        } catch {
            #expect(error.parameter == "scale")
            #expect(error.description == "scale must be positive and finite, got nan")
        }
        #expect(
            Self.error { _ = try UniformDistribution(lower: 2, upper: 1.5) }?.description
                == "upper must not be less than lower (2), got 1.5"
        )
    }

    // MARK: Determinism

    @Test("the same seed and name give the same samples; another name gives others")
    func determinism() throws {
        let families: [SampledDistribution] = [
            .uniform(try UniformDistribution(lower: 0, upper: 1)),
            .exponential(try ExponentialDistribution(mean: 1)),
            .normal(try NormalDistribution(mean: 0, standardDeviation: 1)),
            .logNormal(try LogNormalDistribution(mu: 0, sigma: 1)),
            .weibull(try WeibullDistribution(shape: 0.7, scale: 1)),
            .boundedPareto(try BoundedParetoDistribution(shape: 1.1, lower: 1, upper: 10)),
            .zipf(try ZipfDistribution(exponent: 0.9, count: 1_000_000)),
        ]
        for family in families {
            let first = DistributionCheck.draw(family, count: 2_000, name: "determinism")
            let second = DistributionCheck.draw(family, count: 2_000, name: "determinism")
            let other = DistributionCheck.draw(family, count: 2_000, name: "determinism.other")
            #expect(first == second)
            #expect(first != other)
        }
    }

    @Test("golden samples: the ziggurats give these exact bits on every platform")
    func goldenSamples() {
        var stream = RandomStream(seed: 42, name: "golden.distributions")
        let exponentials = (0..<4).map { _ in ExponentialDistribution.standardSample(using: &stream) }
        let normals = (0..<4).map { _ in NormalDistribution.standardSample(using: &stream) }
        // Changing these changes every result that draws from an exponential or a normal.
        #expect(
            exponentials.map(\.bitPattern)
                == [
                    4_605_908_882_201_770_100, 4_597_476_196_286_661_725,
                    4_610_887_616_657_095_645, 4_608_998_492_604_143_571,
                ]
        )
        #expect(
            normals.map(\.bitPattern)
                == [
                    13_824_978_928_189_788_339, 4_601_696_901_859_864_412,
                    13_829_839_767_484_900_929, 13_828_235_703_553_847_331,
                ]
        )
    }
}
