import Coordinates
import GeoJSON
import Gazetteer

/// Builds the GeoJSON features of sites and routes, with properties a GIS user can style and filter by.
public struct MapFeatures: Sendable {
    public let drawing: GeodesicDrawing
    /// How each leg's line is found: on the water network, or as the geodesic.
    public let legs: LegDrawer

    /// Features whose legs are drawn by `legs` (by default every leg as its geodesic, checked against the countries).
    public init(drawing: GeodesicDrawing = GeodesicDrawing(), legs: LegDrawer = LegDrawer(network: nil)) {
        self.drawing = drawing
        self.legs = legs
    }

    /// Every site as a Point, every route as a (Multi)LineString and every site's range as a
    /// ring (Polygon or MultiPolygon), in one collection; `warn` hears each leg's warnings.
    public func collection(sites: [Site], routes: [SupplyRoute], warn: (SupplyRoute, String) -> Void = { _, _ in }) throws(RouteMapError) -> FeatureCollection {
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
        let routeFeatures = routes.map { route in
            let drawn = legs.draw(route)
            for warning in drawn.flatMap(\.warnings) { warn(route, warning) }
            return feature(route: route, drawn: drawn)
        }
        return FeatureCollection(features: sites.map(feature(site:)) + routeFeatures + rings)
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

    /// A route drawn leg by leg (on the water network or along the geodesic), with each leg's
    /// distance, how it was drawn, its snaps to water and its warnings, and the total.
    public func feature(route: SupplyRoute) -> Feature {
        feature(route: route, drawn: legs.draw(route))
    }

    /// A route whose legs are already drawn.
    public func feature(route: SupplyRoute, drawn: [DrawnLeg]) -> Feature {
        let modes = route.legs.map(\.mode.rawValue)
        let methods = drawn.map(\.method.rawValue)
        let total = drawn.reduce(0) { $0 + $1.length }
        let legs: [JSONValue] = zip(drawn, route.legs).map { leg, description in
            var members: [(String, JSONValue)] = [
                ("from", .string(Self.reference(leg.from))),
                ("to", .string(Self.reference(leg.to))),
                ("mode", .string(description.mode.rawValue)),
                ("via", .optional(description.via)),
                ("drawn", .string(leg.method.rawValue)),
                ("distance_m", .number(leg.length)),
                ("distance_km", .number(leg.length / 1000)),
                ("geodesic_m", .number(leg.geodesic.distance)),
            ]
            if let snaps = leg.snaps {
                members += [
                    ("snap_from_m", .number(snaps.from.distance)),
                    ("snap_to_m", .number(snaps.to.distance)),
                    ("snapped_from", .array([.number(snaps.from.water.longitude), .number(snaps.from.water.latitude)])),
                    ("snapped_to", .array([.number(snaps.to.water.longitude), .number(snaps.to.water.latitude)])),
                ]
            }
            if let water = leg.water {
                members.append(("waterways", .array(water.waterways.map { .string($0.name) })))
            }
            if let land = leg.landCrossed {
                members.append(("land_crossed", .array(land.map { .object([("country", .string($0.country.shortCode)), ("name", .string($0.country.name)), ("length_m", .number($0.length))]) })))
            }
            members.append(("warnings", .array(leg.warnings.map { .string($0) })))
            return .object(members)
        }
        return Feature(id: route.id, geometry: drawing.geometry(along: Self.line(drawn)), properties: [
            ("id", .string(route.id)),
            ("name", .string(route.name)),
            ("feature_type", .string("route")),
            ("kind", .string("supply-route")),
            ("status", .optional(route.status)),
            ("mode", .string(Set(modes).count == 1 ? modes[0] : "mixed")),
            ("drawn", .string(Set(methods).count == 1 ? methods[0] : "mixed")),
            ("carries", .optional(route.carries)),
            // Objects, not an array of strings: GDAL reads a string array as a StringList, which
            // GeoPackage and KML keep only in GDAL's private `(2:a,b)` form and FlatGeobuf refuses.
            ("waypoints", .array(route.waypoints.map { w in
                .object([("id", .string(Self.reference(w))), ("name", .string(w.name)),
                         ("lat", .number(w.coordinate.latitude)), ("lon", .number(w.coordinate.longitude))])
            })),
            ("legs", .array(legs)),
            ("total_m", .number(total)),
            ("total_km", .number(total / 1000)),
            ("max_segment_m", .number(drawing.maxSegment)),
            ("warnings", .array(drawn.flatMap(\.warnings).map { .string($0) })),
            ("citations", Self.citations(route.citations)),
        ])
    }

    /// The legs' lines end to end (each leg starts where the last ended, at the shared waypoint).
    static func line(_ legs: [DrawnLeg]) -> [Coordinate] {
        var points: [Coordinate] = []
        for leg in legs {
            points += points.last == leg.path.first ? Array(leg.path.dropFirst()) : leg.path
        }
        return points
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
