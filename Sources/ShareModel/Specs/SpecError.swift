/// A typed reference to one element of a model description, named the way a scenario file
/// names it.
///
/// The ``kind`` says which list or section the element belongs to; ``name`` says which one
/// (empty for a section such as `routing`), and ``index`` picks an element that has no name
/// (the n-th outage, counting from 0). A scenario loader keys its element nodes by this
/// value, so an error can be traced back to the file without parsing any text.
public struct SpecElement: Hashable, Sendable, CustomStringConvertible {
    /// The kinds of element a model description is made of.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The scenario's top-level run settings (`duration`, `warmup`, `interval`).
        case scenario
        /// The `latency` section.
        case latency
        /// One entry of `latency.measured`, by index.
        case measuredLatency = "measured latency"
        /// A cloud region, by name.
        case region
        /// An availability zone, by name.
        case zone
        /// An edge site, by name.
        case edgeSite = "edge site"
        /// A shared pool, by name.
        case sharedPool = "shared pool"
        /// A client population, by name.
        case population
        /// A workload class, by name.
        case workload
        /// The `routing` section.
        case routing
        /// The `retry` section inside `routing`.
        case retry
        /// A planned outage, by its index among the model's outages.
        case outage
        /// A random-failure spec, by its index among the model's random failures.
        case randomFailure = "random failure"
        /// The `cost` section (prices shared by every region).
        case cost
        /// A site of any kind, by name, where the kind does not matter (latency endpoints).
        case site
        /// A geographic coordinate not yet attributed to an element.
        case coordinate
        /// A link of a flow network, by index.
        case link
        /// A flow of a flow network.
        case flow
        /// An edge cache or its popularity model.
        case cache
        /// A health check: the scenario's (no name) or a region's, zone's or edge site's (its name).
        case healthCheck = "health check"
        /// A failure group, by name.
        case failureGroup = "failure group"
        /// A gray failure (a slowdown), by its index among the model's slowdowns.
        case slowdown
        /// A path of `paths`, by its index, named after its two ends.
        case path
    }

    /// Which kind of element.
    public let kind: Kind
    /// The element's name; empty for sections and unnamed elements.
    public let name: String
    /// The element's position in its list, for elements without a name.
    public let index: Int?

    /// The element of `kind` named `name`, or at `index` in its list.
    public init(_ kind: Kind, name: String = "", index: Int? = nil) {
        self.kind = kind
        self.name = name
        self.index = index
    }

    /// The scenario's run settings.
    public static let scenario = SpecElement(.scenario)
    /// The `latency` section.
    public static let latency = SpecElement(.latency)
    /// The `routing` section.
    public static let routing = SpecElement(.routing)
    /// The `retry` section of `routing`.
    public static let retry = SpecElement(.retry)
    /// The `cost` section.
    public static let cost = SpecElement(.cost)

    /// The region named `name`.
    public static func region(_ name: String) -> SpecElement { SpecElement(.region, name: name) }
    /// The zone named `name`.
    public static func zone(_ name: String) -> SpecElement { SpecElement(.zone, name: name) }
    /// The edge site named `name`.
    public static func edgeSite(_ name: String) -> SpecElement { SpecElement(.edgeSite, name: name) }
    /// The shared pool named `name`.
    public static func sharedPool(_ name: String) -> SpecElement { SpecElement(.sharedPool, name: name) }
    /// The population named `name`.
    public static func population(_ name: String) -> SpecElement { SpecElement(.population, name: name) }
    /// The workload class named `name`.
    public static func workload(_ name: String) -> SpecElement { SpecElement(.workload, name: name) }
    /// The outage at `index` among the model's outages, failing `target`.
    public static func outage(_ index: Int, of target: FailureTarget) -> SpecElement {
        SpecElement(.outage, name: target.description, index: index)
    }
    /// The random-failure spec at `index` among the model's random failures, failing `target`.
    public static func randomFailure(_ index: Int, of target: FailureTarget) -> SpecElement {
        SpecElement(.randomFailure, name: target.description, index: index)
    }
    /// The slowdown at `index` among the model's slowdowns, slowing `target`.
    public static func slowdown(_ index: Int, of target: FailureTarget) -> SpecElement {
        SpecElement(.slowdown, name: target.description, index: index)
    }
    /// The link drawn in `links` named `name`.
    public static func link(_ name: String) -> SpecElement { SpecElement(.link, name: name) }
    /// The path at `index` in `paths`, between `from` and `to`.
    public static func path(_ index: Int, from: String, to: String) -> SpecElement {
        SpecElement(.path, name: "\(from) to \(to)", index: index)
    }
    /// The measured latency at `index` in `latency.measured`.
    public static func measuredLatency(_ index: Int) -> SpecElement { SpecElement(.measuredLatency, index: index) }

    /// The element as a scenario file names it: `zone 'hz-a'`, `routing`, `outage 2 (zone hz-a)`.
    public var description: String {
        var text = kind.rawValue
        if let index { text += " \(index + 1)" }
        if !name.isEmpty { text += index == nil ? " '\(name)'" : " (\(name))" }
        return text
    }
}

/// The field at fault, always spelt as the scenario file's key (`cores`, `online`,
/// `allowed_regions`), with an optional path into it (`diurnal[3]`, `service.video`).
///
/// Fields are built only from the constants below, so a Swift property name cannot leak
/// into a message; a scenario loader follows ``steps`` through the element's mapping.
public struct SpecField: Hashable, Sendable, CustomStringConvertible {
    /// One step into a value: a mapping key or a list position.
    public enum Step: Hashable, Sendable {
        /// The value of `key` in a mapping.
        case key(String)
        /// The element at a position (from 0) in a list.
        case index(Int)
    }

    /// The path from the element's mapping to the value; never empty.
    public let steps: [Step]

    init(_ key: String) { steps = [.key(key)] }
    init(steps: [Step]) { self.steps = steps }

    /// The scenario key this field starts with.
    public var key: String {
        guard case .key(let key) = steps[0] else { return "" }
        return key
    }

    /// This field's value at `position` of its list (`diurnal[3]`).
    public func at(_ position: Int) -> SpecField { SpecField(steps: steps + [.index(position)]) }
    /// The value of `key` inside this field's mapping (`service.video`).
    public func child(_ key: String) -> SpecField { SpecField(steps: steps + [.key(key)]) }

    /// The field as a path: `cores`, `diurnal[3]`, `price.core_hour`.
    public var description: String {
        var text = ""
        for step in steps {
            switch step {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let position): text += "[\(position)]"
            }
        }
        return text
    }

    /// `name` (of any element).
    public static let name = SpecField("name")
    /// `duration` (scenario).
    public static let duration = SpecField("duration")
    /// `warmup` (scenario).
    public static let warmup = SpecField("warmup")
    /// `interval` (scenario).
    public static let interval = SpecField("interval")
    /// `workloads` (scenario list, or a population's demands).
    public static let workloads = SpecField("workloads")
    /// `regions` (scenario list).
    public static let regions = SpecField("regions")
    /// `location` (`[latitude, longitude]` of a site or population).
    public static let location = SpecField("location")
    /// `zones` (region).
    public static let zones = SpecField("zones")
    /// `egress` (region: egress capacity).
    public static let egress = SpecField("egress")
    /// `price` (region: prices).
    public static let price = SpecField("price")
    /// `servers` (zone).
    public static let servers = SpecField("servers")
    /// `cores` (zone: cores per server).
    public static let cores = SpecField("cores")
    /// `queue` (zone: the longest waiting line).
    public static let queue = SpecField("queue")
    /// `timeout` (zone).
    public static let timeout = SpecField("timeout")
    /// `service` (workload, or a zone's per-workload overrides).
    public static let service = SpecField("service")
    /// `region` (edge site, shared pool, failure target).
    public static let region = SpecField("region")
    /// `origin` (edge site).
    public static let origin = SpecField("origin")
    /// `cache` (edge site: cache size).
    public static let cache = SpecField("cache")
    /// `uplink` (edge site, shared pool).
    public static let uplink = SpecField("uplink")
    /// `nodes` (edge site).
    public static let nodes = SpecField("nodes")
    /// `devices` (shared pool).
    public static let devices = SpecField("devices")
    /// `storage` (shared pool).
    public static let storage = SpecField("storage")
    /// `cpu` (shared pool: cores lent; compute workload: CPU time).
    public static let cpu = SpecField("cpu")
    /// `online` (shared pool: on-session length).
    public static let online = SpecField("online")
    /// `offline` (shared pool: off-session length).
    public static let offline = SpecField("offline")
    /// `diurnal` (shared pool: 24 hourly off-session factors).
    public static let diurnal = SpecField("diurnal")
    /// `nat` (shared pool: fraction behind NAT).
    public static let nat = SpecField("nat")
    /// `credits_per_gb` (shared pool).
    public static let creditsPerGB = SpecField("credits_per_gb")
    /// `probes` (shared pool).
    public static let probes = SpecField("probes")
    /// `max_uploads` (shared pool).
    public static let maxUploads = SpecField("max_uploads")
    /// `access` (population: access-link capacity).
    public static let access = SpecField("access")
    /// A population's client lines (`line`).
    public static let line = SpecField("line")
    /// `allowed_regions` (population).
    public static let allowedRegions = SpecField("allowed_regions")
    /// `slo` (workload).
    public static let slo = SpecField("slo")
    /// `priority` (workload).
    public static let priority = SpecField("priority")
    /// `catalogue` (download and stream workloads).
    public static let catalogue = SpecField("catalogue")
    /// `zipf` (download and stream workloads).
    public static let zipf = SpecField("zipf")
    /// `object_size` (download and stream workloads).
    public static let objectSize = SpecField("object_size")
    /// `request_size`: the bytes a transaction's request carries up.
    public static let requestSize = SpecField("request_size")
    /// `response_size`: the bytes a transaction's response carries down.
    public static let responseSize = SpecField("response_size")
    /// `ingress`: a region's backhaul link into it.
    public static let ingress = SpecField("ingress")
    /// `bitrate` (stream workload).
    public static let bitrate = SpecField("bitrate")
    /// A stream's player (`playback`).
    public static let playback = SpecField("playback")
    /// `checkpoint` (compute workload).
    public static let checkpoint = SpecField("checkpoint")
    /// `weights` (routing).
    public static let weights = SpecField("weights")
    /// `attempts` (retry).
    public static let attempts = SpecField("attempts")
    /// `backoff` (retry).
    public static let backoff = SpecField("backoff")
    /// `cap` (retry).
    public static let cap = SpecField("cap")
    /// `multiplier` (retry).
    public static let multiplier = SpecField("multiplier")
    /// `zone` (failure target).
    public static let zone = SpecField("zone")
    /// `edge_site` (failure target).
    public static let edgeSite = SpecField("edge_site")
    /// `link` (failure target).
    public static let link = SpecField("link")
    /// `at` (outage start).
    public static let at = SpecField("at")
    /// `for` (outage length).
    public static let forDuration = SpecField("for")
    /// `mtbf` (random failure: mean time between failures).
    public static let mtbf = SpecField("mtbf")
    /// `mttr` (random failure: mean time to repair).
    public static let mttr = SpecField("mttr")
    /// `group` (failure target: a failure group).
    public static let group = SpecField("group")
    /// `slowdown` (a gray failure's service-time factor).
    public static let slowdown = SpecField("slowdown")
    /// `unhealthy_after` (health check: failed probes that mark a site down).
    public static let unhealthyAfter = SpecField("unhealthy_after")
    /// `healthy_after` (health check: successful probes that mark a site up).
    public static let healthyAfter = SpecField("healthy_after")
    /// `failure_groups` (scenario list).
    public static let failureGroups = SpecField("failure_groups")
    /// `credit` (cost: price per credit).
    public static let credit = SpecField("credit")
    /// `fibre_speed` (latency).
    public static let fibreSpeed = SpecField("fibre_speed")
    /// `path_inflation` (latency).
    public static let pathInflation = SpecField("path_inflation")
    /// `jitter` (latency).
    public static let jitter = SpecField("jitter")
    /// `message_jitter` (per-message latency jitter; not a scenario key).
    public static let messageJitter = SpecField("message_jitter")
    /// `latency` (a measured latency's value).
    public static let latency = SpecField("latency")
    /// `between` (a measured latency's two endpoints).
    public static let between = SpecField("between")
    /// `access_latency` (a latency endpoint's one-way access delay; not a scenario key).
    public static let accessLatency = SpecField("access_latency")
    /// `capacity` (a flow-network link; not a scenario element, which names it `egress`,
    /// `uplink` or `access`).
    public static let capacity = SpecField("capacity")
    /// `path` (a flow-network flow; not a scenario element).
    public static let path = SpecField("path")
    /// `bytes` (a flow-network flow; not a scenario element).
    public static let bytes = SpecField("bytes")
    /// `via` (a path: the links it crosses).
    public static let via = SpecField("via")
    /// `from` (a path: one end).
    public static let from = SpecField("from")
    /// `to` (a path: the other end).
    public static let to = SpecField("to")
    /// `autoscaling` (zone or region), and its keys below.
    public static let autoscaling = SpecField("autoscaling")

    /// The key a failure of `target` names its target by: `zone`, `region`, `edge_site` or `link`.
    public static func target(_ target: FailureTarget) -> SpecField {
        switch target {
        case .zone: .zone
        case .region: .region
        case .edgeSite: .edgeSite
        case .link: .link
        case .group: .group
        }
    }
}

/// One problem in a model description: which element, which field (as the scenario key),
/// what is wrong, and a name the user may have meant.
///
/// Every spec initialiser and ``ModelSpec/validate()`` report problems with this one type.
/// ``description`` reads like `zone 'hz-a': cores: must be at least 1, got 0`.
public struct SpecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why a value was refused; internal, so that cases can grow.
    enum Problem: Hashable, Sendable {
        /// A name that is empty.
        case emptyName
        /// A name used twice in the same list.
        case duplicateName(String)
        /// A reference to an element of `kind` that does not exist.
        case unknown(kind: String, name: String)
        /// A number below `minimum`.
        case tooSmall(got: String, minimum: String)
        /// A number above `maximum`.
        case tooLarge(got: String, maximum: String)
        /// A number outside `lower...upper`.
        case outOfRange(got: String, lower: String, upper: String)
        /// Zero or less (or not a number) where only a positive value makes sense.
        case notPositive(got: String)
        /// Below zero (or not a number) where zero or more is needed.
        case negative(got: String)
        /// An empty list that needs at least one entry.
        case empty
        /// A list of the wrong length.
        case wrongCount(expected: Int, got: Int)
        /// Anything else, as a sentence fragment starting with a verb.
        case other(String)
    }

    /// The element at fault, such as `zone 'hz-a'`.
    public let element: SpecElement
    /// The field at fault, as the scenario key (`cores`).
    public let field: SpecField
    /// Why it was rejected.
    let problem: Problem
    /// A name the user may have meant (for an unknown reference), if one is close.
    public let suggestion: String?

    init(_ element: SpecElement, _ field: SpecField, _ problem: Problem, suggestion: String? = nil) {
        self.element = element
        self.field = field
        self.problem = problem
        self.suggestion = suggestion
    }

    /// The same problem, attributed to `element` (for values checked before their owner is known).
    public func attributed(to element: SpecElement) -> SpecError {
        SpecError(element, field, problem, suggestion: suggestion)
    }

    /// The same problem, attributed to `element` and `field`.
    public func attributed(to element: SpecElement, field: SpecField) -> SpecError {
        SpecError(element, field, problem, suggestion: suggestion)
    }

    /// What is wrong, starting with a verb: `must be at least 1, got 0`.
    public var message: String {
        switch problem {
        case .emptyName: "must not be empty"
        case .duplicateName(let name): "repeats the name '\(name)'"
        case .unknown(let kind, let name): "refers to unknown \(kind) '\(name)'"
        case .tooSmall(let got, let minimum): "must be at least \(minimum), got \(got)"
        case .tooLarge(let got, let maximum): "must be at most \(maximum), got \(got)"
        case .outOfRange(let got, let lower, let upper): "must be between \(lower) and \(upper), got \(got)"
        case .notPositive(let got): "must be greater than 0, got \(got)"
        case .negative(let got): "must not be negative, got \(got)"
        case .empty: "must list at least one entry"
        case .wrongCount(let expected, let got): "needs \(expected) entries, got \(got)"
        case .other(let text): text
        }
    }

    /// `element: field: message`, and `; did you mean '…'?` when there is a suggestion.
    public var description: String {
        let base = "\(element): \(field): \(message)"
        guard let suggestion else { return base }
        return base + "; did you mean '\(suggestion)'?"
    }

    /// Throws unless `value` is finite and greater than zero.
    static func requirePositive(_ value: Double, _ element: SpecElement, _ field: SpecField) throws(SpecError) {
        guard value.isFinite, value > 0 else { throw SpecError(element, field, .notPositive(got: "\(value)")) }
    }

    /// Throws unless `value` is finite and zero or more.
    static func requireNonNegative(_ value: Double, _ element: SpecElement, _ field: SpecField) throws(SpecError) {
        guard value.isFinite, value >= 0 else { throw SpecError(element, field, .negative(got: "\(value)")) }
    }

    /// Throws unless `value` is within `range`.
    static func require(
        _ value: Int,
        in range: ClosedRange<Int>,
        _ element: SpecElement,
        _ field: SpecField
    )
        throws(SpecError)
    {
        if value < range.lowerBound {
            throw SpecError(element, field, .tooSmall(got: "\(value)", minimum: "\(range.lowerBound)"))
        }
        if value > range.upperBound {
            throw SpecError(element, field, .tooLarge(got: "\(value)", maximum: "\(range.upperBound)"))
        }
    }
}

/// Every problem found in a model description, in the order the description lists its
/// elements; at most one per element, so a bad value never brings follow-on errors.
public struct SpecErrors: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problems, never empty.
    public let errors: [SpecError]

    /// The problems in `errors` (at least one).
    public init(_ errors: [SpecError]) {
        precondition(!errors.isEmpty, "SpecErrors needs at least one error")
        self.errors = errors
    }

    /// One line per problem.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// Collects problems element by element: the first problem of each element is kept, and
/// checking goes on with the next element.
struct SpecErrorCollector {
    /// The problems so far.
    var errors: [SpecError] = []

    /// Runs the checks of one element, keeping its first problem.
    mutating func check(_ body: () throws(SpecError) -> Void) {
        do {
            try body()
        } catch {
            errors.append(error)
        }
    }

    /// Throws the problems collected, if any.
    func throwIfAny() throws(SpecErrors) {
        if !errors.isEmpty { throw SpecErrors(errors) }
    }
}
