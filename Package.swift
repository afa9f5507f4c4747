// swift-tools-version: 6.0
import PackageDescription

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
        .systemLibrary(
            name: "CProj",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"]), .brew(["proj"])]
        ),
        .target(name: "Coordinates"),
        .target(name: "GeoJSON"),
        .target(name: "DecimalText"),
        .target(name: "Geodesy", dependencies: ["CProj", "Coordinates", "DecimalText"]),
        .executableTarget(name: "EmbedGazetteerTool"),
        .plugin(name: "EmbedGazetteer", capability: .buildTool(), dependencies: ["EmbedGazetteerTool"]),
        .target(name: "Gazetteer", dependencies: ["Coordinates"], plugins: ["EmbedGazetteer"]),
        .target(name: "Geoparser", dependencies: ["Coordinates", "Geodesy", "Gazetteer"]),
        .target(name: "RouteMap", dependencies: ["Coordinates", "DecimalText", "Geodesy", "Gazetteer", "GeoJSON"]),
        .executableTarget(
            name: "routemap",
            dependencies: ["RouteMap", "Geoparser", "GeoJSON", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "CoordinatesTests", dependencies: ["Coordinates"]),
        .testTarget(name: "GeodesyTests", dependencies: ["Geodesy"]),
        .testTarget(name: "GazetteerTests", dependencies: ["Gazetteer"]),
        .testTarget(name: "GeoJSONTests", dependencies: ["GeoJSON"]),
        .testTarget(name: "GeoparserTests", dependencies: ["Geoparser"]),
        .testTarget(name: "RouteMapTests", dependencies: ["RouteMap", "DecimalText"]),
        .testTarget(name: "RoutemapCLITests", dependencies: ["routemap", "Geodesy"]),
    ],
    swiftLanguageModes: [.v6]
)
