import Foundation
import GeoJSON
import MapWriters
import TestScratch

/// What a program printed and returned.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs a program found on PATH (GDAL's ogrinfo, sqlite3…) to the end.
func run(_ program: String, _ arguments: [String]) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
}

/// Writes bytes to a fresh temporary file with the given extension.
func temporaryFile(_ bytes: [UInt8], extension ext: String) throws -> String {
    let url = ScratchSpace.path("mapwriters", suffix: ".\(ext)")
    try Data(bytes).write(to: url)
    return url.path
}

func position(_ lon: Double, _ lat: Double) -> Position { Position(longitude: lon, latitude: lat) }

/// A document with every layer and geometry routemap writes: points, a line and a line cut at
/// ±180°, a ring and a ring cut at ±180°, nested and boolean properties, a layer of records
/// without geometry, and a layer mixing points and lines.
let sampleDocument: MapDocument = {
    let citations = JSONValue.array([.object([("document", .string("seeds/000.txt")), ("start", .integer(98)), ("end", .integer(171)), ("quote", .string("Iran membantu Rusia"))])])
    let sites = [
        Feature(id: "alabuga", geometry: .point(position(52.03722, 55.83278)), properties: [
            ("id", .string("alabuga")), ("name", .string("Alabuga drone factory")), ("kind", .string("factory")), ("confirmed", .bool(true)),
            ("mentions", .integer(4)), ("centre_latitude", .number(65)), ("citations", citations)]),
        Feature(id: "amirabad", geometry: .point(position(53.305118, 36.854353)), properties: [
            ("id", .string("amirabad")), ("name", .string("Amirabad Port")), ("kind", .string("port")), ("confirmed", .bool(false)),
            ("mentions", .integer(1)), ("centre_latitude", .number(42.97782)), ("citations", citations)]),
    ]
    let routes = [
        Feature(id: "caspian", geometry: .lineString([position(53.305118, 36.854353), position(47.50027, 42.97782)]), properties: [
            ("name", .string("Caspian")), ("mode", .string("sea")), ("total_m", .number(841295.661627459)),
            ("waypoints", .array([.object([("id", .string("amirabad")), ("name", .string("Amirabad Port"))])])),
            ("surfaces", .array([.string("sea"), .string("canal")]))]),
        Feature(id: "bering", geometry: .multiLineString([[position(170, 60), position(180, 60.378977)], [position(-180, 60.378977), position(-170, 60)]]),
                properties: [("name", .string("Bering")), ("mode", .string("air")), ("total_m", .number(1000))]),
    ]
    let ranges = [
        Feature(id: "square", geometry: .polygon([[position(10, 10), position(12, 10), position(12, 12), position(10, 12), position(10, 10)]]),
                properties: [("name", .string("a square")), ("radius", .string("100 km"))]),
        Feature(id: "cut", geometry: .multiPolygon([
            [[position(175, 60), position(180, 60), position(180, 62), position(175, 62), position(175, 60)]],
            [[position(-180, 60), position(-175, 60), position(-175, 62), position(-180, 62), position(-180, 60)]],
        ]), properties: [("name", .string("across ±180°"))]),
    ]
    let claims = [Feature(geometry: nil, properties: [("text", .string("Iran supplies drones")), ("confidence", .number(0.5))])]
    let mixed = [Feature(id: "p", geometry: .point(position(1, 1))), Feature(id: "l", geometry: .lineString([position(0, 0), position(1, 1)]))]
    return MapDocument(title: "Test <map> & friends", attribution: ["Test data"], layers: [
        MapLayer(name: "sites", features: sites), MapLayer(name: "routes", features: routes), MapLayer(name: "ranges", features: ranges),
        MapLayer(name: "claims", features: claims), MapLayer(name: "mixed", features: mixed),
    ])
}()
