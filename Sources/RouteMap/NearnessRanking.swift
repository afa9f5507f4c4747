import Foundation
import Coordinates
import Gazetteer
import Geodesy

/// A candidate for a name, with the known place it lies nearest to.
public struct RankedCandidate: Sendable {
    /// The place and how the name matched it.
    public let match: PlaceMatch
    /// The context place nearest to it and the geodesic distance in metres, when there is context
    /// (beyond `NearnessRanking.nearWithin`, only for a context of up to `NearnessRanking.fullScanLimit` places).
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
///
/// The context is indexed once in a grid of 300 km cells in Earth-centred coordinates: a point
/// within 300 km along the geodesic is within 300 km in a straight line, so only the 27 cells
/// around a candidate can hold one, and of those only the points whose straight-line distance is
/// below the best geodesic found so far are measured by PROJ. Ranking n candidates against m
/// places costs about n + m geodesics, not n × m (2,000 Springfields in one route took a minute).
public struct NearnessRanking: Sendable {
    /// How close a candidate must be to a context place to be preferred: 300 km, as the geoparser uses.
    public static let nearWithin = 300_000.0
    /// Up to this many context places, a candidate's nearest is found even beyond `nearWithin` (for its reason).
    public static let fullScanLimit = 64

    /// The known places, by name and coordinate.
    public private(set) var context: [(name: String, coordinate: Coordinate)]
    private var grid: ContextGrid

    /// A ranking around these places.
    public init(context: [(name: String, coordinate: Coordinate)]) {
        self.context = context
        grid = ContextGrid(context.map(\.coordinate), cell: Self.nearWithin)
    }

    /// Moves context place `index` to another place (a route's waypoint that took a nearer homonym).
    public mutating func replaceContext(_ index: Int, with place: (name: String, coordinate: Coordinate)) {
        context[index] = place
        grid.move(index, to: place.coordinate)
    }

    /// The candidates in the gazetteer's order, re-ranked: an id match first, then near ones (by kind, so that a city
    /// comes before the villages of its name around it, then nearer first), then the rest.
    public func rank(_ candidates: [PlaceMatch]) -> [RankedCandidate] {
        rank(candidates, excluding: nil)
    }

    /// The same, leaving out context place `excluded` (a route's own waypoint when its other waypoints are the context).
    public func rank(_ candidates: [PlaceMatch], excluding excluded: Int?) -> [RankedCandidate] {
        let ranked = candidates.map { match -> RankedCandidate in
            var nearest = grid.nearest(to: match.place.coordinate, within: Self.nearWithin, excluding: excluded)
            if nearest == nil, context.count <= Self.fullScanLimit {
                nearest = grid.nearest(to: match.place.coordinate, within: .infinity, excluding: excluded)
            }
            let named = nearest.map { (name: context[$0.index].name, distance: $0.distance) }
            return RankedCandidate(match: match, nearest: named, isNear: (named?.distance ?? .infinity) <= Self.nearWithin)
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

/// Context places in a grid of Earth-centred (ECEF, WGS84) cells, for nearest-place queries whose
/// geodesics are measured by PROJ only for the few points that can win. Places at the same
/// coordinate share one spot, so a thousand copies of one place cost one geodesic, not a thousand.
struct ContextGrid: Sendable {
    /// A distinct coordinate, its Earth-centred position, and the context places at it (in order).
    private struct Spot: Sendable {
        let coordinate: Coordinate
        let x: Double, y: Double, z: Double
        var places: [Int]
    }

    private struct Cell: Hashable, Sendable {
        let x: Int, y: Int, z: Int
    }

    private var spots: [Spot] = []
    private var spotAt: [Coordinate: Int] = [:]
    private var spotOfPlace: [Int] = []
    private var cells: [Cell: [Int]] = [:]
    private let cell: Double

    init(_ coordinates: [Coordinate], cell: Double) {
        self.cell = cell
        spotOfPlace = Array(repeating: -1, count: coordinates.count)
        for (index, coordinate) in coordinates.enumerated() { add(index, at: coordinate) }
    }

    private mutating func add(_ place: Int, at coordinate: Coordinate) {
        if let spot = spotAt[coordinate] {
            let position = spots[spot].places.firstIndex { $0 > place } ?? spots[spot].places.count
            spots[spot].places.insert(place, at: position)
            spotOfPlace[place] = spot
            return
        }
        let (x, y, z) = Self.earthCentred(coordinate)
        spotAt[coordinate] = spots.count
        spotOfPlace[place] = spots.count
        cells[cellOf(x, y, z), default: []].append(spots.count)
        spots.append(Spot(coordinate: coordinate, x: x, y: y, z: z, places: [place]))
    }

    /// Moves context place `place` to `coordinate` (a route's waypoint that took a nearer homonym).
    mutating func move(_ place: Int, to coordinate: Coordinate) {
        let old = spotOfPlace[place]
        guard spots[old].coordinate != coordinate else { return }
        spots[old].places.removeAll { $0 == place }
        add(place, at: coordinate)
    }

    private func cellOf(_ x: Double, _ y: Double, _ z: Double) -> Cell {
        Cell(x: Int((x / cell).rounded(.down)), y: Int((y / cell).rounded(.down)), z: Int((z / cell).rounded(.down)))
    }

    /// WGS84 Earth-centred coordinates in metres (on the ellipsoid, height 0).
    static func earthCentred(_ c: Coordinate) -> (Double, Double, Double) {
        let a = 6_378_137.0, e2 = 6.694_379_990_141_316_996e-3
        let phi = c.latitude * .pi / 180, lambda = c.longitude * .pi / 180
        let n = a / (1 - e2 * sin(phi) * sin(phi)).squareRoot()
        return (n * cos(phi) * cos(lambda), n * cos(phi) * sin(lambda), n * (1 - e2) * sin(phi))
    }

    /// The context place nearest to `point` along the geodesic, if one lies within `limit` (the first
    /// in context order among places at the same distance), leaving out place `excluded`.
    func nearest(to point: Coordinate, within limit: Double, excluding excluded: Int?) -> (index: Int, distance: Double)? {
        let (x, y, z) = Self.earthCentred(point)
        // Straight-line distances first (cheap); each is a lower bound of the geodesic distance.
        var candidates: [(spot: Int, chord: Double)] = []
        func consider(_ index: Int) {
            let spot = spots[index]
            guard spot.places.contains(where: { $0 != excluded }) else { return }
            let chord = ((spot.x - x) * (spot.x - x) + (spot.y - y) * (spot.y - y) + (spot.z - z) * (spot.z - z)).squareRoot()
            if chord <= limit { candidates.append((index, chord)) }
        }
        if limit.isFinite, limit <= cell {
            let centre = cellOf(x, y, z)
            for dx in -1...1 { for dy in -1...1 { for dz in -1...1 {
                for index in cells[Cell(x: centre.x + dx, y: centre.y + dy, z: centre.z + dz)] ?? [] { consider(index) }
            } } }
        } else {
            for index in spots.indices { consider(index) }
        }
        candidates.sort { $0.chord < $1.chord }
        var best: (place: Int, distance: Double)?
        for candidate in candidates {
            // No geodesic is shorter than the chord: once the chord passes the best, nothing after can win.
            if let best, candidate.chord > best.distance { break }
            let distance = Geodesic.wgs84.inverse(from: spots[candidate.spot].coordinate, to: point).distance
            guard distance <= limit else { continue }
            let place = spots[candidate.spot].places.first { $0 != excluded }!
            if best == nil || distance < best!.distance || (distance == best!.distance && place < best!.place) {
                best = (place, distance)
            }
        }
        return best.map { ($0.place, $0.distance) }
    }
}
