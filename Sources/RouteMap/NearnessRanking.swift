import Coordinates
import Gazetteer
import Geodesy

/// A candidate for a name, with the known place it lies nearest to.
public struct RankedCandidate: Sendable {
    /// The place and how the name matched it.
    public let match: PlaceMatch
    /// The context place nearest to it and the geodesic distance in metres, when there is context.
    public let nearest: (name: String, distance: Double)?
    /// Whether it lies within `NearnessRanking.nearWithin` of a context place.
    public let isNear: Bool

    /// Why it ranks where it does: the gazetteer's reason, and its distance to the nearest context place.
    public var reason: String {
        guard let nearest else { return match.reason }
        let kilometres = Int((nearest.distance / 1000).rounded())
        return match.reason + "; \(kilometres) km from \(nearest.name)" + (isNear ? ", near" : "")
    }
}

/// Ranks the places a name fits by nearness to places already known: a route's other waypoints,
/// or places named with `--near`. Within `nearWithin` of a known place, nearer ranks first;
/// beyond it, the gazetteer's own order (curated, how matched, kind, population) stands.
public struct NearnessRanking: Sendable {
    /// How close a candidate must be to a context place to be preferred: 300 km, as the geoparser uses.
    public static let nearWithin = 300_000.0

    /// The known places, by name and coordinate.
    public let context: [(name: String, coordinate: Coordinate)]

    /// A ranking around these places.
    public init(context: [(name: String, coordinate: Coordinate)]) {
        self.context = context
    }

    /// The candidates in the gazetteer's order, re-ranked: an id match first, then near ones (by kind, so that a city
    /// comes before the villages of its name around it, then nearer first), then the rest.
    public func rank(_ candidates: [PlaceMatch]) -> [RankedCandidate] {
        let ranked = candidates.map { match -> RankedCandidate in
            let nearest = context
                .map { (name: $0.name, distance: Geodesic.wgs84.inverse(from: $0.coordinate, to: match.place.coordinate).distance) }
                .min { $0.distance < $1.distance }
            return RankedCandidate(match: match, nearest: nearest, isNear: (nearest?.distance ?? .infinity) <= Self.nearWithin)
        }
        let order = ranked.indices.sorted { a, b in
            let (x, y) = (ranked[a], ranked[b])
            let (kx, ky) = ((x.match.kind == .id ? 0 : 1, x.isNear ? 0 : 1), (y.match.kind == .id ? 0 : 1, y.isNear ? 0 : 1))
            if kx != ky { return kx < ky }
            if x.isNear, y.isNear {
                let (rx, ry) = (Gazetteer.kindRank(x.match.place.kind), Gazetteer.kindRank(y.match.place.kind))
                if rx != ry { return rx < ry }
                if let dx = x.nearest?.distance, let dy = y.nearest?.distance, dx != dy { return dx < dy }
            }
            return a < b
        }
        return order.map { ranked[$0] }
    }
}
