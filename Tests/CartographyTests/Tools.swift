import Coordinates
import Foundation
import GeoJSON
import Gazetteer
import MapWriters
import RouteMap
import TestScratch

/// What a program printed and returned.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs a program found on PATH to the end, with a time limit.
func run(_ program: String, _ arguments: [String], stdin: [UInt8]? = nil) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = stdin == nil ? FileHandle.nullDevice : input
    try process.run()
    if let stdin {
        let writer = input.fileHandleForWriting
        Thread.detachNewThread {
            writer.write(Data(stdin))
            try? writer.close()
        }
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
}

/// A fresh temporary file path with the given extension, holding `bytes`.
func temporaryFile(_ bytes: [UInt8], extension ext: String) throws -> String {
    let url = ScratchSpace.path("cartography", suffix: ".\(ext)")
    try Data(bytes).write(to: url)
    return url.path
}

/// Pixels of a PNG, decoded by GDAL (libpng) into a binary PPM: an independent reader. Width,
/// height and a function from (x, y) to RGB.
struct DecodedPNG {
    let width: Int
    let height: Int
    private let pixels: [UInt8]

    func rgb(_ x: Int, _ y: Int) -> (Int, Int, Int) {
        let i = (y * width + x) * 3
        return (Int(pixels[i]), Int(pixels[i + 1]), Int(pixels[i + 2]))
    }

    /// How many distinct colours the image has (a blank image has one).
    var colourCount: Int {
        var seen = Set<Int>()
        for i in stride(from: 0, to: pixels.count, by: 3) { seen.insert(Int(pixels[i]) << 16 | Int(pixels[i + 1]) << 8 | Int(pixels[i + 2])) }
        return seen.count
    }

    /// How many pixels lie within `tolerance` (sum of channel differences) of a colour.
    func count(near colour: (Int, Int, Int), tolerance: Int = 40) -> Int {
        var n = 0
        for i in stride(from: 0, to: pixels.count, by: 3)
        where abs(Int(pixels[i]) - colour.0) + abs(Int(pixels[i + 1]) - colour.1) + abs(Int(pixels[i + 2]) - colour.2) <= tolerance {
            n += 1
        }
        return n
    }

    /// Decodes a PNG file: `gdal_translate -of PNM -b 1 -b 2 -b 3 FILE OUT.ppm` (Debian gdal-bin).
    init(file: String) throws {
        let ppm = file + ".ppm"
        let r = try run("gdal_translate", ["-q", "-of", "PNM", "-b", "1", "-b", "2", "-b", "3", file, ppm])
        guard r.status == 0 else { throw DecodeError(message: "gdal_translate: \(r.stderr)") }
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: ppm)))
        // "P6\n<width> <height>\n255\n" then RGB bytes.
        var fields: [Int] = []
        var index = 2, current = ""
        while fields.count < 3, index < bytes.count {
            let c = Character(UnicodeScalar(bytes[index]))
            if c.isNumber { current.append(c) } else if !current.isEmpty { fields.append(Int(current)!); current = "" }
            index += 1
        }
        guard bytes.starts(with: Array("P6".utf8)), fields.count == 3 else { throw DecodeError(message: "not a binary PPM") }
        (width, height) = (fields[0], fields[1])
        pixels = Array(bytes[index...])
        guard pixels.count == width * height * 3 else { throw DecodeError(message: "\(pixels.count) bytes for \(width)×\(height)") }
    }

    struct DecodeError: Error { let message: String }
}

/// Test documents made the way routemap makes its features: the seeds' sites, route and rings; a
/// route and a ring across ±180°; a route near the North Pole and a ring around it.
enum Samples {
    static let resolver = WaypointResolver(gazetteer: try! Gazetteer.embedded())

    static func ring(_ centre: String, km: Double, id: String) -> Feature {
        try! RangeRing(centre: try! resolver.waypoint(for: centre), radius: Length(km, .km)).feature(id: id)
    }

    static func route(_ id: String, _ from: String, _ to: String, mode: TransportMode) -> Feature {
        let waypoints = [try! resolver.waypoint(for: from), try! resolver.waypoint(for: to)]
        return MapFeatures().feature(route: SupplyRoute(id: id, name: "\(from) to \(to)", waypoints: waypoints, legs: [LegDescription(mode: mode)]))
    }

    static func site(_ id: String, _ name: String, kind: String, _ lat: Double, _ lon: Double) -> Feature {
        Feature(id: id, geometry: .point(Position(longitude: lon, latitude: lat)), properties: [("id", .string(id)), ("name", .string(name)), ("kind", .string(kind))])
    }

    static let seeds: MapDocument = {
        let loader = SupplyChainLoader(gazetteer: try! Gazetteer.embedded())
        let chain = try! loader.embedded()
        let collection = try! MapFeatures().collection(sites: chain.sites, routes: chain.routes)
        return MapDocument(title: "Iranian drones for Russia", attribution: ["Test"], features: collection.features)
    }()

    static let pacific = MapDocument(title: "Across the antimeridian", layers: [
        MapLayer(name: "ranges", features: [ring("65N,179E", km: 500, id: "bering-ring")]),
        MapLayer(name: "routes", features: [route("bering-route", "60N,170E", "60N,170W", mode: .sea)]),
        MapLayer(name: "sites", features: [site("west", "West port", kind: "port", 60, 170), site("east", "East port", kind: "port", 60, -170)]),
    ])

    static let polar = MapDocument(title: "Over the pole", layers: [
        MapLayer(name: "ranges", features: [ring("85N,10E", km: 800, id: "polar-ring")]),
        MapLayer(name: "routes", features: [route("polar-route", "80N,30E", "80N,150W", mode: .air)]),
        MapLayer(name: "sites", features: [site("a", "Camp A", kind: "depot", 80, 30), site("b", "Camp B", kind: "airbase", 80, -150)]),
    ])

    static let world = MapDocument(title: "Around the world", layers: [
        MapLayer(name: "sites", features: [site("ny", "New York", kind: "port", 40.7, -74), site("tokyo", "Tokyo", kind: "port", 35.7, 139.7),
                                           site("cape", "Cape Town", kind: "port", -33.9, 18.4)]),
    ])
}
