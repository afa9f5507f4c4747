import Gazetteer

/// Compiles every name of every place into a `NameAutomaton` file: the words' keys, the paths of
/// word ids that names are, and at the end of each path the names' facts (place, kind, language,
/// words, capitals, abbreviation), in the order the places come.
///
/// The rules are the matcher's: a name is cut into words as text is (`Tokenizer`), each word keyed
/// as text words are (`TokenKey`: folded, Cyrillic stemmed). A Russian name word that lost -ов,
/// -ев, -ин or -ын to the stemmer also answers to its whole form (Харьков: Харькове, Харькова
/// stem to харьков), and a name ending in -ай, -яй, -уй or -ей also ends at its genitive's stem
/// (Китай: Китая). One entry per place, spelling and capitalisation at each node, the stronger kind
/// staying. Everything is laid out in the order it was made, so the same places give the same bytes.
struct NameAutomatonBuilder {
    /// One name at the end of a path, as the builder holds it.
    private struct Record {
        var place: UInt32
        var kind: UInt8
        var isAbbreviation: Bool
        var language: UInt16
        var nameOffset: UInt64
        var nameLength: UInt32
        var wordCount: UInt32
        var shapeOffset: UInt64
        /// Which of the first 64 words are capitalised.
        var mask: UInt64
    }

    /// Word key → word id; keys in the order they were made (a key may share its id with another: the whole Russian form).
    private var wordIds: [String: Int32] = [:]
    private var keys: [(key: String, id: Int32)] = []
    private var wordIdCount: Int32 = 0
    /// (node << 32 | word id) → child, and the edges in the order they were made.
    private var children: [UInt64: Int32] = [:]
    private var edges: [(edge: UInt64, child: Int32)] = []
    private var nodeCount: Int32 = 1
    /// The names: records, each node's list (first, last, and the next record of each), and their pools.
    private var records: [Record] = []
    private var next: [Int32] = []
    private var first: [Int32] = [-1], last: [Int32] = [-1]
    private var names: [UInt8] = []
    private var shapes: [UInt8] = []
    private var languages: [String] = [], languageIndexes: [String: UInt16] = [:]
    /// The current place's records by (node, abbreviation, capitals): a place's duplicates meet only its own names.
    private var placeRecords: [PlaceKey: Int32] = [:]
    private var placeCount = 0
    /// Each place's index by its id (the first place of an id), and the parent id of each place that has one.
    private var indexById: [String: Int32] = [:]
    private var parentIds: [(place: Int, parent: String)] = []

    private struct PlaceKey: Hashable {
        let node: Int32
        let isAbbreviation: Bool
        let capitalised: [Bool]
    }

    /// Adds every name of `place`, the `index`-th place: its English name, its names by language, its abbreviations.
    mutating func add(_ place: Place, index: Int) {
        placeRecords.removeAll(keepingCapacity: true)
        placeCount = max(placeCount, index + 1)
        if indexById[place.id] == nil { indexById[place.id] = Int32(index) }
        if let parent = place.parent { parentIds.append((index, parent)) }
        add(place.name, place: index, kind: .name, language: "en", isAbbreviation: false)
        // "Christmas Island" is "Pulau Christmas" in Indonesian, which writes the island's word before the name.
        if place.name.hasSuffix(" Island"), place.name.count > 7 {
            add("Pulau " + place.name.dropLast(7), place: index, kind: .documentLanguageAlias, language: "id", isAbbreviation: false)
        }
        for (language, list) in place.names.sorted(by: { $0.key < $1.key }) {
            // An Iranian town's Arabic-script name of several words is Persian ("بندر جاسک"); one word may be a Persian word
            // ("مهاجران", migrants; a village's "نوار", a strip) and stays foreign: the towns' one-word Persian names are curated.
            // A city of 100,000 is written so in Persian even in one word ("آبادان"; libgeonames' Persian name is the Arabic "عبادان").
            let iranianTown = language == "arab" && place.kind != .village && place.country.map(Languages.persianScriptCountries.contains) == true
            let iranianCity = iranianTown && (place.population ?? 0) >= 100_000
            // An Arab country's town is written in Persian as in Arabic, one word or several ("بانیاس", "حمص").
            let arabTown = language == "arab" && place.kind == .city && place.country.map(Languages.arabicCountries.contains) == true
            let kind: MatchKind = Languages.documentLanguages.contains(language) ? .documentLanguageAlias : .otherLanguageAlias
            for name in list {
                let nameKind: MatchKind = iranianTown && name.contains(" ") || iranianCity || arabTown ? .documentLanguageAlias : kind
                add(name, place: index, kind: nameKind, language: language, isAbbreviation: false)
                // Persian writes a space after a letter that does not join the next one or none, as both look the same:
                // "مزار شریف" is also "مزارشریف".
                if language == "fa" || iranianTown, let glued = Self.persianGlued(name) {
                    add(glued, place: index, kind: nameKind, language: language, isAbbreviation: false)
                }
                // Indonesian news writes an ocean's word both ways: "Samudra Atlantik", "Samudera Atlantik".
                if language == "id", name.hasPrefix("Samudra "), !list.contains("Samudera " + name.dropFirst(8)) {
                    add("Samudera " + name.dropFirst(8), place: index, kind: kind, language: language, isAbbreviation: false)
                }
            }
        }
        for (language, list) in place.abbreviations.sorted(by: { $0.key < $1.key }) {
            for name in list { add(name, place: index, kind: .documentLanguageAlias, language: language, isAbbreviation: true) }
        }
    }

    /// Persian letters that join no letter after them: a space after one of them is invisible, and often left out.
    private static let nonJoining: Set<Character> = ["ا", "آ", "أ", "إ", "د", "ذ", "ر", "ز", "ژ", "و", "ؤ"]

    /// A Persian name of several words with the spaces after non-joining letters left out ("مزار شریف" → "مزارشریف"); nil when
    /// no space follows one.
    static func persianGlued(_ name: String) -> String? {
        var glued = "", previous: Character? = nil, changed = false
        for ch in name {
            if ch == " ", let p = previous, nonJoining.contains(p) { changed = true; continue }
            glued.append(ch)
            previous = ch
        }
        return changed ? glued : nil
    }

    private mutating func add(_ name: String, place: Int, kind: MatchKind, language: String?, isAbbreviation: Bool) {
        let utf8 = Array(name.utf8)
        let tokens = utf8.withUnsafeBufferPointer { Tokenizer.tokens(in: $0) }
        guard !tokens.isEmpty else { return }
        var node: Int32 = 0, beforeLast: Int32 = 0
        var lastFolded = ""
        for token in tokens {
            let folded = NameNormalizer.key(String(decoding: utf8[token.byteStart..<token.byteEnd], as: UTF8.self))
            let key = TokenKey.key(folded: folded)
            let id = wordId(key)
            if folded != key, RussianStemmer.isCyrillic(folded), ["ов", "ев", "ин", "ын"].contains(where: folded.hasSuffix), wordIds[folded] == nil {
                wordIds[folded] = id
                keys.append((folded, id))
            }
            beforeLast = node
            lastFolded = folded
            node = child(of: node, word: id)
        }
        let capitalised = NameCapitals.required(tokens, in: utf8)
        var record = Record(place: UInt32(place), kind: UInt8(kind.rawValue), isAbbreviation: isAbbreviation, language: languageIndex(language),
                            nameOffset: UInt64(names.count), nameLength: UInt32(utf8.count), wordCount: UInt32(tokens.count),
                            shapeOffset: UInt64(shapes.count), mask: 0)
        names.append(contentsOf: utf8)
        // The shape: a bit per word for its capital, then, for an abbreviation, each word's bytes in the name (matched as written).
        var bits = [UInt8](repeating: 0, count: (tokens.count + 7) / 8)
        for (k, isCapital) in capitalised.enumerated() where isCapital {
            bits[k / 8] |= 1 << UInt8(k % 8)
            if k < 64 { record.mask |= 1 << UInt64(k) }
        }
        shapes.append(contentsOf: bits)
        if isAbbreviation {
            for token in tokens {
                withUnsafeBytes(of: UInt32(token.byteStart).littleEndian) { shapes.append(contentsOf: $0) }
                withUnsafeBytes(of: UInt32(token.byteEnd - token.byteStart).littleEndian) { shapes.append(contentsOf: $0) }
            }
        }
        insert(record, at: node, capitalised: capitalised)
        if RussianStemmer.isCyrillic(lastFolded), ["ай", "яй", "уй", "ей"].contains(where: lastFolded.hasSuffix) {
            let genitive = TokenKey.key(folded: String(lastFolded.dropLast()) + "я")
            if genitive != TokenKey.key(folded: lastFolded) { insert(record, at: child(of: beforeLast, word: wordId(genitive)), capitalised: capitalised) }
        }
    }

    private mutating func languageIndex(_ language: String?) -> UInt16 {
        guard let language else { return NameAutomaton.noLanguage }
        if let index = languageIndexes[language] { return index }
        let index = UInt16(languages.count)
        languageIndexes[language] = index
        languages.append(language)
        return index
    }

    private mutating func wordId(_ key: String) -> Int32 {
        if let id = wordIds[key] { return id }
        let id = wordIdCount
        wordIdCount += 1
        wordIds[key] = id
        keys.append((key, id))
        return id
    }

    private mutating func child(of node: Int32, word id: Int32) -> Int32 {
        let edge = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
        if let existing = children[edge] { return existing }
        let made = nodeCount
        nodeCount += 1
        children[edge] = made
        edges.append((edge, made))
        first.append(-1)
        last.append(-1)
        return made
    }

    /// One record per place, spelling and capitalisation at a node: a stronger kind replaces a weaker one in place.
    private mutating func insert(_ record: Record, at node: Int32, capitalised: [Bool]) {
        let key = PlaceKey(node: node, isAbbreviation: record.isAbbreviation, capitalised: capitalised)
        if let same = placeRecords[key] {
            if record.kind < records[Int(same)].kind { records[Int(same)] = record }
            return
        }
        let index = Int32(records.count)
        records.append(record)
        next.append(-1)
        if last[Int(node)] >= 0 { next[Int(last[Int(node)])] = index } else { first[Int(node)] = index }
        last[Int(node)] = index
        placeRecords[key] = index
    }

    /// Writes the automaton: `identity` ties it to the index it was built from (`NameAutomaton.identity(of:)`).
    func write(to writer: CheckedFileWriter, identity: (fingerprint: UInt64, index: UInt64)) throws(GazetteerError) -> [UInt8]? {
        var offsets: [UInt64] = []
        func section() throws(GazetteerError) {
            try writer.pad(toMultipleOf: 8)
            offsets.append(UInt64(writer.count))
        }
        // Strings: the names, then the language codes.
        let languageStart = UInt64(names.count)
        var strings = names
        for language in languages { strings.append(contentsOf: language.utf8) }

        try section()  // languages
        var at = languageStart
        for language in languages {
            try writer.append(at)
            try writer.append(UInt32(language.utf8.count))
            try writer.append(UInt32(0))
            at += UInt64(language.utf8.count)
        }

        // Word keys: an open-addressing table of 32-byte slots, at most half full, filled in the order keys were made.
        var rootChildren = [Int32](repeating: -1, count: Int(wordIdCount))
        for (edge, child) in edges where edge >> 32 == 0 { rootChildren[Int(edge & 0xFFFF_FFFF)] = child }
        var slotCount = 16
        while slotCount < keys.count * 2 { slotCount <<= 1 }
        var slots = [UInt8](repeating: 0, count: slotCount * 32)
        var keyBytes: [UInt8] = []
        for (key, id) in keys {
            let bytes = Array(key.utf8)
            guard !bytes.isEmpty else { continue }
            let hash = bytes.withUnsafeBufferPointer { NameAutomaton.hash($0) }
            var slot = Int(truncatingIfNeeded: hash) & (slotCount - 1)
            while slots[slot * 32 + 4] != 0 || slots[slot * 32 + 5] != 0 || slots[slot * 32 + 6] != 0 || slots[slot * 32 + 7] != 0 {
                slot = (slot + 1) & (slotCount - 1)
            }
            var record: [UInt8] = []
            func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { record.append(contentsOf: $0) } }
            put(UInt32(truncatingIfNeeded: hash >> 32))
            put(UInt32(bytes.count))
            put(id)
            put(rootChildren[Int(id)])
            if bytes.count <= 16 {
                record += bytes + [UInt8](repeating: 0, count: 16 - bytes.count)
            } else {
                put(UInt64(keyBytes.count))
                put(UInt64(0))
                keyBytes += bytes
            }
            slots.replaceSubrange(slot * 32..<slot * 32 + 32, with: record)
        }
        try section()
        try writer.append(contentsOf: slots)
        try section()
        try writer.append(contentsOf: keyBytes)

        // Edges but the root's (which the word slots hold) in an open-addressing table.
        let inner = edges.filter { $0.edge >> 32 != 0 }
        var edgeSlotCount = 16
        while edgeSlotCount < inner.count * 2 { edgeSlotCount <<= 1 }
        var edgeKeys = [UInt64](repeating: .max, count: edgeSlotCount), edgeValues = [Int32](repeating: -1, count: edgeSlotCount)
        for (edge, child) in inner {
            var slot = NameAutomaton.edgeSlot(edge, shift: UInt64(64 - edgeSlotCount.trailingZeroBitCount))
            while edgeKeys[slot] != .max { slot = (slot + 1) & (edgeSlotCount - 1) }
            (edgeKeys[slot], edgeValues[slot]) = (edge, child)
        }
        try section()
        try writer.append(contentsOf: edgeKeys)
        try section()
        try writer.append(contentsOf: edgeValues)

        // Nodes, each with its summary, and the entries in node order.
        try section()
        var entryOrder: [Int32] = []
        entryOrder.reserveCapacity(records.count)
        for node in 0..<Int(nodeCount) {
            let firstEntry = entryOrder.count
            var r = first[node]
            while r >= 0 {
                entryOrder.append(r)
                r = next[Int(r)]
            }
            let list = entryOrder[firstEntry...].map { records[Int($0)] }
            let summary = Self.summary(of: list)
            try writer.append(summary.capitals)
            try writer.append(summary.anchor)
            try writer.append(summary.sole)
            try writer.append(UInt64(firstEntry))
            try writer.append(UInt32(list.count))
            try writer.append(summary.rule.rawValue)
            try writer.append(UInt8(0))
            try writer.append(UInt16(0))
        }
        try section()
        for r in entryOrder {
            let record = records[Int(r)]
            try writer.append(record.place)
            try writer.append(record.kind)
            try writer.append(UInt8(record.isAbbreviation ? 1 : 0))
            try writer.append(record.language)
            try writer.append(record.nameOffset)
            try writer.append(record.nameLength)
            try writer.append(record.wordCount)
            try writer.append(record.shapeOffset)
        }
        try section()
        try writer.append(contentsOf: shapes)

        // Common words (`CommonWords`) whose key is a word of some name, sorted bytewise: 24 bytes each
        // (offset of the word in the strings, its length, its Zipf frequency × 100 per language).
        let common = CommonWords.rows().filter { wordIds[TokenKey.key(folded: $0.word)] != nil }
            .map { (bytes: Array($0.word.utf8), zipf: $0.zipf) }.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        try section()
        for (bytes, zipf) in common {
            try writer.append(UInt64(strings.count))
            strings.append(contentsOf: bytes)
            try writer.append(UInt16(bytes.count))
            try writer.append(UInt16(0))
            for language in 0..<CommonWords.languages.count { try writer.append(UInt16((zipf[language] * 100).rounded())) }
            try writer.append(UInt32(0))
        }
        // Each place's parent's index (-1 for none, or a parent the gazetteer lacks): ancestors without reading places.
        var parents = [Int32](repeating: -1, count: placeCount)
        for (place, parent) in parentIds { parents[place] = indexById[parent].map { Int($0) == place ? -1 : $0 } ?? -1 }
        try section()
        try writer.append(contentsOf: parents)
        try section()
        try writer.append(contentsOf: strings)

        var header: [UInt8] = Array(NameAutomaton.magic)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { header.append(contentsOf: $0) } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { header.append(contentsOf: $0) } }
        u32(NameAutomaton.formatVersion)
        u32(0)
        u64(identity.fingerprint)
        u64(identity.index)
        for count in [placeCount, keys.count, slotCount, Int(wordIdCount), edgeSlotCount, Int(nodeCount), entryOrder.count, languages.count] { u64(UInt64(count)) }
        precondition(offsets.count == 11)
        for offset in offsets { u64(offset) }
        u64(UInt64(common.count))
        return try writer.finish(formatHeader: header)
    }

    /// The node's summary, as the matcher and the disambiguator read it (`NodeSummary`).
    private static func summary(of list: [Record]) -> NodeSummary {
        guard let head = list.first else { return NodeSummary(capitals: 0, anchor: -1, sole: -1, rule: .none) }
        let masks = Set(list.map(\.mask))
        let uniform = masks.count == 1 && !list.contains(where: \.isAbbreviation) && head.wordCount <= 64
        // The place of the strongest entries when they all name one place (the candidate is an anchor), as `Disambiguator.onlyStrongestPlace`.
        var top = -1, anchor = -1
        for record in list {
            let weight = record.kind == UInt8(MatchKind.otherLanguageAlias.rawValue) ? 0 : 1
            if weight > top {
                (top, anchor) = (weight, Int(record.place))
            } else if weight == top, Int(record.place) != anchor {
                anchor = -2
            }
        }
        // When every entry names one place, the first strongest entry, as `Disambiguator.soleEntry`.
        var sole = -1
        if list.allSatisfy({ $0.place == head.place }) { sole = list.indices.min { list[$0].kind < list[$1].kind }! }
        return NodeSummary(capitals: uniform ? head.mask : 0, anchor: Int32(max(anchor, -1)), sole: Int32(sole), rule: uniform ? .uniform : .mixed)
    }
}
