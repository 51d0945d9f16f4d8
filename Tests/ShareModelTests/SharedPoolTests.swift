import SimCore
import Testing

@testable import ShareModel

/// Shared pools: stationary availability under churn, determinism, the online index,
/// NAT, credits and bad specs. Fixed seeds throughout; no wall-clock timing.
@Suite("Shared pool: churn, availability, credits")
struct SharedPoolTests {
    static let hour = 3_600.0

    /// A pool spec with exponential sessions (mean on 2 h, off 6 h) unless told otherwise.
    static func spec(
        name: String = "pool",
        devices: Int,
        on: SampledDistribution? = nil,
        off: SampledDistribution? = nil,
        natFraction: Double = 0,
        diurnal: DiurnalOffScale? = nil,
        creditsPerGB: Double = 0
    ) throws -> SharedPoolSpec {
        SharedPoolSpec(
            name: name,
            deviceCount: devices,
            uplinkBitsPerSecond: .logNormal(try .fromMeanAndStandardDeviation(mean: 20e6, standardDeviation: 10e6)),
            storageBytes: .uniform(try UniformDistribution(lower: 100e9, upper: 2e12)),
            cpuCores: .constant(try ConstantDistribution(4)),
            onSessionSeconds: try on ?? .exponential(ExponentialDistribution(mean: 2 * hour)),
            offSessionSeconds: try off ?? .exponential(ExponentialDistribution(mean: 6 * hour)),
            natFraction: natFraction,
            diurnalOffScale: diurnal,
            creditsPerGB: creditsPerGB
        )
    }

    /// Runs the pool's churn until `hours` and returns the model.
    static func run(_ spec: SharedPoolSpec, seed: UInt64, hours: Int) throws -> SharedPoolChurnModel {
        var simulation = Simulation(model: SharedPoolChurnModel(pool: try SharedPool(spec: spec, seed: seed)))
        simulation.model.start(scheduler: &simulation.scheduler)
        simulation.run(until: SimTime(.hours(hours)))
        return simulation.model
    }

    /// Weibull with shape 0.5 and mean 2 h: scale = mean / Γ(1 + 1/0.5) = 2 h / Γ(3) = 1 h.
    static func heavyTailedOn() throws -> SampledDistribution {
        .weibull(try WeibullDistribution(shape: 0.5, scale: 1 * hour))
    }

    // MARK: - Pool availability (issue 3 validation)

    /// The time-weighted online fraction over 30 days equals meanOn / (meanOn + meanOff).
    ///
    /// Tolerance, from the run: one device's on/off process is an alternating renewal
    /// process with cycle mean a + b (a, b the on and off means; σa², σb² their variances).
    /// By the renewal-reward central limit theorem its online time over T, divided by T, is
    /// asymptotically normal around a / (a + b) with variance
    ///     (b² σa² + a² σb²) / ((a + b)³ T).
    /// The N devices are independent (own streams) and start in the stationary state (no
    /// initial bias), so the pool average has standard error √(that / N). We accept 5 standard
    /// errors (a false alarm about once in 1.7 million runs). For 10,000 devices, exponential
    /// sessions a = 2 h, b = 6 h and T = 720 h: about 90 cycles per device, 900,000 in all;
    /// SE = √(288 / (512 · 720) / 10⁴) ≈ 2.8·10⁻⁴, tolerance ≈ 1.4·10⁻³. For Weibull(0.5)
    /// on-sessions (σa² = 20 h², five times the exponential's 4 h²) SE ≈ 4.8·10⁻⁴.
    @Test(
        "time-weighted online fraction equals meanOn / (meanOn + meanOff) within 5 standard errors",
        arguments: ["exponential", "weibull-0.5", "lognormal", "bounded-pareto"]
    )
    func poolAvailability(family: String) throws {
        let on: SampledDistribution
        switch family {
        case "weibull-0.5": on = try Self.heavyTailedOn()
        case "lognormal":
            on = .logNormal(try .fromMeanAndStandardDeviation(mean: 2 * Self.hour, standardDeviation: 4 * Self.hour))
        case "bounded-pareto":
            on = .boundedPareto(try BoundedParetoDistribution(shape: 1.2, lower: 600, upper: 48 * Self.hour))
        default: on = .exponential(try ExponentialDistribution(mean: 2 * Self.hour))
        }
        let spec = try Self.spec(devices: 10_000, on: on)
        let hours = 30 * 24
        let model = try Self.run(spec, seed: 20_261_128, hours: hours)
        let measured = model.pool.onlineFraction.mean(until: SimTime(.hours(hours)))

        let a = spec.onSessionSeconds.mean
        let b = spec.offSessionSeconds.mean
        let expected = a / (a + b)
        let varianceOfOneDevice =
            (b * b * spec.onSessionSeconds.variance + a * a * spec.offSessionSeconds.variance)
            / ((a + b) * (a + b) * (a + b) * Double(hours) * Self.hour)
        let standardError = (varianceOfOneDevice / Double(spec.deviceCount)).squareRoot()
        if family == "exponential" || family == "weibull-0.5" { #expect(abs(expected - 0.25) < 1e-12) }
        #expect(
            abs(measured - expected) <= 5 * standardError,
            "measured \(measured), expected \(expected) ± \(5 * standardError)"
        )
        #expect(model.pool.invariantViolations().isEmpty)
    }

    /// At any fixed instant of a stationary start, each device is online with probability p
    /// independently, so the online count is Binomial(N, p): we accept 5 standard deviations,
    /// 5 √(p (1 − p) / N). A start with fresh (not residual) sessions fails this for heavy
    /// tails: with Weibull(0.5) about 0.07 fewer devices would be online after 3 h.
    @Test(
        "the pool starts stationary: the online fraction holds at p from time zero",
        arguments: ["exponential", "weibull-0.5", "lognormal", "bounded-pareto", "uniform", "constant"]
    )
    func stationaryFromTimeZero(family: String) throws {
        let on: SampledDistribution
        switch family {
        case "weibull-0.5": on = try Self.heavyTailedOn()
        case "lognormal":
            on = .logNormal(try .fromMeanAndStandardDeviation(mean: 2 * Self.hour, standardDeviation: 4 * Self.hour))
        case "bounded-pareto":
            on = .boundedPareto(try BoundedParetoDistribution(shape: 0.8, lower: 60, upper: 48 * Self.hour))
        case "uniform": on = .uniform(try UniformDistribution(lower: 0.5 * Self.hour, upper: 3.5 * Self.hour))
        case "constant": on = .constant(try ConstantDistribution(2 * Self.hour))
        default: on = .exponential(try ExponentialDistribution(mean: 2 * Self.hour))
        }
        let off: SampledDistribution = .weibull(try WeibullDistribution(shape: 0.7, scale: 4 * Self.hour))
        let spec = try Self.spec(devices: 40_000, on: on, off: off)
        let p = spec.stationaryOnlineFraction
        let tolerance = 5 * (p * (1 - p) / Double(spec.deviceCount)).squareRoot()
        var simulation = Simulation(model: SharedPoolChurnModel(pool: try SharedPool(spec: spec, seed: 7)))
        simulation.model.start(scheduler: &simulation.scheduler)
        for hours in [0, 1, 3, 6, 12] {
            simulation.run(until: SimTime(.hours(hours)))
            let fraction = Double(simulation.model.pool.onlineDevices) / Double(spec.deviceCount)
            #expect(abs(fraction - p) <= tolerance, "at \(hours) h: \(fraction), expected \(p) ± \(tolerance)")
        }
    }

    @Test("a constant diurnal factor s gives meanOn / (meanOn + s · meanOff)")
    func constantDiurnalFactor() throws {
        let spec = try Self.spec(devices: 10_000, diurnal: .constant(2))
        let hours = 30 * 24
        let model = try Self.run(spec, seed: 99, hours: hours)
        let measured = model.pool.onlineFraction.mean(until: SimTime(.hours(hours)))
        // Off-sessions are exponential with mean b = 12 h (variance 144 h²); same derivation
        // as in poolAvailability.
        let a = 2 * Self.hour
        let b = 12 * Self.hour
        let variance = (b * b * a * a + a * a * b * b) / ((a + b) * (a + b) * (a + b) * Double(hours) * Self.hour)
        let tolerance = 5 * (variance / 10_000).squareRoot()
        #expect(
            abs(measured - a / (a + b)) <= tolerance,
            "measured \(measured), expected \(a / (a + b)) ± \(tolerance)"
        )
    }

    @Test("a diurnal table scales off-sessions by the factor of the hour they start in")
    func diurnalFactorByHour() {
        var factors = Array(repeating: 1.0, count: 24)
        factors[3] = 5
        factors[23] = 0.5
        let scale = DiurnalOffScale(hourlyFactors: factors)
        #expect(scale.factor(at: SimTime(.minutes(3 * 60 + 59))) == 5)
        #expect(scale.factor(at: SimTime(.hours(24 * 9 + 3))) == 5)
        #expect(scale.factor(at: SimTime(.hours(4))) == 1)
        #expect(scale.factor(at: SimTime(nanoseconds: -1)) == 0.5)
    }

    // MARK: - Determinism and stream independence

    @Test("the same seed gives the same run; another seed a different one")
    func determinism() throws {
        let spec = try Self.spec(devices: 2_000, on: try Self.heavyTailedOn(), natFraction: 0.2)
        let first = try Self.run(spec, seed: 1, hours: 72).pool
        let second = try Self.run(spec, seed: 1, hours: 72).pool
        #expect(first.isOnline == second.isOnline)
        #expect(first.sessionNumber == second.sessionNumber)
        #expect(first.uplinkBitsPerSecond == second.uplinkBitsPerSecond)
        #expect(first.reachableOnline == second.reachableOnline)
        #expect(first.transitionCount == second.transitionCount)
        #expect(first.onlineFraction == second.onlineFraction)
        let other = try Self.run(spec, seed: 2, hours: 72).pool
        #expect(first.isOnline != other.isOnline)
        #expect(first.uplinkBitsPerSecond != other.uplinkBitsPerSecond)
    }

    @Test("adding devices does not change what the existing devices draw or do")
    func addingDevicesDoesNotShiftOthers() throws {
        let small = try Self.run(try Self.spec(devices: 500, natFraction: 0.3), seed: 5, hours: 48).pool
        let large = try Self.run(try Self.spec(devices: 1_000, natFraction: 0.3), seed: 5, hours: 48).pool
        #expect(Array(large.uplinkBitsPerSecond.prefix(500)) == small.uplinkBitsPerSecond)
        #expect(Array(large.storageBytes.prefix(500)) == small.storageBytes)
        #expect(Array(large.isBehindNAT.prefix(500)) == small.isBehindNAT)
        #expect(Array(large.isOnline.prefix(500)) == small.isOnline)
        #expect(Array(large.sessionNumber.prefix(500)) == small.sessionNumber)
        let renamed = try Self.run(try Self.spec(name: "other", devices: 500, natFraction: 0.3), seed: 5, hours: 48)
            .pool
        #expect(renamed.uplinkBitsPerSecond != small.uplinkBitsPerSecond)
    }

    // MARK: - The online index

    @Test("after a run the dense online index matches the online and NAT flags exactly")
    func onlineIndexMatchesFlags() throws {
        let spec = try Self.spec(devices: 5_000, on: try Self.heavyTailedOn(), natFraction: 0.35)
        var simulation = Simulation(model: SharedPoolChurnModel(pool: try SharedPool(spec: spec, seed: 11)))
        simulation.model.start(scheduler: &simulation.scheduler)
        for day in 1...5 {
            simulation.run(until: SimTime(.hours(24 * day)))
            let pool = simulation.model.pool
            #expect(pool.invariantViolations() == [])
            let expectedReachable = (0..<pool.deviceCount).filter { pool.isOnline[$0] && !pool.isBehindNAT[$0] }
            #expect(pool.reachableOnline.sorted() == expectedReachable.map { UInt32($0) })
            #expect(pool.reachableOnlineDevices == expectedReachable.count)
            #expect(pool.onlineDevices == pool.isOnline.filter { $0 }.count)
        }
        #expect(simulation.model.pool.transitionCount > 10_000)
    }

    @Test("a random pick is always an online, reachable device, and every one can be picked")
    func randomPick() throws {
        let spec = try Self.spec(devices: 300, natFraction: 0.5)
        let pool = try Self.run(spec, seed: 3, hours: 10).pool
        var stream = RandomStream(seed: 3, name: "routing")
        var seen = Set<DeviceIndex>()
        for _ in 0..<20_000 {
            let device = try #require(pool.randomReachableOnlineDevice(using: &stream))
            #expect(pool.canServe(device))
            #expect(pool.isOnline[Int(device.index)] && !pool.isBehindNAT[Int(device.index)])
            seen.insert(device)
        }
        #expect(seen.count == pool.reachableOnlineDevices)
        let empty = try SharedPool(spec: try Self.spec(devices: 10), seed: 3)
        #expect(empty.randomReachableOnlineDevice(using: &stream) == nil)
    }

    // MARK: - NAT, credits, memory

    @Test("the NAT count is within 5 binomial standard deviations of N · natFraction")
    func natFraction() throws {
        let spec = try Self.spec(devices: 100_000, natFraction: 0.3)
        let pool = try SharedPool(spec: spec, seed: 17)
        let count = Double(pool.isBehindNAT.filter { $0 }.count)
        let n = Double(spec.deviceCount)
        #expect(abs(count - n * 0.3) <= 5 * (n * 0.3 * 0.7).squareRoot())
        #expect(
            try SharedPool(spec: try Self.spec(devices: 1_000, natFraction: 0), seed: 1).isBehindNAT.allSatisfy { !$0 }
        )
        #expect(
            try SharedPool(spec: try Self.spec(devices: 1_000, natFraction: 1), seed: 1).isBehindNAT.allSatisfy { $0 }
        )
    }

    @Test("credits are bytes served / 10⁹ × credits per GB, exactly")
    func credits() throws {
        var pool = try SharedPool(spec: try Self.spec(devices: 10, creditsPerGB: 2.5), seed: 1)
        pool.recordServed(bytes: 4e9, by: DeviceIndex(3))
        pool.recordServed(bytes: 1.5e9, by: DeviceIndex(7))
        pool.recordServed(bytes: 0.5e9, by: DeviceIndex(7))
        pool.recordServed(bytes: 0, by: DeviceIndex(0))
        #expect(pool.bytesServed[3] == 4e9)
        #expect(pool.bytesServed[7] == 2e9)
        #expect(pool.credits(of: DeviceIndex(3)) == 10)
        #expect(pool.credits(of: DeviceIndex(7)) == 5)
        #expect(pool.credits(of: DeviceIndex(0)) == 0)
        #expect(pool.totalBytesServed == 6e9)
        #expect(pool.totalCredits == 15)
    }

    @Test("per-device state is 58 bytes with its pending end of session, under the 64-byte budget")
    func memoryPerDevice() {
        #expect(SharedPool.bytesPerDevice == 58)
        #expect(SharedPool.bytesPerDevice < 64)
    }

    @Test("resources are drawn from the spec's distributions")
    func resources() throws {
        let pool = try SharedPool(spec: try Self.spec(devices: 20_000), seed: 8)
        #expect(pool.cpuCores.allSatisfy { $0 == 4 })
        #expect(pool.storageBytes.allSatisfy { $0 >= 100e9 && $0 <= 2e12 })
        let meanUplink = pool.uplinkBitsPerSecond.reduce(0) { $0 + Double($1) } / 20_000
        // Standard error of the mean: 10 Mbit/s / √20,000 ≈ 71 kbit/s; 5 of them.
        #expect(abs(meanUplink - 20e6) <= 5 * 10e6 / (20_000.0).squareRoot())
    }

    // MARK: - Bad specs

    @Test(
        "an impossible spec throws, naming the field",
        arguments: [
            "deviceCount", "natFraction", "natFraction-nan", "creditsPerGB", "onSessionSeconds",
            "offSessionSeconds", "uplinkBitsPerSecond", "diurnalOffScale.hourlyFactors",
            "diurnalOffScale.hourlyFactors[5]",
        ]
    )
    func invalidSpec(field: String) throws {
        var spec = try Self.spec(devices: 10)
        switch field {
        case "deviceCount": spec.deviceCount = -1
        case "natFraction": spec.natFraction = 1.5
        case "natFraction-nan": spec.natFraction = .nan
        case "creditsPerGB": spec.creditsPerGB = -1
        case "onSessionSeconds":
            spec.onSessionSeconds = .normal(try NormalDistribution(mean: 100, standardDeviation: 10))
        case "offSessionSeconds": spec.offSessionSeconds = .constant(try ConstantDistribution(0))
        case "uplinkBitsPerSecond": spec.uplinkBitsPerSecond = .constant(try ConstantDistribution(-5))
        case "diurnalOffScale.hourlyFactors": spec.diurnalOffScale = DiurnalOffScale(hourlyFactors: [1, 2])
        default:
            var factors = Array(repeating: 1.0, count: 24)
            factors[5] = 0
            spec.diurnalOffScale = DiurnalOffScale(hourlyFactors: factors)
        }
        let keys = [
            "deviceCount": "devices", "natFraction": "nat", "natFraction-nan": "nat", "creditsPerGB": "credits_per_gb",
            "onSessionSeconds": "online", "offSessionSeconds": "offline", "uplinkBitsPerSecond": "uplink",
            "diurnalOffScale.hourlyFactors": "diurnal", "diurnalOffScale.hourlyFactors[5]": "diurnal[5]",
        ]
        let expectedField = try #require(keys[field])
        let error = #expect(throws: SpecError.self) { try SharedPool(spec: spec, seed: 1) }
        #expect(error?.field.description == expectedField)
        #expect(error?.element == .sharedPool("pool"))
        #expect(error?.description.hasPrefix("shared pool 'pool': \(expectedField): ") == true)
    }
}
