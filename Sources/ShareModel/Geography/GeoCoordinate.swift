import SimCore

/// A point on the Earth's surface, in degrees of latitude and longitude (WGS 84 style).
///
/// Values are checked when created: latitude in -90...90 degrees, longitude in -180...180
/// degrees, both finite. Distances treat the Earth as a sphere of the mean radius
/// ``meanEarthRadiusKilometres`` and use ``PortableMath``, so they are bit-identical on every
/// platform.
public struct GeoCoordinate: Hashable, Sendable, CustomStringConvertible {
    /// Degrees north of the equator (negative: south), in -90...90.
    public let latitude: Double

    /// Degrees east of the prime meridian (negative: west), in -180...180.
    public let longitude: Double

    /// The IUGG mean radius of the Earth, R1 = (2a + b) / 3, in kilometres.
    public static let meanEarthRadiusKilometres = 6_371.008_8

    /// π / 180: radians per degree.
    @usableFromInline
    static let radiansPerDegree = 0.017_453_292_519_943_295

    /// The point at `latitude` and `longitude`, both in degrees.
    ///
    /// - Throws: ``SpecError`` about a ``SpecElement/Kind/coordinate``, field `location[0]`
    ///   (latitude) or `location[1]` (longitude), when a value is NaN, infinite or outside its
    ///   range (latitude -90...90, longitude -180...180); callers attribute it to their element.
    public init(latitude: Double, longitude: Double) throws(SpecError) {
        try Self.check(latitude, position: 0, name: "latitude", limit: 90)
        try Self.check(longitude, position: 1, name: "longitude", limit: 180)
        self.latitude = latitude
        self.longitude = longitude
    }

    private static func check(_ degrees: Double, position: Int, name: String, limit: Double) throws(SpecError) {
        guard degrees.isFinite, (-limit...limit).contains(degrees) else {
            throw SpecError(
                SpecElement(.coordinate),
                .location.at(position),
                .other("the \(name) must be between \(-limit) and \(limit) degrees, got \(degrees)")
            )
        }
    }

    /// The great-circle distance to `other` in kilometres, by the haversine formula on a sphere
    /// of radius ``meanEarthRadiusKilometres``.
    ///
    /// Symmetric (`a.distanceKilometres(to: b) == b.distanceKilometres(to: a)` exactly), zero
    /// from a point to itself, at most π R (about 20,015 km). Within a few ulps of the exact
    /// spherical distance except close to antipodal points, where the haversine formula loses
    /// precision (still well under a metre there).
    ///
    /// - Complexity: O(1): two sines, two cosines, one square root and one arcsine.
    public func distanceKilometres(to other: GeoCoordinate) -> Double {
        let perDegree = Self.radiansPerDegree
        let halfLatitudeDelta = 0.5 * (other.latitude - latitude) * perDegree
        let halfLongitudeDelta = 0.5 * (other.longitude - longitude) * perDegree
        let sinLatitude = PortableMath.sin(halfLatitudeDelta)
        let sinLongitude = PortableMath.sin(halfLongitudeDelta)
        let cosines = PortableMath.cos(latitude * perDegree) * PortableMath.cos(other.latitude * perDegree)
        // hav(θ) = hav(Δφ) + cos φ1 cos φ2 hav(Δλ); rounding can push it a hair past 1.
        let haversine = min(1, sinLatitude * sinLatitude + cosines * (sinLongitude * sinLongitude))
        return 2 * Self.meanEarthRadiusKilometres * PortableMath.asin(PortableMath.sqrt(haversine))
    }

    /// `(latitude°, longitude°)`, for example `(51.5074°, -0.1278°)`.
    public var description: String { "(\(latitude)°, \(longitude)°)" }
}
