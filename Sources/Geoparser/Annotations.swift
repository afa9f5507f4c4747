/// One hand-checked toponym occurrence from a `*.toponyms.tsv` file.
public struct Annotation: Sendable, Equatable {
    public let start: Int
    public let end: Int
    public let surface: String
    public let placeId: String
    /// The line of the TSV file it came from.
    public let line: Int
}

/// Reads `start<TAB>end<TAB>surface<TAB>place_id` rows; `#` lines and the header are skipped.
public enum AnnotationFile {
    public static func parse(_ text: String, path: String) throws(AnnotationError) -> [Annotation] {
        var rows: [Annotation] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix("start\t") else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, let start = Int(fields[0]), let end = Int(fields[1]), start < end else {
                throw AnnotationError(location: "\(path):\(index + 1)", message: "expected start<TAB>end<TAB>surface<TAB>place_id with start < end")
            }
            rows.append(Annotation(start: start, end: end, surface: String(fields[2]), placeId: String(fields[3]), line: index + 1))
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
