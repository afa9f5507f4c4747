import Coordinates
import Gazetteer
import Geodesy

/// Finds the places a text names and resolves each against a gazetteer.
///
/// Rules: words never match inside other words; the longest name wins ("zona ekonomi khusus
/// Alabuga" is the SEZ, not "Alabuga"); a word capitalised in the gazetteer's name must be
/// capitalised in the text, and abbreviations (AS, US, UK, UE, RI) match only as written; Russian
/// case endings are ignored (Москве, Каспийском море); places inside organisation names
/// (Washington Post, Bank of Russia) are not mentions; where the words name several places,
/// the one that fits the document's other places wins, with the reason.
public struct Geoparser: Sendable {
    public let gazetteer: Gazetteer
    let trie: PlaceNameTrie

    /// A parser over `gazetteer`'s places, held in memory (a compiled gazetteer is read in once).
    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer.materialized()
        self.trie = PlaceNameTrie(gazetteer: self.gazetteer)
    }

    /// The mentions in `text`, in order.
    public func mentions(in text: String) -> [Mention] {
        var text = text
        return text.withUTF8 { mentions(inUTF8: $0) }
    }

    /// The mentions in UTF-8 bytes (invalid bytes read as U+FFFD: validate first with `UTF8Check`).
    public func mentions(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Mention] {
        let tokens = Tokenizer.tokens(in: bytes)
        let candidates = matches(tokens, in: bytes)
        return Disambiguator(gazetteer: gazetteer).resolve(candidates)
    }

    /// A run of words that names one or more places.
    struct Candidate {
        let surface: String
        let start: Int
        let end: Int
        let byteRange: Range<Int>
        let entries: [NameEntry]
    }

    private func matches(_ tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>) -> [Candidate] {
        var keys = WordKeyCache(trie: trie)
        var found: [Candidate] = []
        var i = 0
        while i < tokens.count {
            var node = PlaceNameTrie.root
            var best: (last: Int, entries: [NameEntry])?
            var j = i
            while j < tokens.count, j == i || Self.joins(tokens[j - 1], tokens[j], in: bytes) {
                guard let id = keys.id(of: tokens[j], in: bytes), let next = trie.child(of: node, word: id) else { break }
                node = next
                let fitting = trie.entries[Int(next)].filter { Self.fits($0, tokens[i...j], in: bytes) }
                if !fitting.isEmpty { best = (j, fitting) }
                j += 1
            }
            guard let match = best, !OrganisationNames.contains(match: i...match.last, tokens: tokens, in: bytes) else {
                i += 1
                continue
            }
            let range = tokens[i].byteStart..<tokens[match.last].byteEnd
            found.append(Candidate(surface: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self),
                                   start: tokens[i].start, end: tokens[match.last].end, byteRange: range, entries: match.entries))
            i = match.last + 1
        }
        return found
    }

    /// Two words belong to one name only when a short run of spaces or name punctuation, no line break, separates them.
    static func joins(_ a: Token, _ b: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let gap = bytes[a.byteEnd..<b.byteStart]
        guard gap.count <= 6 else { return false }
        return !gap.contains(0x0A) && !gap.contains(0x0D)
    }

    /// The case rules: abbreviations exactly as written; capitalised name words capitalised in the text.
    static func fits(_ entry: NameEntry, _ words: ArraySlice<Token>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard entry.words.count == words.count else { return false }
        for (k, token) in words.enumerated() {
            if entry.isAbbreviation {
                guard UnsafeBufferPointer(rebasing: bytes[token.byteStart..<token.byteEnd]).elementsEqual(entry.words[k].utf8) else { return false }
            } else if entry.capitalised[k], !token.isCapitalised {
                return false
            }
        }
        return true
    }
}

/// Word ids by the word's bytes, so each distinct word is folded once per text.
struct WordKeyCache {
    let trie: PlaceNameTrie
    private var cache: [String: Int32] = [:]

    init(trie: PlaceNameTrie) {
        self.trie = trie
    }

    mutating func id(of token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let slice = UnsafeBufferPointer(rebasing: bytes[token.byteStart..<token.byteEnd])
        if slice.allSatisfy({ $0 < 0x80 }) {
            return trie.wordIds[TokenKey.asciiKey(slice)]
        }
        let raw = String(decoding: slice, as: UTF8.self)
        if let known = cache[raw] { return known < 0 ? nil : known }
        let id = trie.wordIds[TokenKey.key(raw)]
        cache[raw] = id ?? -1
        return id
    }
}
