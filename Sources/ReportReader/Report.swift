import Coordinates
import Gazetteer
import Geoparser
import RouteMap

/// What one document says: the places it names, and the sites, routes and claims found in it.
public struct Report: Sendable {
    /// The document's name as given (a path, or `stdin`), used in citations.
    public let document: String
    /// The language its words are mostly in (`en`, `id`, `ru`, `fa`).
    public let language: String
    /// Its length in code points.
    public let length: Int
    /// Every place mention, in order.
    public let mentions: [Mention]
    /// Facilities: where something is made, stored, loaded, unloaded, seized or based.
    public let sites: [ReportedSite]
    /// Movements of goods, weapons or people, from, via and to.
    public let routes: [ReportedRoute]
    /// Distances and directions stated between places, checked against the geodesic.
    public let claims: [Claim]

    /// The same report with other routes (a reviewer's corrections).
    public func replacing(routes: [ReportedRoute]) -> Report {
        Report(document: document, language: language, length: length, mentions: mentions, sites: sites, routes: routes, claims: claims)
    }
}

/// How firmly a document states something.
public enum Statement: String, Sendable, CaseIterable {
    /// Said to have happened, or happening.
    case asserted
    /// Attributed to someone ("according to", "allegedly", "якобы").
    case reported
    /// Denied ("denied shipping", "membantah memasok").
    case denied
    /// Planned, possible or conditional ("may be built", "планирует").
    case hypothetical
}

/// A site found in a document, with how firmly the document states it.
public struct ReportedSite: Sendable {
    public let site: Site
    public let statement: Statement

    /// A site stated so.
    public init(site: Site, statement: Statement) {
        (self.site, self.statement) = (site, statement)
    }
}

/// A route found in a document, with how firmly the document states it.
public struct ReportedRoute: Sendable {
    public let route: SupplyRoute
    public let statement: Statement

    /// A route stated so.
    public init(route: SupplyRoute, statement: Statement) {
        (self.route, self.statement) = (route, statement)
    }
}

/// A distance or direction a document states between two places, or a place and an area.
public struct Claim: Sendable {
    /// The passage that states it.
    public let citation: Citation
    /// What is located ("the depot", "Dunai"); nil when the document does not say.
    public let subject: Place?
    /// What it is located from: a place, or an area whose nearest point is measured to.
    public let reference: Place
    /// True when the reference is an area or border measured to its nearest point.
    public let referenceIsArea: Bool
    /// What the document states.
    public let stated: StatedDistance
    /// The geodesic from the reference to the subject; nil when either cannot be measured.
    public let measured: Measured?
    public let verdict: Verdict
    /// Why the verdict, for people: "stated 200–900 mi E; measured 561 mi at 83° (E)".
    public let reason: String

    /// The geodesic measured for a claim.
    public struct Measured: Sendable {
        public let distance: Double
        /// Degrees clockwise from north, in (-180, 180], from the reference toward the subject.
        public let azimuth: Double
        /// Where on the reference the distance was measured from (its point, or the area's nearest point).
        public let from: Coordinate
    }

    /// Whether the stated figure and direction agree with the geodesic.
    public enum Verdict: String, Sendable {
        case consistent, inconsistent, unverifiable
    }
}

/// A distance and direction as a document states them.
public struct StatedDistance: Sendable, Equatable {
    /// The figure as written, in metres ("nine kilometres": 9000); nil for a vague one ("several hundred miles") or none.
    public let figure: Double?
    /// The least and most distance the words allow, in metres; nil when only a direction is stated.
    public let distance: ClosedRange<Double>?
    /// The compass point from the reference toward the subject, if stated.
    public let direction: CompassPoint?
    /// The unit the text gives the figure in: "km", "mi", "nmi" or "m" (km when none is given).
    public let unit: String
    /// The words as written ("several hundred miles east").
    public let text: String
}

/// The sixteen compass points.
public enum CompassPoint: String, Sendable, CaseIterable {
    case N, NNE, NE, ENE, E, ESE, SE, SSE, S, SSW, SW, WSW, W, WNW, NW, NNW

    /// Degrees clockwise from north.
    public var degrees: Double { Double(Self.allCases.firstIndex(of: self)!) * 22.5 }

    /// The nearest of the eight principal points to an azimuth in degrees.
    public static func nearest8(_ azimuth: Double) -> CompassPoint {
        let principal: [CompassPoint] = [.N, .NE, .E, .SE, .S, .SW, .W, .NW]
        let a = (azimuth.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        return principal[Int((a + 22.5) / 45) % 8]
    }
}
