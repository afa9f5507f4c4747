import Foundation
import PackagePlugin

/// Embeds `cartography/` (the base map's GeoJSON, Leaflet's script and stylesheet) into the
/// Cartography module, so a map is drawn with no data files beside the binary.
@main
struct EmbedMapAssets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "cartography")
        let inputs = try assetFiles(under: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMapAssets.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) map assets",
                executable: try context.tool(named: "EmbedMapAssetsTool").url,
                arguments: [root.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func assetFiles(under root: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { ["geojson", "js", "css"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
    }
}
