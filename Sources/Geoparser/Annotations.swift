import Coordinates

/// One hand-checked toponym occurrence from a `*.toponyms.tsv` file.
public struct Annotation: Sendable, Equatable {
    public let start: Int
    public let end: Int
    public let surface: String
    /// The gazetteer id, or `geonames:ID` / `new:slug` for a place the gazetteer may lack.
    public let placeId: String
    /// The reference point, where the file gives one (`devset/`): a mention resolved within
    /// `Coverage.nearEnough` of it, or to an area containing it, is resolved correctly.
    public let reference: Coordinate?
    /// The annotated kind (`city`, `sea`, `country`…), where the file gives one.
    public let kind: String?
    /// The line of the TSV file it came from.
    public let line: Int

    /// An annotation; `reference` and `kind` are optional.
    public init(start: Int, end: Int, surface: String, placeId: String, reference: Coordinate? = nil, kind: String? = nil, line: Int) {
        (self.start, self.end, self.surface, self.placeId) = (start, end, surface, placeId)
        (self.reference, self.kind, self.line) = (reference, kind, line)
    }
}

/// Reads `start<TAB>end<TAB>surface<TAB>place_id` rows, optionally followed by `lat`, `lon`,
/// `kind` and `note` (the development set's form); `#` lines and the header are skipped.
public enum AnnotationFile {
    public static func parse(_ text: String, path: String) throws(AnnotationError) -> [Annotation] {
        var rows: [Annotation] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix("start\t") else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 || fields.count >= 6, let start = Int(fields[0]), let end = Int(fields[1]), start < end else {
                throw AnnotationError(location: "\(path):\(index + 1)", message: "expected start<TAB>end<TAB>surface<TAB>place_id[<TAB>lat<TAB>lon<TAB>kind<TAB>note] with start < end")
            }
            var reference: Coordinate?
            if fields.count >= 6 {
                guard let lat = Double(fields[4]), let lon = Double(fields[5]), (-90...90).contains(lat), (-180...180).contains(lon) else {
                    throw AnnotationError(location: "\(path):\(index + 1)", message: "lat and lon must be decimal degrees, latitude first (55.76\t37.62)")
                }
                reference = Coordinate(uncheckedLatitude: lat, longitude: lon)
            }
            rows.append(Annotation(start: start, end: end, surface: fields[2], placeId: fields[3], reference: reference,
                                   kind: fields.count >= 7 && !fields[6].isEmpty ? fields[6] : nil, line: index + 1))
        }
        return rows
    }
}

/// An annotation file that could not be read.
public struct AnnotationError: Error, Sendable, CustomStringConvertible {
    public let location: String
    public let message: String
    public var description: String { "\(location): \(message)" }
}
