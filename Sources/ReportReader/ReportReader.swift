import Coordinates
import Gazetteer
import Geodesy
import Geoparser
import RouteMap
import WorldGeometry

/// Reads a report: the places it names (by the geoparser), and the sites, routes and distance
/// claims its sentences state, each citing its sentence; claims measured with PROJ's geodesics.
public struct ReportReader: Sendable {
    public let parser: Geoparser
    private let geodesic: Geodesic

    /// A reader whose places come from `parser`.
    public init(parser: Geoparser, geodesic: Geodesic = .wgs84) {
        self.parser = parser
        self.geodesic = geodesic
    }

    /// Everything `text` states; `document` names it in citations.
    public func read(_ text: String, document: String) -> Report {
        read(text, document: document, mentions: parser.mentions(in: text))
    }

    /// Everything `text` states, given its mentions (from `parser`, or corrected by a review).
    public func read(_ text: String, document: String, mentions: [Mention]) -> Report {
        let report = ReportText(text)
        let language = ReportLanguage.guess(report)
        let lexicon = Lexicon.all
        var bySentence = Array(repeating: [Mention](), count: report.sentences.count)
        for mention in mentions { bySentence[report.sentenceIndex(containing: mention.start)].append(mention) }

        // The country a place lies in: the one the document names with its code, else the gazetteer's parent chain.
        var named: [String: Place] = [:]
        for mention in mentions where mention.place.kind == .country {
            if let code = mention.place.country, named[code] == nil { named[code] = mention.place }
        }
        let countryOf = { (place: Place) -> Place? in
            place.country.flatMap { named[$0] } ?? self.parser.gazetteer.ancestors(of: place).first { $0.kind == .country }
        }
        var routes: [RouteFinder.Found] = [], sites: [SiteFinder.Found] = []
        var claims: [(found: ClaimFinder.Found, sitesBefore: Int)] = []
        var context = RouteFinder.Context()
        for (k, range) in report.sentences.enumerated() {
            let sentence = SentenceView(text: report, range: range, mentions: bySentence[k], lexicon: lexicon)
            let stated = RouteFinder.routes(in: sentence, language: language, context: context, country: country(named:))
            routes += stated
            // What the next sentences may carry on from: this sentence's last stop, or a place left.
            if let last = stated.last {
                (context.lastStop, context.quiet, context.reached) = (last.waypoints.last, 0, last.reachesEnd)
                context.voyageStart = last.waypoints.first
                for route in stated { context.visited.formUnion(route.waypoints.map(\.id)) }
            } else if let arrived = RouteFinder.arrival(in: sentence) {
                (context.lastStop, context.quiet, context.reached) = (arrived, 0, true)
            } else {
                context.quiet += 1
            }
            if !stated.isEmpty {
                context.pendingOrigin = nil
            } else if let left = RouteFinder.pendingOrigin(in: sentence) {
                (context.pendingOrigin, context.pendingAge) = (left, 0)
            } else if context.pendingOrigin != nil {
                context.pendingAge += 1
                if context.pendingAge >= RouteFinder.Context.pendingSentences { context.pendingOrigin = nil }
            }
            let sentenceSites = SiteFinder.sites(in: sentence, language: language)
            sites += sentenceSites
            // Goods or a carrier seized at a town, port or sea where the sentence states no movement: the next sentences may say where
            // they were bound ("… ditangkap di perairan Namlea. … kayu-kayu itu akan dibawa ke Belawan"). Not a country.
            if stated.isEmpty, RouteFinder.pendingOrigin(in: sentence) == nil,
               let seized = sentenceSites.first(where: { $0.kind == "seizure" && $0.place.kind != .country }) {
                (context.pendingOrigin, context.pendingAge) = (seized.place, 0)
            }
            var statedClaims = ClaimFinder.claims(in: sentence, language: language, country: country(named:), countryOf: countryOf)
            let located = SiteFinder.sites(locatedBy: statedClaims, in: sentence)
            // A claim that locates an incident or a seizure at sea after the ship left a place ("left Odesa and was attacked 50 km
            // from Constanta") locates the event, not the place left.
            for k in statedClaims.indices where statedClaims[k].subject == nil && located.contains(where: { $0.place.id == statedClaims[k].reference.id })
                && sentence.places.contains(where: { $0.role == .from && $0.mention.end <= statedClaims[k].range.lowerBound }) {
                statedClaims[k].locatesNewThing = true
            }
            claims += statedClaims.map { ($0, sites.count) }
            sites += located
        }
        let citation = { (range: Range<Int>) in Citation(document: document, start: range.lowerBound, end: range.upperBound, quote: report.passage(range)) }
        let mergedSites = Self.merge(sites, citation: citation)
        // A place a figure is measured from is no candidate for what a later claim locates ("10 km from Kherson and 40 km from
        // Mykolaiv"); a place something is near may be ("near Galveston, 70 km south-east of Houston").
        let referenceRanges = claims.filter { $0.found.stated.distance != nil }.map(\.found.range)
        return Report(
            document: document, language: language, length: report.scalars.count, mentions: mentions, sites: mergedSites,
            routes: Self.merge(routes, citation: citation),
            claims: claims.map { claim($0.found, sites: Array(sites.prefix($0.sitesBefore)), mentions: mentions.filter { m in !referenceRanges.contains { $0.contains(m.start) } },
                                       citation: citation) }
        )
    }

    /// A country by its English name, for borders named by an adjective ("the Ukrainian border").
    private func country(named name: String) -> Place? {
        parser.gazetteer.candidates(for: name).first { $0.place.kind == .country }?.place
    }

    /// One site per place and kind, citing every sentence that names it.
    private static func merge(_ found: [SiteFinder.Found], citation: (Range<Int>) -> Citation) -> [ReportedSite] {
        var order: [String] = [], groups: [String: [SiteFinder.Found]] = [:]
        for site in found {
            let key = site.place.id + "/" + site.kind
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(site)
        }
        return order.map { key in
            let group = groups[key]!, first = group[0]
            var ranges: [Range<Int>] = []
            for site in group where !ranges.contains(site.sentence) { ranges.append(site.sentence) }
            let statement = strongest(group.map(\.statement))
            let site = Site(id: Self.slug(first.place.id + "-" + first.kind), name: Self.siteName(first.place.name, kind: first.kind), kind: first.kind,
                            status: statement.rawValue, activity: group.compactMap(\.activity).first, place: first.place,
                            citations: ranges.map(citation))
            return ReportedSite(site: site, statement: statement)
        }
    }

    /// A site's name: its place's, and its kind unless the name says it already ("Port of Rajin", not "Port of Rajin port").
    static func siteName(_ place: String, kind: String) -> String {
        place.lowercased().split(whereSeparator: { !$0.isLetter }).contains(Substring(kind.lowercased())) ? place : "\(place) \(kind)"
    }

    /// One route per start and end, citing every sentence that states it; the longest chain of stops and the known modes kept.
    private static func merge(_ found: [RouteFinder.Found], citation: (Range<Int>) -> Citation) -> [ReportedRoute] {
        var order: [String] = [], groups: [String: [RouteFinder.Found]] = [:]
        for route in found {
            let key = route.waypoints.first!.id + ">" + route.waypoints.last!.id
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(route)
        }
        return order.map { key in
            let group = groups[key]!
            var best = group.max { $0.waypoints.count < $1.waypoints.count }!
            if best.waypoints.count == 2, best.modes[0] == .unknown, let known = group.first(where: { $0.waypoints.count == 2 && $0.modes[0] != .unknown }) {
                best.modes = known.modes
            }
            var ranges: [Range<Int>] = []
            for route in group where !ranges.contains(route.sentence) { ranges.append(route.sentence) }
            var carries: [String] = []
            for word in group.flatMap(\.carries) where !carries.contains(where: { $0.lowercased() == word.lowercased() }) { carries.append(word) }
            let statement = strongest(group.map(\.statement))
            let waypoints = best.waypoints.map { Waypoint(match: PlaceMatch(place: $0, kind: .id, matchedName: $0.id, language: nil)) }
            let name = best.waypoints.map(\.name).joined(separator: " → ")
            let route = SupplyRoute(
                id: slug(best.waypoints.map(\.id).joined(separator: "-to-")), name: name, status: statement.rawValue,
                carries: carries.isEmpty ? nil : carries.joined(separator: ", "), waypoints: waypoints,
                legs: zip(best.modes, best.vias).map { LegDescription(mode: $0, via: $1) }, citations: ranges.map(citation)
            )
            return ReportedRoute(route: route, statement: statement)
        }
    }

    /// The firmest of several statements of one thing: asserted over reported over hypothetical over denied.
    private static func strongest(_ statements: [Statement]) -> Statement {
        [Statement.asserted, .reported, .hypothetical, .denied].first(where: statements.contains) ?? .asserted
    }

    /// A claim with its subject settled (the sentence's own place, else the site or place the text last spoke of), measured and judged.
    private func claim(_ found: ClaimFinder.Found, sites: [SiteFinder.Found], mentions: [Mention], citation: (Range<Int>) -> Citation) -> Claim {
        // A part of an area locates only what its own sentence names ("Dunay in eastern Russia"): a place
        // named sentences earlier is no more likely to be in "southern Africa" than anywhere else.
        // Nor does something the sentence brings in unnamed ("a base south of London").
        let subject = found.inPart || found.locatesNewThing ? found.subject : found.subject
            ?? sites.last(where: { $0.place.id != found.reference.id && $0.sentence.upperBound <= found.range.upperBound && !$0.isIncident })?.place
            ?? mentions.last(where: { $0.end <= found.range.lowerBound && $0.place.id != found.reference.id && ClaimFinder.pointLike($0.place) })?.place
        var measured: Claim.Measured?
        var unmeasured = ""
        if let subject, found.inPart {
            // "in eastern Chad": the bearing from the area's own point.
            let inverse = geodesic.inverse(from: found.reference.coordinate, to: subject.coordinate)
            measured = Claim.Measured(distance: inverse.distance, azimuth: inverse.initialAzimuth, from: found.reference.coordinate)
            // In a country with an outline: where the place lies within the country's extent, not its bearing from one point.
            if let code = found.reference.country, found.reference.kind == .country, let country = WorldGeometry.naturalEarth50m.country(code: code),
               let (verdict, reason) = ClaimCheck.partVerdict(found.stated, place: subject.coordinate, placeName: subject.name, country: country,
                                                              around: found.reference.coordinate) {
                return Claim(citation: citation(found.range), subject: subject, reference: found.reference, referenceIsArea: found.referenceIsArea,
                             stated: found.stated, measured: measured, verdict: verdict, reason: reason)
            }
        } else if found.inPart {
            unmeasured = "\(ClaimCheck.describe(found.stated)) puts something in part of \(found.reference.name) without naming it"
        } else if let subject {
            if found.referenceIsArea {
                if let code = found.reference.country, found.reference.kind == .country,
                   let country = WorldGeometry.naturalEarth50m.country(code: code),
                   let nearest = WorldGeometry.naturalEarth50m.nearestBoundaryPoint(of: country, to: subject.coordinate) {
                    let inverse = geodesic.inverse(from: nearest.point, to: subject.coordinate)
                    measured = Claim.Measured(distance: nearest.distance, azimuth: inverse.initialAzimuth, from: nearest.point)
                } else {
                    unmeasured = "the distance to \(found.reference.name)'s nearest point needs its outline, and routemap has outlines of countries only"
                }
            } else {
                let inverse = geodesic.inverse(from: found.reference.coordinate, to: subject.coordinate)
                measured = Claim.Measured(distance: inverse.distance, azimuth: inverse.initialAzimuth, from: found.reference.coordinate)
            }
        } else {
            unmeasured = "the text does not name the place it puts at \(ClaimCheck.describe(found.stated))"
        }
        let (verdict, reason) = ClaimCheck.verdict(stated: found.stated, measured: measured, unmeasured: unmeasured, alongRoute: found.alongRoute)
        return Claim(citation: citation(found.range), subject: subject, reference: found.reference, referenceIsArea: found.referenceIsArea,
                     stated: found.stated, measured: measured, verdict: verdict, reason: reason)
    }

    /// Lowercase words joined by hyphens, as gazetteer ids are written.
    static func slug(_ text: String) -> String {
        var out = "", hyphen = false
        for c in ReportText.fold(text) {
            if c.isLetter || c.isNumber { out.append(c); hyphen = false } else if !hyphen, !out.isEmpty { out.append("-"); hyphen = true }
        }
        return out.hasSuffix("-") ? String(out.dropLast()) : out
    }
}
