import Foundation

/// Gazetteer data a user adds beside the embedded curated gazetteer (`--gazetteer PATH`, or the
/// `ROUTEMAP_GAZETTEER` environment variable, colon-separated): folders laid out like
/// `gazetteer/` or single files. `*.json` files are place records (site and route records when
/// under a `sites/` or `routes/` folder), `*.geojson` files are shapes named by place id, and
/// `*.txt`/`*.tsv` files are GeoNames dumps (`alternateNames*.txt`: the alternateNamesV2 table).
public struct GazetteerSources: Sendable {
    /// The environment variable that names extra sources, colon-separated.
    public static let environmentVariable = "ROUTEMAP_GAZETTEER"

    public private(set) var placeRecords: [(path: String, json: String)] = []
    public private(set) var siteRecords: [(path: String, json: String)] = []
    public private(set) var routeRecords: [(path: String, json: String)] = []
    /// Place id → GeoJSON text.
    public private(set) var shapes: [String: String] = [:]
    public private(set) var geonamesFiles: [String] = []
    public private(set) var alternateNameFiles: [String] = []
    /// Every file read or named, in order: what a compiled index of these sources depends on.
    public private(set) var files: [String] = []
    /// Each record's gazetteer folder (the `--gazetteer` folder it was found in; for a single file,
    /// its own folder): the only place its citations may point into.
    private var documentRoots: [String: String] = [:]

    /// The folder a record's cited documents must lie in.
    public func documentRoot(of recordPath: String) -> String? {
        documentRoots[recordPath]
    }

    /// Whether nothing was added.
    public var isEmpty: Bool {
        placeRecords.isEmpty && siteRecords.isEmpty && routeRecords.isEmpty && shapes.isEmpty && geonamesFiles.isEmpty
    }

    /// No extra sources.
    public init() {}

    /// Reads the files and folders at `paths`; a path that does not exist or a file of an unknown kind is an error.
    public init(paths: [String]) throws(GazetteerError) {
        for path in paths where !path.isEmpty {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw GazetteerError(location: path, message: "no such file or folder (named by --gazetteer or \(Self.environmentVariable))")
            }
            if isDirectory.boolValue {
                let files = (FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
                    .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                    .sorted()
                for relative in files where Self.kind(of: relative, inFolder: true) != nil {
                    let file = (path as NSString).appendingPathComponent(relative)
                    documentRoots[file] = path
                    try add(file: file, folderRelative: relative, inFolder: true)
                }
            } else {
                guard Self.kind(of: path, inFolder: false) != nil else {
                    throw GazetteerError(location: path, message: "not a gazetteer file: expected a place record (.json), a shape (.geojson) or a GeoNames dump (.txt, .tsv)")
                }
                let folder = (path as NSString).deletingLastPathComponent
                documentRoots[path] = folder.isEmpty ? "." : folder
                try add(file: path, folderRelative: (path as NSString).lastPathComponent, inFolder: false)
            }
        }
    }

    /// The paths in the environment variable, colon-separated, then `paths`.
    public static func from(paths: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws(GazetteerError) -> GazetteerSources {
        let fromEnvironment = environment[environmentVariable].map { $0.split(separator: ":").map(String.init) } ?? []
        return try GazetteerSources(paths: fromEnvironment + paths)
    }

    private enum FileKind { case record, shape, geonames, alternateNames }

    /// What a file holds, by its name. In a folder, a text file is a GeoNames dump only when it
    /// is named like one (allCountries.txt, cities15000.txt, RU.txt, alternateNamesV2.txt) or lies
    /// in a `geonames/` folder, so documents kept beside the records are not read as dumps.
    private static func kind(of path: String, inFolder: Bool) -> FileKind? {
        let name = (path as NSString).lastPathComponent
        switch (name as NSString).pathExtension.lowercased() {
        case "json": return .record
        case "geojson": return .shape
        case "txt", "tsv":
            if name.lowercased().hasPrefix("alternatenames") { return .alternateNames }
            let stem = (name as NSString).deletingPathExtension
            let geonamesNamed = stem == "allCountries" || stem.hasPrefix("cities") && stem.dropFirst(6).allSatisfy(\.isNumber)
                || stem.count == 2 && stem.allSatisfy { $0.isUppercase && $0.isASCII }
            return !inFolder || geonamesNamed || path.split(separator: "/").dropLast().contains("geonames") ? .geonames : nil
        default: return nil
        }
    }

    private mutating func add(file path: String, folderRelative: String, inFolder: Bool) throws(GazetteerError) {
        files.append(path)
        switch Self.kind(of: folderRelative, inFolder: inFolder) {
        case .record:
            let text = try Self.read(path)
            let folders = folderRelative.split(separator: "/").dropLast()
            if folders.contains("sites") { siteRecords.append((path, text)) }
            else if folders.contains("routes") { routeRecords.append((path, text)) }
            else { placeRecords.append((path, text)) }
        case .shape:
            shapes[((path as NSString).lastPathComponent as NSString).deletingPathExtension] = try Self.read(path)
        case .geonames: geonamesFiles.append(path)
        case .alternateNames: alternateNameFiles.append(path)
        case nil: break
        }
    }

    private static func read(_ path: String) throws(GazetteerError) -> String {
        try SourceFile.text(path)
    }
}
