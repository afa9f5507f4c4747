import Foundation
import Gazetteer
import TerminalSafe

/// Checks citations against their documents: the file exists, the range lies inside it, and the
/// quote is the text at that range (code points, as `seeds/*.toponyms.tsv` count them).
///
/// A record can only cite documents of its own: a relative path, without `..`, under its gazetteer
/// folder's root (the folder named by `--gazetteer`; for a single record file, its folder), or
/// under `seeds/` in the working directory (the project's documents, which the curated records
/// cite). Symbolic links are followed only while they stay inside that root. Errors never quote a
/// document's text, so a gazetteer folder from someone else cannot make routemap show a file.
enum CitationCheck {
    static func check(_ citations: [Citation], recordPath: String, documentRoot: String?) throws(GazetteerError) {
        var documents: [String: [Unicode.Scalar]] = [:]
        for citation in citations {
            if documents[citation.document] == nil {
                documents[citation.document] = try load(citation.document, recordPath: recordPath, documentRoot: documentRoot)
            }
            let scalars = documents[citation.document]!
            let name = TerminalText.excerpt(citation.document, limit: 200)
            guard citation.end <= scalars.count else {
                throw GazetteerError(location: recordPath, message: "citation [\(citation.start), \(citation.end)) is past the end of \(name), which has \(scalars.count) code points; fix the range")
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[citation.start..<citation.end])
            if String(text) != citation.quote {
                let quote = Array(citation.quote.unicodeScalars)
                let differing = zip(scalars[citation.start..<citation.end], quote).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(quote.count, citation.end - citation.start)
                throw GazetteerError(location: recordPath, message: "citation [\(citation.start), \(citation.end)) of \(name) does not hold its quote \"\(TerminalText.excerpt(citation.quote, limit: 80))\": the text differs from code point \(citation.start + differing) on; fix the range or the quote")
            }
        }
    }

    /// The folders a record's documents may lie in: its gazetteer folder, and the working directory's `seeds/`.
    static func roots(recordPath: String, documentRoot: String?) -> [(root: String, prefix: String)] {
        let own = documentRoot ?? (recordPath as NSString).deletingLastPathComponent
        return [(own.isEmpty ? "." : own, ""), (".", "seeds/")]
    }

    private static func load(_ document: String, recordPath: String, documentRoot: String?) throws(GazetteerError) -> [Unicode.Scalar] {
        let name = TerminalText.excerpt(document, limit: 200)
        let parts = document.split(separator: "/", omittingEmptySubsequences: false)
        guard !document.isEmpty, !document.hasPrefix("/"), !parts.contains(".."), !document.contains("\0") else {
            throw GazetteerError(location: recordPath, message: "cites \(name), which is not a relative path inside the gazetteer folder; cite documents by their path under the folder (no absolute paths, no '..')")
        }
        for (root, prefix) in roots(recordPath: recordPath, documentRoot: documentRoot) where document.hasPrefix(prefix) {
            let candidate = (root as NSString).appendingPathComponent(document)
            guard FileManager.default.fileExists(atPath: candidate) else { continue }
            // The file itself, links resolved, must still lie inside the root.
            let real = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
            let base = URL(fileURLWithPath: prefix.isEmpty ? root : (root as NSString).appendingPathComponent(prefix)).resolvingSymlinksInPath().path
            guard real.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
                throw GazetteerError(location: recordPath, message: "cites \(name), a link that leads outside the gazetteer folder; copy the document into the folder")
            }
            let text = try SourceFile.text(real, location: "\(recordPath): cited document \(name)")
            return Array(text.unicodeScalars)
        }
        let own = roots(recordPath: recordPath, documentRoot: documentRoot)[0].root
        throw GazetteerError(location: recordPath, message: "cites \(name), which is not found (looked in \(TerminalText.excerpt(own, limit: 200)), the record's gazetteer folder, and in seeds/ of the working directory)")
    }
}
