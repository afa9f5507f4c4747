import Foundation
import Coordinates
import GeoJSON

/// Writes a document as KML 2.2 for Google Earth: a folder per layer, a style per route mode and
/// site kind, and balloons with each feature's facts, legs and quoted citations. Every property
/// is also kept as `ExtendedData` (arrays and objects as JSON text). Range rings are filled
/// without an outline and their true boundary is drawn as lines, so the edges cut at ±180° or
/// closed over a pole draw no seam.
public struct KMLWriter: MapWriter {
    /// A writer.
    public init() {}

    public func write(_ document: MapDocument) throws(MapWriterError) -> [UInt8] {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <kml xmlns="http://www.opengis.net/kml/2.2">
        <Document>
        <name>\(XMLText.escaped(document.title))</name>
        <description>\(XMLText.escaped(document.attribution.joined(separator: "\n")))</description>

        """
        out += Self.styles
        for layer in document.layers {
            out += "<Folder id=\"\(XMLText.escaped(layer.name))\">\n<name>\(XMLText.escaped(layer.title))</name>\n"
            for feature in layer.features { out += placemark(feature, layer: layer.name) }
            out += "</Folder>\n"
        }
        out += "</Document>\n</kml>\n"
        return Array(out.utf8)
    }

    /// The styles: routes by mode, sites by kind, range rings, places, claims and a default.
    static let styles: String = {
        var out = ""
        // KML colours are aabbggrr.
        for (mode, colour, width) in [("sea", "ffb4781f", 3), ("road", "ff1a61a6", 3), ("rail", "ff333333", 3), ("air", "ff94327b", 2), ("mixed", "ff555555", 3)] {
            out += "<Style id=\"route-\(mode)\"><LineStyle><color>\(colour)</color><width>\(width)</width></LineStyle></Style>\n"
        }
        for (kind, icon, colour) in [("factory", "square", "ff1c1ce3"), ("port", "ferry", "ffb4781f"), ("site", "placemark_circle", "ff1c1ce3")] {
            out += "<Style id=\"site-\(kind)\"><IconStyle><color>\(colour)</color><scale>1.1</scale><Icon><href>http://maps.google.com/mapfiles/kml/shapes/\(icon).png</href></Icon></IconStyle></Style>\n"
        }
        out += "<Style id=\"range\"><LineStyle><color>ff0c7ae6</color><width>2</width></LineStyle><PolyStyle><color>300c7ae6</color><outline>0</outline></PolyStyle></Style>\n"
        out += "<Style id=\"place\"><IconStyle><color>ff666666</color><scale>0.8</scale><Icon><href>http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href></Icon></IconStyle></Style>\n"
        out += "<Style id=\"claim\"><IconStyle><color>ff2c2cd6</color><Icon><href>http://maps.google.com/mapfiles/kml/shapes/caution.png</href></Icon></IconStyle><LineStyle><color>ff2c2cd6</color><width>2</width></LineStyle><PolyStyle><color>302c2cd6</color></PolyStyle></Style>\n"
        out += "<Style id=\"default\"><LineStyle><color>ff555555</color><width>2</width></LineStyle><PolyStyle><color>30555555</color></PolyStyle></Style>\n"
        return out
    }()

    private func style(_ feature: Feature, layer: String) -> String {
        switch layer {
        case "routes": "route-\(["sea", "road", "rail", "air"].contains(feature.string("mode") ?? "") ? feature.string("mode")! : "mixed")"
        case "sites": "site-\(["factory", "port"].contains(feature.string("kind") ?? "") ? feature.string("kind")! : "site")"
        case "ranges": "range"
        case "places": "place"
        case "claims": "claim"
        default: "default"
        }
    }

    private func placemark(_ feature: Feature, layer: String) -> String {
        let description = FeatureDescription(feature)
        var out = "<Placemark id=\"\(XMLText.escaped(feature.id ?? ""))\">\n"
        out += "<name>\(XMLText.escaped(description.name))</name>\n"
        out += "<styleUrl>#\(style(feature, layer: layer))</styleUrl>\n"
        out += "<description><![CDATA[\(description.html.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>"))]]></description>\n"
        out += "<ExtendedData>\n"
        for (key, value) in feature.properties {
            let text: String
            switch value {
            case .string(let s): text = s
            case .null: continue
            default: text = value.compact
            }
            out += "<Data name=\"\(XMLText.escaped(key))\"><value>\(XMLText.escaped(text))</value></Data>\n"
        }
        out += "</ExtendedData>\n"
        if let geometry = feature.geometry { out += kml(geometry, outlined: layer != "ranges") }
        return out + "</Placemark>\n"
    }

    private func kml(_ geometry: Geometry, outlined: Bool) -> String {
        switch geometry {
        case .point(let p): return "<Point><coordinates>\(coordinates([p]))</coordinates></Point>\n"
        case .lineString(let line): return lineString(line)
        case .multiLineString(let lines): return "<MultiGeometry>\n" + lines.map(lineString).joined() + "</MultiGeometry>\n"
        case .polygon(let rings): return outlined ? polygon(rings) : "<MultiGeometry>\n" + polygon(rings) + boundary([rings]) + "</MultiGeometry>\n"
        case .multiPolygon(let polygons):
            return "<MultiGeometry>\n" + polygons.map(polygon).joined() + (outlined ? "" : boundary(polygons)) + "</MultiGeometry>\n"
        }
    }

    /// The true boundary of polygons as lines, the cut edges left out.
    private func boundary(_ polygons: [[[Position]]]) -> String {
        polygons.flatMap { $0.flatMap(CutEdges.boundaryRuns) }.map(lineString).joined()
    }

    private func lineString(_ line: [Position]) -> String {
        "<LineString><tessellate>1</tessellate><coordinates>\(coordinates(line))</coordinates></LineString>\n"
    }

    private func polygon(_ rings: [[Position]]) -> String {
        var out = "<Polygon>"
        for (index, ring) in rings.enumerated() {
            let wound = Winding.wound(ring, counterclockwise: index == 0)
            let tag = index == 0 ? "outerBoundaryIs" : "innerBoundaryIs"
            out += "<\(tag)><LinearRing><coordinates>\(coordinates(wound))</coordinates></LinearRing></\(tag)>"
        }
        return out + "</Polygon>\n"
    }

    private func coordinates(_ positions: [Position]) -> String {
        positions.map { "\(Self.number($0.longitude)),\(Self.number($0.latitude))" }.joined(separator: " ")
    }

    /// A coordinate with 7 decimals (about 1 cm), trailing zeros dropped.
    static func number(_ x: Double) -> String {
        var text = fixed(x, 7)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
