import Coordinates
import Gazetteer

/// A point on a route: a gazetteer place, or a coordinate typed by the user.
public struct Waypoint: Sendable, Equatable {
    /// The place id, or nil for a bare coordinate.
    public let id: String?
    /// A name for people: the place's English name, or the coordinate as typed.
    public let name: String
    /// Where it is.
    public let coordinate: Coordinate
    /// How the name resolved, for places.
    public let match: PlaceMatch?

    /// A waypoint at a gazetteer place.
    public init(match: PlaceMatch) {
        self.id = match.place.id
        self.name = match.place.name
        self.coordinate = match.place.coordinate
        self.match = match
    }

    /// A waypoint at a bare coordinate.
    public init(coordinate: Coordinate) {
        self.id = nil
        self.name = coordinate.decimalString()
        self.coordinate = coordinate
        self.match = nil
    }
}

/// Turns what a user typed (a place name, alias or id, or a coordinate) into waypoints.
public struct WaypointResolver: Sendable {
    /// The gazetteer that names resolve against.
    public let gazetteer: Gazetteer

    /// Resolves against `gazetteer`.
    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    /// A coordinate when the text holds a digit, else a gazetteer place; unknown or ambiguous names are errors.
    public func waypoint(for text: String) throws(RouteMapError) -> Waypoint {
        if Coordinate.looksLikeCoordinate(text) {
            do {
                return Waypoint(coordinate: try Coordinate(parsing: text))
            } catch {
                throw .badCoordinate(text, error)
            }
        }
        return Waypoint(match: try place(for: text).match)
    }

    /// The waypoints of a route, in order. A name whose best reading is an imported place with
    /// homonyms takes the homonym nearest the route's other waypoints when one lies within
    /// `NearnessRanking.nearWithin` of them ("Springfield" beside Chicago is Springfield, Illinois).
    public func waypoints(for texts: [String]) throws(RouteMapError) -> [Waypoint] {
        var waypoints: [Waypoint] = []
        for text in texts { waypoints.append(try waypoint(for: text)) }
        // One index of every waypoint, each name ranked against the others (itself left out), and
        // each distinct name looked up once: 2,000 names cost about 2,000 geodesics, not 4 million.
        var ranking = NearnessRanking(context: waypoints.map { (name: $0.name, coordinate: $0.coordinate) })
        var candidatesByText: [String: [PlaceMatch]] = [:]
        for (i, text) in texts.enumerated() {
            guard let match = waypoints[i].match, match.kind != .id, match.place.source != "curated" else { continue }
            let candidates = candidatesByText[text] ?? gazetteer.candidates(for: text)
            candidatesByText[text] = candidates
            guard candidates.count > 1 else { continue }
            if let near = ranking.rank(candidates, excluding: i).first, near.isNear {
                waypoints[i] = Waypoint(match: near.match)
                ranking.replaceContext(i, with: (name: waypoints[i].name, coordinate: waypoints[i].coordinate))
            }
        }
        return waypoints
    }

    /// Resolves a place name; the error for an unknown name carries suggestions, for an ambiguous one the candidates.
    public func place(for text: String) throws(RouteMapError) -> (match: PlaceMatch, alternatives: [PlaceMatch]) {
        switch gazetteer.resolve(text) {
        case .resolved(let match, let alternatives):
            return (match, alternatives)
        case .ambiguous(let candidates):
            throw .ambiguousPlace(text, candidates)
        case .unknown(let suggestions):
            throw .unknownPlace(text, suggestions: suggestions)
        }
    }
}
