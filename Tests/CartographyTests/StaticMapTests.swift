import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GeoJSON
import MapWriters
import Testing
@testable import Cartography

/// The coordinates of an SVG path's subpaths ("M x,y x,y … M …").
func subpaths(_ d: String) -> [[(Double, Double)]] {
    d.split(separator: "M").map { part in
        part.replacingOccurrences(of: "Z", with: "").replacingOccurrences(of: "L", with: " ").split(separator: " ").compactMap { pair in
            let xy = pair.split(separator: ",").compactMap { Double($0) }
            return xy.count == 2 ? (xy[0], xy[1]) : nil
        }
    }.filter { !$0.isEmpty }
}

/// The `d` of the paths inside the element with `data-feature-id="id"`.
func paths(of id: String, in svg: String) -> [String] {
    guard let start = svg.range(of: "data-feature-id=\"\(id)\"") else { return [] }
    let element = svg[start.upperBound...].prefix { $0 != "\n" }
    return element.components(separatedBy: " d=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
}

@Suite("static maps: SVG read by an XML parser and librsvg, PNG decoded and looked at")
struct StaticMapTests {
    static let seedsSVG = String(decoding: try! SVGMapWriter().write(Samples.seeds), as: UTF8.self)

    @Test("the SVG is well-formed XML, holds every feature, and rsvg-convert draws it")
    func wellFormed() throws {
        let parser = XMLParser(data: Data(Self.seedsSVG.utf8))
        #expect(parser.parse(), "XML error: \(String(describing: parser.parserError))")
        for feature in Samples.seeds.allFeatures {
            #expect(Self.seedsSVG.contains("data-feature-id=\"\(feature.id!)\""), "no \(feature.id!)")
        }
        for part in ["id=\"land\"", "id=\"coasts\"", "id=\"borders\"", "id=\"graticule\"", "id=\"legend\"", "id=\"scale-bar\"", "id=\"north-arrow\"", "Natural Earth", "Iranian drones for Russia"] {
            #expect(Self.seedsSVG.contains(part), "no \(part)")
        }
        let r = try run("rsvg-convert", ["--format", "png"], stdin: Array(Self.seedsSVG.utf8))
        #expect(r.status == 0, "rsvg-convert: \(r.stderr)")
    }

    @Test("the same document draws the same bytes")
    func deterministic() throws {
        #expect(try SVGMapWriter().write(Samples.seeds) == SVGMapWriter().write(Samples.seeds))
        #expect(try SVGMapWriter().write(Samples.pacific) == SVGMapWriter().write(Samples.pacific))
    }

    @Test("the projection suits the extent: azimuthal equidistant for a region, Equal Earth for the world")
    func projection() throws {
        #expect(Self.seedsSVG.contains("+proj=aeqd"))
        let world = String(decoding: try SVGMapWriter().write(Samples.world), as: UTF8.self)
        #expect(world.contains("+proj=eqearth"))
        let pacific = try MapScene(Samples.pacific)
        #expect(pacific.projection.kind == .azimuthalEquidistant)
        #expect(abs(abs(pacific.projection.centre.longitude) - 180) < 10, "centred on the data, near ±180°")
    }

    @Test("labels do not overlap one another")
    func labels() throws {
        for document in [Samples.seeds, Samples.pacific, Samples.polar] {
            let svg = String(decoding: try SVGMapWriter().write(document), as: UTF8.self)
            let scene = try MapScene(document)
            var map = SVGMap(scene: scene)
            _ = map.render()
            let boxes = map.placedLabels
            for (i, a) in boxes.enumerated() {
                for b in boxes[(i + 1)...] { #expect(!a.intersects(b), "\(document.title): \(a) overlaps \(b)") }
            }
            #expect(boxes.count >= document.layers.first { $0.name == "sites" }!.features.count, "every site is labelled in \(document.title)")
            #expect(!svg.isEmpty)
        }
    }

    // A ring cut at ±180° or closed over a pole must not draw its cut edges: its outline is the
    // circle alone, so no stroked step is longer than a few pixels (a cut edge would be hundreds).
    @Test("rings across ±180° and around a pole have no seam; a route across ±180° is unbroken", arguments: ["bering-ring", "polar-ring"])
    func noSeams(id: String) throws {
        let document = id == "bering-ring" ? Samples.pacific : Samples.polar
        let svg = String(decoding: try SVGMapWriter().write(document), as: UTF8.self)
        let drawn = paths(of: id, in: svg)
        #expect(drawn.count == 2, "a fill and an outline")
        let outline = subpaths(drawn[1])
        #expect(!outline.isEmpty)
        let longest = outline.flatMap { zip($0, $0.dropFirst()).map { hypot($1.0 - $0.0, $1.1 - $0.1) } }.max() ?? 0
        #expect(longest < 15, "longest stroked step \(longest) px")
        // The outline's runs join end to end into one closed loop.
        let ends = outline.flatMap { [$0.first!, $0.last!] }
        for end in ends {
            #expect(ends.filter { hypot($0.0 - end.0, $0.1 - end.1) < 0.5 }.count >= 2, "an open end at \(end)")
        }
        let route = subpaths(paths(of: document.layers[1].features[0].id!, in: svg)[1])
        for (a, b) in zip(route, route.dropFirst()) {
            #expect(hypot(a.last!.0 - b.first!.0, a.last!.1 - b.first!.1) < 0.5, "the route is broken")
        }
    }

    @Test("the PNG is the map rasterised by rsvg-convert: 2400 px wide, not blank, the factory red where the SVG puts it")
    func png() throws {
        let file = try temporaryFile(try PNGMapWriter().write(Samples.seeds), extension: "png")
        let image = try DecodedPNG(file: file)
        #expect(image.width == 2400)
        #expect(image.colourCount > 200, "a blank or flat image")
        // The factory's symbol: its translate() in the SVG, doubled.
        let marker = try #require(Self.seedsSVG.range(of: "data-feature-id=\"alabuga-drone-factory\" data-layer=\"sites\" transform=\"translate("))
        let numbers = Self.seedsSVG[marker.upperBound...].prefix { $0 != ")" }.split(separator: ",").compactMap { Double($0) }
        let (r, g, b) = image.rgb(Int(numbers[0] * 2), Int(numbers[1] * 2))
        #expect(abs(r - 0xc6) + abs(g - 0x28) + abs(b - 0x28) < 30, "pixel (\(r), \(g), \(b)) is not the factory's red")
        #expect(image.count(near: (0x17, 0x64, 0xab)) > 200, "the sea route's blue is drawn")
    }

    @Test("a Persian headline is laid out right to left from the left margin; an English one left to right")
    func rightToLeftTitle() throws {
        let persian = MapDocument(title: "نخستین قطار باری از روسیه به ایران رسید.", layers: Samples.world.layers)
        let svg = String(decoding: try SVGMapWriter().write(persian), as: UTF8.self)
        let title = try #require(svg.components(separatedBy: "\n").first { $0.contains("id=\"title\"") })
        #expect(title.contains("direction=\"rtl\"") && title.contains("text-anchor=\"end\""), "\(title)")
        #expect(!Self.seedsSVG.components(separatedBy: "\n").contains { $0.contains("id=\"title\"") && $0.contains("rtl") })
        // Drawn by librsvg: the title's ink starts at the margin (20 px, 40 in the 2× PNG), none of it cut off at the left edge.
        let image = try DecodedPNG(file: try temporaryFile(try PNGMapWriter().write(persian), extension: "png"))
        let band = 30..<90
        let inkColumns = (0..<image.width).filter { x in band.contains { y in let (r, g, b) = image.rgb(x, y); return r + g + b < 200 } }
        let first = try #require(inkColumns.first, "no title drawn")
        #expect((36...60).contains(first), "the title's ink starts at x = \(first)")
    }
}
