/// Typed dense indices for the entities of a model.
///
/// Names are interned to these at load time; the hot path never looks anything up by
/// name. Each is a thin wrapper over the narrowest integer the model stores (32 bits), so
/// the optimiser erases it; the types keep a link index from being used as a site index by
/// mistake. Each has its own `none` for "no such entity" instead of a shared sentinel.

/// A dense typed index: a wrapper over a 32-bit index, with a `none` value.
protocol EntityID: Hashable, Sendable {
    /// The index into the entity's table.
    var index: UInt32 { get }
    /// The entity at `index`.
    init(_ index: UInt32)
    /// No entity: index `UInt32.max`, never a valid one.
    static var none: Self { get }
}

extension EntityID {
    /// Whether this is `none`.
    var isNone: Bool { index == .max }
    /// The index as an `Int`, for array subscripts.
    var offset: Int { Int(index) }
}

/// A row of a per-entity table whose rows are addressed by a typed id.
protocol EntityState {
    /// The id type that indexes a table of these.
    associatedtype ID: EntityID
}

extension Array where Element: EntityState {
    /// The row of entity `id`, borrowed for reads (a `get` would copy the row, retaining
    /// every array it holds, on each read of one field).
    subscript(_ id: Element.ID) -> Element {
        _read { yield self[Int(id.index)] }
        _modify { yield &self[Int(id.index)] }
    }

    /// Every id of the table, in index order.
    var ids: LazyMapSequence<Range<UInt32>, Element.ID> {
        (0..<UInt32(count)).lazy.map(Element.ID.init)
    }
}

/// A site: a cloud zone, an edge site or a shared pool.
public struct SiteID: Hashable, Comparable, Sendable, EntityID {
    /// The index into the model's site tables.
    public var index: UInt32
    /// The site at `index`.
    @inlinable public init(_ index: UInt32) { self.index = index }
    /// No SiteID: index `UInt32.max`, never a valid one.
    public static let none = SiteID(.max)
    /// Orders sites by index.
    @inlinable public static func < (lhs: SiteID, rhs: SiteID) -> Bool { lhs.index < rhs.index }
}

/// A network link: an uplink, a backbone hop or a client downlink.
public struct LinkID: Hashable, Comparable, Sendable, EntityID {
    /// The index into the network's link tables.
    public var index: UInt32
    /// The link at `index`.
    @inlinable public init(_ index: UInt32) { self.index = index }
    /// No LinkID: index `UInt32.max`, never a valid one.
    public static let none = LinkID(.max)
    /// Orders links by index.
    @inlinable public static func < (lhs: LinkID, rhs: LinkID) -> Bool { lhs.index < rhs.index }
}

/// A transfer in progress over a path of links.
public struct FlowID: Hashable, Comparable, Sendable, EntityID {
    /// The index into the network's flow tables (slots are reused once a flow ends).
    public var index: UInt32
    /// The flow at `index`.
    @inlinable public init(_ index: UInt32) { self.index = index }
    /// No FlowID: index `UInt32.max`, never a valid one.
    public static let none = FlowID(.max)
    /// Orders flows by index.
    @inlinable public static func < (lhs: FlowID, rhs: FlowID) -> Bool { lhs.index < rhs.index }
}

/// A population of clients: a place, a size and its workloads.
public struct PopulationID: Hashable, Comparable, Sendable, EntityID {
    /// The index into the model's population tables.
    public var index: UInt32
    /// The population at `index`.
    @inlinable public init(_ index: UInt32) { self.index = index }
    /// No PopulationID: index `UInt32.max`, never a valid one.
    public static let none = PopulationID(.max)
    /// Orders populations by index.
    @inlinable public static func < (lhs: PopulationID, rhs: PopulationID) -> Bool { lhs.index < rhs.index }
}

/// A cloud zone, in the order of ``ModelSpec/zones`` (region order).
struct ZoneID: EntityID {
    /// The index into the model's zone table.
    var index: UInt32
    /// The zone at `index`.
    init(_ index: UInt32) { self.index = index }
    /// No ZoneID: index `UInt32.max`, never a valid one.
    static let none = ZoneID(.max)
}

/// A cloud region, in the order of ``ModelSpec/regions``.
struct RegionID: EntityID {
    /// The index into the model's region table.
    var index: UInt32
    /// The region at `index`.
    init(_ index: UInt32) { self.index = index }
    /// No RegionID: index `UInt32.max`, never a valid one.
    static let none = RegionID(.max)
}

/// An edge site, in the order of ``ModelSpec/edgeSites``.
struct EdgeSiteID: EntityID {
    /// The index into the model's edge-site table.
    var index: UInt32
    /// The edge site at `index`.
    init(_ index: UInt32) { self.index = index }
    /// No EdgeSiteID: index `UInt32.max`, never a valid one.
    static let none = EdgeSiteID(.max)
}

/// A shared pool, in the order of ``ModelSpec/sharedPools``.
struct PoolID: EntityID {
    /// The index into the model's pool table.
    var index: UInt32
    /// The pool at `index`.
    init(_ index: UInt32) { self.index = index }
    /// No PoolID: index `UInt32.max`, never a valid one.
    static let none = PoolID(.max)
}

/// A workload class, in the order of ``ModelSpec/workloadClasses``.
struct WorkloadClassID: EntityID {
    /// The index into the model's class table.
    var index: UInt32
    /// The class at `index`.
    init(_ index: UInt32) { self.index = index }
    /// No WorkloadClassID: index `UInt32.max`, never a valid one.
    static let none = WorkloadClassID(.max)
}

/// One population's demand for one class (an arrival process), in population order.
struct DemandID: EntityID {
    /// The index into the model's demand table.
    var index: UInt32
    /// The demand at `index`.
    init(_ index: UInt32) { self.index = index }
    /// No DemandID: index `UInt32.max`, never a valid one.
    static let none = DemandID(.max)
}

/// A request in flight: its slot in the model's request table, reused once it ends. A
/// device's job is named by the slot of the request it runs.
struct RequestSlot: EntityID {
    /// The index into the request table.
    var index: UInt32
    /// The request in slot `index`.
    init(_ index: UInt32) { self.index = index }
    /// No RequestSlot: index `UInt32.max`, never a valid one.
    static let none = RequestSlot(.max)
}
