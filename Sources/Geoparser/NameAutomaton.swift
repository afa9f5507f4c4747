#if canImport(Glibc)
import Glibc
#endif
import Gazetteer

/// Every name of every place, compiled to one file the geoparser reads in place: word keys → word
/// ids, paths of word ids through the nodes, and at the end of each path the names that end there.
/// Built with the gazetteer index and kept beside it (`NameAutomaton.cached`), so a run that
/// extracts from one small report opens it and reads the few blocks its words lead to, instead of
/// reading every place and building the names' trie.
///
/// What the matcher sees of it is what it saw of the trie it replaces: a word's id
/// (`wordId`), a node's child along a word (`child`), a node's `NodeSummary`, and the names ending
/// at a node as `NameEntry` values (place, kind, language, name, words, capitals, abbreviation),
/// in the order the gazetteer lists them (`Geoparser.Session.entries(of:)`).
///
/// Layout (little-endian, sections 8-aligned; a `CheckedFile`): a 256-byte header; languages (16
/// bytes: string offset, length); word slots, an open-addressing table at most half full (32 bytes:
/// hash tag, key length, word id, first node, the key inline up to 16 bytes or its offset); longer
/// keys' bytes; edge keys (u64: node << 32 | word id) and children (i32), an open-addressing table; nodes (32
/// bytes: capitals mask, anchor, sole, first entry, entry count, rule); entries (32 bytes: place,
/// kind, abbreviation, language, name offset and length, word count, shape offset); shapes (a
/// capital bit per word, then an abbreviation's word ranges in its name); common words (24 bytes:
/// string offset, length, Zipf × 100 per `CommonWords.languages`), sorted; each place's parent's
/// index (i32, -1 for none); strings.
public final class NameAutomaton: Sendable {
    /// The version of the layout; an automaton of another version is rebuilt.
    public static let formatVersion: UInt32 = 5
    static let magic: [UInt8] = Array("RMNAMES1".utf8)
    /// Header bytes, the `CheckedFile` trailer included.
    public static let headerSize = 256
    static let noLanguage: UInt16 = 0xFFFF

    let file: CheckedFile
    /// Places the names point into (the gazetteer's count when built).
    public let placeCount: Int
    /// The gazetteer index it was built from: its sources' fingerprint and its own identity.
    public let builtFrom: (fingerprint: UInt64, index: UInt64)
    let wordKeyCount: Int, wordSlotMask: Int, edgeSlotMask: Int, edgeShift: UInt64, nodeCount: Int, entryCount: Int, languageCount: Int
    let languagesAt: Int, wordSlotsAt: Int, wordBytesAt: Int
    let edgeKeysAt: Int, edgeValuesAt: Int, nodesAt: Int, entriesAt: Int, shapesAt: Int, commonWordsAt: Int, parentsAt: Int, stringsAt: Int
    let commonWordCount: Int
    /// Language codes by index, read once.
    let languages: [String]

    /// The automaton in `file`; a file of another format or with sections outside it is an error.
    init(file: CheckedFile) throws(GazetteerError) {
        self.file = file
        let header = file.formatHeader
        func u64(_ offset: Int) -> Int { Int(truncatingIfNeeded: min(UInt64(littleEndian: header.loadUnaligned(fromByteOffset: offset, as: UInt64.self)), UInt64(Int32.max) << 16)) }
        let damaged = GazetteerError(location: file.path, message: "not a routemap name automaton of format \(Self.formatVersion); rebuild it with `routemap gazetteer build --force`")
        guard header.count >= 192, Array(header[0..<8]) == Self.magic,
              UInt32(littleEndian: header.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) == Self.formatVersion else { throw damaged }
        builtFrom = (UInt64(littleEndian: header.loadUnaligned(fromByteOffset: 16, as: UInt64.self)), UInt64(littleEndian: header.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
        placeCount = u64(32)
        wordKeyCount = u64(40)
        let wordSlotCount = u64(48)
        let edgeSlotCount = u64(64)
        nodeCount = u64(72)
        entryCount = u64(80)
        languageCount = u64(88)
        (languagesAt, wordSlotsAt, wordBytesAt) = (u64(96), u64(104), u64(112))
        (edgeKeysAt, edgeValuesAt, nodesAt, entriesAt, shapesAt, commonWordsAt, parentsAt, stringsAt) = (u64(120), u64(128), u64(136), u64(144), u64(152), u64(160), u64(168), u64(176))
        commonWordCount = u64(184)
        guard wordSlotCount.nonzeroBitCount == 1, edgeSlotCount.nonzeroBitCount == 1, nodeCount >= 1 else { throw damaged }
        wordSlotMask = wordSlotCount - 1
        edgeSlotMask = edgeSlotCount - 1
        edgeShift = UInt64(64 - edgeSlotCount.trailingZeroBitCount)
        // Each section must lie inside the file, in order, and be as long as its counts say.
        let sections = [(languagesAt, languageCount * 16), (wordSlotsAt, wordSlotCount * 32), (wordBytesAt, 0),
                        (edgeKeysAt, edgeSlotCount * 8), (edgeValuesAt, edgeSlotCount * 4),
                        (nodesAt, nodeCount * 32), (entriesAt, entryCount * 32), (shapesAt, 0), (commonWordsAt, commonWordCount * 24), (parentsAt, placeCount * 4), (stringsAt, 0)]
        var previousEnd = file.headerSize
        for (start, length) in sections {
            guard start >= previousEnd, start <= file.count, length <= file.count - start else { throw damaged }
            previousEnd = start + length
        }
        var languages: [String] = []
        for index in 0..<languageCount {
            let record = languagesAt + 16 * index
            let offset = Int(file.load(record, as: UInt64.self)), length = Int(file.load(record + 8, as: UInt32.self))
            languages.append(String(decoding: file.bytes(at: stringsAt + offset, count: length), as: UTF8.self))
        }
        self.languages = languages
    }

    /// Builds the automaton of `gazetteer`'s names in memory: for a gazetteer that is not compiled (tests, or a cache that cannot be written).
    public static func build(for gazetteer: Gazetteer) -> NameAutomaton {
        var builder = NameAutomatonBuilder()
        for index in 0..<gazetteer.count { builder.add(gazetteer.place(at: index), index: index) }
        let writer = CheckedFileWriter(inMemoryWithHeaderSize: headerSize)
        do {
            let bytes = try builder.write(to: writer, identity: (0, 0))!
            return try NameAutomaton(file: CheckedFile(memory: bytes, headerSize: headerSize, description: "(name automaton in memory)"))
        } catch {
            preconditionFailure("an automaton in memory cannot fail to be written or read: \(error)")
        }
    }

    /// The hash words are found by: `ByteKeyTable.Hash` with ASCII case folded (keys are stored folded).
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        ByteKeyTable.Hash.of(key, foldingASCIICase: true)
    }

    @inline(__always)
    static func edgeSlot(_ edge: UInt64, shift: UInt64) -> Int { Int((edge &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The slot of the word written `word` in the text (ASCII, case folded as it is compared), whose
    /// `ByteKeyTable.Hash` with folding is `hash`, or of the key `word` of a non-ASCII word; -1 when no name has it.
    ///
    /// A slot is 32 bytes, one cache line's half: hash tag, key length, word id, first node, and the
    /// key itself when it is 16 bytes or shorter (else where it is), so a word costs one memory read.
    @inline(__always)
    func slot(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let tag = UInt32(truncatingIfNeeded: hash >> 32)
        var slot = Int(truncatingIfNeeded: hash) & wordSlotMask
        for _ in 0...wordSlotMask {
            let at = wordSlotsAt + slot << 5
            guard file.ensure(at, 32) else { return -1 }
            let length = Int(raw(at + 4, as: UInt32.self))
            if length == 0 { return -1 }
            if raw(at, as: UInt32.self) == tag, length == word.count {
                let key = length <= 16 ? UnsafeRawBufferPointer(start: file.base + at + 16, count: length)
                    : file.bytes(at: wordBytesAt + Int(truncatingIfNeeded: raw(at + 16, as: UInt64.self) & 0xFFFF_FFFF_FFFF), count: length)
                if key.count == length, Self.equalFoldingASCII(key, word) { return slot }
            }
            slot = (slot + 1) & wordSlotMask
        }
        return -1
    }

    /// The word in slot `slot` (from `slot(of:hash:)`), or `WordMatch.none` for -1.
    @inline(__always)
    func word(at slot: Int) -> WordMatch {
        guard slot >= 0 else { return .none }
        let at = wordSlotsAt + slot << 5
        guard file.ensure(at, 32) else { return .none }
        let first = raw(at + 12, as: Int32.self)
        return WordMatch(word: raw(at + 8, as: Int32.self), first: first > 0 && Int(first) < nodeCount ? first : -1)
    }

    /// A value at `offset` once its block is read (`file.ensure`), or 0 outside the file.
    @inline(__always)
    private func read<T: FixedWidthInteger>(_ offset: Int, as type: T.Type) -> T {
        guard file.ensure(offset, MemoryLayout<T>.size) else { return 0 }
        return raw(offset, as: type)
    }

    /// A value at `offset` whose block `file.ensure` has already read.
    @inline(__always)
    private func raw<T: FixedWidthInteger>(_ offset: Int, as type: T.Type) -> T {
        T(littleEndian: UnsafeRawPointer(file.base).loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// The stored key (lowercase) against the text's bytes, A–Z in the text read as a–z.
    @inline(__always)
    private static func equalFoldingASCII(_ key: UnsafeRawBufferPointer, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        for k in 0..<word.count {
            let b = word[k]
            if (b &- 0x41 < 26 ? b | 0x20 : b) != key[k] { return false }
        }
        return true
    }

    /// The slot of a word key (`TokenKey.key`), or -1.
    func slot(key: String) -> Int {
        var key = key
        return key.withUTF8 { slot(of: $0, hash: Self.hash($0)) }
    }

    /// How common the folded word (`NameNormalizer.key`) is in the document language `language`
    /// (`CommonWords`' Zipf frequency), or nil when it is rare there or no name has its key.
    func zipf(_ folded: String, language: String) -> Double? {
        guard let column = CommonWords.languages.firstIndex(of: language) else { return nil }
        var folded = folded
        return folded.withUTF8 { word -> Double? in
            var low = 0, high = commonWordCount
            while low < high {
                let middle = (low + high) / 2
                let record = commonWordsAt + 24 * middle
                let length = Int(read(record + 8, as: UInt16.self))
                let stored = file.bytes(at: stringsAt + Int(truncatingIfNeeded: min(read(record, as: UInt64.self), UInt64(Int32.max) << 16)), count: length)
                let common = min(stored.count, word.count)
                var order = common == 0 ? 0 : memcmp(stored.baseAddress!, word.baseAddress!, common)
                if order == 0 { order = stored.count < word.count ? -1 : stored.count > word.count ? 1 : 0 }
                if order == 0 {
                    let value = read(record + 12 + 2 * column, as: UInt16.self)
                    return value > 0 ? Double(value) / 100 : nil
                }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    /// The index of the place that contains place `index` (its `parent`), or nil when it has none the gazetteer holds.
    func parent(of index: Int) -> Int? {
        guard (0..<placeCount).contains(index) else { return nil }
        let parent = Int(read(parentsAt + 4 * index, as: Int32.self))
        return (0..<placeCount).contains(parent) ? parent : nil
    }

    /// The root node.
    static let root: Int32 = 0

    /// The child of `node` (not the root: a word's `first` is the root's child) along the word `id`, if any.
    @inline(__always)
    func child(of node: Int32, word id: Int32) -> Int32? {
        let edge = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
        var slot = Self.edgeSlot(edge, shift: edgeShift)
        for _ in 0...edgeSlotMask {
            let stored = read(edgeKeysAt + slot << 3, as: UInt64.self)
            if stored == edge {
                let child = read(edgeValuesAt + slot << 2, as: Int32.self)
                return child <= 0 || Int(child) >= nodeCount ? nil : child
            }
            if stored == .max { return nil }
            slot = (slot + 1) & edgeSlotMask
        }
        return nil
    }

    /// What the matcher and the disambiguator need of a node's names, without reading them.
    @inline(__always)
    func summary(_ node: Int32) -> NodeSummary {
        let at = nodesAt + Int(node) << 5
        guard file.ensure(at, 32) else { return NodeSummary(capitals: 0, anchor: -1, sole: -1, rule: .none) }
        let rule = NodeSummary.Rule(rawValue: raw(at + 28, as: UInt8.self)) ?? .none
        let anchor = raw(at + 8, as: Int32.self)
        return NodeSummary(capitals: raw(at, as: UInt64.self), anchor: Int(anchor) < placeCount ? anchor : -1, sole: raw(at + 12, as: Int32.self), rule: rule)
    }

    /// The entries (indexes into the entry table) of the names that end at `node`.
    func entryRange(of node: Int32) -> Range<Int> {
        let at = nodesAt + Int(node) << 5
        let first = Int(truncatingIfNeeded: min(file.load(at + 16, as: UInt64.self), UInt64(entryCount)))
        let count = Int(file.load(at + 24, as: UInt32.self))
        return first..<(first + min(count, entryCount - first))
    }

    /// The case rules for entry `e` against the words of a run of text: an abbreviation exactly as written,
    /// a capitalised name word capitalised in the text (`Geoparser.fits`, read from the file).
    func fits(_ e: Int, _ words: ArraySlice<Token>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let at = entriesAt + e << 5
        guard Int(file.load(at + 20, as: UInt32.self)) == words.count else { return false }
        let isAbbreviation = file.load(at + 5, as: UInt8.self) != 0
        let shape = shapesAt + Int(truncatingIfNeeded: min(file.load(at + 24, as: UInt64.self), UInt64(Int32.max) << 16))
        let name = stringsAt + Int(truncatingIfNeeded: min(file.load(at + 8, as: UInt64.self), UInt64(Int32.max) << 16))
        let bitBytes = (words.count + 7) / 8
        for (k, token) in words.enumerated() {
            if isAbbreviation {
                let range = shape + bitBytes + 8 * k
                let start = Int(file.load(range, as: UInt32.self)), length = Int(file.load(range + 4, as: UInt32.self))
                let written = file.bytes(at: name + start, count: length)
                guard written.count == token.byteEnd - token.byteStart,
                      written.elementsEqual(UnsafeBufferPointer(rebasing: bytes[token.byteStart..<token.byteEnd])) else { return false }
            } else if file.load(shape + k / 8, as: UInt8.self) & (1 << UInt8(k % 8)) != 0, !token.isCapitalised {
                return false
            }
        }
        return true
    }

    /// Entry `e` as a `NameEntry`, its words and capitals read back.
    func entry(_ e: Int) -> NameEntry {
        let at = entriesAt + e << 5
        let place = Int(file.load(at, as: UInt32.self))
        let kind = MatchKind(rawValue: Int(file.load(at + 4, as: UInt8.self))) ?? .otherLanguageAlias
        let isAbbreviation = file.load(at + 5, as: UInt8.self) != 0
        let language = Int(file.load(at + 6, as: UInt16.self))
        let nameBytes = file.bytes(at: stringsAt + Int(truncatingIfNeeded: min(file.load(at + 8, as: UInt64.self), UInt64(Int32.max) << 16)),
                                   count: Int(file.load(at + 16, as: UInt32.self)))
        let name = String(decoding: nameBytes, as: UTF8.self)
        let wordCount = Int(min(file.load(at + 20, as: UInt32.self), 1 << 16))
        let shape = shapesAt + Int(truncatingIfNeeded: min(file.load(at + 24, as: UInt64.self), UInt64(Int32.max) << 16))
        let capitalised = (0..<wordCount).map { k in file.load(shape + k / 8, as: UInt8.self) & (1 << UInt8(k % 8)) != 0 }
        // The words as written: cut from the name as the tokenizer cuts it.
        var words: [String] = []
        nameBytes.withMemoryRebound(to: UInt8.self) { utf8 in
            words = Tokenizer.tokens(in: utf8).map { String(decoding: UnsafeBufferPointer(rebasing: utf8[$0.byteStart..<$0.byteEnd]), as: UTF8.self) }
        }
        return NameEntry(placeIndex: min(place, max(placeCount - 1, 0)), kind: kind,
                         language: language < languages.count ? languages[language] : nil, name: name,
                         isAbbreviation: isAbbreviation, words: words, capitalised: capitalised)
    }
}

/// A node's names in brief. A node `n` words deep ends names of `n` words only, so when no name
/// there is an abbreviation and all capitalise the same words, one mask says which fit the text.
struct NodeSummary: Sendable {
    /// Which of the words must be capitalised in the text, when `rule` is `.uniform`.
    let capitals: UInt64
    /// The place every strongest name here names, or -1: a candidate of this node is an anchor.
    let anchor: Int32
    /// When every name here names one place: the index, in the node's entries, of the strongest.
    let sole: Int32
    let rule: Rule

    enum Rule: UInt8, Sendable {
        /// No name ends here.
        case none
        /// Every name fits or none does, as `capitals` says.
        case uniform
        /// Each name is checked on its own.
        case mixed
    }
}

/// One gazetteer name at the end of a path through the automaton, read back for the matcher's
/// rules and the disambiguator; a class, so that the many mentions of a name share it.
final class NameEntry: Sendable {
    let placeIndex: Int
    let kind: MatchKind
    let language: String?
    /// The name as the gazetteer writes it.
    let name: String
    /// Abbreviations match only as written, in capitals ("AS", never "as").
    let isAbbreviation: Bool
    /// The name's words as written, for the case rules.
    let words: [String]
    /// Which of the name's words start with a capital letter.
    let capitalised: [Bool]

    init(placeIndex: Int, kind: MatchKind, language: String?, name: String, isAbbreviation: Bool, words: [String], capitalised: [Bool]) {
        (self.placeIndex, self.kind, self.language, self.name) = (placeIndex, kind, language, name)
        (self.isAbbreviation, self.words, self.capitalised) = (isAbbreviation, words, capitalised)
    }
}
