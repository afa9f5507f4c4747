// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// `make fuzz` sets ROUTEMAP_FUZZ: the libraries get libFuzzer's coverage instrumentation and
/// AddressSanitizer, and the routemap-fuzz executable (Fuzz/Sources) links libFuzzer.
let fuzzing = ProcessInfo.processInfo.environment["ROUTEMAP_FUZZ"] != nil
let instrumented: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []

let package = Package(
    name: "routemap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "routemap", targets: ["routemap"]),
        .library(name: "RouteMap", targets: ["RouteMap"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // PROJ's C API; libproj itself is opened on first use (Sources/CProj/ProjLibrary.c), which
        // needs PROJ's headers (Debian's libproj-dev) to build and its library to run.
        .target(name: "CProj", linkerSettings: [.linkedLibrary("dl"), .linkedLibrary("pthread")]),
        .target(name: "Coordinates", swiftSettings: instrumented),
        .target(name: "GeoJSON", swiftSettings: instrumented),
        .target(name: "DecimalText", swiftSettings: instrumented),
        // What a command reads and writes: outputs written whole or straight through, inputs read
        // with stated limits, text made safe for a terminal.
        .target(name: "CommandIO", dependencies: ["TerminalSafe"], swiftSettings: instrumented),
        // Text made safe to print: control characters escaped, long quotes of data cut short.
        .target(name: "TerminalSafe", swiftSettings: instrumented),
        .target(name: "OrderedWork"),
        .target(name: "Geodesy", dependencies: ["CProj", "Coordinates", "DecimalText", "TerminalSafe"], swiftSettings: instrumented),
        // zlib (Debian's zlib1g-dev): the gazetteer's large tables are embedded deflated and inflated when an index is built.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .executableTarget(name: "EmbedGazetteerTool", dependencies: ["CZlib"]),
        .plugin(name: "EmbedGazetteer", capability: .buildTool(), dependencies: ["EmbedGazetteerTool"]),
        .target(name: "Gazetteer", dependencies: ["Coordinates", "CZlib", "DecimalText", "TerminalSafe"], swiftSettings: instrumented, plugins: ["EmbedGazetteer"]),
        // Data files compiled into a module as text: worldgeometry/countries50.tsv, waterways/network.tsv.
        .executableTarget(name: "EmbedDataFileTool"),
        .plugin(name: "EmbedDataFile", capability: .buildTool(), dependencies: ["EmbedDataFileTool"]),
        .target(name: "WorldGeometry", dependencies: ["Coordinates", "DecimalText", "Geodesy"], swiftSettings: instrumented, plugins: ["EmbedDataFile"]),
        .target(name: "Waterways", dependencies: ["Coordinates", "Geodesy"], swiftSettings: instrumented, plugins: ["EmbedDataFile"]),
        .target(name: "Geoparser", dependencies: ["Coordinates", "Geodesy", "Gazetteer"], swiftSettings: instrumented, plugins: ["EmbedDataFile"]),
        .target(name: "RouteMap", dependencies: ["Coordinates", "DecimalText", "Geodesy", "Gazetteer", "GeoJSON", "TerminalSafe", "Waterways", "WorldGeometry"], swiftSettings: instrumented),
        .target(name: "ReportReader", dependencies: ["Coordinates", "Geodesy", "Gazetteer", "Geoparser", "RouteMap", "WorldGeometry"], swiftSettings: instrumented),
        // The system SQLite (Debian libsqlite3-dev), which the GeoPackage writer builds its file with.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "MapWriters", dependencies: ["Coordinates", "GeoJSON", "CSQLite"], swiftSettings: instrumented),
        .executableTarget(name: "EmbedMapAssetsTool"),
        .plugin(name: "EmbedMapAssets", capability: .buildTool(), dependencies: ["EmbedMapAssetsTool"]),
        .target(name: "Cartography", dependencies: ["Coordinates", "Geodesy", "GeoJSON", "MapWriters"], swiftSettings: instrumented, plugins: ["EmbedMapAssets"]),
        .executableTarget(
            name: "routemap",
            dependencies: ["RouteMap", "Geoparser", "ReportReader", "GeoJSON", "MapWriters", "Cartography", "OrderedWork", "CommandIO", "DecimalText", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(name: "FuzzTargets", dependencies: ["CommandIO", "Coordinates", "Gazetteer", "GeoJSON", "Geodesy", "Geoparser", "RouteMap"], swiftSettings: instrumented),
        .target(name: "TestScratch", path: "Tests/Support/TestScratch"),
        .testTarget(name: "CoordinatesTests", dependencies: ["Coordinates"]),
        .testTarget(name: "CommandIOTests", dependencies: ["TestScratch", "CommandIO", "TerminalSafe"]),
        .testTarget(name: "GeodesyTests", dependencies: ["Geodesy"]),
        .testTarget(name: "GazetteerTests", dependencies: ["TestScratch", "Gazetteer", "Geodesy"]),
        .testTarget(name: "GeoJSONTests", dependencies: ["GeoJSON"]),
        .testTarget(name: "GeoparserTests", dependencies: ["Geoparser"]),
        .testTarget(name: "RouteMapTests", dependencies: ["TestScratch", "RouteMap", "DecimalText", "Waterways", "WorldGeometry"]),
        .testTarget(name: "WorldGeometryTests", dependencies: ["WorldGeometry"]),
        .testTarget(name: "WaterwaysTests", dependencies: ["TestScratch", "Waterways", "Coordinates", "Geodesy"]),
        .testTarget(name: "ReportReaderTests", dependencies: ["ReportReader", "Geoparser", "Gazetteer"]),
        .testTarget(name: "MapWritersTests", dependencies: ["TestScratch", "MapWriters", "GeoJSON"]),
        .testTarget(name: "CartographyTests", dependencies: ["TestScratch", "Cartography", "MapWriters", "GeoJSON", "RouteMap", "Gazetteer", "Coordinates"]),
        .testTarget(name: "RoutemapCLITests", dependencies: ["TestScratch", "routemap", "Geodesy"]),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"]),
        .testTarget(name: "OrderedWorkTests", dependencies: ["OrderedWork"]),
    ],
    swiftLanguageModes: [.v6]
)

if fuzzing {
    package.products.append(.executable(name: "routemap-fuzz", targets: ["RoutemapFuzz"]))
    package.targets.append(.executableTarget(
        name: "RoutemapFuzz", dependencies: ["FuzzTargets"], path: "Fuzz/Sources",
        swiftSettings: instrumented + [.unsafeFlags(["-parse-as-library"])],
        linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
    ))
}
