/// A point on the map plane: projected metres, or pixels once placed on the canvas.
struct PlanarPoint: Equatable, Sendable {
    var x: Double
    var y: Double
}

/// An axis-aligned rectangle on the map plane.
struct PlanarRect: Equatable, Sendable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    var width: Double { maxX - minX }
    var height: Double { maxY - minY }
    var centre: PlanarPoint { PlanarPoint(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }

    /// The smallest rectangle holding every point; nil for none.
    init?(covering points: [PlanarPoint]) {
        guard let first = points.first else { return nil }
        (minX, minY, maxX, maxY) = (first.x, first.y, first.x, first.y)
        for p in points.dropFirst() {
            minX = min(minX, p.x)
            maxX = max(maxX, p.x)
            minY = min(minY, p.y)
            maxY = max(maxY, p.y)
        }
    }

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        (self.minX, self.minY, self.maxX, self.maxY) = (minX, minY, maxX, maxY)
    }

    /// A rectangle of the given size centred on `centre`.
    init(centre: PlanarPoint, width: Double, height: Double) {
        self.init(minX: centre.x - width / 2, minY: centre.y - height / 2, maxX: centre.x + width / 2, maxY: centre.y + height / 2)
    }

    func contains(_ p: PlanarPoint) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }

    func intersects(_ other: PlanarRect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// The rectangle grown by `margin` on every side.
    func inset(by margin: Double) -> PlanarRect {
        PlanarRect(minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin)
    }

    /// The area this rectangle shares with `other`.
    func overlap(_ other: PlanarRect) -> Double {
        max(0, min(maxX, other.maxX) - max(minX, other.minX)) * max(0, min(maxY, other.maxY) - max(minY, other.minY))
    }
}

/// Clipping of projected rings and lines to a rectangle, so a map holds only what it shows.
enum Clipping {
    /// A closed ring clipped to `rect` (Sutherland–Hodgman): empty when wholly outside. Edges
    /// the clip adds run along the rectangle, which lies outside the visible frame.
    static func ring(_ ring: [PlanarPoint], to rect: PlanarRect) -> [PlanarPoint] {
        var output = ring
        if output.first == output.last { output.removeLast() }
        let edges: [(PlanarPoint) -> Bool] = [{ $0.x >= rect.minX }, { $0.x <= rect.maxX }, { $0.y >= rect.minY }, { $0.y <= rect.maxY }]
        let cuts: [(PlanarPoint, PlanarPoint) -> PlanarPoint] = [
            { a, b in crossing(a, b, x: rect.minX) }, { a, b in crossing(a, b, x: rect.maxX) },
            { a, b in crossing(a, b, y: rect.minY) }, { a, b in crossing(a, b, y: rect.maxY) },
        ]
        for (inside, cut) in zip(edges, cuts) {
            guard let last = output.last else { break }
            let input = output
            output = []
            var previous = last
            for current in input {
                if inside(current) {
                    if !inside(previous) { output.append(cut(previous, current)) }
                    output.append(current)
                } else if inside(previous) {
                    output.append(cut(previous, current))
                }
                previous = current
            }
        }
        return output.count >= 3 ? output + [output[0]] : []
    }

    /// The runs of a polyline inside `rect` (Liang–Barsky per segment, joined where they touch).
    static func line(_ line: [PlanarPoint], to rect: PlanarRect) -> [[PlanarPoint]] {
        var runs: [[PlanarPoint]] = []
        var current: [PlanarPoint] = []
        for (a, b) in zip(line, line.dropFirst()) {
            guard let (start, end) = segment(a, b, to: rect) else {
                if current.count > 1 { runs.append(current) }
                current = []
                continue
            }
            if current.last != start {
                if current.count > 1 { runs.append(current) }
                current = [start]
            }
            current.append(end)
        }
        if current.count > 1 { runs.append(current) }
        return runs
    }

    /// The part of segment ab inside `rect`, nil when none.
    static func segment(_ a: PlanarPoint, _ b: PlanarPoint, to rect: PlanarRect) -> (PlanarPoint, PlanarPoint)? {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - rect.minX), (dx, rect.maxX - a.x), (-dy, a.y - rect.minY), (dy, rect.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return nil } else if r > t0 { t0 = r } }
                else { if r < t0 { return nil } else if r < t1 { t1 = r } }
            }
        }
        let start = t0 == 0 ? a : PlanarPoint(x: a.x + t0 * dx, y: a.y + t0 * dy)
        let end = t1 == 1 ? b : PlanarPoint(x: a.x + t1 * dx, y: a.y + t1 * dy)
        return (start, end)
    }

    private static func crossing(_ a: PlanarPoint, _ b: PlanarPoint, x: Double) -> PlanarPoint {
        let t = (x - a.x) / (b.x - a.x)
        return PlanarPoint(x: x, y: a.y + t * (b.y - a.y))
    }

    private static func crossing(_ a: PlanarPoint, _ b: PlanarPoint, y: Double) -> PlanarPoint {
        let t = (y - a.y) / (b.y - a.y)
        return PlanarPoint(x: a.x + t * (b.x - a.x), y: y)
    }
}
