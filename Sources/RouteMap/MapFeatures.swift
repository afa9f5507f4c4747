import Coordinates
import GeoJSON
import Gazetteer

/// Builds the GeoJSON features of sites and routes, with properties a GIS user can style and filter by.
public struct MapFeatures: Sendable {
    public let drawing: GeodesicDrawing

    public init(drawing: GeodesicDrawing = GeodesicDrawing()) {
        self.drawing = drawing
    }

    /// Every site as a Point, every route as a (Multi)LineString and every site's range as a
    /// ring (Polygon or MultiPolygon), in one collection.
    public func collection(sites: [Site], routes: [SupplyRoute]) throws(RouteMapError) -> FeatureCollection {
        var rings: [Feature] = []
        for site in sites {
            for (index, range) in site.ranges.enumerated() {
                let centre = Waypoint(match: PlaceMatch(place: range.centre, kind: .id, matchedName: range.centre.id, language: nil))
                var feature = try RangeRing(centre: centre, radius: range.radius, label: range.label, citation: range.citation)
                    .feature(id: "\(site.id)-range-\(index + 1)")
                feature.properties.append(("site", .string(site.id)))
                rings.append(feature)
            }
        }
        return FeatureCollection(features: sites.map(feature(site:)) + routes.map(feature(route:)) + rings)
    }

    /// A site as a Point feature at its place.
    public func feature(site: Site) -> Feature {
        let c = site.place.coordinate
        return Feature(id: site.id, geometry: .point(Position(longitude: c.longitude, latitude: c.latitude)), properties: [
            ("id", .string(site.id)),
            ("name", .string(site.name)),
            ("feature_type", .string("site")),
            ("kind", .string(site.kind)),
            ("status", .optional(site.status)),
            ("activity", .optional(site.activity)),
            ("place", .string(site.place.id)),
            ("country", .optional(site.place.country)),
            ("coordinate_source", .optional(site.place.sources["coordinate"])),
            ("citations", Self.citations(site.citations)),
        ])
    }

    /// A route drawn along the geodesic, with each leg's distance and the total.
    public func feature(route: SupplyRoute) -> Feature {
        let measured = RouteMeasurement(waypoints: route.waypoints)
        let modes = route.legs.map(\.mode.rawValue)
        let legs: [JSONValue] = zip(measured.legs, route.legs).map { leg, description in
            .object([
                ("from", .string(Self.reference(leg.from))),
                ("to", .string(Self.reference(leg.to))),
                ("mode", .string(description.mode.rawValue)),
                ("via", .optional(description.via)),
                ("distance_m", .number(leg.geodesic.distance)),
                ("distance_km", .number(leg.geodesic.distance / 1000)),
            ])
        }
        return Feature(id: route.id, geometry: drawing.geometry(through: route.waypoints), properties: [
            ("id", .string(route.id)),
            ("name", .string(route.name)),
            ("feature_type", .string("route")),
            ("kind", .string("supply-route")),
            ("status", .optional(route.status)),
            ("mode", .string(Set(modes).count == 1 ? modes[0] : "mixed")),
            ("carries", .optional(route.carries)),
            // Objects, not an array of strings: GDAL reads a string array as a StringList, which
            // GeoPackage and KML keep only in GDAL's private `(2:a,b)` form and FlatGeobuf refuses.
            ("waypoints", .array(route.waypoints.map { w in
                .object([("id", .string(Self.reference(w))), ("name", .string(w.name)),
                         ("lat", .number(w.coordinate.latitude)), ("lon", .number(w.coordinate.longitude))])
            })),
            ("legs", .array(legs)),
            ("total_m", .number(measured.totalDistance)),
            ("total_km", .number(measured.totalDistance / 1000)),
            ("max_segment_m", .number(drawing.maxSegment)),
            ("citations", Self.citations(route.citations)),
        ])
    }

    /// A waypoint's place id, or `lat,lon` for a bare coordinate.
    static func reference(_ w: Waypoint) -> String {
        w.id ?? "\(w.coordinate.latitude),\(w.coordinate.longitude)"
    }

    /// Citations as JSON: document, start, end, quote.
    public static func citations(_ list: [Citation]) -> JSONValue {
        .array(list.map { c in
            .object([("document", .string(c.document)), ("start", .integer(c.start)), ("end", .integer(c.end)), ("quote", .string(c.quote))])
        })
    }
}
