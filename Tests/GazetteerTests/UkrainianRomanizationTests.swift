@testable import Gazetteer
import Testing

/// Expected spellings: Ukraine's national romanisation (Cabinet of Ministers resolution 55 of 2010), as the
/// places' own articles and news agencies write them; the inputs are GeoNames' names in cities.tsv.
@Suite("Ukrainian places under the spellings English-language reports use")
struct UkrainianRomanizationTests {
    @Test("GeoNames' BGN spellings give the national ones", arguments: [
        ("Avdiyivka", ["Avdiivka"]), ("Kupyansk", ["Kupiansk"]), ("Izyum", ["Izium"]), ("Kostyantynivka", ["Kostiantynivka"]),
        ("Balakliya", ["Balakliia", "Balaklia"]), ("Dzhankoy", ["Dzhankoi"]), ("Feodosiya", ["Feodosiia", "Feodosia"]),
        ("Yenakiyeve", ["Yenakiieve"]), ("Slovyansk", ["Sloviansk"]), ("Vinnytsya", ["Vinnytsia"]),
        ("Kyiv", []), ("Kyyiv", ["Kyiv"]), ("Kharkiv", []), ("Khmelnytskyy", ["Khmelnytskyi"]), ("Kryvyi Rih", []), ("Yalta", []),
        ("Yevpatoriya", ["Yevpatoriia", "Yevpatoria"]),
    ])
    func variants(geonames: String, national: [String]) {
        #expect(UkrainianRomanization.nationalVariants(of: geonames) == national)
    }

    @Test("the world gazetteer answers to them: Avdiivka, Kupiansk, Izium, Dzhankoi, Feodosia")
    func worldResolves() throws {
        let gazetteer = try Gazetteer.world()
        for (query, id) in [("Avdiivka", "avdiyivka"), ("Kupiansk", "kupyansk"), ("Izium", "izyum"), ("Dzhankoi", "dzhankoy"), ("Feodosia", "feodosiya")] {
            guard case .resolved(let match, _) = gazetteer.resolve(query) else { Issue.record("\(query) not resolved"); continue }
            #expect(match.place.id == id, "\(query)")
        }
    }
}
