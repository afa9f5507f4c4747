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
        let judgement = CommonWordJudgement(language: DocumentLanguage.guess(bytes))
        // Each block's candidates stay in an array of their own: one growing array for a whole
        // document would be copied, and its fresh pages zeroed, at every doubling.
        var blocks: [[Candidate]] = []
        var start = 0, scalarStart = 0
        while start < bytes.count {
            var end = min(bytes.count, start + Self.blockSize)
            while end < bytes.count, bytes[end - 1] != 0x0A { end += 1 }
            let (tokens, scalarEnd) = Tokenizer.tokens(in: bytes, from: start, to: end, scalarStart: scalarStart, words: &keys)
            var candidates: [Candidate] = []
            appendMatches(tokens, in: bytes, judgement: judgement, to: &candidates)
            blocks.append(candidates)
            (start, scalarStart) = (end, scalarEnd)
        }
        return Disambiguator(gazetteer: gazetteer, trie: trie).resolve(blocks, in: bytes).map { Self.withFinalDot($0, in: bytes) }
    }

    /// A dotted abbreviation keeps its last dot, as it is written and annotated: "U.S.", not "U.S".
    static func withFinalDot(_ mention: Mention, in bytes: UnsafeBufferPointer<UInt8>) -> Mention {
        guard mention.matchedName.hasSuffix("."), mention.byteRange.upperBound < bytes.count, bytes[mention.byteRange.upperBound] == 0x2E else {
            return mention
        }
        return Mention(surface: mention.surface + ".", start: mention.start, end: mention.end + 1,
                       byteRange: mention.byteRange.lowerBound..<mention.byteRange.upperBound + 1, place: mention.place,
                       entry: mention.entry, choice: mention.choice)
    }

    /// Bytes of text tokenised and matched at a time.
    static let blockSize = 1 << 16

    /// A run of words that names one or more places.
    struct Candidate {
        let start: Int
        let end: Int
        let byteRange: Range<Int>
        /// The trie node the words lead to.
        let node: Int32
        /// The node's names that fit the text, when not all of them do; nil when all do (the
        /// common case, in which every candidate of the node has the same rivals).
        let fitted: [NameEntry]?
    }

    /// Appends the names that `tokenArray` holds to `found`: at each word the longest name that fits, then on after it.
    private func appendMatches(_ tokenArray: [Token], in bytes: UnsafeBufferPointer<UInt8>, judgement: CommonWordJudgement, to found: inout [Candidate]) {
        tokenArray.withUnsafeBufferPointer { tokens in
            trie.summaries.withUnsafeBufferPointer { summaries in
                var i = 0
                while i < tokens.count {
                    guard tokens[i].word >= 0 else {
                        i += 1
                        continue
                    }
                    var node = PlaceNameTrie.root
                    var best: (last: Int, node: Int32, allFit: Bool)?
                    var j = i
                    var capitalised: UInt64 = 0  // bit k: the (k+1)th word of the run is capitalised
                    while j < tokens.count, j == i || Self.joins(tokens[j - 1], tokens[j], in: bytes) {
                        let id = tokens[j].word
                        guard id >= 0, let next = trie.child(of: node, word: id) else { break }
                        node = next
                        if tokens[j].isCapitalised, j - i < 64 { capitalised |= 1 << UInt64(j - i) }
                        let summary = summaries[Int(next)]
                        switch summary.rule {
                        case .none:
                            break
                        case .uniform:
                            if capitalised & summary.capitals == summary.capitals { best = (j, next, true) }
                        case .mixed:
                            var all = true, any = false
                            for entry in trie.entries[Int(next)] {
                                if Self.fits(entry, tokenArray[i...j], in: bytes) { any = true } else { all = false }
                            }
                            if any { best = (j, next, all) }
                        }
                        j += 1
                    }
                    guard let match = best, NotAPlace.reason(match: i...match.last, tokens: tokenArray, in: bytes, isCountry: {
                        trie.entries[Int(match.node)].allSatisfy { gazetteer.places[$0.placeIndex].kind == .country }
                    }) == nil else {
                        i += 1
                        continue
                    }
                    let fitted = match.allFit ? nil : trie.entries[Int(match.node)].filter { Self.fits($0, tokenArray[i...match.last], in: bytes) }
                    let entries = fitted ?? trie.entries[Int(match.node)]
                    if judgement.rejection(match: i...match.last, tokens: tokenArray, in: bytes, entries: entries,
                                           wellKnown: { entries.contains { CommonWordJudgement.isWellKnown(gazetteer.places[$0.placeIndex]) } }) != nil {
                        i += 1
                        continue
                    }
                    found.append(Candidate(start: tokens[i].start, end: tokens[match.last].end,
                                           byteRange: tokens[i].byteStart..<tokens[match.last].byteEnd, node: match.node, fitted: fitted))
                    i = match.last + 1
                }
            }
        }
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

    /// The id of a word as written, or -1; `asciiHash` is its case-folded `ByteKeyTable.Hash` when it is all ASCII.
    @inline(__always)
    mutating func id(of word: UnsafeBufferPointer<UInt8>, asciiHash: UInt64?) -> Int32 {
        if let asciiHash { return trie.asciiWordIds.value(for: word, hash: asciiHash) ?? -1 }
        if let known = cache.value(for: word) { return known }
        let id = trie.wordIds[TokenKey.key(String(decoding: word, as: UTF8.self))] ?? -1
        cache.insert(word, id)
        return id
    }
}
