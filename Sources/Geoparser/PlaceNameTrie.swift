import Gazetteer

/// One gazetteer name at the end of a path through the trie; a class, so that the many mentions
/// of a name share it rather than copy its strings.
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

/// Every name of every place, as paths of word keys: the longest path that fits the text wins.
struct PlaceNameTrie: Sendable {
    /// Word key → word id; a word not here starts and continues no name.
    private(set) var wordIds: [String: Int32] = [:]
    /// The ASCII word keys of `wordIds`, looked up by the text's bytes with case folded on the fly.
    private(set) var asciiWordIds = ByteKeyTable(foldingASCIICase: true)
    /// (node << 32 | word id) → child node, while the trie is built.
    private var children: [UInt64: Int32] = [:]
    /// The same edges in a flat table for lookups; the root's, by far the most looked up, in an array by word id.
    private var edges = EdgeTable(capacity: 0)
    private var rootChildren: [Int32] = []
    /// The names that end at each node.
    private(set) var entries: [[NameEntry]] = [[]]
    /// What the matcher and the disambiguator need of each node's names, without following them.
    private(set) var summaries: [NodeSummary] = []

    init(gazetteer: Gazetteer) {
        for (index, place) in gazetteer.places.enumerated() {
            add(place.name, NameEntry.Template(placeIndex: index, kind: .name, language: "en", isAbbreviation: false))
            for (language, names) in place.names.sorted(by: { $0.key < $1.key }) {
                let kind: MatchKind = Languages.documentLanguages.contains(language) ? .documentLanguageAlias : .otherLanguageAlias
                for name in names { add(name, .init(placeIndex: index, kind: kind, language: language, isAbbreviation: false)) }
            }
            for (language, names) in place.abbreviations.sorted(by: { $0.key < $1.key }) {
                for name in names { add(name, .init(placeIndex: index, kind: .documentLanguageAlias, language: language, isAbbreviation: true)) }
            }
        }
        edges = EdgeTable(capacity: children.count)
        rootChildren = Array(repeating: -1, count: wordIds.count)  // ids are below the count: each was the count when made
        for (edge, node) in children {
            if edge >> 32 == UInt64(UInt32(Self.root)) { rootChildren[Int(edge & 0xFFFF_FFFF)] = node } else { edges.insert(edge, node) }
        }
        children = [:]
        summaries = entries.map(NodeSummary.init)
        asciiWordIds = ByteKeyTable(capacity: wordIds.count, foldingASCIICase: true)
        for (key, id) in wordIds where key.utf8.allSatisfy({ $0 < 0x80 }) { asciiWordIds.insert(key, id) }
    }

    /// The root node.
    static let root: Int32 = 0

    /// The child of `node` along the word `id`, if any.
    @inline(__always)
    func child(of node: Int32, word id: Int32) -> Int32? {
        if node == Self.root {
            let child = rootChildren[Int(id)]
            return child < 0 ? nil : child
        }
        return edges.value(for: UInt64(UInt32(node)) << 32 | UInt64(UInt32(id)))
    }

    private mutating func add(_ name: String, _ template: NameEntry.Template) {
        var utf8 = Array(name.utf8)
        let tokens = utf8.withUnsafeMutableBufferPointer { Tokenizer.tokens(in: UnsafeBufferPointer($0)) }
        guard !tokens.isEmpty else { return }
        var node = Self.root, beforeLast = Self.root
        var words: [String] = [], lastFolded = ""
        for token in tokens {
            let word = String(decoding: utf8[token.byteStart..<token.byteEnd], as: UTF8.self)
            words.append(word)
            let folded = NameNormalizer.key(word)
            let key = TokenKey.key(folded: folded)
            let id = wordId(key)
            // Харьков stems to харьк, but Харькове, Харькова, Харькову stem to харьков: a name word
            // that lost -ов, -ев, -ин or -ын also answers to its whole form, the stem of its other cases.
            if folded != key, RussianStemmer.isCyrillic(folded), ["ов", "ев", "ин", "ын"].contains(where: folded.hasSuffix), wordIds[folded] == nil {
                wordIds[folded] = id
            }
            beforeLast = node
            lastFolded = folded
            node = child(of: node, word: id)
        }
        let entry = NameEntry(placeIndex: template.placeIndex, kind: template.kind, language: template.language, name: name,
                              isAbbreviation: template.isAbbreviation, words: words, capitalised: tokens.map(\.isCapitalised))
        insert(entry, at: node)
        // Китай stems to кита, as Китаю, Китае, Китаем do, but its genitive Китая loses -ая as an
        // adjective would, to кит: a name ending in -ай, -яй, -уй or -ей also answers to that stem.
        if RussianStemmer.isCyrillic(lastFolded), ["ай", "яй", "уй", "ей"].contains(where: lastFolded.hasSuffix) {
            let genitive = TokenKey.key(folded: String(lastFolded.dropLast()) + "я")
            if genitive != TokenKey.key(folded: lastFolded) { insert(entry, at: child(of: beforeLast, word: wordId(genitive))) }
        }
        utf8.removeAll()
    }

    /// The id of a word key, made when the key is new.
    private mutating func wordId(_ key: String) -> Int32 {
        if let id = wordIds[key] { return id }
        let id = Int32(wordIds.count)
        wordIds[key] = id
        return id
    }

    /// The child of `node` along word `id`, made when there is none (while building).
    private mutating func child(of node: Int32, word id: Int32) -> Int32 {
        let edge = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
        if let next = children[edge] { return next }
        let next = Int32(entries.count)
        entries.append([])
        children[edge] = next
        return next
    }

    /// Adds a name to the names ending at `node`: one entry per place and spelling, the stronger kind staying.
    private mutating func insert(_ entry: NameEntry, at node: Int32) {
        var list = entries[Int(node)]
        if let same = list.firstIndex(where: { $0.placeIndex == entry.placeIndex && $0.isAbbreviation == entry.isAbbreviation && $0.capitalised == entry.capitalised }) {
            if entry.kind < list[same].kind { list[same] = entry }
        } else {
            list.append(entry)
        }
        entries[Int(node)] = list
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

    init(_ entries: [NameEntry]) {
        let masks = Set(entries.map { entry in entry.capitalised.enumerated().reduce(UInt64(0)) { $1.element && $1.offset < 64 ? $0 | 1 << UInt64($1.offset) : $0 } })
        if entries.isEmpty {
            rule = .none
        } else {
            rule = masks.count == 1 && !entries.contains(where: \.isAbbreviation) && entries[0].capitalised.count <= 64 ? .uniform : .mixed
        }
        capitals = masks.first ?? 0
        anchor = Int32(Disambiguator.onlyStrongestPlace(entries) ?? -1)
        sole = Int32(Disambiguator.soleEntry(entries))
    }
}

extension NameEntry {
    /// What an entry is before its words are known.
    struct Template {
        let placeIndex: Int
        let kind: MatchKind
        let language: String?
        let isAbbreviation: Bool
    }
}

/// Trie edges (node << 32 | word id) → child node, by open addressing with a multiplicative hash:
/// no `Hasher` per lookup, as a `Dictionary` needs.
struct EdgeTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private let shift: UInt64

    /// A table for `capacity` edges, at most half full.
    init(capacity: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        keys = Array(repeating: .max, count: 1 << bits)
        values = Array(repeating: -1, count: 1 << bits)
        shift = 64 - bits
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    mutating func insert(_ key: UInt64, _ value: Int32) {
        var i = slot(key)
        while keys[i] != .max && keys[i] != key { i = (i + 1) & (keys.count - 1) }
        (keys[i], values[i]) = (key, value)
    }

    func value(for key: UInt64) -> Int32? {
        var i = slot(key)
        while true {
            let stored = keys[i]
            if stored == key { return values[i] }
            if stored == .max { return nil }
            i = (i + 1) & (keys.count - 1)
        }
    }
}
