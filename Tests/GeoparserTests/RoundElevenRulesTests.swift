@testable import Geoparser
import Gazetteer
import Testing

/// The eleventh round's classes of misses, each with a case it must fire on and a near case it must not: a region chosen for the
/// towns the document names inside it, Persian names written without the space a non-joining letter hides, and the divisions
/// and republics the world gained.
@Suite("Rules for the eleventh round of fresh reports")
struct RoundElevenRulesTests {
    static let parser = NotAPlaceTests.parser

    func surfaces(_ text: String) -> [String] {
        Self.parser.mentions(in: text).map { "\($0.surface)=\($0.place.id)" }
    }

    /// GeoNames: Paraná, Argentina (3841956), 247,139 people; Medianeira (3457359) and Realeza (3451138) lie in the Brazilian
    /// state of Paraná (`regions.tsv` parana-br).
    @Test("a region that holds towns the document names wins over a larger town of the same name")
    func regionHoldingNamedTowns() {
        // Argentina's city: +2 (Argentina named), +1 (a city), +1 (over 100,000 people); Brazil's state: +2 (inside Brazil), +1 (Realeza
        // within 300 km), +2 (holds Medianeira and Realeza).
        let text = "Police seized cigarettes in Medianeira and Realeza, in western Parana, Brazil, near the border with Paraguay and Argentina."
        #expect(surfaces(text).contains("Parana=parana-br"), "\(surfaces(text))")
        // Near miss: with no town of the state named, the Argentine city keeps its lead over the state.
        #expect(surfaces("Smugglers crossed from Paraguay to Argentina and reached Parana.").contains("Parana=parana"))
    }

    @Test("a Persian name is found with the space after a non-joining letter left out: 'مزارشریف'")
    func persianGluedNames() {
        #expect(surfaces("این شهروند افغان از فرودگاه مزارشریف عازم هند بود").contains("مزارشریف=mazar-e-sharif"))
        #expect(NameAutomatonBuilder.persianGlued("مزار شریف") == "مزارشریف")
        // Near miss: a space after a joining letter stays ('کابل' ends in a joining letter), and one word has none to drop.
        #expect(NameAutomatonBuilder.persianGlued("کابل شهر") == nil)
        #expect(NameAutomatonBuilder.persianGlued("تهران") == nil)
    }

    @Test("divisions and republics the world gained are found in running text", arguments: [
        ("Jade from Hpakant in Kachin State reaches Ruili.", "Kachin State=kachin-mm"),
        ("Сотрудники МВД и ФСБ республики Калмыкия и Астраханской области задержали проводников.", "Калмыкия=kalmykiya"),
        ("Fighting spread across Upper Nile in March.", "Upper Nile=upper-nile-ss"),
    ])
    func gainedDivisions(text: String, expected: String) {
        #expect(surfaces(text).contains(expected), "\(surfaces(text))")
    }
}
