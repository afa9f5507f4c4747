import Foundation
import Gazetteer

/// Checks citations against their documents: the file exists, the range lies inside it, and the
/// quote is the text at that range (code points, as `seeds/*.toponyms.tsv` count them).
enum CitationCheck {
    static func check(_ citations: [Citation], recordPath: String) throws(GazetteerError) {
        var documents: [String: [Unicode.Scalar]] = [:]
        for citation in citations {
            if documents[citation.document] == nil { documents[citation.document] = try load(citation.document, recordPath: recordPath) }
            let scalars = documents[citation.document]!
            guard citation.end <= scalars.count else {
                throw GazetteerError(location: recordPath, message: "citation [\(citation.start), \(citation.end)) is past the end of \(citation.document), which has \(scalars.count) code points; fix the range")
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[citation.start..<citation.end])
            guard String(text) == citation.quote else {
                throw GazetteerError(location: recordPath, message: "citation [\(citation.start), \(citation.end)) of \(citation.document) reads \"\(String(text).prefix(80))\", not the quote \"\(citation.quote.prefix(80))\"; fix the range or the quote")
            }
        }
    }

    private static func load(_ document: String, recordPath: String) throws(GazetteerError) -> [Unicode.Scalar] {
        // The working directory, then the record's folder and the two above it (a gazetteer
        // folder keeps records in sites/ and routes/, and its documents at its top).
        var folders = [(recordPath as NSString).deletingLastPathComponent]
        for _ in 0..<2 { folders.append((folders.last! as NSString).deletingLastPathComponent) }
        let candidates = [document] + folders.filter { !$0.isEmpty }.map { ($0 as NSString).appendingPathComponent(document) }
        for candidate in candidates {
            if let data = FileManager.default.contents(atPath: candidate) {
                guard let text = String(data: data, encoding: .utf8) else {
                    throw GazetteerError(location: recordPath, message: "cited document \(candidate) is not valid UTF-8")
                }
                return Array((text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).unicodeScalars)
            }
        }
        throw GazetteerError(location: recordPath, message: "cites \(document), which is not found (looked in the working directory, the record's folder and the two above it)")
    }
}
