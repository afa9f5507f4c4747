import Foundation
import Gazetteer

/// Words around a name that show it names no place here: a person ("Presiden Vladimir Putin",
/// "By David Albright", "دیوید کامرون"), a vessel ("MV Angara", "the Russian-flagged Angara",
/// «Майя-1», "Sparta IV") or an organisation ("Washington Post", "Agence France-Presse",
/// "Alabuga Polytech", "U.S. Central Command", "Komando Afrika", "صدای آمریکا").
///
/// Each rule reads only the words next to the name, on its line; `reason` says which rule held.
enum NotAPlace {
    /// Why the words `match` (token indexes) name no place here, or nil when nothing says so.
    /// `isCountry` tells whether the words name a country (among other places): Indonesian writes a
    /// country after a noun as an adjective ("kapal Iran", an Iranian ship), which stays a mention.
    /// `latinIsForeign` is true in a document written in another script (Russian, Persian), where Latin words are foreign names.
    static func reason(match: ClosedRange<Int>, tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>, latinIsForeign: Bool = false,
                       isCountry: () -> Bool, isMajor: () -> Bool = { false }) -> Finding? {
        let context = Context(tokens: tokens, bytes: bytes, match: match)
        if let currency = context.currency() { return currency }
        if let longer = context.partOfLongerName() ?? context.partOfLongerForeignName(latinIsForeign: latinIsForeign) { return longer }
        if let organisation = context.organisation() { return organisation }
        if let vessel = context.vessel(isCountry: isCountry) { return vessel }
        return context.person(isCountry: isCountry, isMajor: isMajor)
    }

    /// How far a reason found once reaches through the rest of the document.
    enum Reach {
        /// A surname: every later use, even a country's name ("Cameron" after "David Cameron").
        case everywhere
        /// A vessel's name: every later use but a country's ("Angara" after "MV Angara", though Ankara is well known).
        case exceptCountries
        /// A person named by a title, a given name or a byline, or an organisation named after its kind
        /// ("Grup Wagner"): every later use but a well-known place's.
        case exceptWellKnown

        /// Whether the reason holds for a later use of the name.
        func holds(wellKnown: () -> Bool, isCountry: () -> Bool) -> Bool {
            switch self {
            case .everywhere: true
            case .exceptCountries: !isCountry()
            case .exceptWellKnown: !wellKnown()
            }
        }
    }

    /// What the words around a name show, and how far that reaches through the rest of the
    /// document: nil when it holds only where it was found (a place in an organisation's name stays
    /// a place elsewhere, "Washington Post", then Washington; so does the place a numbered vessel is
    /// named after, "the Port Olya 3 docked at Port Olya").
    struct Finding {
        let why: String
        let reach: Reach?

        init(_ why: String, reach: Reach?) {
            self.why = why
            self.reach = reach
        }
    }

    /// The words next to a match.
    struct Context {
        let tokens: [Token]
        let bytes: UnsafeBufferPointer<UInt8>
        let match: ClosedRange<Int>
        /// The words right before and after the match, as written, when they stand on its line next to it (most rules read them).
        let previous: String?, next: String?
        /// The word before, lowercased once here: most rules ask for it so.
        let previousLowercased: String?

        init(tokens: [Token], bytes: UnsafeBufferPointer<UInt8>, match: ClosedRange<Int>) {
            (self.tokens, self.bytes, self.match) = (tokens, bytes, match)
            let (before, after) = (match.lowerBound - 1, match.upperBound + 1)
            previous = Self.joined(before, tokens: tokens, bytes: bytes, match: match) ? Self.word(before, tokens: tokens, bytes: bytes) : nil
            next = Self.joined(after, tokens: tokens, bytes: bytes, match: match) ? Self.word(after, tokens: tokens, bytes: bytes) : nil
            previousLowercased = previous?.lowercased()
        }

        /// True when token `i` stands on the match's line, next to its neighbour toward the match.
        func joined(_ i: Int) -> Bool { Self.joined(i, tokens: tokens, bytes: bytes, match: match) }

        private static func joined(_ i: Int, tokens: [Token], bytes: UnsafeBufferPointer<UInt8>, match: ClosedRange<Int>) -> Bool {
            guard tokens.indices.contains(i) else { return false }
            let (a, b) = i < match.lowerBound ? (i, i + 1) : (i - 1, i)
            return Geoparser.joins(tokens[a], tokens[b], in: bytes)
        }

        private static func word(_ i: Int, tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> String? {
            guard tokens.indices.contains(i) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[i].byteStart..<tokens[i].byteEnd]), as: UTF8.self)
        }

        /// The text of token `i` (nil outside the text), as written.
        func word(_ i: Int) -> String? { Self.word(i, tokens: tokens, bytes: bytes) }

        /// The lowercased text of token `i`, when it stands on the match's line, next to its neighbour toward the match.
        func near(_ i: Int) -> String? {
            guard joined(i) else { return nil }
            return i == before ? previousLowercased : (i == after ? next : word(i))?.lowercased()
        }

        /// True when token `i` is written as `literal`, byte for byte: for a literal that no other
        /// spelling is canonically equivalent to (no K, ';' or '`', no letter that decomposes).
        func isWord(_ i: Int, _ literal: StaticString) -> Bool {
            guard tokens.indices.contains(i) else { return false }
            let written = UnsafeBufferPointer(rebasing: bytes[tokens[i].byteStart..<tokens[i].byteEnd])
            return written.elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }

        /// True when token `i`, lowercased, is `literal` (lowercase ASCII without a k: no other letters lowercase to it).
        func isWord(_ i: Int, lowercased literal: StaticString) -> Bool {
            guard tokens.indices.contains(i) else { return false }
            let written = UnsafeBufferPointer(rebasing: bytes[tokens[i].byteStart..<tokens[i].byteEnd])
            return written.elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)) { ($0 &- 0x41 < 26 ? $0 | 0x20 : $0) == $1 }
        }

        /// The bytes of token `i`, which must be in the text.
        func written(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[tokens[i].byteStart..<tokens[i].byteEnd])
        }

        /// True when token `i`, as written, is one of `words` (false outside the text).
        func isWord(_ i: Int, in words: WordSet) -> Bool {
            tokens.indices.contains(i) && words.contains(utf8: written(i))
        }

        /// True when token `i`, lowercased, is one of `words` (false outside the text).
        func isWord(_ i: Int, lowercasedIn words: WordSet) -> Bool {
            tokens.indices.contains(i) && words.containsLowercased(utf8: written(i))
        }

        /// True when the bytes between tokens `a` and `b` (a < b) are `literal`, byte for byte (spaces and
        /// brackets, which no other spelling is canonically equivalent to).
        func gapIs(_ a: Int, _ b: Int, _ literal: StaticString) -> Bool {
            let between = UnsafeBufferPointer(rebasing: bytes[tokens[a].byteEnd..<tokens[b].byteStart])
            return between.elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }

        /// The bytes between tokens `a` and `b` (a < b).
        func gap(_ a: Int, _ b: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[a].byteEnd..<tokens[b].byteStart]), as: UTF8.self)
        }

        /// True when an en or em dash stands between tokens `a` and `b` (a < b); no string is built for a gap without one's lead byte.
        func dashBetween(_ a: Int, _ b: Int) -> Bool {
            guard bytes[tokens[a].byteEnd..<tokens[b].byteStart].contains(0xE2) else { return false }
            return gap(a, b).contains { $0 == "–" || $0 == "—" }
        }

        var before: Int { match.lowerBound - 1 }
        var after: Int { match.upperBound + 1 }

        /// Indonesian writes a village's, a district's or a street's kind before its name, and the name runs on to the
        /// end of the capitalised words: in "Kelurahan Sawang Bendar" the place is Sawang Bendar, not Sawang.
        func partOfLongerName() -> Finding? {
            guard joined(before), isWord(before, lowercasedIn: Self.namedAfterKind), let next = word(after), joined(after),
                  tokens[after].isCapitalised, gapIs(match.upperBound, after, " ") else { return nil }
            return Finding("the first word of a longer name ('\(word(before)!) … \(next)')", reach: nil)
        }

        /// Indonesian kinds of place whose name follows them whole (lowercased).
        static let namedAfterKind: WordSet = ["kelurahan", "desa", "kecamatan", "dusun", "gampong", "kampung", "jalan", "jl"]

        /// "US$10,000", "HK$", "$US": an abbreviation written against a dollar sign is a currency, not the country.
        func currency() -> Finding? {
            let start = tokens[match.lowerBound].byteStart, end = tokens[match.upperBound].byteEnd
            guard end < bytes.count && bytes[end] == 0x24 || start > 0 && bytes[start - 1] == 0x24 else { return nil }
            return Finding("a currency ('\(word(match.lowerBound) ?? "")$')", reach: nil)
        }

        /// A name the gazetteer lacks, of which the match is only a part: "Tanjung Balau" (a cape's word, then its name), "Haut-Katanga"
        /// (a prefix joined by a hyphen), a Russian adjective before its noun ("Московского завода"), and in a Russian or Persian text a Latin word beside another capitalised Latin word ("Cool Emerald", a ship).
        func partOfLongerForeignName(latinIsForeign: Bool) -> Finding? {
            // "Tanjung Balau", "Sungai Kolok", "Jebel Amer": a landform's word is the first word of the name after it, not a place called Tanjung.
            if match.lowerBound == match.upperBound, let next = word(after), joined(after), tokens[after].isCapitalised,
               gapIs(match.upperBound, after, " "), isWord(match.lowerBound, lowercasedIn: Self.landformHeads) {
                return Finding("the first word of a longer name ('\(word(match.lowerBound)!) \(next)')", reach: nil)
            }
            // "Bu’ale", "Ma'rib": a word an apostrophe runs on is no name cut short ("Bu", a French village), unless it is a
            // possessive's or a contraction's ("Iran’s", "Russia'll").
            if let next = word(after), joined(after), gapIs(match.upperBound, after, "’") || gapIs(match.upperBound, after, "'"),
               !Self.apostropheEndings.contains(next.lowercased()) {
                return Finding("part of a longer word ('\(word(match.upperBound)!)’\(next)')", reach: nil)
            }
            if let previous {
                // "Haut-Katanga", "Усть-Кут": a prefix written against the name with a hyphen makes another place.
                if gapIs(before, match.lowerBound, "-"), isWord(before, lowercasedIn: Self.hyphenPrefixes) {
                    return Finding("part of a longer name ('\(previous)-\(word(match.lowerBound)!)')", reach: nil)
                }
            }
            // "Сибирского химического комбината", "Московского завода": a Russian adjective in -ский before the noun it qualifies is no
            // town named by the adjective (Sibirsky, Moskovsky).
            // Not before a joining word or a verb: "между Хэйхэ и Благовещенском открылась", "Благовещенском и Хэйхэ".
            if match.lowerBound == match.upperBound, let next = word(after), joined(after), gapIs(match.upperBound, after, " "),
               !tokens[after].isCapitalised, next.unicodeScalars.first.map({ $0.value >= 0x430 && $0.value <= 0x44F }) == true,
               !Self.russianFunctionWords.contains(next), !Self.russianVerbEndings.contains(where: next.hasSuffix),
               let surface = word(match.lowerBound)?.lowercased(), Self.adjectiveEndings.contains(where: surface.hasSuffix),
               // "под Новороссийском приостановлена": after a preposition of the instrumental, -ском is the town's case (the
               // adjective's instrumental is -ским).
               !(surface.hasSuffix("ом") && previous.map { Self.russianInstrumentalPrepositions.contains($0.lowercased()) } == true) {
                return Finding("an adjective ('\(word(match.lowerBound)!) \(next)')", reach: nil)
            }
            // "Guardia di Finanza", "Esperanza del Mar", "Tapón del Darién": a Romance name's particle, then a capitalised word, joins
            // the match to a longer name (a name the gazetteer holds whole, "Rio de Janeiro", matched whole before this is asked).
            // (Indonesian 'di' is 'in': "di Ras Laffan di Qatar"; Italian 'di' counts only in a Cyrillic or Persian text.)
            let particles = latinIsForeign ? Self.romanceParticles : Self.romanceParticlesBesideIndonesian
            if joined(after), isWord(after, in: particles), let particle = word(after), gapIs(match.upperBound, after, " "),
               let following = word(after + 1), joined(after + 1), gapIs(after, after + 1, " "), tokens[after + 1].isCapitalised, Self.isLatin(following) {
                return Finding("the first part of a longer name ('\(word(match.upperBound)!) \(particle) \(following)')", reach: nil)
            }
            if let particle = previous, particles.contains(particle), gapIs(before, match.lowerBound, " "), before >= 1,
               let preceding = word(before - 1), joined(before - 1), gapIs(before - 1, before, " "), tokens[before - 1].isCapitalised,
               Self.isLatin(preceding), !OrganisationNames.placeWords.contains(preceding), !startsSentence(before - 1) {
                return Finding("the last part of a longer name ('\(preceding) \(particle) \(word(match.lowerBound)!)')", reach: nil)
            }
            guard latinIsForeign, Self.isLatin(word(match.lowerBound) ?? "") else { return nil }
            // «судне "Cool Emerald"»: in a Cyrillic or Persian text, a run of capitalised Latin words is one foreign name.
            for (i, toward) in [(before, match.lowerBound), (after, match.upperBound)] {
                guard tokens.indices.contains(i), joined(i), let w = word(i), Self.isLatin(w), tokens[i].isCapitalised else { continue }
                let (a, b) = i < toward ? (i, toward) : (toward, i)
                if gapIs(a, b, " ") || gapIs(a, b, "-") { return Finding("part of a longer Latin name ('\(w)')", reach: nil) }
            }
            return nil
        }

        /// Particles inside Spanish, Portuguese and Italian names, as written ("Tapón del Darién", "Guardia di Finanza").
        /// (Not 'do', 'dos', 'da': English "How do UAE supplies …" and Indonesian words.)
        static let romanceParticles: WordSet = ["del", "de", "di", "della", "dei", "delle", "das"]
        /// The same without Indonesian's 'di' ('in'), for Latin-script texts.
        static let romanceParticlesBesideIndonesian = romanceParticles.subtracting(["di"])

        /// What an apostrophe adds to a word without making another: possessives and contractions.
        static let apostropheEndings: Set<String> = ["s", "ll", "d", "re", "ve", "t"]

        /// Russian words no adjective qualifies: conjunctions, prepositions, particles.
        static let russianFunctionWords: Set<String> = ["и", "или", "а", "но", "в", "во", "на", "с", "со", "к", "по", "из", "до", "за", "от",
                                                       "у", "о", "об", "при", "через", "для", "под", "над", "не", "уже", "же", "ли", "как"]
        /// Russian prepositions of the instrumental, after which a word in -ском is a town, not an adjective ("под Новороссийском").
        static let russianInstrumentalPrepositions: Set<String> = ["под", "подо", "над", "перед", "между", "за", "с", "со"]
        /// Endings of Russian verbs reflexive or in the past tense's feminine, neuter and plural ("открылась", "прибыло",
        /// "находятся"); not the masculine's -л, which nouns share ("Волжский канал").
        static let russianVerbEndings: [String] = ["ся", "сь", "ла", "ло", "ли"]

        /// Endings of Russian adjectives in -ский and -цкий, in every case and gender.
        static let adjectiveEndings: [String] = ["ск", "цк"].flatMap { stem in
            ["ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ое", "ие", "их", "ими"].map { stem + $0 }
        }

        /// Malay and Indonesian words for a landform that open a place's name ("Tanjung Uban", "Sungai Golok", "Bukit Kayu Hitam"), lowercased.
        /// Arabic "ras" (cape, headland: "Ras Laffan", "Ras Tanura") opens names the same way.
        static let landformHeads: WordSet = ["tanjung", "sungai", "gunung", "bukit", "kuala", "muara", "ujung", "pantai", "danau", "ras",
                                             // Arabic's mountain, valley, inlet and well, as English and French write them ("Jebel Amer").
                                             "jebel", "jabal", "djebel", "jbel", "wadi", "ouadi", "oued", "khor", "bir"]

        /// Prefixes written against a name with a hyphen to make another place's name ("Haut-Katanga", "Nizhne-Kamsk", "Усть-Кут"), lowercased.
        static let hyphenPrefixes: WordSet = [
            "haut", "haute", "bas", "basse", "nord", "sud", "moyen", "grand", "petit", "nouvelle", "nouveau", "upper", "lower",
            "ust", "nizhne", "verkhne", "novo", "staro", "усть", "нижне", "верхне", "ново", "старо", "северо", "южно", "западно", "восточно",
        ]

        /// True when the word's first letter is Latin (A–Z, or Latin with a diacritic).
        static func isLatin(_ word: String) -> Bool {
            guard let first = word.unicodeScalars.first else { return false }
            return first.isASCII ? first.properties.isAlphabetic : first.value >= 0xC0 && first.value < 0x250
        }

        func organisation() -> Finding? {
            // "Bea Cukai", "Bea dan Cukai": Indonesia's customs service, whose two words also name a village and a Malaysian town.
            let (bea, cukai) = (OrganisationNames.customsFirst, OrganisationNames.customsLast)
            let customsAfter = { (k: Int) in self.isWord(k, lowercasedIn: cukai) || self.isWord(k, lowercased: "dan") && self.isWord(k + 1, lowercasedIn: cukai) }
            let customsBefore = { (k: Int) in self.isWord(k, lowercasedIn: bea) || self.isWord(k, lowercased: "dan") && self.isWord(k - 1, lowercasedIn: bea) }
            if isWord(match.lowerBound, lowercasedIn: bea) && customsAfter(after) || isWord(match.upperBound, lowercasedIn: cukai) && customsBefore(before) {
                return Finding("part of 'Bea Cukai' (Indonesia's customs)", reach: nil)
            }
            if let next, tokens[after].isCapitalised || !Self.hasCase(next) {
                if isWord(after, in: OrganisationNames.followers) { return Finding("part of an organisation's name (… \(next))", reach: nil) }
                // "U.S. Central Command", "White House National Security Council", "U.S. 5th Fleet": a capitalised run ending in a head.
                var k = after
                // (Not across a dash: "Tin from DR Congo – UN Group of Experts" is a headline and its source.)
                while k <= match.upperBound + 4, joined(k), !dashBetween(k - 1, k),
                      let w = k == after ? next : word(k), tokens[k].isCapitalised || w.first?.isNumber == true {
                    if isWord(k, in: OrganisationNames.runHeads) { return Finding("part of an organisation's name (… \(w))", reach: nil) }
                    k += 1
                }
            }
            // "Nakilat Shipping Qatar Ltd", "Teekay Shipping Glasgow": a place after a capitalised name and its trade, or right
            // before a company's suffix, ends a company's name.
            if let next = word(after), gapIs(match.upperBound, after, " "), isWord(after, in: OrganisationNames.companySuffixes) {
                return Finding("part of a company's name (… \(next))", reach: nil)
            }
            if let previous, gapIs(before, match.lowerBound, " "), isWord(before, in: OrganisationNames.trades), joined(before - 1),
               gapIs(before - 1, before, " "), tokens[before - 1].isCapitalised, !startsSentence(before - 1) || before >= 2 && tokens[before - 2].isCapitalised {
                return Finding("part of a company's name (… \(previous) …)", reach: nil)
            }
            // "CNOOC Trading (Singapore) Pte. Ltd.": a place in brackets before a company's suffix.
            if let next = word(after), gapIs(match.upperBound, after, ") "), isWord(after, in: OrganisationNames.companySuffixes), match.lowerBound > 0,
               gap(before, match.lowerBound).hasSuffix("(") {
                return Finding("part of a company's name (… \(next))", reach: nil)
            }
            // "PT Toshida Indonesia", "CV Maluku Sentosa": the capitalised words after an Indonesian company's form are its name.
            var k = before
            while k >= 0, match.lowerBound - k <= 4, joined(k) {
                if isWord(k, in: OrganisationNames.companyForms) { return Finding("part of a company's name (\(word(k)!) …)", reach: nil) }
                guard tokens[k].isCapitalised, gapIs(k, k + 1, " ") else { break }
                k -= 1
            }
            if let previous {
                // "dikutip dari Media Indonesia", "روزنامه ایران": a newspaper's masthead, not the country (a sentence's "Media Rusia" is
                // Russia's media; Persian, without capitals, has no such doubt).
                if isWord(before, in: OrganisationNames.mastheads), gapIs(before, match.lowerBound, " "), !Self.hasCase(previous) || !startsSentence(before) {
                    return Finding("a newspaper's name (after '\(previous)')", reach: nil)
                }
                // (Persian text typed with Arabic yeh and kaf writes 'خبرگزاري' for 'خبرگزاری'.)
                if isWord(before, in: OrganisationNames.directHeads) || isWord(before, lowercasedIn: OrganisationNames.directHeads)
                    || (previous.unicodeScalars.contains { $0 == "ي" || $0 == "ك" }
                        && OrganisationNames.directHeads.contains(previous.replacingOccurrences(of: "ي", with: "ی").replacingOccurrences(of: "ك", with: "ک"))),
                   gapIs(before, match.lowerBound, " ") {
                    return Finding("an organisation's name (after '\(previous)')", reach: .exceptWellKnown)
                }
                if previous == "of", joined(before - 1), let head = word(before - 1), isWord(before - 1, in: OrganisationNames.heads) {
                    return Finding("part of an organisation's name (\(head) of …)", reach: nil)
                }
                // "Chemical of Africa (Chemaf)", "Central Bank of Nigeria (CBN)": a capitalised "… of" name given its short name in brackets.
                if previous == "of", joined(before - 1), let head = word(before - 1), tokens[before - 1].isCapitalised,
                   !isWord(before - 1, in: OrganisationNames.placeWords), !isWord(before - 1, in: OrganisationNames.statesOf), let short = word(after),
                   gapIs(match.upperBound, after, " ("), tokens[after].isCapitalised, tokens[after].byteEnd < bytes.count,
                   bytes[tokens[after].byteEnd] == 0x29, !startsSentence(before - 1) {
                    return Finding("part of an organisation's name (\(head) of … (\(short)))", reach: nil)
                }
                // "(Antara Bali)", "kata ANTARA Sulut": a news agency's regional desk; not "Antara Bali dan Lombok" opening a sentence.
                if isWord(before, in: OrganisationNames.agencyDesks), gapIs(before, match.lowerBound, " "), previous == "ANTARA" || !startsSentence(before) {
                    return Finding("a news agency's desk (after '\(previous)')", reach: nil)
                }
                // "به گزارش مشهد فوری", "kantor berita Saba": after "according to the report of" or "the news agency", a news source's name.
                if before >= 1, OrganisationNames.sourceCues.contains(where: { $0.1 == previousLowercased! }), let first = near(before - 1),
                   OrganisationNames.sourceCues.contains(where: { $0.0 == first && $0.1 == previousLowercased! }) {
                    return Finding("a news source's name (after '\(word(before - 1)!) \(previous)')", reach: nil)
                }
            }
            return nil
        }

        /// True when token `i` opens a line, a sentence or a quotation (its capital proves nothing), and false after a bracket.
        func startsSentence(_ i: Int) -> Bool {
            guard i > 0 else { return true }
            let between = bytes[tokens[i - 1].byteEnd..<tokens[i].byteStart]
            if between.last == 0x28 { return false }
            return between.contains { [0x2E, 0x21, 0x3F, 0x0A, 0x22].contains($0) }
        }

        func vessel(isCountry: () -> Bool) -> Finding? {
            // «"Майя 1", "Ангара", "Мария"»: a name in a list of quoted names is a ship's or a company's, not a place.
            if inQuotedList(), !isCountry() { return Finding("a vessel's name (one of a list of quoted names)", reach: .exceptCountries) }
            // "kapal berbendera Rusia Angara": the name after "berbendera" and a country.
            if let previous, joined(before - 1), isWord(before - 1, lowercased: "berbendera") { return Finding("a vessel's name (after 'berbendera \(previous)')", reach: .exceptCountries) }
            // "Sparta IV", "Майя-1", "Port Olya 3": a name with a number is a ship's.
            if let next, gapIs(match.upperBound, after, " ") && isWord(after, in: Self.romanNumerals)
                || gapIs(match.upperBound, after, "-") && next.first?.isNumber == true && next.count <= 5 && next.prefix(while: \.isNumber).count <= 3 {
                return Finding("a numbered vessel's name (\(word(match.lowerBound) ?? "") \(next))", reach: nil)
            }
            // "Port Olya 3": a number of one or two digits after a name that is no country's, and no quantity or date ("из Москвы 7 августа").
            if let next, gapIs(match.upperBound, after, " "), next.count <= 2, next.allSatisfy({ $0.isASCII && $0.isNumber }),
               !isCountry(), word(after + 1).map({ !Self.units.contains($0.lowercased()) && !CommonWordJudgement.calendarWords.contains(NameNormalizer.key($0)) }) ?? true {
                return Finding("a numbered vessel's name (\(word(match.lowerBound) ?? "") \(next))", reach: nil)
            }
            // "یو اس اس باتان" (USS Bataan): the Persian spelling of a ship prefix's letters, "اس اس", before the name.
            if before >= 1, isWord(before, "اس"), isWord(before - 1, "اس"), joined(before - 1) {
                return Finding("a vessel's name (after 'اس اس')", reach: .exceptCountries)
            }
            // "سوئز راجان با پرچم جزایر مارشال": a name, up to two words, then "با پرچم" (flying the flag of): a ship's.
            // (The words first, by their bytes: the places are asked about only when they are there.)
            var k = after
            while k <= after + 2, joined(k) {
                if isWord(k, "با"), isWord(k + 1, "پرچم"), Geoparser.joins(tokens[k], tokens[k + 1], in: bytes), !isCountry() {
                    return Finding("a vessel's name (before 'با پرچم', flying the flag of)", reach: .exceptCountries)
                }
                k += 1
            }
            // "Angara (IMO 9237539)": an IMO number after the name.
            if isWord(after, "IMO"), gap(match.upperBound, after).contains("(") { return Finding("a vessel's name (with its IMO number)", reach: .exceptCountries) }
            guard let previous = previousLowercased else { return nil }
            // "MT S Tinos": a prefix, a letter, then the name.
            if previous.count == 1, joined(before - 1), isWord(before - 1, in: Self.vesselPrefixes), let prefix = word(before - 1) {
                return Finding("a vessel's name (after '\(prefix) \(word(before)!)')", reach: .exceptCountries)
            }
            let flagged = previous == "flagged" && gap(before - 1, before).contains("-")
            guard flagged || isWord(before, lowercasedIn: Self.vesselWords) || isWord(before, in: Self.vesselPrefixes) else { return nil }
            if isCountry(), !flagged, !isWord(before, in: Self.vesselPrefixes) { return nil }
            return Finding("a vessel's name (after '\(word(before) ?? previous)')", reach: .exceptCountries)
        }

        /// `isMajor` tells whether the words name a region or a place everyone names (a country, a sea, a city of a million), which
        /// the wider list of given names does not overrule ("Austin Texas", "Florence Italy").
        func person(isCountry: () -> Bool, isMajor: () -> Bool) -> Finding? {
            let surface = word(match.lowerBound) ?? ""
            // A byline: "By David Albright" at the start of a line.
            if previous != nil, isWord(before, in: PersonNames.bylines),
               before == 0 || !Geoparser.joins(tokens[before - 1], tokens[before], in: bytes) || gap(before - 1, before).contains("\n") {
                return Finding("a person's name (a byline)", reach: .exceptWellKnown)
            }
            // A title, then up to three capitalised words: "Vice Adm. Brad Cooper", "Defense Secretary Lloyd Austin".
            // "Presiden Rusia", "President of Iran": a country after a title is the office's, and a mention.
            var k = before
            while k >= 0, match.lowerBound - k <= 4, joined(k) {
                if isWord(k, lowercasedIn: PersonNames.titles) {
                    if isCountry() { break }
                    return Finding("a person's name (after the title '\(word(k)!)')", reach: .exceptWellKnown)
                }
                guard tokens[k].isCapitalised, !isWord(k, in: OrganisationNames.placeWords) else { break }
                k -= 1
            }
            // "Ju Bin Baco (52)": news gives a person's age in brackets after the name; a place is followed by a date ("(15/11)").
            if let next = word(after), gapIs(match.upperBound, after, " ("), next.count <= 2, next.allSatisfy({ $0.isASCII && $0.isNumber }),
               tokens[after].byteEnd < bytes.count, bytes[tokens[after].byteEnd] == 0x29, !isCountry() {
                return Finding("a person's name (an age in brackets after it)", reach: .exceptWellKnown)
            }
            // (The cheap tests first: a given name is looked up only beside a capitalised word or in a script without case.)
            if let previous, tokens[before].isCapitalised || !Self.hasCase(surface), PersonNames.isGivenName(previous) {
                return Finding("a person's surname (after the given name '\(previous)')", reach: .everywhere)
            }
            // The dictionary's wider list, beside a capitalised word: a major place stays one ("Jordan Israel and Egypt", "Austin Texas"),
            // unless a surname follows it, so that it stands between a given name and a surname ("Julio César Guzmán"; not a country).
            if let previous, tokens[before].isCapitalised, Self.hasCase(surface), gapIs(before, match.lowerBound, " "),
               PersonNames.isListedGivenName(previous),
               !isMajor() || match.lowerBound == match.upperBound && word(after) != nil && tokens[after].isCapitalised
                   && gapIs(match.upperBound, after, " ") && !isCountry() {
                return Finding("a person's surname (after the given name '\(previous)')", reach: .exceptWellKnown)
            }
            // "Kim Jong Un": the last of the names after a given name.
            if before >= 1, joined(before), tokens[before].isCapitalised, joined(before - 1), tokens[before - 1].isCapitalised,
               gapIs(before - 1, before, " "), gapIs(before, match.lowerBound, " "), match.lowerBound == match.upperBound,
               !isWord(match.lowerBound, in: OrganisationNames.placeWords), PersonNames.isGivenName(word(before - 1)!) {
                return Finding("a person's name (after '\(word(before - 1)!) \(word(before)!)')", reach: .everywhere)
            }
            // A given name followed by a surname: "Vladimir Putin", "David Albright", "ولادیمیر پوتین".
            if match.lowerBound == match.upperBound, let next,
               tokens[after].isCapitalised || !Self.hasCase(next), !isWord(after, in: OrganisationNames.placeWords),
               PersonNames.isGivenName(surface)
                || tokens[after].isCapitalised && gapIs(match.upperBound, after, " ") && PersonNames.isListedGivenName(surface) && !isMajor() {
                return Finding("a person's given name (before '\(next)')", reach: .exceptWellKnown)
            }
            return nil
        }

        /// True when the match stands in quotation marks, next to another quoted name across a comma or "and".
        func inQuotedList() -> Bool {
            let start = tokens[match.lowerBound].byteStart, end = tokens[match.upperBound].byteEnd
            // Cheap first: an opening quote's last byte right before the name (", «, “, „).
            guard start > 0, [0x22, 0xAB, 0x9C, 0x9E].contains(bytes[start - 1]) else { return false }
            let text = { (range: Range<Int>) in String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            let opening: Set<Character> = ["\"", "«", "“", "„"], closing: Set<Character> = ["\"", "»", "”", "“"]
            let before = text(max(0, start - 24)..<start), after = text(end..<min(bytes.count, end + 24))
            guard let open = before.last, opening.contains(open), let close = after.first, closing.contains(close) else { return false }
            let joiners: Set<String> = [",", "и", "and", "dan", "و", "or", "или", "atau"]
            // Before: a closing quote, then a comma or a conjunction, then the opening quote.
            let left = before.dropLast().trimmingCharacters(in: .whitespaces)
            if let joiner = joiners.first(where: { left.hasSuffix($0) }) {
                let rest = left.dropLast(joiner.count).trimmingCharacters(in: .whitespaces)
                if let last = rest.last, closing.contains(last) { return true }
            }
            // After: the closing quote, then a comma or a conjunction, then an opening quote.
            let right = after.dropFirst().trimmingCharacters(in: .whitespaces)
            if let joiner = joiners.first(where: { right.hasPrefix($0) }) {
                let rest = right.dropFirst(joiner.count).trimmingCharacters(in: .whitespaces)
                if let first = rest.first, opening.contains(first) { return true }
            }
            return false
        }

        /// True for words of scripts with capitals (Latin, Cyrillic, Greek).
        static func hasCase(_ word: String) -> Bool {
            guard let first = word.unicodeScalars.first else { return false }
            // Without the Unicode tables where the answer is plain: ASCII letters, Russian А–я, the Arabic block.
            switch first.value {
            case 0..<0x80: return (first.value | 0x20) &- 0x61 < 26
            case 0x410...0x44F: return true
            case 0x600...0x6FF: return false
            default: return first.properties.changesWhenCaseMapped
            }
        }

        /// Words after a number that make it a quantity, not part of a name ("Moscow 10 km").
        static let units: WordSet = ["km", "mi", "miles", "kilometres", "kilometers", "nm", "%", "persen", "км", "кг", "тонн", "کیلومتر", "ton", "tons", "tonnes"]

        static let romanNumerals: WordSet = ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
        /// Words after which a name is a ship's (lowercased).
        static let vesselWords: WordSet = [
            "mv", "mt", "ms", "ss", "rv", "fv", "tanker", "tankers", "vessel", "vessels", "ship", "ships", "freighter", "carrier", "steamer", "dhow", "boat", "ferry",
            "kapal", "судно", "судна", "судне", "судном", "танкер", "танкера", "танкере", "сухогруз", "сухогруза", "сухогрузе", "теплоход",
            "теплохода", "корабль", "корабля", "корабли", "кораблей", "танкеры", "танкеров", "сухогрузы", "сухогрузов", "паром", "парома", "газовоз", "газовоза", "газовозе", "газовозом", "контейнеровоз",
            "контейнеровоза", "балкер", "балкера", "рудовоз", "рудовоза", "лесовоз", "лесовоза", "ледокол", "ледокола",
            "کشتی", "نفتکش", "لنج", "شناور", "ناو", "ناوچه",
        ]
        /// Prefixes of ship names, as written (M/V reads as M, V).
        static let vesselPrefixes: WordSet = [
            "MV", "MT", "MS", "SS", "RV", "FV", "V", "T", "KM", "USS", "USNS", "HMS", "HMAS", "HMCS", "INS", "RFS", "KRI", "IRIS", "TCG",
        ]
    }
}
