import Coordinates
import Testing
import WorldGeometry

/// Natural Earth 1:50m countries against GDAL's SQLite dialect (SpatiaLite) on the same data,
/// /work/shared/data/naturalearth-50m/countries50.geojson (the file worldgeometry/countries50.tsv is derived from).
@Suite struct WorldGeometryTests {
    let world = WorldGeometry.naturalEarth50m

    /// ogrinfo -ro -q -dialect sqlite -sql "SELECT iso_a2 FROM countries50 WHERE ST_Intersects(geometry, MakePoint(LON, LAT, 4326))" countries50.geojson
    ///   MakePoint(27.56, -29.6) → LS; (49.87, 40.41) → AZ; (37.6178, 55.752) → RU; (51.0, 41.0) → none; (28.98, 41.03) → none
    @Test func pointsAreInTheCountriesGDALFinds() throws {
        #expect(world.country(containing: Coordinate(uncheckedLatitude: -29.6, longitude: 27.56))?.iso2 == "LS")  // a hole in South Africa
        #expect(world.country(containing: Coordinate(uncheckedLatitude: 40.41, longitude: 49.87))?.iso2 == "AZ")  // Absheron
        #expect(world.country(containing: Coordinate(uncheckedLatitude: 55.752, longitude: 37.6178))?.iso2 == "RU")
        #expect(world.country(containing: Coordinate(uncheckedLatitude: 41.0, longitude: 51.0)) == nil)  // the Caspian
        #expect(world.country(containing: Coordinate(uncheckedLatitude: 41.03, longitude: 28.98)) == nil)  // the Bosporus
        #expect(!world.isLand(Coordinate(uncheckedLatitude: 0, longitude: -30)))
    }

    @Test func countriesAreFoundByCode() {
        #expect(world.countries.count == 241)
        #expect(world.country(code: "ru")?.name == "Russia")
        #expect(world.country(code: "IRN")?.iso2 == "IR")
        #expect(world.country(code: "KOS")?.iso2 == nil)
    }

    /// The seeds' Caspian leg as the geodesic, Amirabad port → Makhachkala (36.854353, 53.305118 → 42.97782, 47.50027):
    ///   geod +ellps=WGS84 +lat_1=36.854353 +lon_1=53.305118 +lat_2=42.97782 +lon_2=47.50027 +n_S=2000 -f %.8f
    /// as a LINESTRING, then
    ///   SELECT iso_a2, ST_Length(ST_Intersection(geometry, line), 1) FROM countries50 WHERE ST_Intersects(geometry, line)
    ///   → AZ 36201.15 m, RU 28397.25 m, IR 0.06 m
    @Test func theCaspianGeodesicCrossesAbsheronAndDagestan() {
        let path = [Coordinate(uncheckedLatitude: 36.854353, longitude: 53.305118), Coordinate(uncheckedLatitude: 42.97782, longitude: 47.50027)]
        let crossed = world.crossings(along: path, step: 100)
        let byCode = Dictionary(uniqueKeysWithValues: crossed.countries.map { ($0.country.shortCode, $0.length) })
        #expect(abs((byCode["AZ"] ?? 0) - 36_201.15) < 300)
        #expect(abs((byCode["RU"] ?? 0) - 28_397.25) < 300)
        #expect(Set(byCode.keys).isSubset(of: ["AZ", "RU", "IR"]))
        #expect(abs(crossed.length - 841_295.66) < 1)  // GeodSolve -i: 841295.661627459
    }

    /// A "rail" leg from Rason (North Korea) to Tikhoretsk as the geodesic (42.34222, 130.39667 → 45.85307, 40.11874),
    /// by the same commands with +n_S=8000: CN 1197824 m, KZ 1613667 m, MN 301401 m, KP 64611 m, RU 3652899 m.
    @Test func aGeodesicFromNorthKoreaCrossesChinaMongoliaAndKazakhstan() {
        let path = [Coordinate(uncheckedLatitude: 42.34222, longitude: 130.39667), Coordinate(uncheckedLatitude: 45.85307, longitude: 40.11874)]
        let crossed = world.crossings(along: path, step: 500)
        let byCode = Dictionary(uniqueKeysWithValues: crossed.countries.map { ($0.country.shortCode, $0.length) })
        for (code, metres) in [("CN", 1_197_824.0), ("KZ", 1_613_667.0), ("MN", 301_401.0), ("KP", 64_611.0), ("RU", 3_652_899.0)] {
            #expect(abs((byCode[code] ?? 0) - metres) < 3_000, "\(code): \(byCode[code] ?? 0) m against \(metres)")
        }
        #expect(crossed.countries.map(\.country.shortCode).first == "KP")
    }

    @Test func landRunsAtTheEndsCanBeAllowed() {
        // from a point 2 km inland of the Caspian shore at Makhachkala out to sea: one short land run at the start
        let path = [Coordinate(uncheckedLatitude: 42.97782, longitude: 47.50027), Coordinate(uncheckedLatitude: 42.5, longitude: 49.0)]
        let crossed = world.crossings(along: path)
        #expect(crossed.landLength > 0)
        #expect(crossed.landRuns(exceptAtEnds: 3_000).isEmpty)
        #expect(!crossed.landRuns().isEmpty)
    }
}
