import ArgumentParser
import Cartography
import Foundation
import MapWriters

/// The formats a map document is written in, chosen by `--format` or by `--out`'s extension;
/// `export` and `map` both write through these.
enum MapOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case geojson, geojsonseq, gpkg, kml, svg, png, html

    /// The format a file name's extension asks for; nil for an extension no format claims.
    init?(path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "geojson", "json": self = .geojson
        case "geojsons", "geojsonl", "geojsonseq", "jsonseq": self = .geojsonseq
        case "gpkg": self = .gpkg
        case "kml": self = .kml
        case "svg": self = .svg
        case "png": self = .png
        case "html", "htm": self = .html
        default: return nil
        }
    }

    /// Whether the bytes are binary (not for a terminal).
    var isBinary: Bool { self == .gpkg || self == .png }

    /// The format to write: `--format` when given (an `--out` whose extension names another format
    /// is a usage error), else `--out`'s extension, else GeoJSON.
    static func resolve(format: MapOutputFormat?, out: String?) throws -> MapOutputFormat {
        let named = out.flatMap { $0 == "-" ? nil : MapOutputFormat(path: $0) }
        if let format {
            if let named, named != format, !(format == .geojsonseq && named == .geojson) {
                throw ValidationError("--format \(format.rawValue) does not match --out '\(out!)', whose extension means \(named.rawValue); change one of them")
            }
            return format
        }
        var isDirectory: ObjCBool = false
        if let out, FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), isDirectory.boolValue {
            return format ?? .geojson  // writing says that a folder is not a file
        }
        if let out, out != "-", named == nil, let through = writtenThrough(out) { return through }
        if let out, out != "-", named == nil {
            throw ValidationError("cannot tell the format of '\(out)' from its extension; name it .geojson, .geojsonseq, .gpkg, .kml, .svg, .png or .html, or give --format")
        }
        return named ?? .geojson
    }

    /// The format for an `--out` that names no format by its extension but is written through as
    /// stdout is (`OutputFile`: a FIFO, a device, `/dev/stdout`, `/dev/fd/N`): its link's target's
    /// format when that names one, else GeoJSON, stdout's default. Nil for a regular file or a new name.
    private static func writtenThrough(_ path: String) -> MapOutputFormat? {
        var target = stat(), link = stat()
        guard stat(path, &target) == 0, lstat(path, &link) == 0 else { return nil }
        let isLink = link.st_mode & S_IFMT == S_IFLNK
        if isLink, let real = realpath(path, nil) {
            defer { free(real) }
            if let format = MapOutputFormat(path: String(cString: real)) { return format }
        }
        let type = target.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR || isLink ? .geojson : nil
    }

    /// The writer for this format.
    func writer(precision: Int) -> any MapWriter {
        switch self {
        case .geojson: GeoJSONMapWriter(precision: precision)
        case .geojsonseq: GeoJSONSeqMapWriter(precision: precision)
        case .gpkg: GeoPackageWriter()
        case .kml: KMLWriter()
        case .svg: SVGMapWriter()
        case .png: PNGMapWriter()
        case .html: HTMLMapWriter()
        }
    }

    /// Writes `document` in this format to `out` (a file, atomically) or stdout.
    func write(_ document: MapDocument, to out: String?, precision: Int) throws {
        if isBinary, out == nil || out == "-", isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("a \(rawValue) file is binary: write it with --out FILE.\(rawValue), or pipe stdout to a file")
        }
        let bytes: [UInt8]
        do {
            bytes = try writer(precision: precision).write(document)
        } catch {
            throw OutputError(path: out ?? "stdout", reason: error.message)
        }
        try writeResult(bytes, to: out)
    }
}
