import Coordinates
import Geodesy
import Waterways
import WorldGeometry

/// How a leg's line was found.
public enum LegDrawingMethod: String, Sendable {
    /// Along the water network (`--mode sea` and `--mode river`): snapped to water at both ends,
    /// then node to node, each step a geodesic.
    case waterNetwork = "water-network"
    /// The WGS84 geodesic between the two waypoints (air, rail, road, and water legs the network cannot serve).
    case geodesic
}

/// A leg as drawn: its line, its length along that line, how it was found and what it crosses.
public struct DrawnLeg: Sendable {
    public let from: Waypoint
    public let to: Waypoint
    public let mode: TransportMode
    public let method: LegDrawingMethod
    /// The line's points; consecutive points are joined by geodesics.
    public let path: [Coordinate]
    /// The line's length on the ellipsoid, in metres: the routed length on water, else the geodesic's.
    public let length: Double
    /// The geodesic between the two waypoints, for comparison (and the bearings).
    public let geodesic: GeodesicInverse
    /// The water route, for legs drawn on the network.
    public let water: WaterRoute?
    /// For water legs: where the line reaches the water from each waypoint, and how far along
    /// it that is (0 for a place at sea); the map shows it as the line's first and last stretch.
    public let snaps: (from: LegSnap, to: LegSnap)?
    /// What the line crosses where a leg of this mode should not: land for water legs drawn as
    /// geodesics, third countries and open water for rail and road legs. Empty when nothing is amiss.
    public let warnings: [String]
    /// Countries whose land the line crosses, with metres, for legs that were checked (nil: not checked).
    public let landCrossed: [(country: Country, length: Double)]?
}

/// Where a water leg meets the water: the point, and its distance from the waypoint along the leg.
public struct LegSnap: Sendable, Equatable {
    public let distance: Double
    public let water: Coordinate
}

/// Draws legs by mode: sea and river legs on the water network, others (and water legs the
/// network cannot serve) as geodesics, each checked against Natural Earth's countries.
public struct LegDrawer: Sendable {
    /// The network water legs are routed on; nil draws every leg as a geodesic.
    public let network: WaterNetwork?
    private let chosenWorld: WorldGeometry?
    /// The countries legs are checked against (Natural Earth 1:50m unless given; read on first use).
    public var world: WorldGeometry { chosenWorld ?? .naturalEarth50m }
    /// Land within this many metres of a waypoint is not warned about (a port or city a little inland).
    public static let coastAllowance = 3_000.0
    /// What joining a place to the sea costs per metre over land, on top of the metre itself:
    /// a port snaps to the water it can reach, not the nearest water across a peninsula.
    public static let landAccessPenalty = 20.0

    /// A drawer routing water legs on `network`.
    public init(network: WaterNetwork?, world: WorldGeometry? = nil) {
        self.network = network
        self.chosenWorld = world
    }

    /// Whether any leg of `route` goes by water, and so wants the network loaded.
    public static func needsNetwork(_ route: SupplyRoute) -> Bool {
        route.legs.contains { waterKinds($0.mode) != nil }
    }

    /// Every leg of `route`.
    public func draw(_ route: SupplyRoute) -> [DrawnLeg] {
        zip(zip(route.waypoints, route.waypoints.dropFirst()), route.legs).map { pair, description in
            draw(from: pair.0, to: pair.1, mode: description.mode)
        }
    }

    /// One leg from `from` to `to` by `mode`.
    public func draw(from: Waypoint, to: Waypoint, mode: TransportMode) -> DrawnLeg {
        let geodesic = Geodesic.wgs84.inverse(from: from.coordinate, to: to.coordinate)
        var note: String?
        if mode == .sea {
            // open water all the way (ports a little inland allowed): the geodesic is the route
            let direct = world.crossings(along: [from.coordinate, to.coordinate], step: 1_000)
            if direct.landRuns(exceptAtEnds: Self.coastAllowance).isEmpty {
                return DrawnLeg(from: from, to: to, mode: mode, method: .geodesic, path: [from.coordinate, to.coordinate], length: geodesic.distance,
                                geodesic: geodesic, water: nil, snaps: Self.snaps(along: [from.coordinate, to.coordinate], direct), warnings: [], landCrossed: direct.countries)
            }
        }
        if let network, let kinds = Self.waterKinds(mode) {
            let router = WaterRouter(network: network)
            do {
                let water = try router.route(from: from.coordinate, to: to.coordinate, over: kinds, accessCost: accessCost(mode))
                let first = Array(water.points.prefix(2)), last = Array(water.points.suffix(2))
                let snaps = mode == .sea
                    ? (Self.snaps(along: first, world.crossings(along: first, step: 100)).from, Self.snaps(along: last, world.crossings(along: last, step: 100)).to)
                    : (LegSnap(distance: water.start.distance, water: water.start.water), LegSnap(distance: water.end.distance, water: water.end.water))
                return DrawnLeg(from: from, to: to, mode: mode, method: .waterNetwork, path: water.points, length: water.length,
                                geodesic: geodesic, water: water, snaps: snaps, warnings: [], landCrossed: nil)
            } catch {
                let water = mode == .sea ? "water" : "rivers and canals"
                let reason = switch error {
                case .noWaterNear(let end, _): "\(end == 0 ? from.name : to.name) is more than \(Int(Self.maxSnap / 1000)) km from the network's \(water)"
                case .notConnected: "the network does not join the \(water) at the two ends"
                }
                note = "no \(mode.rawValue) route on the water network (\(reason)); drawn as the geodesic"
            }
        } else if Self.waterKinds(mode) != nil {
            note = "the water network is not loaded; drawn as the geodesic"
        }
        let path = [from.coordinate, to.coordinate]
        guard mode != .air else {
            return DrawnLeg(from: from, to: to, mode: mode, method: .geodesic, path: path, length: geodesic.distance,
                            geodesic: geodesic, water: nil, snaps: nil, warnings: [], landCrossed: nil)
        }
        let crossings = world.crossings(along: path)
        var warnings = note.map { [$0] } ?? []
        warnings += checks(crossings, from: from, to: to, mode: mode)
        return DrawnLeg(from: from, to: to, mode: mode, method: .geodesic, path: path, length: geodesic.distance,
                        geodesic: geodesic, water: nil, snaps: nil, warnings: warnings, landCrossed: crossings.countries)
    }

    /// The kinds of water a mode sails: the sea also takes straits, canals and the rivers
    /// river–sea ships use (the Volga–Don route between the Caspian and the Sea of Azov); a river
    /// leg keeps to rivers and canals. Nil for modes that do not go by water.
    public static func waterKinds(_ mode: TransportMode) -> Set<WaterwayKind>? {
        switch mode {
        case .sea: [.sea, .strait, .canal, .river]
        case .river: [.river, .canal]
        case .road, .rail, .air, .unknown: nil
        }
    }

    /// The farthest a place may be from the water it joins: over land for the sea, in all for a river.
    public static let maxSnap = 50_000.0

    /// What joining a place to a river costs per metre: rivers run on land, so a city joins its
    /// river where it is nearest, not upstream where the path would be shorter.
    public static let riverAccessFactor = 5.0

    /// Joining a place to the network: its geodesic, made dear over land for the sea, and dear
    /// altogether for rivers.
    private func accessCost(_ mode: TransportMode) -> (Coordinate, Coordinate) -> Double? {
        guard mode == .sea else {
            return { place, node in
                let direct = Geodesic.wgs84.inverse(from: place, to: node).distance
                return direct <= Self.maxSnap ? direct * Self.riverAccessFactor : nil
            }
        }
        let world = self.world
        return { place, node in
            let direct = Geodesic.wgs84.inverse(from: place, to: node).distance
            // a price, not a measurement: far candidates are sampled more coarsely (150 steps at most)
            let land = world.crossings(along: [place, node], step: max(1_000, direct / 150)).landLength
            return land <= Self.maxSnap ? direct + Self.landAccessPenalty * land : nil
        }
    }

    /// Warnings for a leg drawn as a geodesic: land under a water leg; third countries or open water under a rail or road leg.
    private func checks(_ crossings: PathCrossings, from: Waypoint, to: Waypoint, mode: TransportMode) -> [String] {
        switch mode {
        case .sea, .river:
            let land = crossings.landRuns(exceptAtEnds: Self.coastAllowance)
            guard !land.isEmpty else { return [] }
            var lengths: [(Country, Double)] = []
            for run in land {
                if let i = lengths.firstIndex(where: { $0.0 == run.country! }) { lengths[i].1 += run.length } else { lengths.append((run.country!, run.length)) }
            }
            let total = land.reduce(0) { $0 + $1.length }
            return ["a \(mode.rawValue) leg drawn as the geodesic crosses \(Self.km(total)) of land: " + lengths.map { "\($0.0.name) (\($0.0.shortCode)) \(Self.km($0.1))" }.joined(separator: ", ")]
        case .rail, .road:
            let ends = Set([from.coordinate, to.coordinate].compactMap { world.country(containing: $0)?.code } + [from, to].compactMap { $0.match?.place.country }.compactMap { world.country(code: $0)?.code })
            let third = crossings.countries.filter { !ends.contains($0.country.code) && $0.length > Self.coastAllowance }
            var warnings: [String] = []
            if !third.isEmpty {
                warnings.append("a \(mode.rawValue) leg drawn as the geodesic crosses third countries: " + third.map { "\($0.country.name) (\($0.country.shortCode)) \(Self.km($0.length))" }.joined(separator: ", "))
            }
            let water = crossings.runs.filter { $0.country == nil && $0.length > Self.coastAllowance }.reduce(0) { $0 + $1.length }
            if water > 0 { warnings.append("a \(mode.rawValue) leg drawn as the geodesic runs \(Self.km(water)) over water") }
            return warnings
        case .air, .unknown:
            return []
        }
    }

    /// Where a line of two points (a geodesic) leaves the land at its start and reaches it at its end.
    static func snaps(along line: [Coordinate], _ crossings: PathCrossings) -> (from: LegSnap, to: LegSnap) {
        let path = GeodesicPath(from: line[0], to: line[line.count - 1])
        func at(_ d: Double) -> Coordinate {
            let p = path.point(atDistance: d)
            return Coordinate(uncheckedLatitude: p.latitude, longitude: (p.unrolledLongitude + 540).truncatingRemainder(dividingBy: 360) - 180)
        }
        let first = crossings.runs.first, last = crossings.runs.last
        // all land (a river's node, which 1:50m counts as land): the whole line is the snap
        let from = first?.country != nil ? first!.length : 0
        let to = last?.country != nil ? last!.length : 0
        return (LegSnap(distance: from, water: from > 0 ? at(from) : line[0]),
                LegSnap(distance: to, water: to > 0 ? at(crossings.length - to) : line[line.count - 1]))
    }

    static func km(_ metres: Double) -> String {
        let km = metres / 1000
        return km >= 100 ? "\(Int(km.rounded())) km" : "\((km * 10).rounded() / 10) km"
    }
}
