import Gazetteer
import Geoparser

/// One sentence of a report: its words, the place mentions in it and the role each plays.
struct SentenceView {
    let text: ReportText
    let range: Range<Int>
    /// The sentence's words (indices into `text.words`).
    let wordRange: Range<Int>
    /// Its mentions, in order, each with the words it covers.
    private(set) var places: [PlaceInSentence]
    let lexicon: Lexicon

    /// A mention and what the sentence makes of it.
    struct PlaceInSentence {
        let mention: Mention
        let words: Range<Int>
        /// A country or region right after a place that lies in it ("Amirabad di Iran", "Makhachkala, Rusia").
        var isQualifier = false
        var role: Role = .none
        /// Its role came from the place before it through "and" ("to Russia and Belarus").
        var coordinated = false
        /// Where the words that give its role end: its first word, or the first word of a country named before it as its
        /// capital's ("в столицу Чада Нджамену": the role word stands before Chad).
        var roleWordsEnd: Int
    }

    /// What a place is to a movement.
    enum Role: Equatable { case none, from, to, via }

    var words: ArraySlice<ReportText.Word> { text.words[wordRange] }

    init(text: ReportText, range: Range<Int>, mentions: [Mention], lexicon: Lexicon) {
        self.text = text
        self.range = range
        self.lexicon = lexicon
        wordRange = text.wordIndices(in: range)
        var places = mentions.map { m in
            let words = text.firstWord(atOrAfter: m.start)..<text.firstWord(atOrAfter: m.end)
            return PlaceInSentence(mention: m, words: words, roleWordsEnd: words.lowerBound)
        }
        Self.markQualifiers(&places, text: text)
        self.places = places
        assignRoles()
    }

    /// Marks countries and regions that only say where the place before them lies.
    private static func markQualifiers(_ places: inout [PlaceInSentence], text: ReportText) {
        let joiners: Set<String> = ["di", "in", "в", "во", "на", "در", "of", "dekat", "near"]
        for k in places.indices.dropFirst() {
            let (before, place) = (places[k - 1].mention, places[k].mention)
            guard place.place.kind.isCountryOrRegion, before.place.id != place.place.id else { continue }
            let inside = before.place.country != nil && before.place.country == place.place.country && before.place.kind != .country
            // "Санта-Крус (Боливия)" when the gazetteer chose a Santa Cruz elsewhere: the country in brackets says where the place
            // lies, so it stands for it; the misplaced town only qualifies it.
            let bracketed = before.place.kind != .country && text.passage(before.end..<place.start).trimmingCharacters(in: .whitespaces) == "("
                && text.passage(place.end..<min(place.end + 1, text.scalars.count)) == ")"
            if !inside, bracketed, [.country].contains(place.place.kind) {
                places[k - 1].isQualifier = true
                places[k].roleWordsEnd = places[k - 1].roleWordsEnd
                continue
            }
            guard inside else { continue }
            let gapWords = text.words[places[k - 1].words.upperBound..<places[k].words.lowerBound]
            let gapIsPunctuation = text.onlySpace(from: before.end, to: place.start, allowing: [",", "(", "،"])
            if gapIsPunctuation || (gapWords.count == 1 && joiners.contains(gapWords.first!.folded)
                                    && text.onlySpace(from: before.end, to: gapWords.first!.range.lowerBound, allowing: [","])) {
                places[k].isQualifier = true
            }
        }
        // "the capital of Chad, N'Djamena", "в столицу Чада Нджамену", "ibu kota Chad, N'Djamena", "в юго-западный регион Китая Гуанси":
        // the country says where its capital, region or town lies.
        for k in places.indices.dropFirst() {
            let (country, place) = (places[k - 1], places[k])
            guard country.mention.place.kind == .country, !country.isQualifier, place.mention.place.kind != .country,
                  place.mention.place.country == country.mention.place.country,
                  text.onlySpace(from: country.mention.end, to: place.mention.start, allowing: [",", "،"]),
                  (max(0, country.words.lowerBound - 2)..<country.words.lowerBound).contains(where: { k in
                      capitalWords.contains(text.words[k].folded) || Self.partWords.contains { Lexicon.Phrase.fits($0, text.words[k].folded) } })
            else { continue }
            places[k - 1].isQualifier = true
            places[k].roleWordsEnd = country.roleWordsEnd
        }
    }

    /// Words for a capital city, before the country it is the capital of.
    private static let capitalWords: Set<String> = ["capital", "kota", "پایتخت"]
    /// Russian words for a capital, region, province or town, in any case, before the country they lie in ("в регион Китая Гуанси").
    private static let partWords: [String] = ["столиц*", "регион*", "провинци*", "област*", "город*", "порт*"]

    /// The role words right before each place (skipping fillers such as "the port of"), and
    /// roles carried over "and" from the place before.
    private mutating func assignRoles() {
        var places = self.places
        for k in places.indices where !places[k].isQualifier && !possessive(places[k]) {
            places[k].role = role(before: places[k].roleWordsEnd, mention: places[k].mention)
            if places[k].role == .none, let prior = places[..<k].last(where: { !$0.isQualifier }), prior.role != .none,
               coordinated(from: prior.words.upperBound, to: places[k].words.lowerBound) {
                places[k].role = prior.role
                places[k].coordinated = true
            }
        }
        // "left Novorossiysk for Libya", "departed Odesa for Tripoli": "for" after a place left names where the voyage goes.
        for k in places.indices.dropFirst() where !places[k].isQualifier && places[k].role == .none {
            let start = places[k].roleWordsEnd
            // The place left stands right before "for" (a country qualifying it may come between), a leaving verb in the four words before it.
            guard start > wordRange.lowerBound, text.words[start - 1].folded == "for",
                  let origin = places[..<k].last(where: { !$0.isQualifier }), origin.role == .from, origin.words.upperBound >= start - 4,
                  (max(wordRange.lowerBound, origin.roleWordsEnd - 4)..<origin.roleWordsEnd).contains(where: { Self.leaving.contains(text.words[$0].folded) })
            else { continue }
            places[k].role = .to
        }
        // "بندر جاسک را ترک کرد" (left the port of Jask): the place before 'را' and 'ترک' is where the movement starts.
        for k in places.indices where !places[k].isQualifier && places[k].role == .none {
            let next = places[k].words.upperBound
            guard next + 1 < wordRange.upperBound, text.words[next].folded == "را", text.words[next + 1].folded == "ترک" else { continue }
            places[k].role = .from
        }
        // "to Rwanda, from where the minerals are flown on", "в Новороссийск, откуда": the place a relative clause leaves from;
        // after an origin it stays a destination, a stop the movement goes on from ("from Kolwezi to Dar es Salaam, from where … to Asia").
        for k in places.indices where !places[k].isQualifier && places[k].role != .from
            && !(places[k].role == .to && places[..<k].contains { $0.role == .from }) {
            let next = places[k].words.upperBound
            guard let n = Lexicon.longest(Self.fromWhere, in: words, at: next),
                  text.onlySpace(from: places[k].mention.end, to: text.words[next].range.lowerBound, allowing: [",", "،"]),
                  nextRoleIsTo(after: next + n, in: places) else { continue }
            places[k].role = .from
        }
        // "в Триполи или в сирийский порт Тартус", "to Tripoli or to Tartus": alternatives, not stops one after the other.
        // "from Iran or from Belarus": another origin, beside the first.
        for k in places.indices where [.to, .from].contains(places[k].role) && !places[k].coordinated {
            guard let prior = places[..<k].last(where: { !$0.isQualifier }), prior.role == places[k].role else { continue }
            let gap = places[k].words.lowerBound - prior.words.upperBound
            if (1...6).contains(gap), alternative(from: prior.words.upperBound, to: places[k].words.lowerBound, places: places) {
                places[k].coordinated = true
            }
        }
        // "between X and Y": X is where it starts, Y where it ends.
        let between: Set<String> = ["between", "antara", "между", "بین", "میان"]
        for k in places.indices where places[k].role == .from && places[k].words.lowerBound > wordRange.lowerBound
            && between.contains(text.words[places[k].words.lowerBound - 1].folded) {
            // Only a movement between two places is a route: "plying between", "рейсы между", not "relations between".
            let word = places[k].words.lowerBound - 1
            let movement = (max(wordRange.lowerBound, word - 3)..<word).contains { i in
                [lexicon.send, lexicon.travel, lexicon.nouns].contains { Lexicon.longest($0, in: words, at: i) != nil }
            }
            guard movement else { places[k].role = .none; continue }
            if let next = places.indices.first(where: { $0 > k && !places[$0].isQualifier }), places[next].coordinated {
                places[next].role = .to
                places[next].coordinated = false
            }
        }
        self.places = places
    }

    /// English verbs of leaving a place, after which "for" names the destination ("left Novorossiysk for Libya").
    private static let leaving: Set<String> = ["left", "leaving", "leave", "leaves", "departed", "departing", "departs"]

    /// Words that open a clause leaving from the place before them ("from where", "откуда", "dari sana", "از آنجا").
    private static let fromWhere: [Lexicon.Phrase] = Lexicon.p(["from where", "from which", "whence", "откуда", "dari sana", "dari mana", "از آنجا", "که از آنجا"])

    /// True when a place after word `index` has a destination's role.
    private func nextRoleIsTo(after index: Int, in places: [PlaceInSentence]) -> Bool {
        places.first { $0.words.lowerBound >= index && !$0.isQualifier }?.role == .to
    }

    /// Words offering another destination ("or", "или", "atau", "یا").
    private static let alternatives: Set<String> = ["or", "atau", "или", "либо", "یا"]

    /// True when the words from `start` to `end` begin with "or" (after any qualifier in brackets) and hold no "then".
    private func alternative(from start: Int, to end: Int, places: [PlaceInSentence]) -> Bool {
        var i = start
        while let qualifier = places.first(where: { $0.isQualifier && $0.words.lowerBound == i }) { i = qualifier.words.upperBound }
        guard i < end, Self.alternatives.contains(text.words[i].folded) else { return false }
        return !(i..<end).contains { Lexicon.longest(Lexicon.continuation, in: words, at: $0) != nil }
    }

    /// True for "Moscow's networks", "Russia's Defence Minister": a possessive names an owner, not where a movement starts or ends.
    private func possessive(_ place: PlaceInSentence) -> Bool {
        let next = place.words.upperBound
        guard next < wordRange.upperBound, text.words[next].folded == "s",
              text.onlySpace(from: place.mention.end, to: text.words[next].range.lowerBound, allowing: ["'", "’"]),
              place.mention.end < text.words[next].range.lowerBound else { return false }
        // "Russia's port of …", "Iran's Bandar Abbas": what follows is still a place.
        let after = next + 1
        return !(after < wordRange.upperBound && (Lexicon.longest(lexicon.filler, in: words, at: after) != nil
                 || places.contains { $0.words.lowerBound == after }))
    }

    /// True when only "and"-words, commas and fillers lie between two word positions.
    func coordinated(from start: Int, to end: Int) -> Bool {
        guard start < end else { return false }
        var i = start, sawAnd = false
        while i < end {
            if let n = Lexicon.longest(lexicon.and, in: words, at: i) { i += n; sawAnd = true; continue }
            if let n = Lexicon.longest(lexicon.filler, in: words, at: i) { i += n; continue }
            return false
        }
        let commaOnly = text.onlySpace(from: text.words[start - 1].range.upperBound, to: text.words[end].range.lowerBound, allowing: [",", "،"])
        return sawAnd || commaOnly
    }

    /// News agencies and reporters whose "from" gives where they report from ("ایرنا از مسکو", "reporting from Kyiv", "ТАСС из Минска").
    private static let reportsFrom: Set<String> = ["ایرنا", "ایسنا", "ایلنا", "تسنیم", "مهر", "خبرگزاری", "خبرنگار", "گزارشگر", "reporting",
                                                   "writing", "report", "correspondent", "reporter", "тасс", "риа", "новости", "интерфакс",
                                                   "корреспондент", "сообщает", "melaporkan", "laporan", "wartawan"]

    /// True when the from-word at `phraseStart` follows a news agency or a reporter: where a report comes from.
    func reportedFrom(phraseStart: Int) -> Bool {
        phraseStart > wordRange.lowerBound && Self.reportsFrom.contains(text.words[phraseStart - 1].folded)
    }

    /// True when the place follows a news agency's or a reporter's "from" ("reporting from Kyiv", "ایرنا از مسکو"): no actor.
    func reportedFrom(_ place: PlaceInSentence) -> Bool {
        let start = place.words.lowerBound
        return start > wordRange.lowerBound && ["from", "из", "از", "dari"].contains(text.words[start - 1].folded) && reportedFrom(phraseStart: start - 1)
    }

    /// Words before "to" that make it something other than a destination ("according to", "close to").
    private static let notDirectionalBeforeTo: Set<String> = [
        "according", "due", "close", "closer", "next", "similar", "adjacent", "near", "compared", "relative", "belonging", "threat",
        "ties", "relations", "ambassador", "envoy", "visit", "visits", "respect", "regard", "opposed", "loyal", "allied", "subject",
    ]

    private func role(before index: Int, mention: Mention) -> Role {
        // Skip up to three filler words ("the port of", "pelabuhan", "порта"), then look for a role phrase ending there.
        var end = index
        for _ in 0...3 {
            if let role = role(endingAt: end, mention: mention) { return role }
            if let skipped = skippable(endingAt: end) {
                end -= skipped
            } else if let start = examplesStart(endingAt: end) {
                // Up to three words of what the examples are of lie between the role word and "including" ("to overseas markets including").
                for gap in 0...3 where start - gap > wordRange.lowerBound {
                    if gap > 0, places.contains(where: { $0.words.contains(start - gap) }) { break }
                    if let role = role(endingAt: start - gap, mention: mention) { return role }
                }
                break
            } else {
                break
            }
        }
        return .none
    }

    /// The role of a role phrase that ends at word `end`, if the language's checks accept it.
    private func role(endingAt end: Int, mention: Mention) -> Role? {
        for (role, phrases) in [(Role.via, lexicon.via), (.from, lexicon.from), (.to, lexicon.to)] {
            for phrase in phrases {
                let start = end - phrase.words.count
                guard start >= wordRange.lowerBound, phrase.match(text.words[wordRange], at: start) != nil else { continue }
                if accepts(role, phraseStart: start, phraseEnd: end, mention: mention) { return role }
            }
        }
        return nil
    }

    /// Words that give examples of what comes before them ("markets including", "negara seperti", "странах, включая", "از جمله").
    private static let examples: [Lexicon.Phrase] = Lexicon.p(["including", "such as", "notably", "especially", "particularly", "termasuk",
        "seperti", "terutama", "antara lain", "включая", "в том числе", "таких как", "такие как", "особенно", "از جمله", "مانند", "به ویژه", "بویژه"])

    /// The first word of an example phrase that ends at word `end`.
    private func examplesStart(endingAt end: Int) -> Int? {
        (1...3).first { n in end - n >= wordRange.lowerBound && Self.examples.contains { $0.match(text.words[wordRange], at: end - n) == n } }
            .map { end - $0 }
    }

    /// How many words ending at `end` lie between a role word and its place: a filler ("the port of",
    /// "pelabuhan"), an adjective ("Egyptian", "сирийский", "شرقی"), or a facility and "in" ("с баз в", "dari pangkalan di").
    private func skippable(endingAt end: Int) -> Int? {
        guard end > wordRange.lowerBound else { return nil }
        var best: Int?
        for phrase in lexicon.filler {
            let n = phrase.words.count
            if end - n >= wordRange.lowerBound, phrase.match(text.words[wordRange], at: end - n) != nil, n > (best ?? 0) { best = n }
        }
        if let best { return best }
        if let name = unknownName(endingAt: end) { return name }
        if !places.contains(where: { $0.words.contains(end - 1) }),
           Self.adjectival(text.words[end - 1], passage: text.passage(text.words[end - 1].range)) { return 1 }
        // A facility noun and a locative: "from bases in Syria", "dari pangkalan mereka di Suriah".
        let locatives: Set<String> = ["in", "at", "di", "в", "на", "در"]
        if end - 2 >= wordRange.lowerBound, locatives.contains(text.words[end - 1].folded) {
            var k = end - 2
            if k > wordRange.lowerBound, ["mereka", "its", "their", "his", "nya", "خود"].contains(text.words[k].folded) { k -= 1 }
            if lexicon.sites.contains(where: { $0.0 != "seizure" && Lexicon.longest($0.1, in: words, at: k) == 1 }) { return end - k }
        }
        return nil
    }

    /// A capitalised name the gazetteer lacks between a port or facility word and the place (with "in" before the place):
    /// "pelabuhan Jurongport Singapura", "the port of Jurong in Singapore", "из порта Жуншань в Китае". Its word count, "in" included.
    private func unknownName(endingAt end: Int) -> Int? {
        var name = end - 1
        if name - 1 > wordRange.lowerBound, ["in", "at", "di", "в", "на"].contains(text.words[name].folded) { name -= 1 }
        guard name > wordRange.lowerBound, !places.contains(where: { $0.words.contains(name) }),
              text.passage(text.words[name].range).unicodeScalars.first?.properties.isUppercase == true else { return nil }
        var kind = name - 1
        if kind > wordRange.lowerBound, text.words[kind].folded == "of" { kind -= 1 }
        guard lexicon.sites.contains(where: { $0.0 != "seizure" && Lexicon.longest($0.1, in: words, at: kind) == 1 }) else { return nil }
        return end - name
    }

    /// Adjectives of nationality or direction that stand between a role word and a place ("to the Egyptian port of",
    /// "в сирийский порт", "به بندر شرقی").
    static func adjectival(_ word: ReportText.Word, passage: String) -> Bool {
        let w = word.folded
        let russian = ["ский", "ская", "ское", "ские", "ского", "ской", "скую", "ских", "ском", "ским", "цкий", "цкого", "цкие", "цких"]
        if russian.contains(where: { w.hasSuffix($0) }) && w.count > 5 { return true }
        // Russian compass adjectives: "юго-западный", "восточной", "северных".
        let compass = ["север", "южн", "восточн", "западн"], endings = ["ый", "ий", "ой", "ая", "ое", "ые", "ую", "ого", "ых", "ом", "ым", "ей"]
        if compass.contains(where: { w.contains($0) }) && endings.contains(where: { w.hasSuffix($0) }) { return true }
        let persian: Set<String> = ["شرقی", "غربی", "شمالی", "جنوبی", "مرکزی", "ایرانی", "روسی", "سوری", "چینی", "یمنی", "اصلی", "مذکور", "ریلی", "مرزی", "گمرکی"]
        if persian.contains(w) { return true }
        let english: Set<String> = ["eastern", "western", "northern", "southern", "central", "main", "key", "major", "small", "remote", "secluded", "capital",
                                    "utama", "internasional", "militer", "udara", "laut"]
        if english.contains(w) { return true }
        // English demonyms: capitalised, "-an", "-ese", "-ish", "-i" (Egyptian, Lebanese, Turkish, Emirati).
        guard let first = passage.unicodeScalars.first, first.properties.isUppercase, first.isASCII, w.count > 3 else { return false }
        return ["an", "ese", "ish", "i"].contains { w.hasSuffix($0) }
    }

    /// Language-specific checks that a role word really marks a route's end or passage.
    private func accepts(_ role: Role, phraseStart: Int, phraseEnd: Int, mention: Mention) -> Bool {
        let word = text.words[phraseEnd - 1].folded
        // "arrived in Tartus, 400 km from Latakia": a distance's reference, not where a movement starts ("sailed 400 km from Latakia
        // to Tartus" still is one).
        if role == .from, ClaimFinder.distanceEnds(before: phraseStart, in: words, language: "") { return destinationFollows(mention) }
        switch word {
        case "مسیر":
            // "در مسیر مصر به روسیه" (on the route from Egypt to Russia): a route's start only with its end right after.
            return destinationFollows(mention)
        case "to":
            if phraseStart > wordRange.lowerBound, Self.notDirectionalBeforeTo.contains(text.words[phraseStart - 1].folded) { return false }
            return true
        case "از", "from", "из":
            // "به نقل از ایرنا از مسکو" (quoting IRNA from Moscow), "reporting from Kyiv": where a report comes from, not goods.
            return !reportedFrom(phraseStart: phraseStart)
        case "dari":
            // "lebih dekat dari Jawa ketimbang Australia" (closer than Java), "jauh dari": a comparison, not where something comes from.
            return !(phraseStart > wordRange.lowerBound && ["dekat", "jauh"].contains(text.words[phraseStart - 1].folded)) && !reportedFrom(phraseStart: phraseStart)
        case "в", "во", "на":
            // Russian: accusative (в Москву, в Тартус) is a destination; locative (в Москве) a location.
            // With words between ("в сирийский порт Тартус", "на базы в Ливии"), the first of them has the case.
            // An adjective in -ой is a masculine accusative or a feminine locative ("в речной порт", "в речной гавани"): its noun decides.
            if phraseEnd < wordRange.upperBound, text.words[phraseEnd].range.lowerBound < mention.start {
                var first = phraseEnd
                if text.words[first].folded.hasSuffix("ой"), first + 1 < wordRange.upperBound, text.words[first + 1].range.lowerBound < mention.start {
                    first += 1
                }
                let next = text.words[first].folded
                let locative = ["ом", "ем", "ой", "ей", "их", "ых", "ах", "ях"].contains { next.hasSuffix($0) }
                    || (next.hasSuffix("е") && !["ие", "ые", "ое"].contains { next.hasSuffix($0) }) || ["порту", "аэропорту"].contains(next)
                return !locative
            }
            return !Self.russianLocative(mention)
        case "с", "со":
            // Genitive (с Украины) is an origin; instrumental (с Россией) is "with".
            let s = ReportText.fold(mention.surface)
            return !(s.hasSuffix("ей") || s.hasSuffix("ой") || s.hasSuffix("ом") || s.hasSuffix("ем")) || !mention.isInflected
        case "по":
            // По морю, по Волге: along water is a passage; по Сирии ("in Syria") is not.
            return ["sea", "ocean", "gulf", "bay", "strait", "river", "canal", "lake"].contains(mention.place.kind.rawValue)
        case "over", "along", "up", "down", "past":
            return ["sea", "ocean", "gulf", "bay", "strait", "river", "canal", "lake", "country", "region", "island"].contains(mention.place.kind.rawValue)
        case "от":
            // "от X до Y": a route; "в 9 км от X": a distance, not a movement.
            return words.contains { $0.folded == "до" }
        default:
            return true
        }
    }

    /// True when a destination's role word follows the mention within three words, not past a comma ("sailed 400 km from Latakia to
    /// Tartus", not "Alabuga, 900 km from Moscow, and launched against Kyiv").
    private func destinationFollows(_ mention: Mention) -> Bool {
        let after = text.firstWord(atOrAfter: mention.end)
        return (after..<min(after + 3, wordRange.upperBound)).contains { k in
            Lexicon.longest(lexicon.to, in: words, at: k) != nil && !text.passage(mention.end..<text.words[k].range.lowerBound).contains(",")
        }
    }

    /// True when a Russian surface is in the locative case (Москве, Тартусе, Приморье) rather than the name's own form.
    static func russianLocative(_ mention: Mention) -> Bool {
        guard mention.isInflected else { return false }
        let surface = ReportText.fold(mention.surface)
        return surface.hasSuffix("е") || surface.hasSuffix("и") || surface.hasSuffix("ом") || surface.hasSuffix("ой")
    }

    /// Word positions where any of `phrases` starts.
    func positions(of phrases: [Phrase]) -> [Int] {
        wordRange.filter { Lexicon.longest(phrases, in: words, at: $0) != nil }
    }

    typealias Phrase = Lexicon.Phrase
}
