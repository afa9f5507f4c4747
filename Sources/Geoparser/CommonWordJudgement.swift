import Gazetteer

/// A name that is also a common word of the document's language counts only with evidence
/// (issue 14): capitalised away from a sentence start and not the first word of a longer
/// capitalised name the gazetteer lacks ("Central" in "Central Asia", "Laut" in "Laut Natuna"), or
/// after a locative or place-type word (di, ke, в, из, در, بندر, "port of"). The commonest words
/// (a Zipf frequency of 5.0 or more: "این", "кара", "hal") need both. Places everyone names need
/// none: countries, seas and their kin, curated places and cities of a million ("Inggris", "ایران",
/// "Gedung Putih"); nor do abbreviations, which match only as written. Words that only name a kind of
/// place (port, bandar, порт, بندر, kota) never stand for a place alone. An acronym in capitals is
/// not a place written in lowercase ("UN" is not Un, India; "IMO" is not Imo, Nigeria), except
/// where a dateline starts a line in capitals ("TAMPA, Fla.").
struct CommonWordJudgement {
    let language: String
    /// The names' automaton, which holds the common words their words can meet.
    let automaton: NameAutomaton

    /// The country whose language the document is in, where names have case to show a proper noun (Indonesia, Russia).
    var homeCountry: String? { ["id": "ID", "ru": "RU", "fa": "IR"][language] }

    /// Iran's provinces whose Persian name is a Persian word first: 'مرکزی' (central: "بانک مرکزی"), 'فارس' (Persian; the Fars news
    /// agency). They need a cue ("استان فارس") as any common word does.
    static let persianWordProvinces: WordSet = WordSet(["مرکزی", "فارس"].map(NameNormalizer.key))

    /// What a name's readings are in the document language's own country (`homeCountry`), written capitalised: wordfreq
    /// counts its provinces' names as often as its news writes them ("aceh", Zipf 5.1 in Indonesian, "lampung" 4.8).
    enum HomeArea { case none, province, district }

    /// True for a document in a script other than Latin (Russian, Persian), where a Latin word is a foreign name.
    var latinIsForeign: Bool { language == "ru" || language == "fa" }

    /// A Zipf frequency from which a word needs evidence, and from which it needs both kinds.
    static let needsEvidence = 3.5
    static let needsBoth = 5.0

    /// What the judgement says of a name: it may be a place, it may only with a list mate (a place beside it in a list,
    /// "چابهار، ایرانشهر، خاش و زاهدان"), or it is none, and why.
    enum Verdict: Equatable {
        case place
        case placeInList(String)
        case notPlace(String)
    }

    /// Whether the words `match` may name a place here, and if not, why. `known` keeps what the words say by themselves
    /// (`WordFacts`), by the words as written, for the next time they come.
    func verdict(match: ClosedRange<Int>, tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>, entries: [NameEntry],
                 wellKnown: () -> Bool, homeArea: () -> HomeArea = { .none }, known: inout KnownFacts) -> Verdict {
        guard let reason = reason(match: match, tokens: tokens, in: bytes, entries: entries, wellKnown: wellKnown, homeArea: homeArea,
                                  known: &known) else { return .place }
        return reason.listMateWould ? .placeInList(reason.text) : .notPlace(reason.text)
    }

    /// Why the words `match` name no place here, and whether a place beside them in a list would be evidence enough.
    private func reason(match: ClosedRange<Int>, tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>, entries: [NameEntry],
                        wellKnown: () -> Bool, homeArea: () -> HomeArea, known: inout KnownFacts) -> (text: String, listMateWould: Bool)? {
        let rejection = { (text: String) in (text: text, listMateWould: false) }
        let written = UnsafeBufferPointer(rebasing: bytes[tokens[match.lowerBound].byteStart..<tokens[match.upperBound].byteEnd])
        let facts = known.facts(language: language, written: written) {
            self.facts(match.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[$0].byteStart..<tokens[$0].byteEnd]), as: UTF8.self) })
        }
        if let acronym = facts.acronym, !entries.contains(where: { $0.isAbbreviation || $0.words.contains(acronym) }), !dateline(match, tokens: tokens, bytes: bytes) {
            return rejection("'\(acronym)' is an acronym, not the place's name")
        }
        if let alone = facts.alone {
            switch alone {
            case .placeType: return rejection("'\(facts.words[0])' names a kind of place, not one")
            case .calendar: return rejection("'\(facts.words[0])' names a month or a day")
            case .direction: if !wellKnown() { return rejection("'\(facts.words[0])' names a direction") }
            case .number: if !wellKnown() { return rejection("'\(facts.words[0])' names a number") }
            case .office: return rejection("'\(facts.words[0])' names an office (Indonesian)")
            }
        }
        // Persian writes no short vowels and has no capitals: a word of one or two letters ("اس", the letter S) is too
        // slight to name a place alone, unless the place is well known or a locative cues it ("به قم", to Qom).
        if facts.isSlightPersianWord, !wellKnown(), !cue(before: match.lowerBound, tokens: tokens, bytes: bytes) {
            return rejection("'\(facts.words[0])' is too short a word to name a place alone")
        }
        // Persian writes an alef with madda as a letter of its own: "آب" (water) is no "اب" (Ibb, Yemen). A short word written with
        // one names only a place whose name has one too (a longer name may lack it where text has it: 'افریقا', 'آفریقا').
        if language == "fa", facts.words.count == 1, facts.words[0].hasPrefix("آ"), facts.words[0].unicodeScalars.count <= 3,
           !entries.contains(where: { $0.words.count == 1 && $0.words[0].hasPrefix("آ") }) {
            return rejection("'\(facts.words[0])' is written with a madda the place's name lacks")
        }
        // A country whose Persian name is also a common adjective ("مالی", financial: "وضع اقتصادی و مالی عراق") needs a cue
        // ("در مالی") or a list mate ("مالی و نیجر"), however well known the country.
        if language == "fa", facts.words.count == 1, Self.persianAdjectiveCountries.contains(NameNormalizer.key(facts.words[0])) {
            return cue(before: match.lowerBound, tokens: tokens, bytes: bytes) ? nil
                : (text: "'\(facts.words[0])' is a common Persian adjective here", listMateWould: true)
        }
        guard facts.least >= Self.needsEvidence, !entries.contains(where: \.isAbbreviation), !wellKnown() else { return nil }
        let area = homeArea()
        if area == .province { return nil }
        let capitalised = capitalisedName(match, tokens: tokens, bytes: bytes)
        // Persian has no capitals: an Iranian city of 200,000 people counts as written, unless it is one of the commonest words.
        if area == .district, capitalised || (language == "fa" && facts.least < Self.needsBoth) { return nil }
        // A name that starts with a place-type word cues itself: "بندر عباس", "Port Sudan", "Kota Kinabalu".
        // So does a Persian dateline, where case cannot show it ("اهواز - ایرنا -").
        let cued = cue(before: match.lowerBound, tokens: tokens, bytes: bytes) || facts.startsWithPlaceType
            || (language == "fa" && dateline(match, tokens: tokens, bytes: bytes, dashed: true))
        // Persian has no capitals to show a name: a name of several words right after a word for a kind of place is one, however
        // common its words ("شهر دوست محمد", the town of Dust Mohammad).
        let namedByType = language == "fa" && facts.words.count > 1 && placeTypeCue(before: match.lowerBound, tokens: tokens, bytes: bytes)
        let enough = facts.least >= Self.needsBoth ? capitalised && cued || namedByType : capitalised || cued
        // A list mate is evidence of one kind: enough for a word that needs one, not for the commonest words.
        return enough ? nil : (text: "'\(facts.words.joined(separator: " "))' is a common \(Self.languageNames[language] ?? language) word here",
                               listMateWould: facts.least < Self.needsBoth)
    }

    /// True when the words `a` and `b` (a before b) stand side by side in a list: a comma, a dash or a hyphen between them
    /// ("چابهار- ایرانشهر", "Kerch, Sevastopol"), or a joining word ("و", "and", "dan", "и") with at most a comma before it.
    static func listMates(_ a: ClosedRange<Int>, _ b: ClosedRange<Int>, tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let gap = { (x: Int) in bytes[tokens[x].byteEnd..<tokens[x + 1].byteStart] }
        let blank = { (g: Slice<UnsafeBufferPointer<UInt8>>) in g.allSatisfy { $0 == 0x20 || $0 == 0x2C } && g.count <= 3 }
        if b.lowerBound == a.upperBound + 1 {
            let g = gap(a.upperBound)
            guard g.count <= 6 else { return false }
            let text = String(decoding: UnsafeBufferPointer(rebasing: g), as: UTF8.self)
            return text.allSatisfy { " ,،-–—".contains($0) } && text.contains { $0 != " " }
        }
        guard b.lowerBound == a.upperBound + 2 else { return false }
        let joiner = tokens[a.upperBound + 1]
        let word = NameNormalizer.key(String(decoding: UnsafeBufferPointer(rebasing: bytes[joiner.byteStart..<joiner.byteEnd]), as: UTF8.self))
        return joiners.contains(word) && blank(gap(a.upperBound)) && blank(gap(a.upperBound + 1))
    }

    /// Words that join the last item of a list.
    private static let joiners: WordSet = WordSet(["and", "or", "dan", "atau", "и", "или", "و", "یا"].map(NameNormalizer.key))

    /// `WordFacts` by the document's language and the words as written (their bytes from the first's start to the
    /// last's end), looked up where the bytes lie, building no string: what a session remembers across documents.
    struct KnownFacts {
        private var tables: [(language: String, table: ByteKeyTable)] = []
        private var facts: [WordFacts] = []

        /// The facts of the words `written` in `language`, made by `make` the first time they come.
        mutating func facts(language: String, written: UnsafeBufferPointer<UInt8>, make: () -> WordFacts) -> WordFacts {
            let t: Int
            if let found = tables.firstIndex(where: { $0.language == language }) {
                t = found
            } else {
                tables.append((language, ByteKeyTable(foldingASCIICase: false)))
                t = tables.count - 1
            }
            if let index = tables[t].table.value(for: written) { return facts[Int(index)] }
            let made = make()
            tables[t].table.insert(written, Int32(facts.count))
            facts.append(made)
            return made
        }
    }

    /// What a run of words says by itself in the document's language, wherever it stands.
    struct WordFacts {
        /// The words as written.
        let words: [String]
        /// The first word written as an acronym (2–4 capitals), if any.
        let acronym: String?
        /// A single word that is no place alone, and why.
        let alone: Alone?
        /// The least common word's Zipf frequency (0 when one of them is rare).
        let least: Double
        /// A name of several words whose first names a kind of place ("Port Sudan").
        let startsWithPlaceType: Bool
        /// A single word of one or two letters in the Arabic script, without case (Persian "اس").
        let isSlightPersianWord: Bool

        enum Alone { case placeType, calendar, direction, number, office }
    }

    /// The facts of `words` as written.
    func facts(_ words: [String]) -> WordFacts {
        let folded = words.map(NameNormalizer.key)
        var alone: WordFacts.Alone?
        if folded.count == 1 {
            if Self.placeTypeWords.contains(folded[0]) {
                alone = .placeType
            } else if Self.calendarWords.contains(folded[0]) {
                alone = .calendar
            } else if Self.directionWords.contains(TokenKey.key(folded: folded[0])) {
                alone = .direction
            } else if Self.persianNumberWords.contains(folded[0]) {
                alone = .number
            } else if language == "id", Self.indonesianOfficeWords.contains(folded[0]) {
                alone = .office
            }
        }
        return WordFacts(words: words, acronym: words.first(where: Self.isAcronym), alone: alone,
                         least: folded.map { automaton.zipf($0, language: language) ?? 0 }.min() ?? 0,
                         startsWithPlaceType: folded.count > 1 && Self.placeTypeWords.contains(folded[0]) || Self.isGluedPort(folded[0]),
                         isSlightPersianWord: folded.count == 1 && folded[0].unicodeScalars.count <= 2 && !NotAPlace.Context.hasCase(words[0])
                            && words[0].unicodeScalars.first.map({ $0.value >= 0x600 && $0.value <= 0x6FF }) == true)
    }

    /// Persian writes 'بندر' (port) against the town's name as often as apart ('بندرعباس', 'بندر عباس'): the name cues itself either way.
    static func isGluedPort(_ folded: String) -> Bool {
        folded.hasPrefix("بندر") && folded.unicodeScalars.count > 6
    }

    /// Places everyone names, which need no evidence: countries, unions, continents, seas, gulfs,
    /// straits, oceans, curated places and cities of a million people or more.
    static func isWellKnown(_ place: Place) -> Bool {
        if place.source == "curated" || (place.population ?? 0) >= 1_000_000 { return true }
        return ["country", "union", "continent", "sea", "ocean", "gulf", "strait", "macro-region"].contains(place.kind.rawValue)
    }

    /// Persian names of countries that are also common adjectives: 'مالی' (financial).
    static let persianAdjectiveCountries: WordSet = WordSet(["مالی"].map(NameNormalizer.key))

    private static let languageNames = ["en": "English", "id": "Indonesian", "ru": "Russian", "fa": "Persian"]

    static func isAcronym(_ word: String) -> Bool {
        word.count >= 2 && word.count <= 4 && word.allSatisfy { $0.isUppercase }
    }

    /// A name at a line's start, followed by a comma, a dash, a bracket or the line's end,
    /// as a dateline or a heading is ("TAMPA, Fla. -"), where an acronym may be a place in capitals.
    /// With `dashed`, only a dash or a bracket may follow, as in a Persian dateline ("اهواز - ایرنا -", "تهران (پانا) -").
    private func dateline(_ match: ClosedRange<Int>, tokens: [Token], bytes: UnsafeBufferPointer<UInt8>, dashed: Bool = false) -> Bool {
        let lineStart = match.lowerBound == 0 || bytes[tokens[match.lowerBound - 1].byteEnd..<tokens[match.lowerBound].byteStart].contains(0x0A)
        guard lineStart else { return false }
        let end = tokens[match.upperBound].byteEnd
        guard end < bytes.count else { return !dashed }
        var i = end
        while i < bytes.count, bytes[i] == 0x20 { i += 1 }
        guard i < bytes.count else { return !dashed }
        // ',', '-', '(', a line break, or an em or en dash (E2 80 93/94).
        let dash = bytes[i] == 0x2D || bytes[i] == 0x28 || (bytes[i] == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94))
        // Or a stop and then the date, as agencies write it: "КИЕВ. 28 февраля. УНН.", "MOSCOW. 7 Feb".
        let stopThenDate = bytes[i] == 0x2E && i + 2 < bytes.count && bytes[i + 1] == 0x20 && bytes[i + 2] >= 0x30 && bytes[i + 2] <= 0x39
        return dash || !dashed && ([0x2C, 0x0A, 0x0D].contains(bytes[i]) || stopThenDate)
    }

    /// Every word capitalised, the first not at a sentence's start, and no capitalised word right
    /// before or after: "Zone" in "Economic Zone" and "Council" in "Security Council" end a longer
    /// name the gazetteer lacks.
    private func capitalisedName(_ match: ClosedRange<Int>, tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard match.allSatisfy({ tokens[$0].isCapitalised }) else { return false }
        let first = match.lowerBound
        guard first > 0 else { return false }
        let gapBefore = bytes[tokens[first - 1].byteEnd..<tokens[first].byteStart]
        if gapBefore.contains(where: { Self.sentenceEnds.contains($0) }) { return false }
        if tokens[first - 1].isCapitalised, Geoparser.joins(tokens[first - 1], tokens[first], in: bytes),
           !gapBefore.contains(where: { $0 == 0x2C || $0 == 0x28 || $0 == 0x29 }) {
            let previous = NameNormalizer.key(String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[first - 1].byteStart..<tokens[first - 1].byteEnd]), as: UTF8.self))
            if !Self.locatives.contains(previous), !Self.placeTypeWords.contains(previous) { return false }
        }
        let next = match.upperBound + 1
        if next < tokens.count, tokens[next].isCapitalised, Geoparser.joins(tokens[match.upperBound], tokens[next], in: bytes),
           // A comma, a bracket, or a stop, colon, semicolon, question or exclamation mark ends the name ("di Aceh: Sebulan…").
           !bytes[tokens[match.upperBound].byteEnd..<tokens[next].byteStart].contains(where: { [0x2C, 0x28, 0x29, 0x2E, 0x3A, 0x3B, 0x3F, 0x21].contains($0) }) {
            return false
        }
        return true
    }

    /// A locative or place-type word right before, on the same line and in the same sentence.
    /// In Persian, also a direction right before ("در غرب خوزستان", in the west of Khuzestan).
    private func cue(before index: Int, tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let word = wordBefore(index, tokens: tokens, bytes: bytes) else { return false }
        return Self.locatives.contains(word) || Self.placeTypeWords.contains(word)
            || (language == "fa" && Self.persianDirectionWords.contains(word))
    }

    /// Persian directions, which take the place after them ("شمال", "جنوب شرق", "مرکز"): folded.
    static let persianDirectionWords: WordSet = WordSet(["شمال", "جنوب", "شرق", "غرب", "مرکز", "شمالغرب", "شمالشرق", "جنوبغرب",
                                                         "جنوبشرق"].map(NameNormalizer.key))

    /// A word that names a kind of place right before, on the same line and in the same sentence ("گمرک بازرگان", "روستای میلک").
    func placeTypeCue(before index: Int, tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        wordBefore(index, tokens: tokens, bytes: bytes).map { Self.placeTypeWords.contains($0) } ?? false
    }

    /// The word right before `index`, folded, when it joins it on the same line and in the same sentence: not across a sentence's
    /// end ("… at the Rzeszow base. Planes flew …").
    private func wordBefore(_ index: Int, tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let previous = index - 1
        guard previous >= 0, Geoparser.joins(tokens[previous], tokens[index], in: bytes),
              !bytes[tokens[previous].byteEnd..<tokens[index].byteStart].contains(where: { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F || $0 == 0x3B })
        else { return nil }
        return NameNormalizer.key(String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[previous].byteStart..<tokens[previous].byteEnd]), as: UTF8.self))
    }

    /// Bytes that end a sentence or open a quotation, so the next word's capital proves nothing.
    private static let sentenceEnds: Set<UInt8> = [0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x0A, 0x22, 0xAB, 0x9C]

    /// Words after which a place name follows: in, from, to; di, ke, dari; в, из, на; در, از, به.
    static let locatives: WordSet = [
        "in", "at", "from", "to", "near", "into", "via", "across", "toward", "towards", "outside", "off",
        "di", "ke", "dari", "menuju", "dekat", "melalui", "sekitar",
        "в", "во", "из", "на", "до", "под", "около", "через", "у", "близ", "возле",
        "در", "از", "به", "تا", "نزدیک", "نزدیکی", "حوالی", "اطراف", "سوی", "سمت", "مقصد", "داخل",
    ]

    /// Months and days of the week in the four languages (folded): never a place alone ("Mei" is
    /// May in Indonesian and a county in China; "مهر" a month and a town).
    static let calendarWords: WordSet = WordSet([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "januari", "februari", "maret", "mei", "juni", "juli", "agustus", "oktober", "desember",
        "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
        "январь", "января", "февраль", "февраля", "март", "марта", "апрель", "апреля", "май", "мая", "июнь", "июня", "июль", "июля",
        "август", "августа", "сентябрь", "сентября", "октябрь", "октября", "ноябрь", "ноября", "декабрь", "декабря",
        "понедельник", "вторник", "среда", "среду", "четверг", "пятница", "пятницу", "суббота", "субботу", "воскресенье",
        "ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر",
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
        "شنبه", "یکشنبه", "دوشنبه", "چهارشنبه", "پنجشنبه", "جمعه",
    ].map(NameNormalizer.key))

    /// Directions and their adjectives (folded; Russian stemmed): never a place alone ("Western" is
    /// no Western Province, "Central" no Central District).
    static let directionWords: WordSet = WordSet([
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower", "middle",
        "northeast", "northwest", "southeast", "southwest",
        "utara", "selatan", "timur", "barat", "tengah",
        "север", "юг", "восток", "запад", "центр", "северный", "южный", "восточный", "западный", "центральный", "северо-восточный",
        "северо-западный", "юго-восточный", "юго-западный",
        "شمال", "جنوب", "شرق", "غرب", "مرکز",
    ].map { TokenKey.key($0) })

    /// Persian numbers written as words (folded): never a place alone ("چهارده مهاجر", fourteen migrants, is no village
    /// Chahardeh), unless the place is well known. Persian has no capitals to show a name, and many villages are named so.
    static let persianNumberWords: WordSet = WordSet([
        "یک", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده",
        "هیجده", "نوزده", "بیست", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود", "صد", "دویست", "سیصد", "پانصد", "هزار", "میلیون",
    ].map(NameNormalizer.key))

    /// Words that name a kind of place: they cue the name after them and are no place alone.
    static let placeTypeWords: WordSet = WordSet([
        "port", "city", "town", "village", "province", "region", "island", "sea", "gulf", "strait", "bay", "base", "airport", "harbour", "harbor",
        "pelabuhan", "kota", "kabupaten", "provinsi", "pulau", "laut", "teluk", "selat", "pangkalan", "bandara", "desa", "wilayah",
        "порт", "порта", "порты", "портов", "портах", "портам", "город", "города", "поселок", "поселка", "село", "область", "области", "остров", "море", "залив", "пролив",
        "بندر", "شهر", "استان", "جزیره", "دریای", "خلیج", "تنگه", "پایگاه", "فرودگاه", "روستای", "وادی",
        // A state, a region, a county, a station: "ایالت بلوچستان پاکستان", "منطقۀ نوکندی", "ایستگاه مرمره استانبول".
        "ایالت", "منطقه", "منطقۀ", "شهرستان", "ایستگاه",
        // An Afghan province, a border, a customs house, a crossing: "ولایت نیمروز", "مرز میلک", "گمرک بازرگان", "گذرگاه تورخم".
        "ولایت", "مرز", "گمرک", "گذرگاه",
        // A jetty, a terminal: "اسکله عسلویه", "پایانه مرزی میرجاوه".
        "اسکله", "پایانه",
    ].map(NameNormalizer.key))

    /// Indonesian offices written as one word before the unit they head (folded): never a place alone ("Kasi Humas", the head
    /// of public relations, is no Kasi, Varanasi; "Kadis" no Cadiz).
    static let indonesianOfficeWords: WordSet = WordSet([
        "kasi", "kasie", "kadis", "kasat", "kanit", "kabid", "kabag", "kasubag", "kasubbag", "kasubsi", "kasubdit",
    ].map(NameNormalizer.key))
}
