import Foundation
import PackagePlugin

/// Embeds a module's committed data file (`worldgeometry/countries50.tsv` for WorldGeometry,
/// `waterways/network.tsv` for Waterways, `geoparser/given_names.txt` for Geoparser) as a string literal, so the binary needs no data files.
@main
struct EmbedDataFile: BuildToolPlugin {
    /// The data file each target embeds, relative to the package, and the Swift name it gets.
    static let files: [String: (path: String, name: String)] = [
        "WorldGeometry": ("worldgeometry/countries50.tsv", "embeddedCountriesText"),
        "Waterways": ("waterways/network.tsv", "embeddedNetworkText"),
        "Geoparser": ("geoparser/given_names.txt", "embeddedGivenNamesText"),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let file = Self.files[target.name] else { return [] }
        let input = context.package.directoryURL.appending(path: file.path)
        let output = context.pluginWorkDirectoryURL.appending(path: "Embedded\(target.name)Data.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(file.path)",
                executable: try context.tool(named: "EmbedDataFileTool").url,
                arguments: [input.path, file.name, output.path],
                inputFiles: [input],
                outputFiles: [output]
            )
        ]
    }
}
