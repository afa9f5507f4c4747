import Coordinates
import Foundation
import GeoJSON
import Geodesy
import MapWriters

/// The projection a map is drawn in, chosen with PROJ for the extent of its data.
///
/// Data within `azimuthalLimit` of its centre is drawn in an azimuthal equidistant projection
/// centred on it (`+proj=aeqd`, ellipsoidal): distances and directions from the centre read true,
/// and a route across ±180° or over a pole is as continuous as any other. Wider data (a supply
/// chain spanning continents) is drawn in Equal Earth (`+proj=eqearth`) centred on its middle
/// meridian: an equal-area world map, cut at the opposite meridian.
final class MapProjection {
    /// The two projections routemap draws in.
    enum Kind: Sendable {
        case azimuthalEquidistant, equalEarth
    }

    let kind: Kind
    /// Where the projection is centred (for Equal Earth, only the longitude counts).
    let centre: Position
    /// The PROJ string.
    let definition: String
    private let transformer: Transformer

    /// Farthest a vertex of the data may lie from its centre for an azimuthal equidistant map.
    static let azimuthalLimit = 5_000_000.0

    /// Beyond this distance from the centre an azimuthal point is left out: around the antipode
    /// the projection tears, and nothing there is on a map of under `azimuthalLimit`.
    private static let farSide = 15_000_000.0

    init(kind: Kind, centre: Position) throws(MapWriterError) {
        self.kind = kind
        self.centre = centre
        switch kind {
        case .azimuthalEquidistant:
            definition = "+proj=aeqd +lat_0=\(fixed(centre.latitude, 2)) +lon_0=\(fixed(centre.longitude, 2)) +datum=WGS84 +units=m +no_defs"
        case .equalEarth:
            definition = "+proj=eqearth +lon_0=\(fixed(centre.longitude, 0)) +datum=WGS84 +units=m +no_defs"
        }
        do {
            transformer = try Transformer(from: Transformer.wgs84, to: definition)
        } catch {
            throw MapWriterError("PROJ cannot make the map's projection \(definition): \(error)")
        }
    }

    /// The projection for data at `positions`: azimuthal equidistant centred on the middle of
    /// the data when it all lies within `azimuthalLimit` of it, else Equal Earth.
    static func chosen(for positions: [Position]) throws(MapWriterError) -> MapProjection {
        guard let first = centreOfMass(positions) else { return try MapProjection(kind: .equalEarth, centre: Position(longitude: 0, latitude: 0)) }
        var projection = try MapProjection(kind: .azimuthalEquidistant, centre: rounded(first))
        // Centre on the middle of the projected extent, so the data sits in the middle of the map.
        for _ in 0..<2 {
            let points = positions.compactMap(projection.project)
            guard let box = PlanarRect(covering: points), let middle = projection.unproject(box.centre) else { break }
            let next = try MapProjection(kind: .azimuthalEquidistant, centre: rounded(middle))
            if next.centre == projection.centre { break }
            projection = next
        }
        let farthest = positions.compactMap(projection.project).map { hypot($0.x, $0.y) }.max() ?? 0
        if farthest <= azimuthalLimit, positions.allSatisfy({ projection.project($0) != nil }) { return projection }
        return try MapProjection(kind: .equalEarth, centre: Position(longitude: first.longitude.rounded(), latitude: 0))
    }

    /// The projected point in metres; nil where the projection has no useful image (beyond
    /// `farSide` in the azimuthal projection, or a point PROJ refuses).
    func project(_ p: Position) -> PlanarPoint? {
        var longitude = p.longitude
        if kind == .equalEarth {
            // Keep the seam meridian on its own side: PROJ wraps a longitude a hair past ±180° from lon_0.
            let relative = max(-179.999999999, min(179.999999999, SeamCut.wrapped(p.longitude - centre.longitude)))
            longitude = centre.longitude + relative
        }
        guard let xy = try? transformer.forward(x: longitude, y: p.latitude) else { return nil }
        if kind == .azimuthalEquidistant, hypot(xy.x, xy.y) > Self.farSide { return nil }
        return PlanarPoint(x: xy.x, y: xy.y)
    }

    /// The longitude and latitude of a projected point; nil outside the projection's domain.
    func unproject(_ p: PlanarPoint) -> Position? {
        guard let xy = try? transformer.inverse(x: p.x, y: p.y), xy.x.isFinite, xy.y.isFinite, abs(xy.y) <= 90 else { return nil }
        return Position(longitude: SeamCut.wrapped(xy.x), latitude: xy.y)
    }

    /// How to cut lines and rings before projecting them: at the seam for Equal Earth, not at all
    /// for the azimuthal projection, which has none.
    var seam: SeamCut? { kind == .equalEarth ? SeamCut(centralMeridian: centre.longitude) : nil }

    /// The point diametrically opposite the centre, where the azimuthal projection tears.
    var antipode: Position {
        Position(longitude: SeamCut.wrapped(centre.longitude + 180), latitude: -centre.latitude)
    }

    /// The projection's name and why it was chosen, for the map's subtitle.
    var explanation: String {
        switch kind {
        case .azimuthalEquidistant:
            "Azimuthal equidistant projection centred on \(Self.degrees(centre.latitude, "N", "S")) \(Self.degrees(centre.longitude, "E", "W")): distances and directions from the centre are true"
        case .equalEarth:
            "Equal Earth projection centred on \(Self.degrees(centre.longitude, "E", "W")): areas are true; the data spans more than \(Int(Self.azimuthalLimit / 1000)) km from its middle"
        }
    }

    static func degrees(_ value: Double, _ positive: String, _ negative: String) -> String {
        "\(fixed(abs(value), 2))°\(value < 0 ? negative : positive)"
    }

    /// The middle of the positions on the globe: the direction of the mean of their unit vectors
    /// (not a distance, only where to centre the map); nil when they cancel out (spread round the globe).
    static func centreOfMass(_ positions: [Position]) -> Position? {
        var x = 0.0, y = 0.0, z = 0.0
        for p in positions {
            let lat = p.latitude * .pi / 180, lon = p.longitude * .pi / 180
            x += cos(lat) * cos(lon)
            y += cos(lat) * sin(lon)
            z += sin(lat)
        }
        let length = (x * x + y * y + z * z).squareRoot()
        guard !positions.isEmpty, length > 1e-9 * Double(positions.count) else { return nil }
        return Position(longitude: atan2(y, x) * 180 / .pi, latitude: asin(max(-1, min(1, z / length))) * 180 / .pi)
    }

    private static func rounded(_ p: Position) -> Position {
        Position(longitude: (p.longitude * 100).rounded() / 100, latitude: (p.latitude * 100).rounded() / 100)
    }
}

/// Cuts lines and rings in longitude and latitude at the meridian opposite a map's centre, where
/// a world projection such as Equal Earth has its edge.
struct SeamCut: Sendable {
    /// The map's central meridian; the seam is 180° from it.
    let centralMeridian: Double

    /// A longitude difference wrapped into [-180, 180).
    static func wrapped(_ longitude: Double) -> Double {
        var x = (longitude + 180).truncatingRemainder(dividingBy: 360)
        if x < 0 { x += 360 }
        return x - 180
    }

    /// The runs of a line on either side of the seam.
    func line(_ line: [Position]) -> [[Position]] {
        guard let first = line.first else { return [] }
        var runs: [[Position]] = []
        var current = [first]
        for (a, b) in zip(line, line.dropFirst()) {
            let ra = relative(a.longitude), rb = relative(b.longitude)
            if abs(rb - ra) > 180 {
                // Crossing the seam: end at the edge and start again on the other side.
                let edge: Double = ra > 0 ? 180 : -180
                let unrolled = rb + (ra > 0 ? 360 : -360)
                let t = (edge - ra) / (unrolled - ra)
                let latitude = a.latitude + t * (b.latitude - a.latitude)
                current.append(absolute(edge, latitude))
                runs.append(current)
                current = [absolute(-edge, latitude)]
            }
            current.append(b)
        }
        runs.append(current)
        return runs.filter { $0.count > 1 }
    }

    /// A closed ring as the pieces on either side of the seam, each closed; a ring around a pole
    /// is closed along it.
    func ring(_ ring: [Position]) -> [[Position]] {
        guard let first = ring.first else { return [] }
        var unrolled = [(u: relative(first.longitude), latitude: first.latitude)]
        for (a, b) in zip(ring, ring.dropFirst()) {
            unrolled.append((unrolled[unrolled.count - 1].u + Self.wrapped(b.longitude - a.longitude), b.latitude))
        }
        let turn = unrolled[unrolled.count - 1].u - unrolled[0].u
        if abs(turn) > 180 {
            // The ring goes once round the globe: close it along the pole it encloses.
            let pole: Double = ring.map(\.latitude).reduce(0, +) >= 0 ? 90 : -90
            unrolled.append((unrolled[unrolled.count - 1].u, pole))
            unrolled.append((unrolled[0].u, pole))
            unrolled.append(unrolled[0])
        }
        let low = unrolled.map(\.u).min()!, high = unrolled.map(\.u).max()!
        var pieces: [[Position]] = []
        for k in -2...2 {
            let shift = 360 * Double(k)
            guard high - shift > -180, low - shift < 180 else { continue }
            let shifted = unrolled.map { PlanarPoint(x: $0.u - shift, y: $0.latitude) }
            let clipped = Clipping.ring(shifted, to: PlanarRect(minX: -180, minY: -90, maxX: 180, maxY: 90))
            if !clipped.isEmpty { pieces.append(clipped.map { absolute($0.x, $0.y) }) }
        }
        return pieces
    }

    private func relative(_ longitude: Double) -> Double {
        Self.wrapped(longitude - centralMeridian)
    }

    private func absolute(_ relative: Double, _ latitude: Double) -> Position {
        Position(longitude: SeamCut.wrapped(centralMeridian + max(-179.999999999, min(179.999999999, relative))), latitude: latitude)
    }
}
