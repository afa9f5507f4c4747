import Coordinates
import Foundation
import Gazetteer
import Geodesy
import RouteMap

/// How a report's routes, sites and claims compare with a hand annotation (`NAME.map.json`, devset/README.md).
///
/// A route is right when its start and end each match the annotated ones; a site when its
/// place matches; a claim when its reference matches and its passage overlaps the annotated
/// quote. A place matches an annotated end when it lies within `Coverage`'s 161 km of the
/// reference point, its box holds the point, or it is the annotated country.
public struct MapScore: Sendable {
    /// Found and annotated counts, and how many of each matched.
    public struct Tally: Sendable, Equatable {
        public var found = 0, annotated = 0, foundRight = 0, annotatedFound = 0

        /// Counts of found and annotated items, and of each that matched.
        public init(found: Int = 0, annotated: Int = 0, foundRight: Int = 0, annotatedFound: Int = 0) {
            (self.found, self.annotated, self.foundRight, self.annotatedFound) = (found, annotated, foundRight, annotatedFound)
        }

        /// Found that match an annotation over all found; nil with none found.
        public var precision: Double? { found == 0 ? nil : Double(foundRight) / Double(found) }
        /// Annotations matched over all annotations; nil with none annotated.
        public var recall: Double? { annotated == 0 ? nil : Double(annotatedFound) / Double(annotated) }

        /// Adds another document's counts.
        public static func + (a: Tally, b: Tally) -> Tally {
            Tally(found: a.found + b.found, annotated: a.annotated + b.annotated, foundRight: a.foundRight + b.foundRight,
                  annotatedFound: a.annotatedFound + b.annotatedFound)
        }
    }

    public let routes: Tally
    public let sites: Tally
    public let claims: Tally
    /// Annotated items no found item matched, for people: "route Rajin → Dunay".
    public let missed: [String]

    /// An annotated place: a reference point, or countries for an area ("the Ukrainian border").
    struct End {
        let point: Coordinate?
        let countries: [String]
        let name: String

        init?(_ json: Any?) {
            guard let object = json as? [String: Any] else { return nil }
            let lat = (object["lat"] as? NSNumber)?.doubleValue, lon = (object["lon"] as? NSNumber)?.doubleValue
            point = lat.flatMap { lat in lon.map { Coordinate(uncheckedLatitude: lat, longitude: $0) } }
            var codes: [String] = []
            for key in ["country", "countries"] {
                if let one = object[key] as? String { codes.append(one) }
                if let many = object[key] as? [String] { codes += many }
            }
            countries = codes
            name = (object["name"] as? String) ?? (object["area"] as? String) ?? "?"
            guard point != nil || !countries.isEmpty else { return nil }
        }

        func matches(_ place: Place) -> Bool {
            if let point {
                if Geodesic.wgs84.inverse(from: point, to: place.coordinate).distance <= 161_000 { return true }
                if let box = place.bbox, box.contains(point) { return true }
            }
            return place.kind == .country && place.country.map(countries.contains) == true
        }
    }

    /// Scores `report` of `text` against the JSON text of its annotation; throws when the JSON is malformed.
    public init(report: Report, text: String, annotation: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: annotation) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt, userInfo: [NSDebugDescriptionErrorKey: "the map annotation is not a JSON object"])
        }
        var missed: [String] = []
        func list(_ key: String) -> [[String: Any]] { (root[key] as? [[String: Any]]) ?? [] }

        let annotatedRoutes = list("routes").compactMap { r -> (End, End)? in End(r["from"]).flatMap { from in End(r["to"]).map { (from, $0) } } }
        let foundRoutes = report.routes.map { ($0.route.waypoints.first!, $0.route.waypoints.last!) }
        func routeMatches(_ a: (End, End), _ f: (Waypoint, Waypoint)) -> Bool {
            guard let from = f.0.match?.place, let to = f.1.match?.place else { return false }
            return a.0.matches(from) && a.1.matches(to)
        }
        var routes = Tally(found: foundRoutes.count, annotated: annotatedRoutes.count)
        routes.foundRight = foundRoutes.filter { f in annotatedRoutes.contains { routeMatches($0, f) } }.count
        for a in annotatedRoutes {
            if foundRoutes.contains(where: { routeMatches(a, $0) }) { routes.annotatedFound += 1 } else { missed.append("route \(a.0.name) → \(a.1.name)") }
        }

        let annotatedSites = list("sites").compactMap { End($0["place"]) }
        var sites = Tally(found: report.sites.count, annotated: annotatedSites.count)
        sites.foundRight = report.sites.filter { s in annotatedSites.contains { $0.matches(s.site.place) } }.count
        for a in annotatedSites {
            if report.sites.contains(where: { a.matches($0.site.place) }) { sites.annotatedFound += 1 } else { missed.append("site at \(a.name)") }
        }

        let scalars = Array(text.unicodeScalars)
        let annotatedClaims = list("claims").compactMap { c -> (End, Range<Int>?)? in
            guard let reference = End(c["reference"]) else { return nil }
            let quote = (c["quote"] as? String) ?? ""
            return (reference, Self.range(of: quote, in: scalars))
        }
        func claimMatches(_ a: (End, Range<Int>?), _ c: Claim) -> Bool {
            let span = c.citation.start..<c.citation.end
            return a.0.matches(c.reference) && (a.1.map { $0.overlaps(span) } ?? true)
        }
        var claims = Tally(found: report.claims.count, annotated: annotatedClaims.count)
        claims.foundRight = report.claims.filter { c in annotatedClaims.contains { claimMatches($0, c) } }.count
        for a in annotatedClaims {
            if report.claims.contains(where: { claimMatches(a, $0) }) { claims.annotatedFound += 1 } else { missed.append("claim from \(a.0.name)") }
        }
        (self.routes, self.sites, self.claims, self.missed) = (routes, sites, claims, missed)
    }

    /// The code-point range of `quote` in `text`, if it occurs.
    static func range(of quote: String, in text: [Unicode.Scalar]) -> Range<Int>? {
        let needle = Array(quote.unicodeScalars)
        guard !needle.isEmpty, needle.count <= text.count else { return nil }
        for start in 0...(text.count - needle.count) where text[start] == needle[0] && Array(text[start..<start + needle.count]) == needle {
            return start..<start + needle.count
        }
        return nil
    }
}
