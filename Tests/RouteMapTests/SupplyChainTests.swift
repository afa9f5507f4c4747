import Foundation
import GeoJSON
import Gazetteer
import RouteMap
import Testing

@Suite("Sites and routes from the seeds")
struct SupplyChainTests {
    static let gazetteer = try! Gazetteer.embedded()
    static let loader = SupplyChainLoader(gazetteer: gazetteer)

    @Test("the seeds' sites and route load, each with citations")
    func loads() throws {
        let (sites, routes) = try Self.loader.embedded()
        #expect(Set(sites.map(\.id)) == ["alabuga-drone-factory", "amirabad-port", "makhachkala-port"])
        #expect(routes.map(\.id) == ["amirabad-makhachkala-drones"])
        #expect(routes[0].legs == [LegDescription(mode: .sea, via: "caspian-sea")])
        #expect(sites.first { $0.id == "alabuga-drone-factory" }?.status == "under construction, expected to operate early next year")
    }

    @Test("every citation's quote is really at its range of its document")
    func citationsAreInTheDocuments() throws {
        let (sites, routes) = try Self.loader.embedded()
        let citations = sites.flatMap(\.citations) + routes.flatMap(\.citations) + sites.flatMap { $0.ranges.compactMap(\.citation) }
        #expect(citations.count == 10)
        for c in citations {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent(c.document), encoding: .utf8)
            let scalars = Array(text.unicodeScalars)
            try #require(c.end <= scalars.count, "\(c.document) [\(c.start), \(c.end)) is past the end")
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[c.start..<c.end])
            #expect(String(slice) == c.quote)
        }
    }

    /// `echo "55.75204 37.61781 55.83278 52.03722" | GeodSolve -i -p 9` → … 902892.664694688 m = 561.03 mi
    @Test("the factory lies inside the band the document's 'several hundred miles east of Moscow' draws")
    func severalHundredMiles() throws {
        let factory = try #require(try Self.loader.embedded().sites.first { $0.id == "alabuga-drone-factory" })
        #expect(factory.ranges.map(\.centre.id) == ["moscow", "moscow"])
        #expect(factory.ranges.map(\.radius.metres) == [200 * 1609.344, 900 * 1609.344])
        #expect(factory.ranges.allSatisfy { $0.citation?.quote == "beberapa ratus mil di timur Moskow" })
        let fromMoscow = 902892.664694688
        #expect(factory.ranges[0].radius.metres < fromMoscow && fromMoscow < factory.ranges[1].radius.metres)
        let collection = try MapFeatures().collection(sites: [factory], routes: [])
        #expect(collection.features.count == 3)
        #expect(collection.features.dropFirst().allSatisfy { $0.geometry?.typeName == "Polygon" })
    }

    @Test("a range with an unknown centre or a bad radius is a data error naming the file")
    func badRanges() throws {
        let site = """
        {"id": "s", "place": "moscow", "name": "S", "kind": "depot", "citations": [{"document": "d.txt", "start": 0, "end": 4, "quote": "Iran"}],
         "ranges": [{"centre": "CENTRE", "radius": "RADIUS", "label": "reach"}]}
        """
        for (centre, radius, message) in [("atlantis", "100 km", "centred on 'atlantis'"), ("moscow", "far", "bad length 'far'"), ("moscow", "-5km", "greater than zero")] {
            let text = site.replacingOccurrences(of: "CENTRE", with: centre).replacingOccurrences(of: "RADIUS", with: radius)
            #expect { try Self.loader.site(fromJSON: text, path: "gazetteer/sites/s.json") } throws: { error in
                "\(error)".contains("gazetteer/sites/s.json") && "\(error)".contains(message)
            }
        }
    }

    /// `echo "36.854353 53.305118 42.97782 47.50027" | GeodSolve -i -p 9` → … 841295.661627459
    @Test("the route's total agrees with GeodSolve")
    func routeTotal() throws {
        let route = try #require(try Self.loader.embedded().routes.first)
        let feature = MapFeatures().feature(route: route)
        let total = feature.properties.first { $0.0 == "total_m" }?.1
        guard case .number(let metres) = total else {
            Issue.record("no total_m")
            return
        }
        #expect(abs(metres - 841295.661627459) <= 0.001)
    }

    static let route = """
    {"id": "r", "name": "R", "waypoints": ["amirabad-port", {"lat": 42.9, "lon": 47.6}], "legs": [{"mode": "sea"}],
     "citations": [{"document": "d.txt", "start": 0, "end": 4, "quote": "Iran"}]}
    """

    @Test("broken site and route records say what is wrong", arguments: [
        (route.replacingOccurrences(of: "amirabad-port", with: "atlantis"), "passes place 'atlantis', which is not in the gazetteer"),
        (route.replacingOccurrences(of: #"[{"mode": "sea"}]"#, with: "[]"), "has 2 waypoints, so it needs 1 legs, not 0"),
        (route.replacingOccurrences(of: #""end": 4"#, with: #""end": 9"#), "does not span its 4-code-point quote"),
        (route.replacingOccurrences(of: #""sea""#, with: #""teleport""#), "cannot read the record"),
        (route.replacingOccurrences(of: "42.9", with: "142.9"), "latitude 142.9 is outside"),
        (route.replacingOccurrences(of: #"{"document": "d.txt", "start": 0, "end": 4, "quote": "Iran"}"#, with: ""), "cites no document"),
    ])
    func brokenRoute(json: String, message: String) {
        do {
            _ = try Self.loader.route(fromJSON: json, path: "routes/r.json")
            Issue.record("expected an error containing \(message)")
        } catch {
            #expect(error.description.hasPrefix("routes/r.json: "))
            #expect(error.description.contains(message), "got: \(error.description)")
        }
    }

    @Test func siteAtUnknownPlace() {
        let json = #"{"id": "s", "place": "atlantis", "name": "S", "kind": "port", "citations": []}"#
        #expect(throws: GazetteerError.self) { try Self.loader.site(fromJSON: json, path: "sites/s.json") }
    }
}
