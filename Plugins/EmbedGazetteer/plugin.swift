import Foundation
import PackagePlugin

/// Embeds `gazetteer/` (curated JSON records, world TSV tables) into the Gazetteer module so the binary needs no data files.
@main
struct EmbedGazetteer: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "gazetteer")
        let inputs = try recordFiles(under: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedGazetteer.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) gazetteer records",
                executable: try context.tool(named: "EmbedGazetteerTool").url,
                arguments: [root.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func recordFiles(under root: URL) throws -> [URL] {
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { ["json", "tsv", "geojson"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
    }
}
