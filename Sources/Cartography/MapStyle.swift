import Foundation
import GeoJSON
import MapWriters

/// How features look: routes by mode, sites by kind, and the other layers, on the static and the
/// interactive map alike.
enum MapStyle {
    /// The stroke of a route's line.
    struct Line: Sendable {
        let colour: String
        let width: Double
        /// SVG `stroke-dasharray`, nil for a solid line.
        let dashes: String?
        /// What the legend calls it.
        let label: String
    }

    /// A route's line by its `mode`.
    static func route(mode: String?) -> Line {
        switch mode {
        case "sea": Line(colour: "#1764ab", width: 3, dashes: nil, label: "by sea")
        case "road": Line(colour: "#a6611a", width: 3, dashes: nil, label: "by road")
        case "rail": Line(colour: "#252525", width: 3, dashes: "9 4", label: "by rail")
        case "air": Line(colour: "#7b3294", width: 2.5, dashes: "2 5", label: "by air")
        case "river": Line(colour: "#2c7fb8", width: 3, dashes: "6 3", label: "by river")
        case nil, "unknown": Line(colour: "#4d4d4d", width: 3, dashes: "10 4 2 4", label: "(mode not stated)")
        default: Line(colour: "#4d4d4d", width: 3, dashes: "10 4 2 4", label: mode.map { "by \($0)" } ?? "route")
        }
    }

    /// A site's symbol by its `kind`.
    enum Symbol: String, Sendable {
        case square, circle, triangle, diamond, hexagon

        /// The symbol as SVG centred on (0, 0), `size` pixels across.
        func svg(fill: String, size: Double = 13) -> String {
            let r = size / 2
            let outline = "fill=\"\(fill)\" stroke=\"#ffffff\" stroke-width=\"1.6\""
            switch self {
            case .square: return "<rect x=\"\(SVGNumber.text(-r))\" y=\"\(SVGNumber.text(-r))\" width=\"\(SVGNumber.text(size))\" height=\"\(SVGNumber.text(size))\" \(outline)/>"
            case .circle: return "<circle r=\"\(SVGNumber.text(r + 0.5))\" \(outline)/><circle r=\"\(SVGNumber.text(r / 3))\" fill=\"#ffffff\"/>"
            case .triangle: return "<path d=\"M0,\(SVGNumber.text(-r - 1.5)) L\(SVGNumber.text(r + 1)),\(SVGNumber.text(r)) L\(SVGNumber.text(-r - 1)),\(SVGNumber.text(r))Z\" \(outline)/>"
            case .diamond: return "<path d=\"M0,\(SVGNumber.text(-r - 1.5)) L\(SVGNumber.text(r + 1.5)),0 L0,\(SVGNumber.text(r + 1.5)) L\(SVGNumber.text(-r - 1.5)),0Z\" \(outline)/>"
            case .hexagon:
                let points = (0..<6).map { i -> String in
                    let a = Double(i) * Double.pi / 3
                    return "\(SVGNumber.text((r + 1) * cos(a))),\(SVGNumber.text((r + 1) * sin(a)))"
                }
                return "<path d=\"M\(points.joined(separator: " "))Z\" \(outline)/>"
            }
        }
    }

    /// A site kind's symbol and colour.
    static func site(kind: String?) -> (symbol: Symbol, colour: String) {
        let kind = (kind ?? "").lowercased()
        if ["factory", "plant", "works", "refinery", "facility", "assembly", "production"].contains(where: kind.contains) { return (.square, "#c62828") }
        if ["port", "harbour", "harbor", "terminal", "shipyard", "dock"].contains(where: kind.contains) { return (.circle, "#1764ab") }
        if ["air", "airport", "airbase", "airfield"].contains(where: kind.contains) { return (.triangle, "#7b3294") }
        if ["depot", "warehouse", "storage", "base", "hub", "arsenal"].contains(where: kind.contains) { return (.diamond, "#b35806") }
        return (.hexagon, "#37474f")
    }

    static let rangeColour = "#d95f0e"
    static let rangeText = "#8c3a06"
    static let placeColour = "#525252"
    static let claimColour = "#cb181d"
    static let otherColour = "#4d4d4d"

    static let sea = "#d6e6f2"
    static let land = "#f4f1ea"
    static let coast = "#7ea6c7"
    static let border = "#a39e93"
    static let graticule = "#bfd3e3"
    static let ink = "#1a1a1a"
    static let quietInk = "#555555"
    static let font = "DejaVu Sans, Verdana, Arial, sans-serif"

    /// True when the text's first letter is of a script written right to left (Hebrew, Arabic, Persian).
    static func isRightToLeft(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v) { return true }
            if scalar.properties.isAlphabetic { return false }
        }
        return false
    }
}

/// Numbers and text as SVG writes them: coordinates to 0.1 px, deterministic.
enum SVGNumber {
    /// `x` to one decimal, trailing `.0` dropped.
    static func text(_ x: Double) -> String {
        let scaled = (x * 10).rounded()
        let value = scaled == 0 ? 0 : scaled
        let whole = Int64(value) / 10, tenth = abs(Int64(value) % 10)
        let sign = value < 0 && whole == 0 ? "-" : ""
        return tenth == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(tenth)"
    }
}
