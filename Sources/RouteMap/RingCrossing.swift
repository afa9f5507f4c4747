import GeoJSON

/// Finds where a polygon ring crosses itself (a bow tie), which makes its area the difference of
/// its lobes, often near 0, rather than what the ring seems to enclose.
///
/// Edges are taken as straight in longitude and latitude, as GIS tools test validity (GEOS, and
/// so `ogr2ogr -makevalid`); a ring that crosses ±180° is unrolled first. Edges are bucketed in a
/// grid of about as many cells as edges, so a ring of n edges costs about n tests, not n².
public enum RingCrossing {
    /// A crossing: the two edges (by their first vertex) and a point where they meet.
    public struct Crossing: Sendable, Equatable {
        public let firstEdge: Int
        public let secondEdge: Int
        public let point: Position
    }

    /// The first crossing found between two edges that are not neighbours, or nil for a simple ring.
    /// Gives up (nil) past `budget` edge-pair tests, so that no input makes it slow.
    public static func first(in ring: [Position], budget: Int = 20_000_000) -> Crossing? {
        let points = unrolled(ring)
        let n = points.count - 1  // edges; the ring is closed
        guard n >= 4 else { return nil }
        var west = Double.infinity, east = -Double.infinity, south = Double.infinity, north = -Double.infinity
        for p in points {
            west = min(west, p.x); east = max(east, p.x); south = min(south, p.y); north = max(north, p.y)
        }
        let side = max(1, Int(Double(n).squareRoot()))
        let cellWidth = max((east - west) / Double(side), 1e-12), cellHeight = max((north - south) / Double(side), 1e-12)
        func cell(_ x: Double, _ y: Double) -> (Int, Int) {
            (min(side - 1, max(0, Int((x - west) / cellWidth))), min(side - 1, max(0, Int((y - south) / cellHeight))))
        }
        var buckets: [Int: [Int]] = [:]
        var tests = 0
        for edge in 0..<n {
            let a = points[edge], b = points[edge + 1]
            let (x0, y0) = cell(min(a.x, b.x), min(a.y, b.y)), (x1, y1) = cell(max(a.x, b.x), max(a.y, b.y))
            var seen: Set<Int> = []
            for cx in x0...x1 {
                for cy in y0...y1 {
                    let key = cx * side + cy
                    for other in buckets[key, default: []] where seen.insert(other).inserted {
                        tests += 1
                        if tests > budget { return nil }
                        // Neighbouring edges share a vertex; the first and last edges of the ring too.
                        if other == edge - 1 || (other == 0 && edge == n - 1) { continue }
                        if let point = intersection(points[other], points[other + 1], a, b) {
                            return Crossing(firstEdge: other, secondEdge: edge, point: Position(longitude: wrapped(point.x), latitude: point.y))
                        }
                    }
                    buckets[key, default: []].append(edge)
                }
            }
        }
        return nil
    }

    private struct Point { var x: Double, y: Double }

    /// Longitudes made continuous (no jump of more than 180° between neighbours), repeated vertices dropped.
    private static func unrolled(_ ring: [Position]) -> [Point] {
        var out: [Point] = []
        out.reserveCapacity(ring.count)
        var shift = 0.0
        for p in ring {
            if let last = out.last {
                let step = p.longitude + shift - last.x
                if step > 180 { shift -= 360 } else if step < -180 { shift += 360 }
            }
            let point = Point(x: p.longitude + shift, y: p.latitude)
            if let last = out.last, last.x == point.x, last.y == point.y { continue }
            out.append(point)
        }
        return out
    }

    private static func wrapped(_ longitude: Double) -> Double {
        var x = longitude.truncatingRemainder(dividingBy: 360)
        if x > 180 { x -= 360 } else if x < -180 { x += 360 }
        return x
    }

    /// Where segments pq and rs meet (touching counts), or nil.
    private static func intersection(_ p: Point, _ q: Point, _ r: Point, _ s: Point) -> Point? {
        func orientation(_ a: Point, _ b: Point, _ c: Point) -> Double { (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) }
        let d1 = orientation(r, s, p), d2 = orientation(r, s, q), d3 = orientation(p, q, r), d4 = orientation(p, q, s)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
            let t = d1 / (d1 - d2)
            return Point(x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y))
        }
        func on(_ a: Point, _ b: Point, _ c: Point) -> Bool {
            min(a.x, b.x) <= c.x && c.x <= max(a.x, b.x) && min(a.y, b.y) <= c.y && c.y <= max(a.y, b.y)
        }
        if d1 == 0, on(r, s, p) { return p }
        if d2 == 0, on(r, s, q) { return q }
        if d3 == 0, on(p, q, r) { return r }
        if d4 == 0, on(p, q, s) { return s }
        return nil
    }
}
