#if canImport(Glibc)
import Glibc
#endif
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
    /// The gazetteer's names, compiled (`NameAutomaton`).
    public let automaton: NameAutomaton
    /// Places and names decoded by any session, so that threads reading many documents decode each once.
    let decodedPlaces = SharedPlaces()

    /// A parser over `gazetteer`, its names compiled in memory first: for a gazetteer held in
    /// memory (tests, or a cache folder that cannot be written). Costs a build, about a second for the world.
    public init(gazetteer: Gazetteer) {
        self.init(gazetteer: gazetteer, automaton: NameAutomaton.build(for: gazetteer))
    }

    /// A parser over `gazetteer` with its names already compiled (`NameAutomaton.cached(beside:)`): costs nothing to make.
    public init(gazetteer: Gazetteer, automaton: NameAutomaton) {
        self.gazetteer = gazetteer
        self.automaton = automaton
    }

    /// The mentions in `text`, in order.
    public func mentions(in text: String) -> [Mention] {
        var text = text
        return text.withUTF8 { mentions(inUTF8: $0) }
    }

    /// The mentions in UTF-8 bytes (invalid bytes read as U+FFFD: validate first with `UTF8Check`).
    public func mentions(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Mention] {
        mentions(inUTF8: bytes, session: Session(self))
    }

    /// The mentions in UTF-8 bytes, with what `session` already read of the automaton and the
    /// gazetteer (word ids, names, places): one session per thread, kept across documents.
    ///
    /// The text is read in blocks of whole lines (at least `blockSize` bytes, or to the end of a
    /// longer line): no name runs on across a line break, so cutting there changes no match, and
    /// only one block's words are held at a time. Disambiguation then sees the whole document.
    public func mentions(inUTF8 bytes: UnsafeBufferPointer<UInt8>, session: Session) -> [Mention] {
        // The document's language is judged from its first block's words, once they are cut.
        var judgement: CommonWordJudgement?
        // Each block's candidates stay in an array of their own: one growing array for a whole
        // document would be copied, and its fresh pages zeroed, at every doubling.
        var blocks: [[Candidate]] = []
        var notPlaces: [String: NotAPlace.Reach] = [:]
        var start = 0, scalarStart = 0
        while start < bytes.count {
            var end = min(bytes.count, start + Self.blockSize)
            while end < bytes.count, bytes[end - 1] != 0x0A { end += 1 }
            let (tokens, scalarEnd) = Tokenizer.tokens(in: bytes, from: start, to: end, scalarStart: scalarStart, words: &session.words)
            let judged = judgement ?? CommonWordJudgement(language: DocumentLanguage.guess(bytes, startingWith: tokens), automaton: automaton)
            judgement = judged
            var candidates: [Candidate] = []
            appendMatches(tokens, in: bytes, session: session, judgement: judged, notPlaces: &notPlaces, to: &candidates)
            blocks.append(candidates)
            (start, scalarStart) = (end, scalarEnd)
        }
        return Disambiguator(gazetteer: gazetteer, automaton: automaton, language: judgement?.language)
            .resolve(blocks, in: bytes, session: session).map { Self.asWritten($0, in: bytes) }
    }

    /// Bytes of text tokenised and matched at a time.
    static let blockSize = 1 << 16

    /// What one thread keeps of the automaton and the gazetteer across the documents it reads: the
    /// ids of the non-ASCII words it has met, the names it has read back (`NameEntry`, shared by
    /// every mention of them) and the places. Not for sharing between threads.
    public final class Session {
        var words: WordKeyCache
        private let automaton: NameAutomaton
        private let gazetteer: Gazetteer
        private let shared: SharedPlaces
        private var entriesByIndex: [Int: NameEntry] = [:]
        private var entriesByNode: [Int32: [NameEntry]] = [:]
        /// Places and the chains of places containing them, by place index: nil until read.
        private var places: ByPlaceIndex<Place>
        private var ancestors: ByPlaceIndex<[Int]>
        private var soleByNode: [Int32: (entry: NameEntry, place: Place)] = [:]
        /// What the rules around a name ask of each place, by index: 0 until read, then `Trait` bits.
        private var traits: [UInt8]
        /// What runs of words say by themselves (`CommonWordJudgement.WordFacts`), by the words as written and the document's language.
        var wordFacts = CommonWordJudgement.KnownFacts()
        /// The country that a node's names make an anchor in any document (`Disambiguator.soleCountry`), or -1, by node.
        var countryOfNode: [Int32: Int] = [:]
        /// Rankings of rival names that no document's other places changed, by the names (the entries this session shares).
        var rankingInAnyDocument: [[ObjectIdentifier]: (winner: NameEntry, choice: Mention.Choice?)] = [:]

        /// An empty session for `parser`.
        public init(_ parser: Geoparser) {
            automaton = parser.automaton
            gazetteer = parser.gazetteer
            shared = parser.decodedPlaces
            words = WordKeyCache(automaton: parser.automaton)
            traits = [UInt8](repeating: 0, count: parser.gazetteer.count)
            places = ByPlaceIndex(count: parser.gazetteer.count)
            ancestors = ByPlaceIndex(count: parser.gazetteer.count)
        }

        /// Bits of `traits`: the place was read, is a country, is well known (`CommonWordJudgement.isWellKnown`).
        private enum Trait {
            static let read: UInt8 = 1, country: UInt8 = 2, wellKnown: UInt8 = 4
        }

        /// True when the place at `index` is a country.
        func isCountry(_ index: Int) -> Bool { trait(index) & Trait.country != 0 }

        /// True when the place at `index` is one everyone names (`CommonWordJudgement.isWellKnown`).
        func isWellKnown(_ index: Int) -> Bool { trait(index) & Trait.wellKnown != 0 }

        private func trait(_ index: Int) -> UInt8 {
            let known = traits[index]
            if known != 0 { return known }
            let place = place(index)
            let read = Trait.read | (place.kind == .country ? Trait.country : 0) | (CommonWordJudgement.isWellKnown(place) ? Trait.wellKnown : 0)
            traits[index] = read
            return read
        }

        /// The names that end at `node`, in the gazetteer's order.
        func entries(of node: Int32) -> [NameEntry] {
            if let known = entriesByNode[node] { return known }
            let list = automaton.entryRange(of: node).map(entry)
            entriesByNode[node] = list
            return list
        }

        /// The `k`-th name ending at `node`.
        func entry(of node: Int32, at k: Int) -> NameEntry {
            if let known = entriesByNode[node] { return known[k] }
            return entry(automaton.entryRange(of: node).lowerBound + k)
        }

        private func entry(_ e: Int) -> NameEntry {
            if let known = entriesByIndex[e] { return known }
            let made = shared.entry(e) { automaton.entry(e) }
            entriesByIndex[e] = made
            return made
        }

        /// The `k`-th name ending at `node` and its place, for a node whose names all name one place.
        func sole(of node: Int32, at k: Int) -> (entry: NameEntry, place: Place) {
            if let known = soleByNode[node] { return known }
            let entry = entry(of: node, at: k)
            let found = (entry, place(entry.placeIndex))
            soleByNode[node] = found
            return found
        }

        /// The indexes of the places that contain the place at `index`, nearest first.
        func ancestorIndexes(of index: Int) -> [Int] {
            if let known = ancestors[index] { return known }
            let chain = shared.ancestors(index) {
                var chain: [Int] = []
                var current = index
                while let parent = automaton.parent(of: current), parent != index, !chain.contains(parent) {
                    chain.append(parent)
                    current = parent
                }
                return chain
            }
            ancestors[index] = chain
            return chain
        }

        /// The place at `index` in the gazetteer, decoded once.
        func place(_ index: Int) -> Place {
            if let known = places[index] { return known }
            let place = shared.place(index) { gazetteer.place(at: index) }
            places[index] = place
            return place
        }
    }

    /// A run of words that names one or more places: what the matcher hands the rules after it and
    /// the disambiguator. `node` leads to the names (`Session.entries(of:)`, each a `NameEntry`:
    /// place, kind, language, name, words, capitals, abbreviation); `fitted` keeps those that passed
    /// the case rules when not all did.
    struct Candidate {
        let start: Int
        let end: Int
        let byteRange: Range<Int>
        /// The automaton node the words lead to.
        let node: Int32
        /// The node's names that fit the text, when not all of them do; nil when all do (the
        /// common case, in which every candidate of the node has the same rivals).
        let fitted: [NameEntry]?
        /// The node's summary, as the matcher read it.
        let summary: NodeSummary
        /// A word that names a kind of place stands right before ("گمرک بازرگان", Bazargan's customs), judged in Persian only.
        var cuedByPlaceType = false
    }

    /// Appends the names that `tokenArray` holds to `found`: at each word the longest name that fits, then on after it.
    /// `notPlaces` keeps the names found to be a person's, a vessel's or an organisation's earlier in the
    /// document, each with how far it reaches (`NotAPlace.Reach`): "Kirby said" after "John Kirby" and
    /// "Angara" after "berbendera Rusia Angara" (not Ankara, though Ankara is well known) name no
    /// place either; "Cameron" after "David Cameron" is no Cameroon.
    private func appendMatches(_ tokenArray: [Token], in bytes: UnsafeBufferPointer<UInt8>, session: Session, judgement: CommonWordJudgement,
                               notPlaces: inout [String: NotAPlace.Reach], to found: inout [Candidate]) {
        // Names a common word kept out that a place beside them in a list lets in, and the words of every name let in.
        var waiting: [(words: ClosedRange<Int>, candidate: Candidate)] = []
        var placed: [ClosedRange<Int>] = []
        tokenArray.withUnsafeBufferPointer { tokens in
            var i = 0
            while i < tokens.count {
                guard tokens[i].word >= 0 else {
                    i += 1
                    continue
                }
                var node = NameAutomaton.root
                var best: (last: Int, node: Int32, allFit: Bool, summary: NodeSummary)?
                var j = i
                var capitalised: UInt64 = 0  // bit k: the (k+1)th word of the run is capitalised
                while j < tokens.count, j == i || Self.joins(tokens[j - 1], tokens[j], in: bytes) {
                    let id = tokens[j].word
                    guard id >= 0, let next = j == i ? (tokens[j].first > 0 ? tokens[j].first : nil) : automaton.child(of: node, word: id) else { break }
                    node = next
                    // A word after a hyphen inside a capitalised name may be written small ("Boulogne-sur-mer").
                    if tokens[j].isCapitalised || j > i && tokens[i].isCapitalised && bytes[tokens[j].byteStart - 1] == 0x2D, j - i < 64 {
                        capitalised |= 1 << UInt64(j - i)
                    }
                    let summary = automaton.summary(next)
                    switch summary.rule {
                    case .none:
                        break
                    case .uniform:
                        if capitalised & summary.capitals == summary.capitals { best = (j, next, true, summary) }
                    case .mixed:
                        var all = true, any = false
                        for e in automaton.entryRange(of: next) {
                            if automaton.fits(e, tokenArray[i...j], in: bytes) { any = true } else { all = false }
                        }
                        if any { best = (j, next, all, summary) }
                    }
                    j += 1
                }
                guard let match = best else {
                    i += 1
                    continue
                }
                let all = session.entries(of: match.node)
                var fitted = match.allFit ? nil : all.filter { Self.fits($0, tokenArray[i...match.last], in: bytes) }
                // Russian words must be case forms their names take ("Сими" is no form of Сим).
                if let forms = RussianCaseForms.fitting(fitted ?? all, match: i...match.last, tokens: tokenArray, in: bytes) {
                    guard !forms.isEmpty else {
                        i += 1
                        continue
                    }
                    fitted = forms
                }
                let entries = fitted ?? all
                // The rules that read the words around a name: people, vessels, organisations, then common words.
                // A place is well known by a name in a document language, not by another language's alias (Belém's "Para").
                let wellKnown = { entries.contains { $0.kind != .otherLanguageAlias && session.isWellKnown($0.placeIndex) } }
                // A region of the country whose language the document is in, written capitalised, is no common word of that
                // language: wordfreq counts "aceh" (Zipf 5.1 in Indonesian) as often as Indonesian news names the province.
                // A province counts written capitalised anywhere ("BNN Aceh", "jalur Malaysia-Aceh"); a district within one, where it
                // stands as a capitalised name of its own ("Pantai Kuala Idi, Aceh Timur").
                // Persian has no case: there a province or a city of 200,000 people, by its Persian name, counts as written ("در غرب
                // خوزستان", "اهواز"), but for a province whose name is a Persian word in its own right ("مرکزی", central).
                let homeArea = { () -> CommonWordJudgement.HomeArea in
                    guard let home = judgement.homeCountry, tokens[i].isCapitalised || judgement.language == "fa" else { return .none }
                    var area = CommonWordJudgement.HomeArea.none
                    for entry in entries {
                        let place = session.place(entry.placeIndex)
                        guard place.country == home else { continue }
                        if judgement.language == "fa" {
                            // Its Persian name, or GeoNames' Arabic-script one the builder reads as Persian ('اهواز').
                            guard entry.language == "fa" || entry.language == "arab" && entry.kind == .documentLanguageAlias else { continue }
                            if place.kind == .city, (place.population ?? 0) >= 200_000 { area = .district }
                        }
                        guard place.kind.isRegionOrIsland else { continue }
                        if session.ancestorIndexes(of: entry.placeIndex).allSatisfy(session.isCountry) {
                            if judgement.language == "fa", CommonWordJudgement.persianWordProvinces.contains(NameNormalizer.key(entry.name)) { continue }
                            return .province
                        }
                        area = .district
                    }
                    return area
                }
                let isCountry = { entries.contains { session.isCountry($0.placeIndex) } }
                let isMajor = { entries.contains { session.isWellKnown($0.placeIndex) || session.place($0.placeIndex).kind.isRegionOrIsland } }
                let notAPlace = NotAPlace.reason(match: i...match.last, tokens: tokenArray, in: bytes, latinIsForeign: judgement.latinIsForeign,
                                                 isCountry: isCountry, isMajor: isMajor)
                // The name's words as matched, only when the document has something to remember or recall.
                let key = notAPlace == nil && notPlaces.isEmpty ? "" : (i...match.last).map {
                    TokenKey.key(String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[$0].byteStart..<tokens[$0].byteEnd]), as: UTF8.self))
                }.joined(separator: " ")
                if let reach = notAPlace?.reach { notPlaces[key] = reach }
                if notAPlace != nil || notPlaces[key].map({ $0.holds(wellKnown: wellKnown, isCountry: isCountry) }) == true {
                    i += 1
                    continue
                }
                var candidate = Candidate(start: tokens[i].start, end: tokens[match.last].end,
                                          byteRange: tokens[i].byteStart..<tokens[match.last].byteEnd, node: match.node, fitted: fitted, summary: match.summary)
                // Only an Arabic-script name asks (`Disambiguator.writtenAtHome`): the word before is read for those alone.
                if judgement.language == "fa", entries.contains(where: { $0.language == "arab" }) {
                    candidate.cuedByPlaceType = judgement.placeTypeCue(before: i, tokens: tokenArray, bytes: bytes)
                }
                switch judgement.verdict(match: i...match.last, tokens: tokenArray, in: bytes, entries: entries, wellKnown: wellKnown, homeArea: homeArea, known: &session.wordFacts) {
                case .notPlace:
                    i += 1
                    continue
                case .placeInList:
                    waiting.append((i...match.last, candidate))
                    i += 1
                    continue
                case .place:
                    found.append(candidate)
                    placed.append(i...match.last)
                    i = match.last + 1
                }
            }
        }
        guard !waiting.isEmpty, !placed.isEmpty else { return }
        // A name the document places elsewhere, written with the same case, vouches for itself: "کیش" after "جزیره کیش"
        // (the island of Kish), the name after a word for a kind of place counting alone. Names are compared by their words' ids
        // in the automaton (folded words), building no string but for a type word's check.
        struct WrittenName: Hashable { let capitalised: Bool, words: [Int32] }
        func written(_ words: ClosedRange<Int>) -> WrittenName {
            WrittenName(capitalised: tokenArray[words.lowerBound].isCapitalised, words: words.map { tokenArray[$0].word })
        }
        var placedNames = Set<WrittenName>()
        func remember(_ words: ClosedRange<Int>) {
            placedNames.insert(written(words))
            let first = tokenArray[words.lowerBound]
            if words.count > 1, CommonWordJudgement.placeTypeWords.contains(NameNormalizer.key(String(decoding: UnsafeBufferPointer(rebasing: bytes[first.byteStart..<first.byteEnd]), as: UTF8.self))) {
                placedNames.insert(written(words.lowerBound + 1...words.upperBound))
            }
        }
        placed.forEach(remember)
        // A list's members vouch for each other: let in, until none is left to let in, each waiting name beside one let in.
        var admitted = false, admittedAny = false
        repeat {
            admitted = false
            for (k, wait) in waiting.enumerated().reversed()
            where !placed.contains(where: { $0.overlaps(wait.words) })
                && (placed.contains(where: { CommonWordJudgement.listMates($0, wait.words, tokens: tokenArray, in: bytes)
                    || CommonWordJudgement.listMates(wait.words, $0, tokens: tokenArray, in: bytes) })
                    || placedNames.contains(written(wait.words))) {
                found.append(wait.candidate)
                placed.append(wait.words)
                remember(wait.words)
                waiting.remove(at: k)
                (admitted, admittedAny) = (true, true)
            }
        } while admitted && !waiting.isEmpty
        if admittedAny { found.sort { $0.start < $1.start } }
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
            } else if entry.capitalised[k], !token.isCapitalised,
                      !(k > 0 && indonesianCompassWords.contains(Array(UnsafeBufferPointer(rebasing: bytes[token.byteStart..<token.byteEnd])))) {
                return false
            }
        }
        return true
    }

    /// Indonesian compass words, which news writes in lowercase after the name they belong to ("Darfur utara", "Afrika utara",
    /// "Sulawesi selatan" for Darfur Utara, Afrika Utara, Sulawesi Selatan).
    static let indonesianCompassWords: Set<[UInt8]> = Set(["utara", "selatan", "timur", "barat", "tengah", "laut", "daya", "tenggara"].map { Array($0.utf8) })
}

/// Word ids by the word's bytes, so each distinct non-ASCII word is folded and stemmed once per session.
struct WordKeyCache {
    let automaton: NameAutomaton
    /// Non-ASCII words as written → their slot in the automaton's word table, or -1 for a word that is in no name.
    private var cache = ByteKeyTable(foldingASCIICase: false)

    init(automaton: NameAutomaton) {
        self.automaton = automaton
    }

    /// A word as written: its id and first node, or `WordMatch.none`; `asciiHash` is its case-folded `ByteKeyTable.Hash` when it is all ASCII.
    @inline(__always)
    mutating func id(of word: UnsafeBufferPointer<UInt8>, asciiHash: UInt64?) -> WordMatch {
        if let asciiHash { return automaton.word(at: automaton.slot(of: word, hash: asciiHash)) }
        if let known = cache.value(for: word) { return automaton.word(at: Int(known)) }
        let slot = automaton.slot(key: TokenKey.key(String(decoding: word, as: UTF8.self)))
        cache.insert(word, Int32(slot))
        return automaton.word(at: slot)
    }
}

/// A word of the automaton: its id, and the node a name starting with it reaches (-1 when none starts with it).
struct WordMatch {
    let word: Int32
    let first: Int32

    static let none = WordMatch(word: -1, first: -1)
}

/// Places by index, the chains of places containing them and the names read back from the automaton, worked out
/// once for all the sessions of a parser (behind a lock: sessions keep their own copies of what they use).
final class SharedPlaces: @unchecked Sendable {
    private var places: [Int: Place] = [:]
    private var ancestorChains: [Int: [Int]] = [:]
    private var entries: [Int: NameEntry] = [:]
    private var lock = pthread_mutex_t()

    init() { pthread_mutex_init(&lock, nil) }

    deinit { pthread_mutex_destroy(&lock) }

    /// The indexes of the places containing place `index`, nearest first, worked out by `chain` once.
    func ancestors(_ index: Int, chain: () -> [Int]) -> [Int] {
        once(index, in: \.ancestorChains, make: chain)
    }

    /// The automaton's name entry `e`, read by `read` the first time any session asks.
    func entry(_ e: Int, read: () -> NameEntry) -> NameEntry {
        once(e, in: \.entries, make: read)
    }

    /// The place at `index`, decoded by `decode` the first time any session asks.
    func place(_ index: Int, decode: () -> Place) -> Place {
        once(index, in: \.places, make: decode)
    }

    /// The value at `index` in `table`, made by `make` when no session has made it (outside the lock: two may, and agree).
    private func once<Value>(_ index: Int, in table: ReferenceWritableKeyPath<SharedPlaces, [Int: Value]>, make: () -> Value) -> Value {
        pthread_mutex_lock(&lock)
        if let known = self[keyPath: table][index] {
            pthread_mutex_unlock(&lock)
            return known
        }
        pthread_mutex_unlock(&lock)
        let made = make()
        pthread_mutex_lock(&lock)
        self[keyPath: table][index] = made
        pthread_mutex_unlock(&lock)
        return made
    }
}
