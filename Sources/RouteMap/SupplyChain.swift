import Coordinates
import Gazetteer

/// A passage of a source document that supports a site or route.
public struct Citation: Sendable, Equatable, Decodable {
    /// The document's path in the repository, such as `seeds/000_90bee0a42d78c8e4.txt`.
    public let document: String
    /// Code-point offsets of the passage, end exclusive.
    public let start: Int
    public let end: Int
    /// The passage itself, exactly as at that range.
    public let quote: String

    /// A citation of `quote` at code points `start..<end` of `document`.
    public init(document: String, start: Int, end: Int, quote: String) {
        (self.document, self.start, self.end, self.quote) = (document, start, end, quote)
    }
}

/// How goods move along a leg; `unknown` when a report names no mode.
public enum TransportMode: String, CaseIterable, Sendable, Decodable {
    case sea, river, road, rail, air, unknown
}

/// A facility a report describes: a factory, a port… at a gazetteer place.
public struct Site: Sendable {
    public let id: String
    public let name: String
    /// The sort of facility: factory, port, depot…
    public let kind: String
    /// What the documents say of its state ("under construction, expected to operate early next year").
    public let status: String?
    /// What the documents say happens there.
    public let activity: String?
    /// Where it is.
    public let place: Place
    public let citations: [Citation]
    /// Distances the documents give from or around the site, drawn as range rings.
    public let ranges: [SiteRange]

    /// A site at `place`.
    public init(id: String, name: String, kind: String, status: String? = nil, activity: String? = nil, place: Place,
                citations: [Citation] = [], ranges: [SiteRange] = []) {
        (self.id, self.name, self.kind, self.status, self.activity) = (id, name, kind, status, activity)
        (self.place, self.citations, self.ranges) = (place, citations, ranges)
    }
}

/// A distance a document ties to a site: a drone's reach around it, or how far it lies from
/// another place ("several hundred miles east of Moscow"), drawn as a range ring.
public struct SiteRange: Sendable {
    /// The ring's centre: the site's own place, or the place the document measures from.
    public let centre: Place
    public let radius: Length
    /// What the ring means.
    public let label: String
    /// Where a document gives the radius.
    public let citation: Citation?
}

/// A supply route a report describes: waypoints in order, a mode for each leg, what it carries.
public struct SupplyRoute: Sendable {
    public let id: String
    public let name: String
    public let status: String?
    /// What moves along it.
    public let carries: String?
    public let waypoints: [Waypoint]
    /// One per leg: `waypoints.count - 1` of them.
    public let legs: [LegDescription]
    public let citations: [Citation]

    /// A route; `legs` must hold one description per pair of consecutive waypoints.
    public init(id: String, name: String, status: String? = nil, carries: String? = nil, waypoints: [Waypoint], legs: [LegDescription], citations: [Citation] = []) {
        precondition(legs.count == waypoints.count - 1, "a route needs one leg per pair of waypoints")
        self.id = id
        self.name = name
        self.status = status
        self.carries = carries
        self.waypoints = waypoints
        self.legs = legs
        self.citations = citations
    }
}

/// What a route's leg is: its mode and, where a document says, the water or corridor it crosses.
public struct LegDescription: Sendable, Equatable {
    public let mode: TransportMode
    /// A gazetteer place the leg passes through or over, such as `caspian-sea`.
    public let via: String?

    public init(mode: TransportMode, via: String? = nil) {
        self.mode = mode
        self.via = via
    }
}
