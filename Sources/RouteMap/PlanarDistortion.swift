import Geodesy

/// A leg measured as a straight line on a projected map beside its true geodesic length: what an
/// analyst gets by measuring on a Web Mercator map, and how far off it is.
public struct PlanarLeg: Sendable, Equatable {
    /// The geodesic length in metres.
    public let geodesic: Double
    /// The straight-line length between the projected ends, in metres.
    public let planar: Double

    /// planar / geodesic: 1 means the map measures true.
    public var ratio: Double { planar / geodesic }

    /// Projects both ends of every leg with `transformer` (WGS84 to a projected CRS).
    public static func legs(of route: RouteMeasurement, in transformer: Transformer) throws(ProjError) -> [PlanarLeg] {
        guard !transformer.target.isGeographic else {
            throw .notProjected(crs: transformer.target.label)
        }
        return try route.legs.map { leg throws(ProjError) in
            let a = try transformer.project(leg.from.coordinate), b = try transformer.project(leg.to.coordinate)
            let planar = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot() * transformer.target.unitToSI
            return PlanarLeg(geodesic: leg.geodesic.distance, planar: planar)
        }
    }
}
