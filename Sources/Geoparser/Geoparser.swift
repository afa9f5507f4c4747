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
    ///
    /// The text is read in blocks of whole lines (at least `blockSize` bytes, or to the end of a
    /// longer line): no name runs on across a line break, so cutting there changes no match, and
    /// only one block's words are held at a time. Disambiguation then sees the whole document.
    public func mentions(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Mention] {
        var keys = WordKeyCache(trie: trie)
        var candidates: [Candidate] = []
        var start = 0, scalarStart = 0
        while start < bytes.count {
            var end = min(bytes.count, start + Self.blockSize)
            while end < bytes.count, bytes[end - 1] != 0x0A { end += 1 }
            let (tokens, scalarEnd) = Tokenizer.tokens(in: bytes, from: start, to: end, scalarStart: scalarStart)
            candidates += matches(tokens, in: bytes, keys: &keys)
            (start, scalarStart) = (end, scalarEnd)
        }
        return Disambiguator(gazetteer: gazetteer).resolve(candidates)
    }

    /// Bytes of text tokenised and matched at a time.
    static let blockSize = 1 << 16

    /// A run of words that names one or more places.
    struct Candidate {
        let surface: String
        let start: Int
        let end: Int
        let byteRange: Range<Int>
        let entries: [NameEntry]
    }

    private func matches(_ tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>, keys: inout WordKeyCache) -> [Candidate] {
        var found: [Candidate] = []
        var i = 0
        while i < tokens.count {
            var node = PlaceNameTrie.root
            var best: (last: Int, entries: [NameEntry])?
            var j = i
            while j < tokens.count, j == i || Self.joins(tokens[j - 1], tokens[j], in: bytes) {
                guard let id = keys.id(of: tokens[j], in: bytes), let next = trie.child(of: node, word: id) else { break }
                node = next
                let here = trie.entries[Int(next)]
                let fitting = here.allSatisfy { Self.fits($0, tokens[i...j], in: bytes) } ? here : here.filter { Self.fits($0, tokens[i...j], in: bytes) }
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
    /// Non-ASCII words as written → word id, or -1 for a word that is in no name.
    private var cache = ByteKeyTable(foldingASCIICase: false)

    init(trie: PlaceNameTrie) {
        self.trie = trie
    }

    mutating func id(of token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let slice = UnsafeBufferPointer(rebasing: bytes[token.byteStart..<token.byteEnd])
        if slice.allSatisfy({ $0 < 0x80 }) {
            return trie.asciiWordIds.value(for: slice)
        }
        if let known = cache.value(for: slice) { return known < 0 ? nil : known }
        let id = trie.wordIds[TokenKey.key(String(decoding: slice, as: UTF8.self))]
        cache.insert(slice, id ?? -1)
        return id
    }
}
