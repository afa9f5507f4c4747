import Coordinates
import Foundation
import GeoJSON
import Geodesy
import MapWriters

/// Draws a document as a static SVG map to paste into a report: the features over an offline
/// base map (Natural Earth land, coasts and borders), in a projection chosen for their extent
/// (see `MapProjection`), with site symbols by kind, routes styled by mode and numbered, range
/// rings without seams, labels that do not collide, a graticule, a scale bar in km, a north
/// arrow, a legend, the report's name and the sources' credits. The same document gives the
/// same bytes.
public struct SVGMapWriter: MapWriter {
    /// The canvas width in pixels.
    public let width: Double

    /// A writer drawing on a canvas `width` pixels wide.
    public init(width: Double = 1200) {
        self.width = width
    }

    public func write(_ document: MapDocument) throws(MapWriterError) -> [UInt8] {
        var map = SVGMap(scene: try MapScene(document, width: width))
        return Array(map.render().utf8)
    }
}

/// One SVG drawing of a scene.
struct SVGMap {
    let scene: MapScene
    private var out = ""
    private var placer: LabelPlacer
    /// Where the data is on the canvas, sampled, for keeping the legend off it.
    private var dataPoints: [PlanarPoint] = []
    /// Labels to draw last, above everything.
    private var labels: [String] = []
    /// The boxes of the labels placed, for checking that none overlaps another.
    private(set) var placedLabels: [PlanarRect] = []

    init(scene: MapScene) {
        self.scene = scene
        placer = LabelPlacer(bounds: scene.mapRect.inset(by: -4))
    }

    /// The whole SVG text.
    mutating func render() -> String {
        let s = scene
        let w = SVGNumber.text(s.width), h = SVGNumber.text(s.height)
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" font-family=\"\(MapStyle.font)\">\n"
        out += "<title>\(XMLText.escaped(s.document.title))</title>\n"
        out += "<desc>\(XMLText.escaped(s.credits.joined(separator: " ")))</desc>\n"
        out += "<defs><clipPath id=\"map-clip\">\(rect(s.mapRect))</clipPath></defs>\n"
        out += "<rect width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        titleBlock()
        out += "<g id=\"map\" clip-path=\"url(#map-clip)\">\n"
        baseMap()
        let features = featureLayers()
        out += features
        out += "</g>\n"
        out += "<rect x=\"\(SVGNumber.text(s.mapRect.minX))\" y=\"\(SVGNumber.text(s.mapRect.minY))\" width=\"\(SVGNumber.text(s.mapRect.width))\" height=\"\(SVGNumber.text(s.mapRect.height))\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
        furniture()
        out += "<g id=\"labels\">\n" + labels.joined() + "</g>\n"
        credits()
        out += "</svg>\n"
        return out
    }

    // MARK: Title, credits

    private mutating func titleBlock() {
        let x = SVGNumber.text(MapScene.margin)
        let title = MapScene.wrapped(scene.document.title, width: Int((scene.width - 40) / 13)).first ?? ""
        // A right-to-left headline (Persian) is laid out right to left, still from the left margin: its final stop ends it on the left.
        let direction = MapStyle.isRightToLeft(title) ? " direction=\"rtl\" unicode-bidi=\"embed\" text-anchor=\"end\"" : ""
        out += "<text id=\"title\" x=\"\(x)\" y=\"36\"\(direction) font-size=\"22\" font-weight=\"bold\" fill=\"\(MapStyle.ink)\">\(XMLText.escaped(title))</text>\n"
        let layers = scene.document.layers.filter { !$0.features.isEmpty }.map { layer in
            let title = layer.title.lowercased()
            let singular = ["facility sites": "facility site", "supply routes": "supply route", "range rings": "range ring", "places named": "place named", "claims": "claim"][title] ?? title
            return "\(layer.features.count) \(layer.features.count == 1 ? singular : title)"
        }
        let subtitle = layers.isEmpty ? "No features to show" : layers.joined(separator: ", ")
        out += "<text id=\"subtitle\" x=\"\(x)\" y=\"60\" font-size=\"13\" fill=\"\(MapStyle.quietInk)\">\(XMLText.escaped(subtitle))</text>\n"
    }

    private mutating func credits() {
        out += "<g id=\"credits\" font-size=\"11\" fill=\"\(MapStyle.quietInk)\">\n"
        for (index, line) in scene.credits.enumerated() {
            out += "<text x=\"\(SVGNumber.text(MapScene.margin))\" y=\"\(SVGNumber.text(scene.mapRect.maxY + 18 + 15 * Double(index)))\">\(XMLText.escaped(line))</text>\n"
        }
        out += "</g>\n"
    }

    // MARK: Base map

    private mutating func baseMap() {
        let s = scene
        let clip = s.mapRect.inset(by: 6)
        let base = BaseMap.shared
        if s.projection.kind == .equalEarth {
            // The globe's outline: sea inside, white outside.
            var edge: [Position] = stride(from: -90.0, through: 90, by: 1).map { Position(longitude: s.projection.centre.longitude - 180, latitude: $0) }
            edge += stride(from: 90.0, through: -90, by: -1).map { Position(longitude: s.projection.centre.longitude + 180, latitude: $0) }
            let outline = edge.compactMap(s.screen)
            out += "<path id=\"sea\" d=\"\(path(rings: [Clipping.ring(outline + [outline[0]], to: clip)]))\" fill=\"\(MapStyle.sea)\"/>\n"
        } else {
            out += "<rect id=\"sea\" x=\"\(SVGNumber.text(s.mapRect.minX))\" y=\"\(SVGNumber.text(s.mapRect.minY))\" width=\"\(SVGNumber.text(s.mapRect.width))\" height=\"\(SVGNumber.text(s.mapRect.height))\" fill=\"\(MapStyle.sea)\"/>\n"
        }
        out += graticule(clip: clip)
        var land: [[PlanarPoint]] = []
        for polygon in base.land where s.mayShow(polygon[0]) {
            for ring in polygon { land += s.screenRings(ring.positions, clip: clip) }
        }
        out += "<path id=\"land\" d=\"\(path(rings: land))\" fill=\"\(MapStyle.land)\" fill-rule=\"evenodd\"/>\n"
        let borders = base.borders.filter(s.mayShow).flatMap { s.screenLines($0.positions, clip: clip) }
        out += "<path id=\"borders\" d=\"\(path(lines: borders))\" fill=\"none\" stroke=\"\(MapStyle.border)\" stroke-width=\"0.8\" stroke-dasharray=\"4 2\" stroke-linejoin=\"round\"/>\n"
        let coasts = base.coasts.filter(s.mayShow).flatMap { s.screenLines($0.positions, clip: clip) }
        out += "<path id=\"coasts\" d=\"\(path(lines: coasts))\" fill=\"none\" stroke=\"\(MapStyle.coast)\" stroke-width=\"0.9\" stroke-linejoin=\"round\"/>\n"
    }

    /// Meridians and parallels at a round step for the extent, labelled where they leave the map's left and bottom edges.
    private mutating func graticule(clip: PlanarRect) -> String {
        let s = scene
        var lines: [[PlanarPoint]] = []
        var tags: [String] = []
        let edge = s.mapRect
        let (meridians, parallels) = s.graticule()
        for (longitude, meridian) in meridians {
            for run in s.screenLines(meridian, clip: clip) {
                lines.append(run)
                for end in [run.first!, run.last!] where abs(end.y - clip.maxY) < 0.5 && end.x > edge.minX + 30 && end.x < edge.maxX - 30 {
                    let text = MapProjection.degrees(longitude, "E", "W").replacingOccurrences(of: ".00", with: "")
                    tags.append(graticuleLabel(text, x: end.x + 3, y: edge.maxY - 5, anchor: "start"))
                }
            }
        }
        for (latitude, parallel) in parallels {
            for run in s.screenLines(parallel, clip: clip) {
                lines.append(run)
                for end in [run.first!, run.last!] where abs(end.x - clip.minX) < 0.5 && end.y > edge.minY + 20 && end.y < edge.maxY - 20 {
                    let text = MapProjection.degrees(latitude, "N", "S").replacingOccurrences(of: ".00", with: "")
                    tags.append(graticuleLabel(text, x: edge.minX + 4, y: end.y - 3, anchor: "start"))
                }
            }
        }
        return "<path id=\"graticule\" d=\"\(path(lines: lines))\" fill=\"none\" stroke=\"\(MapStyle.graticule)\" stroke-width=\"0.7\"/>\n" + tags.joined()
    }

    private mutating func graticuleLabel(_ text: String, x: Double, y: Double, anchor: String) -> String {
        let width = LabelPlacer.width(of: text, fontSize: 10)
        placer.block(PlanarRect(minX: x - 1, minY: y - 9, maxX: x + width + 1, maxY: y + 3))
        return "<text x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(y))\" font-size=\"10\" fill=\"#5f7f99\" text-anchor=\"\(anchor)\">\(XMLText.escaped(text))</text>\n"
    }

    // MARK: Features

    /// Every layer's features, drawn bottom to top: polygons, lines, points; labels queued.
    private mutating func featureLayers() -> String {
        var polygons = "", lines = "", points = ""
        let clip = scene.mapRect.inset(by: 20)
        var routeNumber = 0
        var badges: [(Int, PlanarPoint, MapStyle.Line)] = []
        var pointLabels: [(String, PlanarPoint, Double, String, Int)] = []  // text, anchor, radius, colour, priority
        var ringLabels: [(String, [[PlanarPoint]])] = []
        for layer in scene.document.layers {
            for feature in layer.features {
                guard let geometry = feature.geometry else { continue }
                let attributes = "data-feature-id=\"\(XMLText.escaped(feature.id ?? ""))\" data-layer=\"\(XMLText.escaped(layer.name))\""
                switch geometry {
                case .point(let p):
                    guard let at = scene.screen(p), scene.mapRect.inset(by: 10).contains(at) else { continue }
                    dataPoints.append(at)
                    let (svg, radius, colour, priority) = symbol(for: feature, layer: layer.name)
                    points += "<g class=\"feature \(layer.name)\" \(attributes) transform=\"translate(\(SVGNumber.text(at.x)),\(SVGNumber.text(at.y)))\">\(svg)</g>\n"
                    placer.block(PlanarRect(centre: at, width: 2 * radius + 2, height: 2 * radius + 2))
                    if let name = feature.string("name") ?? feature.id { pointLabels.append((name, at, radius, colour, priority)) }
                case .lineString, .multiLineString:
                    let parts: [[Position]] = { if case .lineString(let l) = geometry { return [l] }; if case .multiLineString(let ls) = geometry { return ls }; return [] }()
                    let runs = parts.flatMap { scene.screenLines($0, clip: clip) }
                    guard !runs.isEmpty else { continue }
                    dataPoints += runs.flatMap { $0 }
                    let style = layer.name == "routes" ? MapStyle.route(mode: feature.string("mode"))
                        : MapStyle.Line(colour: layer.name == "claims" ? MapStyle.claimColour : MapStyle.otherColour, width: 2, dashes: "6 3", label: layer.title)
                    lines += "<g class=\"feature \(layer.name)\" \(attributes)>"
                    lines += "<path d=\"\(path(lines: runs))\" fill=\"none\" stroke=\"#ffffff\" stroke-opacity=\"0.85\" stroke-width=\"\(SVGNumber.text(style.width + 3))\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>"
                    lines += "<path d=\"\(path(lines: runs))\" fill=\"none\" stroke=\"\(style.colour)\" stroke-width=\"\(SVGNumber.text(style.width))\"\(style.dashes.map { " stroke-dasharray=\"\($0)\"" } ?? "") stroke-linecap=\"round\" stroke-linejoin=\"round\"/>"
                    if layer.name == "routes", let last = runs.last { lines += arrowhead(last, colour: style.colour) }
                    lines += "</g>\n"
                    if layer.name == "routes" {
                        routeNumber += 1
                        badges.append((routeNumber, Self.midpoint(runs), style))
                    }
                case .polygon, .multiPolygon:
                    let polygonsRings: [[[Position]]] = { if case .polygon(let r) = geometry { return [r] }; if case .multiPolygon(let ps) = geometry { return ps }; return [] }()
                    let fills = polygonsRings.flatMap { $0.flatMap { scene.screenRings($0, clip: clip) } }
                    let outline = polygonsRings.flatMap { $0.flatMap(CutEdges.boundaryRuns) }.flatMap { scene.screenLines($0, clip: clip) }
                    guard !fills.isEmpty || !outline.isEmpty else { continue }
                    dataPoints += outline.flatMap { run in stride(from: 0, to: run.count, by: 8).map { run[$0] } }
                    let colour = layer.name == "ranges" ? MapStyle.rangeColour : layer.name == "claims" ? MapStyle.claimColour : MapStyle.otherColour
                    polygons += "<g class=\"feature \(layer.name)\" \(attributes)>"
                    polygons += "<path d=\"\(path(rings: fills))\" fill=\"\(colour)\" fill-opacity=\"0.07\" fill-rule=\"evenodd\" stroke=\"none\"/>"
                    polygons += "<path d=\"\(path(lines: outline))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.6\" stroke-dasharray=\"7 4\" stroke-linejoin=\"round\"/>"
                    polygons += "</g>\n"
                    let text = feature.string("radius").map { radius in feature.string("centre_name").map { "\(radius) from \($0)" } ?? radius } ?? feature.string("name") ?? feature.id ?? ""
                    ringLabels.append((text, outline))
                }
            }
        }
        // Route numbers first (they sit on their lines), then site, place and ring labels by priority.
        var badgeSVG = ""
        for (number, at, style) in badges {
            placer.block(PlanarRect(centre: at, width: 22, height: 22))
            badgeSVG += "<g class=\"route-number\" transform=\"translate(\(SVGNumber.text(at.x)),\(SVGNumber.text(at.y)))\"><circle r=\"10\" fill=\"#ffffff\" stroke=\"\(style.colour)\" stroke-width=\"2\"/><text y=\"4.5\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"\(style.colour)\">\(number)</text></g>\n"
        }
        legend(routeBadges: badges)
        for (text, at, radius, colour, _) in pointLabels.sorted(by: { $0.4 < $1.4 }) {
            let size = 13.0
            guard let placed = placer.place(text, fontSize: size, near: at, radius: radius) else { continue }
            placedLabels.append(placed.box)
            labels.append(labelSVG(text, placed, size: size, colour: colour, bold: colour != MapStyle.placeColour))
        }
        for (text, outline) in ringLabels {
            let points = outline.flatMap { $0 }.filter { scene.mapRect.inset(by: -30).contains($0) }
            guard let top = points.min(by: { $0.y < $1.y }), let bottom = points.max(by: { $0.y < $1.y }),
                  let west = points.min(by: { $0.x < $1.x }), let east = points.max(by: { $0.x < $1.x }) else { continue }
            let candidates = [(top.x, top.y - 5, "middle"), (top.x, top.y + 15, "middle"), (bottom.x, bottom.y - 6, "middle"), (bottom.x, bottom.y + 15, "middle"),
                              (west.x + 4, west.y - 4, "start"), (east.x - 4, east.y - 4, "end"), (west.x - 4, west.y - 4, "end"), (east.x + 4, east.y - 4, "start")]
            guard let placed = placer.place(text, fontSize: 12, at: candidates) else { continue }
            placedLabels.append(placed.box)
            labels.append(labelSVG(text, placed, size: 12, colour: MapStyle.rangeText, bold: false))
        }
        return "<g id=\"layer-polygons\">\n" + polygons + "</g>\n<g id=\"layer-lines\">\n" + lines + "</g>\n<g id=\"layer-points\">\n" + points + "</g>\n" + badgeSVG
    }

    private func labelSVG(_ text: String, _ placed: LabelPlacer.Placement, size: Double, colour: String, bold: Bool) -> String {
        var svg = ""
        if let end = placed.leader, let from = placed.from {
            svg += "<path d=\"M\(pair(from)) L\(pair(end))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"0.8\"/>"
        }
        svg += "<text x=\"\(SVGNumber.text(placed.x))\" y=\"\(SVGNumber.text(placed.y))\" font-size=\"\(SVGNumber.text(size))\"\(bold ? " font-weight=\"bold\"" : "") text-anchor=\"\(placed.anchor)\" fill=\"\(colour)\" stroke=\"#ffffff\" stroke-width=\"3.5\" stroke-opacity=\"0.9\" stroke-linejoin=\"round\" paint-order=\"stroke\">\(XMLText.escaped(text))</text>\n"
        return svg
    }

    /// A point feature's symbol, its radius, label colour and label priority (lower first).
    private func symbol(for feature: Feature, layer: String) -> (String, Double, String, Int) {
        switch layer {
        case "sites":
            let (symbol, colour) = MapStyle.site(kind: feature.string("kind"))
            return (symbol.svg(fill: colour), 8, MapStyle.ink, 0)
        case "places":
            return ("<circle r=\"3.5\" fill=\"\(MapStyle.placeColour)\" stroke=\"#ffffff\" stroke-width=\"1.2\"/>", 4, MapStyle.placeColour, 2)
        case "claims":
            return (MapStyle.Symbol.diamond.svg(fill: MapStyle.claimColour, size: 10), 7, MapStyle.claimColour, 1)
        default:
            return (MapStyle.Symbol.hexagon.svg(fill: MapStyle.otherColour, size: 10), 6, MapStyle.ink, 3)
        }
    }

    /// A filled arrowhead at the end of a drawn line, pointing along its last 12 pixels.
    private func arrowhead(_ run: [PlanarPoint], colour: String) -> String {
        guard let end = run.last else { return "" }
        // The tip stops short of the end, where the destination's symbol stands.
        var tip = end, back = end
        for p in run.reversed() where hypot(p.x - end.x, p.y - end.y) >= 9 {
            tip = p
            break
        }
        for p in run.reversed() where hypot(p.x - tip.x, p.y - tip.y) >= 12 && hypot(p.x - end.x, p.y - end.y) > hypot(tip.x - end.x, tip.y - end.y) {
            back = p
            break
        }
        let length = hypot(tip.x - back.x, tip.y - back.y)
        guard length > 0 else { return "" }
        let (ux, uy) = ((tip.x - back.x) / length, (tip.y - back.y) / length)
        let base = PlanarPoint(x: tip.x - 13 * ux, y: tip.y - 13 * uy)
        let left = PlanarPoint(x: base.x - 6 * uy, y: base.y + 6 * ux), right = PlanarPoint(x: base.x + 6 * uy, y: base.y - 6 * ux)
        return "<path d=\"M\(pair(tip)) L\(pair(left)) L\(pair(right))Z\" fill=\"\(colour)\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
    }

    /// The point halfway along a set of runs.
    static func midpoint(_ runs: [[PlanarPoint]]) -> PlanarPoint {
        let total = runs.reduce(0) { sum, run in sum + zip(run, run.dropFirst()).reduce(0) { $0 + hypot($1.1.x - $1.0.x, $1.1.y - $1.0.y) } }
        var remaining = total / 2
        for run in runs {
            for (a, b) in zip(run, run.dropFirst()) {
                let d = hypot(b.x - a.x, b.y - a.y)
                if d >= remaining, d > 0 {
                    let t = remaining / d
                    return PlanarPoint(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y))
                }
                remaining -= d
            }
        }
        return runs.first?.first ?? PlanarPoint(x: 0, y: 0)
    }

    // MARK: Legend, scale bar, north arrow

    /// Which corners the legend took, so the scale bar and north arrow go elsewhere.
    private var legendCorner = (bottom: true, left: true)

    private mutating func legend(routeBadges: [(Int, PlanarPoint, MapStyle.Line)]) {
        var rows: [(icon: String, text: [String])] = []
        let wrap = 44
        var kinds: [String] = []
        var hasPlaces = false, hasClaims = false, hasRanges = false
        for layer in scene.document.layers {
            for feature in layer.features where feature.geometry != nil {
                switch layer.name {
                case "sites":
                    let kind = feature.string("kind") ?? "site"
                    if !kinds.contains(kind) { kinds.append(kind) }
                case "places": hasPlaces = true
                case "claims": hasClaims = true
                case "ranges": hasRanges = true
                default: break
                }
            }
        }
        for kind in kinds {
            let (symbol, colour) = MapStyle.site(kind: kind)
            rows.append((symbol.svg(fill: colour, size: 11), [kind.prefix(1).uppercased() + kind.dropFirst()]))
        }
        let routes = scene.document.layers.filter { $0.name == "routes" }.flatMap { $0.features.filter { $0.geometry != nil } }
        for ((number, _, style), route) in zip(routeBadges, routes) {
            let distance = route.number("total_km").map { " — \(Self.grouped($0)) km \(style.label)" } ?? " — \(style.label)"
            let icon = "<path d=\"M-14,0 L2,0\" stroke=\"\(style.colour)\" stroke-width=\"\(SVGNumber.text(style.width))\"\(style.dashes.map { " stroke-dasharray=\"\($0)\"" } ?? "")/><circle cx=\"8\" r=\"7\" fill=\"#ffffff\" stroke=\"\(style.colour)\" stroke-width=\"1.6\"/><text x=\"8\" y=\"3.5\" font-size=\"9\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"\(style.colour)\">\(number)</text>"
            rows.append((icon, MapScene.wrapped((route.string("name") ?? route.id ?? "route") + distance, width: wrap)))
        }
        if hasRanges {
            rows.append(("<rect x=\"-8\" y=\"-6\" width=\"16\" height=\"12\" fill=\"\(MapStyle.rangeColour)\" fill-opacity=\"0.12\" stroke=\"\(MapStyle.rangeColour)\" stroke-width=\"1.4\" stroke-dasharray=\"4 2\"/>",
                         MapScene.wrapped("Range ring: every point within a distance a report gives", width: wrap)))
        }
        if hasPlaces { rows.append(("<circle r=\"3.5\" fill=\"\(MapStyle.placeColour)\"/>", ["Place the report names"])) }
        if hasClaims { rows.append((MapStyle.Symbol.diamond.svg(fill: MapStyle.claimColour, size: 9), ["Claim"])) }
        guard !rows.isEmpty else { return }
        let lineHeight = 15.0, padding = 10.0
        let textWidth = rows.flatMap(\.text).map { LabelPlacer.width(of: $0, fontSize: 12) }.max() ?? 0
        let boxWidth = min(scene.mapRect.width / 2, textWidth + 48 + 2 * padding)
        let boxHeight = 20 + padding + rows.reduce(0) { $0 + max(20, lineHeight * Double($1.text.count) + 5) } + padding - 4
        let m = scene.mapRect, inset = 10.0
        // The corner that hides the least data: bottom left, bottom right, top left, top right.
        let corners: [(Bool, Bool)] = [(true, true), (true, false), (false, true), (false, false)]
        let boxes = corners.map { bottom, left in
            PlanarRect(minX: left ? m.minX + inset : m.maxX - inset - boxWidth, minY: bottom ? m.maxY - inset - boxHeight : m.minY + inset,
                       maxX: left ? m.minX + inset + boxWidth : m.maxX - inset, maxY: bottom ? m.maxY - inset : m.minY + inset + boxHeight)
        }
        let hidden = boxes.map { box in dataPoints.filter { box.inset(by: 12).contains($0) }.count }
        let best = hidden.indices.min { (hidden[$0], $0) < (hidden[$1], $1) }!
        let box = boxes[best]
        legendCorner = corners[best]
        placer.block(box)
        var svg = "<g id=\"legend\" font-size=\"12\" fill=\"\(MapStyle.ink)\">\(rectSVG(box, fill: "#ffffff", opacity: 0.92))"
        svg += "<text x=\"\(SVGNumber.text(box.minX + padding))\" y=\"\(SVGNumber.text(box.minY + padding + 11))\" font-size=\"13\" font-weight=\"bold\">Legend</text>"
        var y = box.minY + padding + 20
        for row in rows {
            let rowHeight = max(20, lineHeight * Double(row.text.count) + 5)
            svg += "<g transform=\"translate(\(SVGNumber.text(box.minX + padding + 16)),\(SVGNumber.text(y + 10)))\">\(row.icon)</g>"
            for (i, line) in row.text.enumerated() {
                svg += "<text x=\"\(SVGNumber.text(box.minX + padding + 40))\" y=\"\(SVGNumber.text(y + 14 + lineHeight * Double(i)))\">\(XMLText.escaped(line))</text>"
            }
            y += rowHeight
        }
        labels.append(svg + "</g>\n")
    }

    private mutating func furniture() {
        let m = scene.mapRect
        // Scale bar: true at the map's centre, east-west, from the projection itself.
        let centre = scene.projection.unproject(scene.planar(m.centre)) ?? scene.projection.centre
        let c = Coordinate(uncheckedLatitude: centre.latitude, longitude: centre.longitude)
        let east = Geodesic.wgs84.direct(from: c, azimuth: 90, distance: 100_000).end
        var svg = ""
        if let a = scene.screen(centre), let b = scene.screen(Position(longitude: east.longitude, latitude: east.latitude)), hypot(b.x - a.x, b.y - a.y) > 0 {
            let pixelsPerKm = hypot(b.x - a.x, b.y - a.y) / 100
            let target = 200 / pixelsPerKm
            var unit = 1.0
            while unit * 10 <= target { unit *= 10 }
            let km = [5, 2, 1].map { Double($0) * unit }.first { $0 <= target } ?? unit
            let length = km * pixelsPerKm
            let note = scene.projection.kind == .azimuthalEquidistant ? "true along lines from the centre" : "true at the map's centre"
            let boxWidth = max(length + 16 + LabelPlacer.width(of: "\(Self.grouped(km)) km", fontSize: 11) / 2, LabelPlacer.width(of: note, fontSize: 9)) + 16
            let left = legendCorner.bottom && legendCorner.left ? m.maxX - 10 - boxWidth + 8 : m.minX + 18
            let y = m.maxY - 28
            svg += "<g id=\"scale-bar\" font-size=\"11\" fill=\"\(MapStyle.ink)\">"
            svg += rectSVG(PlanarRect(minX: left - 8, minY: y - 16, maxX: left - 8 + boxWidth, maxY: y + 20), fill: "#ffffff", opacity: 0.8)
            for i in 0..<4 {
                let x = left + length * Double(i) / 4
                svg += "<rect x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(y))\" width=\"\(SVGNumber.text(length / 4))\" height=\"5\" fill=\"\(i % 2 == 0 ? "#333333" : "#ffffff")\" stroke=\"#333333\" stroke-width=\"0.8\"/>"
            }
            let ticks: [(Double, String)] = [(0, "0"), (0.5, Self.grouped(km / 2)), (1, "\(Self.grouped(km)) km")]
            for (fraction, text) in ticks {
                svg += "<text x=\"\(SVGNumber.text(left + length * fraction))\" y=\"\(SVGNumber.text(y - 4))\" text-anchor=\"middle\">\(text)</text>"
            }
            svg += "<text x=\"\(SVGNumber.text(left))\" y=\"\(SVGNumber.text(y + 16))\" font-size=\"9\" fill=\"\(MapStyle.quietInk)\">\(note)</text></g>\n"
        }
        // North arrow: towards true north at the map's centre (a corner may lie off the globe,
        // where a direction means nothing; both projections put north straight up at the centre).
        let anchor = PlanarPoint(x: legendCorner.left || legendCorner.bottom ? m.maxX - 34 : m.minX + 34, y: m.minY + 40)
        let middle = PlanarPoint(x: (m.minX + m.maxX) / 2, y: (m.minY + m.maxY) / 2)
        if let here = scene.projection.unproject(scene.planar(middle)) {
            let north = Geodesic.wgs84.direct(from: Coordinate(uncheckedLatitude: min(89.9, here.latitude), longitude: here.longitude), azimuth: 0, distance: 50_000).end
            if let a = scene.screen(here), let b = scene.screen(Position(longitude: north.longitude, latitude: north.latitude)) {
                let angle = atan2(b.x - a.x, a.y - b.y) * 180 / .pi
                svg += "<g id=\"north-arrow\" transform=\"translate(\(SVGNumber.text(anchor.x)),\(SVGNumber.text(anchor.y)))\">"
                svg += "<circle r=\"20\" fill=\"#ffffff\" fill-opacity=\"0.8\"/>"
                svg += "<g transform=\"rotate(\(SVGNumber.text(angle)))\"><path d=\"M0,-16 L6,6 L0,2 L-6,6Z\" fill=\"#333333\"/></g>"
                svg += "<text y=\"17\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#333333\">N</text></g>\n"
            }
        }
        out += svg
    }

    // MARK: SVG text

    private func rect(_ r: PlanarRect) -> String {
        "<rect x=\"\(SVGNumber.text(r.minX))\" y=\"\(SVGNumber.text(r.minY))\" width=\"\(SVGNumber.text(r.width))\" height=\"\(SVGNumber.text(r.height))\"/>"
    }

    private func rectSVG(_ r: PlanarRect, fill: String, opacity: Double) -> String {
        "<rect x=\"\(SVGNumber.text(r.minX))\" y=\"\(SVGNumber.text(r.minY))\" width=\"\(SVGNumber.text(r.width))\" height=\"\(SVGNumber.text(r.height))\" rx=\"3\" fill=\"\(fill)\" fill-opacity=\"\(opacity)\" stroke=\"#999999\" stroke-width=\"0.6\"/>"
    }

    private func pair(_ p: PlanarPoint) -> String { "\(SVGNumber.text(p.x)),\(SVGNumber.text(p.y))" }

    /// Closed rings as SVG path data.
    func path(rings: [[PlanarPoint]]) -> String {
        var d = ""
        for ring in rings where ring.count >= 3 {
            d += "M" + compacted(ring).map(pair).joined(separator: " ") + "Z"
        }
        return d
    }

    /// Open lines as SVG path data.
    func path(lines: [[PlanarPoint]]) -> String {
        var d = ""
        for line in lines where line.count >= 2 {
            let points = compacted(line)
            if points.count >= 2 { d += "M" + points.map(pair).joined(separator: " ") }
        }
        return d
    }

    /// The points without those that round to the same 0.1 px as the one before.
    private func compacted(_ points: [PlanarPoint]) -> [PlanarPoint] {
        var out: [PlanarPoint] = []
        var last = ""
        for p in points {
            let text = pair(p)
            if text != last { out.append(p) }
            last = text
        }
        return out
    }

    /// A whole number with thousands grouped: 1,448.
    static func grouped(_ value: Double) -> String {
        let digits = String(Int64(value.rounded()))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0, c != "-" { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
