import Coordinates
import Foundation
import Gazetteer

/// Reads the sites and routes of `gazetteer/sites/` and `gazetteer/routes/`, checking every reference.
public struct SupplyChainLoader: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    /// The sites and routes compiled into the binary.
    public func embedded() throws(GazetteerError) -> (sites: [Site], routes: [SupplyRoute]) {
        try load(adding: GazetteerSources())
    }

    /// The sites and routes compiled into the binary and those of `sources`, whose citations must
    /// also hold their quotes at their ranges of documents that exist under the record's gazetteer
    /// folder or the working directory's `seeds/` (`CitationCheck`).
    public func load(adding sources: GazetteerSources) throws(GazetteerError) -> (sites: [Site], routes: [SupplyRoute]) {
        let sites = try EmbeddedRecords.records(in: "sites").map { r throws(GazetteerError) in try site(fromJSON: r.json, path: r.path) }
            + sources.siteRecords.map { r throws(GazetteerError) in try checkingDocuments(site(fromJSON: r.json, path: r.path), path: r.path, root: sources.documentRoot(of: r.path)) }
        let routes = try EmbeddedRecords.records(in: "routes").map { r throws(GazetteerError) in try route(fromJSON: r.json, path: r.path) }
            + sources.routeRecords.map { r throws(GazetteerError) in try checkingDocuments(route(fromJSON: r.json, path: r.path), path: r.path, root: sources.documentRoot(of: r.path)) }
        var seen: Set<String> = []
        for (id, kind) in sites.map({ ($0.id, "site") }) + routes.map({ ($0.id, "route") }) where !seen.insert("\(kind)/\(id)").inserted {
            throw GazetteerError(location: "\(kind) '\(id)'", message: "duplicate \(kind) id '\(id)'; give one of them another id")
        }
        return (sites, routes)
    }

    private func checkingDocuments(_ site: Site, path: String, root: String?) throws(GazetteerError) -> Site {
        try CitationCheck.check(site.citations + site.ranges.compactMap(\.citation), recordPath: path, documentRoot: root)
        return site
    }

    private func checkingDocuments(_ route: SupplyRoute, path: String, root: String?) throws(GazetteerError) -> SupplyRoute {
        try CitationCheck.check(route.citations, recordPath: path, documentRoot: root)
        return route
    }

    /// Decodes and checks one site record.
    public func site(fromJSON text: String, path: String) throws(GazetteerError) -> Site {
        let r: SiteRecord = try decode(text, path: path)
        guard let place = gazetteer.place(id: r.place) else {
            throw GazetteerError(location: path, message: "site '\(r.id)' is at place '\(r.place)', which is not in the gazetteer; add gazetteer/places/\(r.place).json or fix the id")
        }
        try check(r.citations, path: path, owner: r.id)
        let ranges = try (r.ranges ?? []).map { range throws(GazetteerError) in try siteRange(range, site: r.id, place: place, path: path) }
        return Site(id: r.id, name: r.name, kind: r.kind, status: r.status, activity: r.activity, place: place, citations: r.citations, ranges: ranges)
    }

    private func siteRange(_ r: RangeRecord, site: String, place: Place, path: String) throws(GazetteerError) -> SiteRange {
        var centre = place
        if let id = r.centre {
            guard let other = gazetteer.place(id: id) else {
                throw GazetteerError(location: path, message: "a range of site '\(site)' is centred on '\(id)', which is not in the gazetteer")
            }
            centre = other
        }
        let radius: Length
        do {
            radius = try Length(parsing: r.radius, defaultUnit: .km)
        } catch {
            throw GazetteerError(location: path, message: "a range of site '\(site)': \(error)")
        }
        if let citation = r.citation { try check([citation], path: path, owner: site) }
        return SiteRange(centre: centre, radius: radius, label: r.label, citation: r.citation)
    }

    /// Decodes and checks one route record.
    public func route(fromJSON text: String, path: String) throws(GazetteerError) -> SupplyRoute {
        let r: RouteRecord = try decode(text, path: path)
        guard r.waypoints.count >= 2 else { throw GazetteerError(location: path, message: "route '\(r.id)' needs at least two waypoints") }
        guard r.legs.count == r.waypoints.count - 1 else {
            throw GazetteerError(location: path, message: "route '\(r.id)' has \(r.waypoints.count) waypoints, so it needs \(r.waypoints.count - 1) legs, not \(r.legs.count)")
        }
        var waypoints: [Waypoint] = []
        for w in r.waypoints {
            switch w {
            case .place(let id):
                guard let place = gazetteer.place(id: id) else {
                    throw GazetteerError(location: path, message: "route '\(r.id)' passes place '\(id)', which is not in the gazetteer")
                }
                waypoints.append(Waypoint(match: PlaceMatch(place: place, kind: .id, matchedName: id, language: nil)))
            case .coordinate(let lat, let lon):
                do {
                    waypoints.append(Waypoint(coordinate: try Coordinate(latitude: lat, longitude: lon)))
                } catch {
                    throw GazetteerError(location: path, message: "route '\(r.id)': \(error)")
                }
            }
        }
        for leg in r.legs {
            if let via = leg.via, gazetteer.place(id: via) == nil {
                throw GazetteerError(location: path, message: "route '\(r.id)' goes via '\(via)', which is not in the gazetteer")
            }
        }
        try check(r.citations, path: path, owner: r.id)
        return SupplyRoute(id: r.id, name: r.name, status: r.status, carries: r.carries, waypoints: waypoints,
                           legs: r.legs.map { LegDescription(mode: $0.mode, via: $0.via) }, citations: r.citations)
    }

    private func check(_ citations: [Citation], path: String, owner: String) throws(GazetteerError) {
        guard !citations.isEmpty else {
            throw GazetteerError(location: path, message: "'\(owner)' cites no document: add a citation with document, start, end and quote")
        }
        for c in citations where !(0 <= c.start && c.start < c.end) || c.quote.unicodeScalars.count != c.end - c.start {
            throw GazetteerError(location: path, message: "citation [\(c.start), \(c.end)) of '\(owner)' does not span its \(c.quote.unicodeScalars.count)-code-point quote")
        }
    }

    private func decode<T: Decodable>(_ text: String, path: String) throws(GazetteerError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            if let syntax = JSONSyntax.error(in: text) {
                throw GazetteerError(location: "\(path):\(syntax.line)", message: "not valid JSON: \(syntax.message)")
            }
            throw GazetteerError(location: path, message: "cannot read the record: \(error)")
        }
    }
}

private struct SiteRecord: Decodable {
    let id: String
    let place: String
    let name: String
    let kind: String
    let status: String?
    let activity: String?
    let citations: [Citation]
    let ranges: [RangeRecord]?
}

private struct RangeRecord: Decodable {
    let radius: String
    let centre: String?
    let label: String
    let citation: Citation?
}

private struct RouteRecord: Decodable {
    let id: String
    let name: String
    let status: String?
    let carries: String?
    let waypoints: [WaypointRecord]
    let legs: [LegRecord]
    let citations: [Citation]
}

private struct LegRecord: Decodable {
    let mode: TransportMode
    let via: String?
}

/// A waypoint in a route file: a place id, or `{"lat": …, "lon": …}`.
private enum WaypointRecord: Decodable {
    case place(String)
    case coordinate(Double, Double)

    init(from decoder: any Decoder) throws {
        if let id = try? decoder.singleValueContainer().decode(String.self) {
            self = .place(id)
            return
        }
        let point = try decoder.container(keyedBy: Keys.self)
        self = .coordinate(try point.decode(Double.self, forKey: .lat), try point.decode(Double.self, forKey: .lon))
    }

    enum Keys: String, CodingKey { case lat, lon }
}
