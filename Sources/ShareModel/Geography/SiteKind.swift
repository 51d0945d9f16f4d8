public import SimCore

/// What kind of place an endpoint is, which sets its default access latency.
///
/// The access latency is the one-way delay between the endpoint and the backbone: the last
/// mile for a home or a phone, the top-of-rack and border hops for a data center. The
/// defaults below are **assumptions** of ShareSim, typical figures rather than measurements
/// from the seed documents; a scenario should state its own where it matters.
public enum SiteKind: String, CaseIterable, Hashable, Sendable {
    /// A cloud availability zone or data center. Assumed access latency: 0.5 ms.
    case dataCenter = "data-center"
    /// An edge site or CDN point of presence near users. Assumed access latency: 1 ms.
    case edgeSite = "edge-site"
    /// A home device on a broadband line (a shared-compute box). Assumed access latency: 8 ms.
    case homeBroadband = "home-broadband"
    /// A phone or other client on a mobile network. Assumed access latency: 20 ms.
    case mobileClient = "mobile-client"
    /// An office or enterprise network on a dedicated line. Assumed access latency: 2 ms.
    case enterprise

    /// The assumed one-way access latency of this kind of endpoint (see each case).
    ///
    /// These are ShareSim's assumptions, not seed figures: data center 0.5 ms, edge site 1 ms,
    /// home broadband 8 ms, mobile client 20 ms, enterprise 2 ms.
    public var defaultAccessLatency: SimDuration {
        switch self {
        case .dataCenter: .microseconds(500)
        case .edgeSite: .milliseconds(1)
        case .homeBroadband: .milliseconds(8)
        case .mobileClient: .milliseconds(20)
        case .enterprise: .milliseconds(2)
        }
    }
}
