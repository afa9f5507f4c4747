import Foundation
import GeoJSON

/// The offline base map: Natural Earth 1:50m land, coasts and country borders, simplified for
/// drawing (cartography/basemap, derived by cartography/tools/derive_basemap.py; CC0). Drawing
/// data only: it answers no questions about countries.
struct BaseMap: Sendable {
    /// A ring or line with its box in longitude and latitude, for cheap rejection.
    struct Part: Sendable {
        let positions: [Position]
        let west: Double, south: Double, east: Double, north: Double

        init(_ positions: [Position]) {
            self.positions = positions
            var w = Double.infinity, s = Double.infinity, e = -Double.infinity, n = -Double.infinity
            for p in positions {
                w = min(w, p.longitude)
                e = max(e, p.longitude)
                s = min(s, p.latitude)
                n = max(n, p.latitude)
            }
            (west, south, east, north) = (w, s, e, n)
        }

        /// Whether the box holds the point.
        func boxContains(_ p: Position) -> Bool {
            (west...east).contains(p.longitude) && (south...north).contains(p.latitude)
        }
    }

    /// Land polygons: each an exterior ring and its holes.
    let land: [[Part]]
    /// Coastlines.
    let coasts: [Part]
    /// Borders between countries.
    let borders: [Part]

    /// Where the base map comes from, for the map's credit line.
    static let attribution = "Base map: Natural Earth 1:50m (public domain), simplified"

    /// The embedded base map, read once.
    static let shared: BaseMap = BaseMap(
        land: polygons(MapAssets.text("basemap/land.geojson")),
        coasts: lines(MapAssets.text("basemap/coasts.geojson")),
        borders: lines(MapAssets.text("basemap/borders.geojson"))
    )

    private static func items(_ text: String) -> [GeoJSONReader.Item] {
        do {
            return try GeoJSONReader().items(from: Data(text.utf8))
        } catch {
            preconditionFailure("the embedded base map does not read: \(error)")
        }
    }

    private static func polygons(_ text: String) -> [[Part]] {
        items(text).flatMap { item -> [[Part]] in
            switch item.geometry {
            case .polygon(let rings): [rings.map(Part.init)]
            case .multiPolygon(let polygons): polygons.map { $0.map(Part.init) }
            default: []
            }
        }
    }

    private static func lines(_ text: String) -> [Part] {
        items(text).flatMap { item -> [Part] in
            switch item.geometry {
            case .lineString(let line): [Part(line)]
            case .multiLineString(let lines): lines.map(Part.init)
            default: []
            }
        }
    }
}
