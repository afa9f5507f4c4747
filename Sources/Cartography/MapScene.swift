import Foundation
import GeoJSON
import MapWriters

/// A document laid out for drawing: its projection, the part of the plane the map shows, and
/// where that falls on the canvas. The SVG (and through it the PNG) and the HTML page share it.
final class MapScene {
    let document: MapDocument
    let projection: MapProjection
    /// The canvas, in pixels.
    let width: Double
    let height: Double
    /// Where the map is on the canvas, in pixels.
    let mapRect: PlanarRect
    /// What the map shows, in projected metres.
    let frame: PlanarRect
    /// Projected metres per pixel.
    let metresPerPixel: Double
    /// Lines of credit under the map.
    let credits: [String]
    /// Where the title block ends and the map starts.
    static let titleHeight = 78.0
    static let margin = 20.0

    /// Lays out `document` on a canvas `width` pixels wide.
    init(_ document: MapDocument, width: Double = 1200) throws(MapWriterError) {
        self.document = document
        self.width = width
        // The map frames what was found (sites, routes, claims, ranges); places a report only names
        // ("the U.S. says…") are drawn where they fall inside it, and frame the map only when there is nothing else.
        let found = document.layers.filter { $0.name != "places" }.flatMap(\.features).flatMap { $0.geometry?.positions ?? [] }
        let positions = found.isEmpty ? document.allFeatures.flatMap { $0.geometry?.positions ?? [] } : found
        projection = try MapProjection.chosen(for: positions)
        let projected = positions.compactMap(projection.project)
        var data = PlanarRect(covering: projected) ?? PlanarRect(centre: PlanarPoint(x: 0, y: 0), width: 0, height: 0)
        if projection.kind == .equalEarth, positions.isEmpty {
            data = PlanarRect(minX: -17_243_959, minY: -8_392_928, maxX: 17_243_959, maxY: 8_392_928)
        }
        // Room round the data for symbols and labels, and a sensible least extent for one point.
        let pad = max(data.width, data.height) * 0.12 + 40_000
        data = data.inset(by: pad)
        data = PlanarRect(centre: data.centre, width: max(data.width, 400_000), height: max(data.height, 400_000))
        let mapWidth = width - 2 * Self.margin
        let mapHeight = min(900, max(600, mapWidth * data.height / data.width))
        let scale = max(data.width / mapWidth, data.height / mapHeight)
        metresPerPixel = scale
        frame = PlanarRect(centre: data.centre, width: mapWidth * scale, height: mapHeight * scale)
        mapRect = PlanarRect(minX: Self.margin, minY: Self.titleHeight, maxX: Self.margin + mapWidth, maxY: Self.titleHeight + mapHeight)
        var credits = document.attribution
        credits.append("\(BaseMap.attribution). \(projection.explanation). Drawn by routemap with PROJ (\(projection.definition)).")
        self.credits = credits.flatMap { Self.wrapped($0, width: Int((mapWidth) / 6.2)) }
        height = mapRect.maxY + 12 + 15 * Double(self.credits.count) + 8
    }

    /// A projected point on the canvas.
    func screen(_ p: PlanarPoint) -> PlanarPoint {
        PlanarPoint(x: mapRect.minX + (p.x - frame.minX) / metresPerPixel, y: mapRect.minY + (frame.maxY - p.y) / metresPerPixel)
    }

    /// A position on the canvas; nil where the projection has no image.
    func screen(_ p: Position) -> PlanarPoint? {
        projection.project(p).map(screen)
    }

    /// A canvas point back in projected metres.
    func planar(_ s: PlanarPoint) -> PlanarPoint {
        PlanarPoint(x: frame.minX + (s.x - mapRect.minX) * metresPerPixel, y: frame.maxY - (s.y - mapRect.minY) * metresPerPixel)
    }

    /// A line on the canvas, cut at the seam and where the projection has no image, clipped to
    /// `clip` (pixels).
    func screenLines(_ line: [Position], clip: PlanarRect) -> [[PlanarPoint]] {
        projectedLines(line).flatMap { Clipping.line($0.map(screen), to: clip) }
    }

    /// A closed ring on the canvas as the pieces either side of the seam, clipped to `clip` (pixels);
    /// empty when it has a point without an image.
    func screenRings(_ ring: [Position], clip: PlanarRect) -> [[PlanarPoint]] {
        projectedRings(ring).compactMap { piece in
            let clipped = Clipping.ring(piece.map(screen), to: clip)
            return clipped.isEmpty ? nil : clipped
        }
    }

    /// A line in projected metres, cut at the seam and where the projection has no image.
    func projectedLines(_ line: [Position]) -> [[PlanarPoint]] {
        let runs = projection.seam.map { $0.line(line) } ?? [line]
        var out: [[PlanarPoint]] = []
        for run in runs {
            var current: [PlanarPoint] = []
            for p in run {
                if let q = projection.project(p) {
                    current.append(q)
                } else {
                    if current.count > 1 { out.append(current) }
                    current = []
                }
            }
            if current.count > 1 { out.append(current) }
        }
        return out
    }

    /// A closed ring in projected metres, as pieces either side of the seam; a piece with a
    /// point without an image is left out.
    func projectedRings(_ ring: [Position]) -> [[PlanarPoint]] {
        let pieces = projection.seam.map { $0.ring(ring) } ?? [ring]
        return pieces.compactMap { piece in
            let points = piece.compactMap(projection.project)
            return points.count == piece.count && points.count >= 4 ? points : nil
        }
    }

    /// Whether a base-map part can show on the map: its box is near the view and, in the
    /// azimuthal projection, does not hold the antipode (around which the projection tears).
    func mayShow(_ part: BaseMap.Part) -> Bool {
        if projection.kind == .azimuthalEquidistant, part.boxContains(projection.antipode) { return false }
        guard let view = viewBox else { return true }
        guard part.north >= view.south, part.south <= view.north else { return false }
        if view.west <= view.east {
            return part.east >= view.west && part.west <= view.east
        }
        return part.east >= view.west || part.west <= view.east
    }

    /// The map's extent in longitude and latitude, a degree wider on every side; nil when it
    /// takes in a pole or the map is a world map (then everything may show).
    private(set) lazy var viewBox: (west: Double, south: Double, east: Double, north: Double)? = {
        guard projection.kind == .azimuthalEquidistant else { return nil }
        for pole in [90.0, -90.0] {
            if let p = projection.project(Position(longitude: 0, latitude: pole)), frame.inset(by: frame.width * 0.05).contains(p) { return nil }
        }
        var samples: [Position] = []
        let steps = 100
        for i in 0...steps {
            let t = Double(i) / Double(steps)
            for point in [PlanarPoint(x: frame.minX + t * frame.width, y: frame.minY), PlanarPoint(x: frame.minX + t * frame.width, y: frame.maxY),
                          PlanarPoint(x: frame.minX, y: frame.minY + t * frame.height), PlanarPoint(x: frame.maxX, y: frame.minY + t * frame.height)] {
                if let p = projection.unproject(point) { samples.append(p) } else { return nil }
            }
        }
        let south = max(-90, samples.map(\.latitude).min()! - 1), north = min(90, samples.map(\.latitude).max()! + 1)
        // The shortest arc of longitude holding every sample: the complement of the widest gap.
        let longitudes = samples.map(\.longitude).sorted()
        var gap = (width: longitudes[0] + 360 - longitudes[longitudes.count - 1], west: longitudes[0], east: longitudes[longitudes.count - 1])
        for (a, b) in zip(longitudes, longitudes.dropFirst()) where b - a > gap.width { gap = (b - a, b, a) }
        guard gap.width > 2 else { return nil }
        return (SeamCut.wrapped(gap.west - 1), south, SeamCut.wrapped(gap.east + 1), north)
    }()

    /// Meridians and parallels at a round step for the map's extent (1° to 30°), as lines in
    /// longitude and latitude, each with its value.
    func graticule() -> (meridians: [(Double, [Position])], parallels: [(Double, [Position])]) {
        let view = viewBox
        let span = view.map { max($0.north - $0.south, ($0.east - $0.west + 360).truncatingRemainder(dividingBy: 360)) } ?? 180
        let step: Double = span <= 4 ? 1 : span <= 12 ? 2 : span <= 30 ? 5 : span <= 70 ? 10 : span <= 150 ? 20 : 30
        let south = view.map { max(-90, ($0.south / step).rounded(.down) * step) } ?? -90
        let north = view.map { min(90, ($0.north / step).rounded(.up) * step) } ?? 90
        var meridians: [(Double, [Position])] = []
        for longitude in stride(from: -180.0, to: 180, by: step) {
            if let view, view.west <= view.east, longitude < view.west - step || longitude > view.east + step { continue }
            if let view, view.west > view.east, longitude < view.west - step, longitude > view.east + step { continue }
            meridians.append((longitude, stride(from: south, through: north, by: min(0.25, step / 4)).map { Position(longitude: longitude, latitude: $0) }))
        }
        var parallels: [(Double, [Position])] = []
        for latitude in stride(from: max(-90 + step, south), through: min(90 - step, north), by: step) {
            parallels.append((latitude, stride(from: -180.0, through: 180, by: 0.25).map { Position(longitude: $0, latitude: latitude) }))
        }
        return (meridians, parallels)
    }

    /// `text` broken into lines of at most `width` characters, at spaces.
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
