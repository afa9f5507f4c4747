import Coordinates
import Geodesy
import Testing

/// Reference values from GeographicLib 2.1.2 (Debian geographiclib-tools), each produced by
/// `echo "LAT1 LON1 LAT2 LON2" | GeodSolve -i -p 9`, which prints azi1 azi2 s12.
/// PROJ 9.1.1's `echo … | geod +ellps=WGS84 -I -f %.9f` agrees to the printed millimetre
/// (it prints the back azimuth, azi2 ± 180, in the second column).
struct InverseCase: Sendable, CustomTestStringConvertible {
    let label: String
    let from: (Double, Double)
    let to: (Double, Double)
    let azimuth1: Double
    let azimuth2: Double
    let distance: Double
    var testDescription: String { label }
}

let inverseCases: [InverseCase] = [
    InverseCase(label: "Amirabad Port → Makhachkala", from: (36.854353, 53.305118), to: (42.97782, 47.50027),
                azimuth1: -34.29791635620912, azimuth2: -38.02990387307565, distance: 841295.661627459),
    InverseCase(label: "Moscow → Alabuga SEZ", from: (55.75204, 37.61781), to: (55.83278, 52.03722),
                azimuth1: 83.46114352971468, azimuth2: 95.40601806932321, distance: 902892.664694689),
    InverseCase(label: "nearly antipodal on the equator", from: (0, 0), to: (0.5, 179.5),
                azimuth1: 25.67187286829188, azimuth2: 154.32708546994161, distance: 19936288.578965314),
    InverseCase(label: "nearly antipodal off the equator", from: (-30, 0), to: (29.9, 179.8),
                azimuth1: 161.89052473632697, azimuth2: 18.09073724573950, distance: 19989832.827609532),
    InverseCase(label: "from the north pole", from: (90, 0), to: (-45, 30),
                azimuth1: 150, azimuth2: 180, distance: 14986910.107290467),
    InverseCase(label: "across ±180°", from: (60, 170), to: (60, -170),
                azimuth1: 81.31775968189135, azimuth2: 98.68224031810865, distance: 1111742.541655206),
    InverseCase(label: "Jakarta → Tehran", from: (-6.21462, 106.84513), to: (35.69439, 51.42151),
                azimuth1: -46.86983103929106, azimuth2: -63.17022938467632, distance: 7413479.572170963),
]

@Suite("Geodesics by PROJ agree with GeographicLib")
struct GeodesicTests {
    @Test("inverse: distance to 1 mm, azimuths to 1e-9°", arguments: inverseCases)
    func inverse(c: InverseCase) throws {
        let result = Geodesic.wgs84.inverse(
            from: try Coordinate(latitude: c.from.0, longitude: c.from.1),
            to: try Coordinate(latitude: c.to.0, longitude: c.to.1)
        )
        #expect(abs(result.distance - c.distance) <= 0.001)
        #expect(abs(result.initialAzimuth - c.azimuth1) <= 1e-9)
        #expect(abs(result.finalAzimuth - c.azimuth2) <= 1e-9)
    }

    /// `echo "36.86875 53.374121 -34.66 843462.008" | GeodSolve -p 9`
    /// → 42.97787512848715 47.50036460590490 -38.43687834049387
    @Test func direct() throws {
        let result = Geodesic.wgs84.direct(from: try Coordinate(latitude: 36.86875, longitude: 53.374121), azimuth: -34.66, distance: 843462.008)
        #expect(abs(result.end.latitude - 42.97787512848715) < 1e-11)
        #expect(abs(result.end.longitude - 47.50036460590490) < 1e-11)
        #expect(abs(result.finalAzimuth - -38.43687834049387) < 1e-9)
    }

    @Test("direct then inverse returns to the start distance", arguments: [0.0, 45, 90, 179.9, -120])
    func roundTrip(azimuth: Double) throws {
        let start = try Coordinate(latitude: 55.75204, longitude: 37.61781)
        let there = Geodesic.wgs84.direct(from: start, azimuth: azimuth, distance: 2_500_000)
        let back = Geodesic.wgs84.inverse(from: start, to: there.end)
        #expect(abs(back.distance - 2_500_000) < 1e-6)
    }

    @Test func bearings() {
        #expect(Bearing.degrees(-34.66) == 360 - 34.66)
        #expect(Bearing.compassPoint(-34.66) == "NW")
        #expect(Bearing.compassPoint(83.46) == "E")
        #expect(Bearing.direction(83.46) == "east")
        #expect(Bearing.direction(-34.66) == "north-west")
        #expect(Bearing.compassPoint(359) == "N")
    }
}

@Suite("libproj, opened on first use")
struct ProjLibraryTests {
    @Test("the library opened is libproj, and the headers' version is a real PROJ version")
    func opened() {
        #expect(ProjLibrary.fileName.hasPrefix("libproj"))
        let parts = ProjLibrary.headerVersion.split(separator: ".").compactMap { Int($0) }
        #expect(parts.count == 3 && parts[0] >= 6)
    }
}
