import Coordinates

/// A geodesic circle: the points at one geodesic distance from a centre (PROJ `geod_direct`),
/// as polygons an RFC 7946 reader accepts: counterclockwise, cut in two at ±180°, and closed
/// through the pole when the circle encloses one.
public struct GeodesicRing: Sendable {
    /// Where the ring is centred.
    public let centre: Coordinate
    /// The geodesic radius in metres.
    public let radius: Double
    /// Every vertex, counterclockwise, each exactly `radius` from `centre`; the first is due north.
    public let vertices: [Coordinate]
    /// The pole the ring encloses, if any.
    public let enclosedPole: Pole?

    /// A pole of the Earth.
    public enum Pole: String, Sendable {
        case north, south

        /// Latitude of the pole.
        public var latitude: Double { self == .north ? 90 : -90 }
    }

    /// Why a ring cannot be drawn.
    public enum RingError: Error, Equatable, CustomStringConvertible {
        case badRadius(Double)
        case tooFewSteps(Int)
        case enclosesBothPoles(radius: Double, limit: Double)

        public var description: String {
            switch self {
            case .badRadius(let r): "radius \(r) m: give a positive distance such as 2500km"
            case .tooFewSteps(let n): "\(n) steps: a ring needs at least 16 vertices"
            case let .enclosesBothPoles(r, limit):
                "a ring of \(fixed(r / 1000, 1)) km around this centre would enclose both poles; the largest drawable radius here is \(fixed(limit / 1000, 1)) km"
            }
        }
    }

    /// Computes `steps` vertices of the circle of `radius` metres around `centre`.
    public init(centre: Coordinate, radius: Double, steps: Int = 360, geodesic: Geodesic = .wgs84) throws(RingError) {
        guard radius.isFinite, radius > 0 else { throw .badRadius(radius) }
        guard steps >= 16 else { throw .tooFewSteps(steps) }
        let toNorth = geodesic.inverse(from: centre, to: Coordinate(uncheckedLatitude: 90, longitude: centre.longitude)).distance
        let toSouth = geodesic.inverse(from: centre, to: Coordinate(uncheckedLatitude: -90, longitude: centre.longitude)).distance
        guard radius < max(toNorth, toSouth) else { throw .enclosesBothPoles(radius: radius, limit: max(toNorth, toSouth)) }
        self.centre = centre
        self.radius = radius
        // Decreasing azimuth walks counterclockwise around the centre.
        vertices = (0..<steps).map { step in
            geodesic.direct(from: centre, azimuth: -360 * Double(step) / Double(steps), distance: radius).end
        }
        enclosedPole = radius > toNorth ? .north : radius > toSouth ? .south : nil
    }

    /// The ring as polygon exteriors in (longitude, latitude), each closed (last == first): one
    /// polygon, or two when the ring crosses ±180° without enclosing a pole.
    public func polygons(geodesic: Geodesic = .wgs84) -> [[Coordinate]] {
        let steps = vertices.count
        var unrolled: [Double]
        if enclosedPole == nil {
            // Without a pole, every vertex lies within 180° of the centre's longitude: unroll
            // around it, so vertices on the centre's meridian keep exactly its longitude.
            unrolled = (0...steps).map { centre.longitude + Self.wrapped(vertices[$0 % steps].longitude - centre.longitude) }
        } else {
            unrolled = [vertices[0].longitude]
            for i in 1...steps { unrolled.append(unrolled[i - 1] + Self.wrapped(vertices[i % steps].longitude - vertices[i - 1].longitude)) }
        }
        let azimuth = { (i: Int) in -360 * Double(i) / Double(steps) }
        // The point on the ring between vertices i and i+1 whose unrolled longitude is `meridian`.
        let crossing = { (i: Int, meridian: Double) -> Coordinate in
            var low = azimuth(i), high = azimuth(i + 1)
            let base = unrolled[i]
            for _ in 0..<64 {
                let middle = (low + high) / 2
                let point = geodesic.direct(from: centre, azimuth: middle, distance: radius).end
                let longitude = base + Self.wrapped(point.longitude - vertices[i % steps].longitude)
                if (longitude - meridian) * (unrolled[i] - meridian) > 0 { low = middle } else { high = middle }
            }
            return geodesic.direct(from: centre, azimuth: (low + high) / 2, distance: radius).end
        }
        if let pole = enclosedPole { return [closedThroughPole(pole, unrolled: unrolled, crossing: crossing)] }
        let low = unrolled.min()!, high = unrolled.max()!
        guard high > 180 || low < -180 else { return [close(vertices)] }
        return splitAtAntimeridian(unrolled: unrolled, meridian: high > 180 ? 180 : -180, crossing: crossing)
    }

    private func splitAtAntimeridian(unrolled: [Double], meridian: Double, crossing: (Int, Double) -> Coordinate) -> [[Coordinate]] {
        let steps = vertices.count
        let side = { (i: Int) in (unrolled[i] - meridian) > 0 }
        let edges = (0..<steps).filter { side($0) != side($0 + 1) }
        guard edges.count == 2 else {
            // Only when the ring merely touches ±180°: keep one polygon, every vertex on one side.
            return [close(vertices.indices.map { Self.onSide(Self.vertex(vertices[$0], unrolled: unrolled[$0], cut: meridian), meridian) })]
        }
        var pieces: [[Coordinate]] = []
        for (k, edge) in edges.enumerated() {
            let next = edges[(k + 1) % 2]
            let entry = crossing(edge, meridian), exit = crossing(next, meridian)
            // A piece beyond +180° (or short of −180°) has its vertices near −180°, the other near +180°.
            let sideLongitude: Double = side(edge + 1) ? -180 : 180
            var piece = [Coordinate(uncheckedLatitude: entry.latitude, longitude: sideLongitude)]
            var i = (edge + 1) % steps
            while i != (next + 1) % steps {
                piece.append(Self.onSide(Self.vertex(vertices[i], unrolled: unrolled[i], cut: meridian), sideLongitude))
                i = (i + 1) % steps
            }
            piece.append(Coordinate(uncheckedLatitude: exit.latitude, longitude: sideLongitude))
            pieces.append(close(piece))
        }
        return pieces
    }

    private func closedThroughPole(_ pole: Pole, unrolled: [Double], crossing: (Int, Double) -> Coordinate) -> [Coordinate] {
        let steps = vertices.count
        // The edge whose unrolled longitude passes an odd multiple of 180: where the ring crosses ±180°.
        let band = { (u: Double) -> Double in ((u + 180) / 360).rounded(.down) }
        let edge = (0..<steps).first { i in band(unrolled[i]) != band(unrolled[i + 1]) } ?? 0
        let meridian: Double = band(unrolled[edge]) * 360 + (pole == .north ? 180 : -180)
        let cut = crossing(edge, meridian)
        let start: Double = pole == .north ? -180 : 180
        var ring = [Coordinate(uncheckedLatitude: cut.latitude, longitude: start)]
        let turn = unrolled[steps] - unrolled[0]
        for offset in 1...steps {
            let j = edge + offset
            let u = j <= steps ? unrolled[j] : unrolled[j - steps] + turn
            // Between the cut at `meridian` and the next, one turn on: longitudes from −180 to 180 (or back).
            let longitude = min(180, max(-180, u - meridian + (pole == .north ? -180 : 180)))
            ring.append(Self.onSide(Coordinate(uncheckedLatitude: vertices[j % steps].latitude, longitude: longitude), offset <= steps / 2 ? start : -start))
        }
        ring.append(Coordinate(uncheckedLatitude: cut.latitude, longitude: -start))
        // Along the pole in 90° steps, so no edge spans more than 180° of longitude.
        for longitude in stride(from: -start, through: start, by: start > 0 ? 90 : -90) {
            ring.append(Coordinate(uncheckedLatitude: pole.latitude, longitude: longitude))
        }
        return close(ring)
    }

    /// A vertex whose longitude is its unrolled one brought into [-180, 180] on its side of the
    /// cut at `cut` (±180°), so float noise at the cut cannot put it on the far side.
    private static func vertex(_ vertex: Coordinate, unrolled u: Double, cut: Double) -> Coordinate {
        let shifted = u > 180 ? u - 360 : u < -180 ? u + 360 : u
        return Coordinate(uncheckedLatitude: vertex.latitude, longitude: min(180, max(-180, shifted)))
    }

    /// A vertex on ±180° moved to the side (`side` is -180 or 180) of the polygon it belongs to.
    private static func onSide(_ vertex: Coordinate, _ side: Double) -> Coordinate {
        abs(vertex.longitude) == 180 ? Coordinate(uncheckedLatitude: vertex.latitude, longitude: side) : vertex
    }

    /// The ring without repeated consecutive vertices, closed (last == first).
    private func close(_ ring: [Coordinate]) -> [Coordinate] {
        var out: [Coordinate] = []
        for vertex in ring where out.last != vertex { out.append(vertex) }
        if let first = out.first, out.count > 1, out.last == first { out.removeLast() }
        return out + (out.first.map { [$0] } ?? [])
    }

    /// A longitude difference wrapped into (-180, 180].
    static func wrapped(_ difference: Double) -> Double {
        var d = difference.truncatingRemainder(dividingBy: 360)
        if d > 180 { d -= 360 } else if d <= -180 { d += 360 }
        return d
    }
}
