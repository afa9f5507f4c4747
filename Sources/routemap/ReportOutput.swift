import Foundation
import Coordinates
import GeoJSON
import Gazetteer
import Geoparser
import MapWriters
import ReportReader
import RouteMap

/// Prints what `map` found: text for people, JSON for scripts (the stable schema), GeoJSON for maps.
enum ReportOutput {
    // MARK: text

    static func text(_ report: Report, drawn: [[DrawnLeg]]) -> String {
        let places = Set(report.mentions.map(\.place.id)).count
        var lines = ["\(report.document) (\(Languages.name(of: report.language)), \(report.length) characters): \(report.mentions.count) mentions of \(places) places, \(count(report.sites.count, "site")), \(count(report.routes.count, "route")), \(count(report.claims.count, "claim"))"]
        if !report.routes.isEmpty { lines.append("  routes") }
        for (reported, legs) in zip(report.routes, drawn) {
            let route = reported.route
            let modes = zip(route.legs, legs).map { $0.mode.rawValue + ($0.via.map { " via \($0)" } ?? "") + ($1.method == .waterNetwork ? ", on water" : "") }
                .joined(separator: "; ")
            lines.append("    \(route.name) (\(modes)): \(kilometres(legs.reduce(0) { $0 + $1.length })); \(reported.statement.rawValue)\(route.carries.map { "; carries \($0)" } ?? "")")
            for warning in legs.flatMap(\.warnings) { lines.append("      warning: \(warning)") }
            for citation in route.citations { lines.append("      " + quote(citation)) }
        }
        if !report.sites.isEmpty { lines.append("  sites") }
        for reported in report.sites {
            let site = reported.site, c = site.place.coordinate
            lines.append("    \(site.name) (\(site.kind)) at \(site.place.id), \(c.decimalString())\(site.activity.map { "; \($0)" } ?? ""); \(reported.statement.rawValue)")
            for citation in site.citations { lines.append("      " + quote(citation)) }
        }
        if !report.claims.isEmpty { lines.append("  claims") }
        for claim in report.claims {
            let subject = claim.subject.map { "\($0.name) [\($0.id)]" } ?? "(unnamed)"
            lines.append("    \(subject) from \(claim.reference.name)\(claim.referenceIsArea ? " (nearest point)" : ""): \(claim.verdict.rawValue) — \(claim.reason)")
            lines.append("      " + quote(claim.citation))
        }
        return lines.joined(separator: "\n")
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private static func kilometres(_ metres: Double) -> String { String(format: "%.1f km", metres / 1000) }

    private static func quote(_ c: Citation) -> String {
        let short = c.quote.count > 160 ? String(c.quote.prefix(157)) + "…" : c.quote
        return "\"\(printable(short))\" [\(c.start)–\(c.end)]"
    }

    /// The text with control characters (a document may hold escape sequences) shown as \u{…}, so none reaches the terminal.
    private static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    // MARK: JSON

    /// `documents`, `places`, `sites`, `routes`, `claims` (README, `routemap map`).
    static func json(_ reports: [Report], drawn: [[[DrawnLeg]]]) -> JSONValue {
        .object([
            ("documents", .array(reports.map { r in
                .object([("document", .string(r.document)), ("language", .string(r.language)), ("characters", .integer(r.length)),
                         ("mentions", .integer(r.mentions.count)), ("sites", .integer(r.sites.count)),
                         ("routes", .integer(r.routes.count)), ("claims", .integer(r.claims.count))])
            })),
            ("places", .array(reports.flatMap { r in r.mentions.map { with(document: r.document, MentionReport.json(mention: $0)) } })),
            ("sites", .array(reports.flatMap { r in r.sites.map { site(r.document, $0) } })),
            ("routes", .array(zip(reports, drawn).flatMap { r, legs in zip(r.routes, legs).map { route(r.document, $0, drawn: $1) } })),
            ("claims", .array(reports.flatMap { r in r.claims.map { claim(r.document, $0) } })),
        ])
    }

    private static func with(document: String, _ value: JSONValue) -> JSONValue {
        guard case .object(let members) = value else { return value }
        return .object([("document", .string(document))] + members)
    }

    private static func place(_ p: Place) -> JSONValue {
        .object([("id", .string(p.id)), ("name", .string(p.name)), ("kind", .string(p.kind.rawValue)),
                 ("lat", .number(p.coordinate.latitude)), ("lon", .number(p.coordinate.longitude))])
    }

    private static func site(_ document: String, _ reported: ReportedSite) -> JSONValue {
        let s = reported.site
        return .object([
            ("id", .string(s.id)), ("document", .string(document)), ("name", .string(s.name)), ("kind", .string(s.kind)),
            ("lat", .number(s.place.coordinate.latitude)), ("lon", .number(s.place.coordinate.longitude)),
            ("place", place(s.place)), ("activity", .optional(s.activity)), ("statement", .string(reported.statement.rawValue)),
            ("citations", MapFeatures.citations(s.citations)),
        ])
    }

    private static func route(_ document: String, _ reported: ReportedRoute, drawn: [DrawnLeg]) -> JSONValue {
        let r = reported.route
        return .object([
            ("id", .string(r.id)), ("document", .string(document)), ("name", .string(r.name)),
            ("statement", .string(reported.statement.rawValue)), ("carries", .optional(r.carries)),
            ("waypoints", .array(r.waypoints.map { w in
                .object([("id", .optional(w.id)), ("name", .string(w.name)), ("lat", .number(w.coordinate.latitude)), ("lon", .number(w.coordinate.longitude))])
            })),
            ("legs", .array(zip(drawn, r.legs).map { leg, description in
                .object([("from", .string(leg.from.id ?? leg.from.name)), ("to", .string(leg.to.id ?? leg.to.name)),
                         ("mode", .string(description.mode.rawValue)), ("via", .optional(description.via)),
                         ("drawn", .string(leg.method.rawValue)), ("distance_m", .number(leg.length)),
                         ("geodesic_m", .number(leg.geodesic.distance)), ("warnings", .array(leg.warnings.map(JSONValue.string)))])
            })),
            ("total_m", .number(drawn.reduce(0) { $0 + $1.length })),
            ("citations", MapFeatures.citations(r.citations)),
        ])
    }

    private static func claim(_ document: String, _ c: Claim) -> JSONValue {
        var stated: [(String, JSONValue)] = [
            ("distance_m", c.stated.figure.map(JSONValue.number) ?? .null),
            ("distance_min_m", c.stated.distance.map { .number($0.lowerBound) } ?? .null),
            ("distance_max_m", c.stated.distance.map { .number($0.upperBound) } ?? .null),
            ("direction", .optional(c.stated.direction?.rawValue)),
        ]
        stated.append(("text", .string(c.stated.text)))
        var from = place(c.reference)
        if case .object(let members) = from { from = .object(members + [("area", .bool(c.referenceIsArea))]) }
        return .object([
            ("document", .string(document)), ("start", .integer(c.citation.start)), ("end", .integer(c.citation.end)),
            ("quote", .string(c.citation.quote)),
            ("from", from), ("to", c.subject.map(place) ?? .null),
            ("stated", .object(stated)),
            ("measured", c.measured.map { m in
                .object([("distance_m", .number(m.distance)), ("azimuth_deg", .number(m.azimuth)),
                         ("from_lat", .number(m.from.latitude)), ("from_lon", .number(m.from.longitude))])
            } ?? .null),
            ("verdict", .string(c.verdict.rawValue)), ("reason", .string(c.reason)),
        ])
    }

    // MARK: GeoJSON

    /// The map: a layer each of sites (Points), routes (as drawn), claims (lines from the reference
    /// to what it locates, where both are known) and places (a Point per place named).
    static func document(_ reports: [Report], drawn: [[[DrawnLeg]]], drawer: LegDrawer, title: String) -> MapDocument {
        let builder = MapFeatures(legs: drawer)
        func tagged(_ feature: Feature, _ document: String, _ extra: [(String, JSONValue)] = []) -> Feature {
            var feature = feature
            feature.properties += [("document", .string(document))] + extra
            return feature
        }
        var sites: [Feature] = [], routes: [Feature] = [], claims: [Feature] = []
        for (report, legs) in zip(reports, drawn) {
            sites += report.sites.map { tagged(builder.feature(site: $0.site), report.document, [("statement", .string($0.statement.rawValue))]) }
            routes += zip(report.routes, legs).map { tagged(builder.feature(route: $0.route, drawn: $1), report.document, [("statement", .string($0.statement.rawValue))]) }
            for (k, c) in report.claims.enumerated() {
                guard let subject = c.subject, let measured = c.measured else { continue }
                let id = "\(ReportOutput.slug(report.document))-claim-\(k + 1)"
                let from = Position(longitude: measured.from.longitude, latitude: measured.from.latitude)
                let to = Position(longitude: subject.coordinate.longitude, latitude: subject.coordinate.latitude)
                claims.append(Feature(id: id, geometry: .lineString([from, to]), properties: [
                    ("id", .string(id)), ("feature_type", .string("claim")), ("document", .string(report.document)),
                    ("name", .string(c.stated.text)), ("verdict", .string(c.verdict.rawValue)), ("reason", .string(c.reason)),
                    ("measured_m", .number(measured.distance)), ("azimuth_deg", .number(measured.azimuth)),
                    ("citations", MapFeatures.citations([c.citation])),
                ]))
            }
        }
        let places = MentionReport.PlaceFeatures(reports.map { ($0.document, $0.mentions) })
        return MapDocument(title: title, attribution: [
            "Sites, routes and claims found by routemap in \(reports.map(\.document).joined(separator: ", ")); each cites its passage.",
            "Places: GeoNames (CC BY 4.0), Natural Earth (public domain) and routemap's curated gazetteer.",
        ], layers: [
            MapLayer(name: "sites", features: sites), MapLayer(name: "routes", features: routes),
            MapLayer(name: "claims", features: claims), MapLayer(name: "places", features: (0..<places.count).map(places.feature(at:))),
        ])
    }

    /// A map's title for one report: its first line when that reads as a headline (up to 120
    /// characters), else the file's name (which the credits name in any case).
    static func headline(of text: String, document: String) -> String {
        let name = (document as NSString).lastPathComponent
        guard let first = text.split(separator: "\n", omittingEmptySubsequences: true).first?.trimmingCharacters(in: .whitespaces),
              first.count >= 12, first.count <= 120 else { return name }
        return first
    }

    /// A document's name as an id part: "seeds/000_x.txt" → "000-x".
    static func slug(_ document: String) -> String {
        let name = (document as NSString).lastPathComponent
        let base = name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
        return String(base.map { $0.isLetter || $0.isNumber ? Character($0.lowercased()) : "-" })
    }
}
