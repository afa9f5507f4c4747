import Gazetteer
import Geoparser

/// Finds the facilities one sentence names: a facility word beside a place ("the port of Rajin",
/// "pabrik di zona ekonomi khusus Alabuga", "завод в Елабуге", "Hmeimim air base"), a facility the
/// gazetteer holds as such, or where something was seized.
struct SiteFinder {
    /// A site as one sentence states it.
    struct Found {
        let place: Place
        let kind: String
        let activity: String?
        let statement: Statement
        let sentence: Range<Int>

        /// Where something befell a ship: the event's place, not a facility a later claim could locate.
        var isIncident: Bool { activity == SiteFinder.incidentActivity }
    }

    /// The activity of a site where something befell a ship.
    static let incidentActivity = "incident at sea"

    /// Words that join a facility word to the place it is at ("factory in", "pabrik di", "завод в").
    private static let at: Set<String> = locatives.union(["of"]).union(examples)
    /// Words that bring in examples of the facilities just named ("Chinese coal ports, including Weihai and Peng Lai", "pelabuhan
    /// seperti Dumai"): each example is such a facility.
    private static let examples: Set<String> = ["including", "such", "as", "like", "termasuk", "seperti", "antara", "lain"]
    /// Words that put a seizure at a place ("seized in the Arabian Sea", "off Yemen").
    private static let seizedAt: Set<String> = ["in", "off", "near", "at", "di", "perairan", "в", "у", "близ", "در", "نزدیک"]

    /// Place kinds that are facilities in themselves, and the site kind each is.
    private static let facilityKinds: [String: String] = ["port": "port", "facility": "factory", "base": "base", "airfield": "airfield",
                                                          "airport": "airfield", "cosmodrome": "launch"]

    /// The sites `sentence` names, in a report in `language` (en, id, ru or fa).
    static func sites(in sentence: SentenceView, language: String = "en") -> [Found] {
        let activities = Self.activities(in: sentence)
        let statement = RouteFinder.statement(of: sentence, movementAt: sentence.wordRange.lowerBound)
        var found: [Found] = []
        // The last place a facility word stood before, and that word's kind: the places listed after it share it
        // ("storage near Murmansk and Kamchatka", "ایستگاههای گمرکی کویته و پیشاور").
        var listed: (place: SentenceView.PlaceInSentence, kind: String, locative: Bool, farReach: Bool)?
        // The last place goods were bought or sold at: the places listed after it share it.
        var traded: SentenceView.PlaceInSentence?
        for place in sentence.places where !place.isQualifier && place.mention.place.kind != .continent && place.mention.place.kind != .union {
            var activity = activities.first
            var before = facilityWord(before: place, in: sentence)
            if before == nil, let list = listed, place.mention.place.kind != .country, listedAfter(list.place, place, in: sentence),
               language == "fa" || listEndsClause(from: place, in: sentence) {
                before = (list.kind, list.locative, list.farReach)
            }
            listed = before.map { (place, $0.kind, $0.locative, $0.farReach) }
            var kind = before.map(\.kind) ?? facilityWord(after: place, in: sentence)
            if kind == nil, !activities.isEmpty, let own = ownKind(of: place.mention.place) { kind = own }
            // A facility named outright, its facility word part of the name: "Pangkalan Udara Hmeimim", "Tartus naval base".
            if kind == nil, facilityKinds[place.mention.place.kind.rawValue] != nil, let named = facilityWord(within: place, in: sentence) { kind = named }
            // An Indonesian base or post named after its town: "Lanal Dumai", "Pos TNI AL Atapupu".
            if kind == nil, Geoparser.namesMilitaryPost(place.mention) { kind = "base" }
            if kind == nil, activities.contains("seizure"), seizureLocation(place, in: sentence) { kind = "seizure"; activity = "seizure" }
            var incident = false
            if kind == nil, incidentLocation(place, in: sentence) { (kind, activity, incident) = ("other", incidentActivity, true) }
            if kind == nil, let handled = handling(at: place, in: sentence) { kind = "port"; activity = handled }
            var based = false
            if kind == nil, basedAt(place, in: sentence) { (kind, activity, based) = ("base", "basing", true) }
            if kind == nil, !RouteFinder.isWater(place.mention.place), storedAt(place, in: sentence) { (kind, activity, based) = ("depot", "storage", true) }
            // Where goods are bought or sold, and the places listed after it ("bought in Jmail, Sabratha, Sorman and Zawia").
            if kind == nil, tradedAt(place, in: sentence) || traded.map({ listedAfter($0, place, in: sentence) }) == true,
               place.mention.place.kind != .country {
                (kind, activity) = ("other", "trade")
                traded = place
            }
            // "launched two missiles from Yemen", "diluncurkan dari Yaman": where a launch comes from.
            if kind == nil, activities.contains("launch"), place.role == .from, place.words.lowerBound > sentence.wordRange.lowerBound,
               launchedFrom.contains(sentence.text.words[place.words.lowerBound - 1].folded), weaponLaunched(before: place, in: sentence) {
                (kind, activity) = ("launch", "launch")
            }
            guard let kind else { continue }
            // A country is a site only as "a base in Syria", where ships were seized, where a unit is based or goods are stored; not as
            // "the fleet of America" (an owner) or "Russia's ports".
            if place.mention.place.kind == .country, !["seizure", "launch"].contains(kind), !based, !incident, before?.locative != true { continue }
            // A facility word that reaches a country past what it holds or compass words stands for the town named after it
            // ("depot amunisi di barat daya Rusia dekat Tikhoretsk"), never for the country alone ("jalur perakitan drone di Rusia").
            if place.mention.place.kind == .country, before?.farReach == true, !sentence.places.contains(where: {
                $0.words.lowerBound >= place.words.upperBound && $0.mention.place.country == place.mention.place.country && $0.mention.place.kind != .country
            }) { continue }
            // A sea or a river is where ships are seized or launched from, not where a port or a factory is ("Ukraine's Black Sea ports").
            if RouteFinder.isWater(place.mention.place), !["seizure", "launch", "other"].contains(kind) { continue }
            found.append(Found(place: place.mention.place, kind: kind, activity: activity ?? defaultActivity[kind], statement: statement,
                               sentence: sentence.range))
        }
        return narrowed(found, in: sentence)
    }

    /// The site kind a place that is a facility in itself is: an airport ("Amsterdam Airport Schiphol", by its own name) an
    /// airfield, any other by its kind.
    private static func ownKind(of place: Place) -> String? {
        if place.kind == .facility, place.name.localizedCaseInsensitiveContains("airport") { return "airfield" }
        return facilityKinds[place.kind.rawValue]
    }

    /// Sites a sentence locates only by a distance from a place ("struck by a missile 76 nautical miles west of Hodeidah", "seized
    /// … about 150 miles off Acapulco", "в 94 километрах к северо-западу от порта Джаск"): a ship's incident or a seizure at sea,
    /// put at the claim's reference.
    static func sites(locatedBy claims: [ClaimFinder.Found], in sentence: SentenceView) -> [Found] {
        // A sea or strait counts as a point here ("boarded … off the mouth of the Bosphorus Strait"); a country's outline does not.
        let located = claims.filter {
            $0.subject == nil && !$0.inPart && (!$0.referenceIsArea || RouteFinder.isWater($0.reference)) && ![.continent, .union, .country].contains($0.reference.kind)
        }
        guard !located.isEmpty, sentence.wordRange.contains(where: { Lexicon.longest(vessels, in: sentence.words, at: $0) != nil }) else { return [] }
        let activities = Self.activities(in: sentence)
        let seized = activities.contains("seizure")
        guard seized || sentence.wordRange.contains(where: { Lexicon.longest(incidents, in: sentence.words, at: $0) != nil }) else { return [] }
        let statement = RouteFinder.statement(of: sentence, movementAt: sentence.wordRange.lowerBound)
        return located.map { claim in
            Found(place: claim.reference, kind: seized ? "seizure" : "other", activity: seized ? "seizure" : incidentActivity, statement: statement,
                  sentence: sentence.range)
        }
    }

    /// A site in a country moves to the town or port in that country the same sentence names ("a small regional airport in
    /// Poland, in Rzeszow"), and is dropped when a site of its kind is already there ("the Rzeszow base in Poland").
    private static func narrowed(_ found: [Found], in sentence: SentenceView) -> [Found] {
        var out: [Found] = []
        for site in found {
            // A seizure "in eastern Ukraine" stays there, whatever town the sentence names next.
            guard site.place.kind == .country, site.kind != "seizure", let code = site.place.country else {
                out.append(site)
                continue
            }
            // "the Rzeszow base in Poland": the town's site is already there.
            if found.contains(where: { $0.kind == site.kind && $0.place.kind != .country && $0.place.country == code }) { continue }
            // Named after the country: "Teheran dan Moskow … jalur perakitan drone di Rusia" names Moscow as a government, not the site.
            let country = sentence.places.first { $0.mention.place.id == site.place.id }
            let inside = sentence.places.first { place in
                let p = place.mention.place
                return !place.isQualifier && p.country == code && !["country", "region", "island", "continent", "union", "macro-region"].contains(p.kind.rawValue)
                    && !RouteFinder.isWater(p) && place.words.lowerBound >= (country?.words.upperBound ?? 0)
            }?.mention.place
            guard let inside else {
                out.append(site)
                continue
            }
            if found.contains(where: { $0.place.id == inside.id && $0.kind == site.kind }) { continue }
            out.append(Found(place: inside, kind: site.kind, activity: site.activity, statement: site.statement, sentence: site.sentence))
        }
        return out
    }

    /// True when the sentence loads, makes or seizes a cargo or a ship at the place ("loaded the containers at Najin", "memuat LNG
    /// di Ras Laffan", "produced near Bu'ale", "ditangkap di perairan Namlea"): where a movement the same sentence goes on to state starts.
    static func movementStart(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        if handling(at: place, in: sentence) == "loading" || producedAt(place, in: sentence) { return true }
        return place.mention.place.kind != .country && activities(in: sentence).contains("seizure") && seizureLocation(place, in: sentence)
    }

    /// Words between a production verb and the place where the goods were made ("produced south of Badhadhe", "made near
    /// Bu'ale", "dibuat di Batam", "произведён под Тулой", "تولید شده در نزدیکی").
    private static let productionPlaceWords: Set<String> = ["in", "at", "near", "around", "outside", "of", "south", "north", "east", "west",
        "the", "di", "dekat", "sekitar", "в", "во", "под", "около", "близ", "возле", "у", "در", "نزدیک", "نزدیکی", "حوالی", "شده"]
    private static let productionWords: [Lexicon.Phrase] = Lexicon.all.activities.first { $0.0 == "production" }?.1 ?? []

    /// True when a production word comes within four words before the place, with only locative, compass and proximity
    /// words between: "the charcoal produced south of Badhadhe is transported … to the Buur Gaabo stockpile".
    static func producedAt(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        var k = place.words.lowerBound - 1
        while k >= sentence.wordRange.lowerBound, k >= place.words.lowerBound - 4 {
            if Lexicon.longest(productionWords, in: sentence.words, at: k) != nil { return k < place.words.lowerBound - 1 }
            guard productionPlaceWords.contains(sentence.text.words[k].folded) else { return false }
            k -= 1
        }
        return false
    }

    /// Words of cargo handling that make the place right after "at/in" a port: "unloaded at Dunay", "dibongkar di Tartus",
    /// "выгрузили в Новороссийске", "در بندرعباس تخلیه" is Persian's verb-last order and is left to the facility word.
    private static let handlingWords: [(String, Lexicon.Phrase)] = [
        ("loading", "loaded"), ("loading", "reloaded"), ("unloading", "unloaded"), ("unloading", "offloaded"), ("unloading", "discharged"),
        ("loading", "dimuat"), ("loading", "memuat"), ("unloading", "dibongkar"), ("unloading", "diturunkan"),
        ("loading", "погруж*"), ("loading", "погруз*"), ("loading", "загруж*"), ("loading", "загрузил*"), ("unloading", "выгруж*"),
        ("unloading", "выгруз*"), ("unloading", "разгруж*"), ("unloading", "разгруз*"),
        ("loading", "بارگیری"), ("unloading", "تخلیه"),
        ("unloading", "landed"), ("unloading", "mendarat"), ("unloading", "terdampar"), ("unloading", "высадил*"),
        ("docking", "docked"), ("docking", "berlabuh"), ("docking", "bersandar"), ("docking", "пришвартова*"),
    ].map { ($0.0, Lexicon.Phrase($0.1)) }

    /// The handling activity when the place follows a loading or unloading word and a locative ("unloaded at Dunay",
    /// "were offloaded in the port of", "dibongkar di Tartus", "выгружены в Тартусе"): a town or port, not a country or sea.
    private static func handling(at place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> String? {
        guard !["country", "region", "island", "continent"].contains(place.mention.place.kind.rawValue),
              !RouteFinder.waterKinds.contains(place.mention.place.kind.rawValue) else { return nil }
        var i = place.words.lowerBound
        // Skip "the port of", "pelabuhan", "порту".
        for _ in 0..<3 {
            guard i > sentence.wordRange.lowerBound else { return nil }
            if let n = (1...3).first(where: { n in i - n >= sentence.wordRange.lowerBound && Lexicon.longest(sentence.lexicon.filler, in: sentence.words, at: i - n) == n }) {
                i -= n
            } else { break }
        }
        guard i - 2 >= sentence.wordRange.lowerBound, handlingLocatives.contains(sentence.text.words[i - 1].folded) else { return nil }
        var verb = i - 2
        // "were unloaded there at", "mendarat lebih dulu di": allow two adverbs between the verb and the locative.
        for _ in 0..<3 where verb >= sentence.wordRange.lowerBound {
            if let (activity, _) = handlingWords.first(where: { $0.1.match(sentence.words, at: verb) != nil }) { return activity }
            verb -= 1
        }
        return nil
    }

    private static let handlingLocatives: Set<String> = ["at", "in", "into", "di", "в", "во", "на", "در"]

    /// Verbs that station a unit at a place ("based in", "stationed at", "berbasis di", "базирующегося в", "مستقر در").
    private static let basing: [Lexicon.Phrase] = Lexicon.p(["based", "stationed", "headquartered", "garrisoned", "berbasis", "bermarkas",
        "ditempatkan", "базирующ*", "базирует*", "базировал*", "дислоцирован*", "дислоцирующ*", "размещен*", "размещенн*", "مستقر"])
    /// Words that make a sentence about armed forces, so "based in" names a base, not a company's seat.
    private static let military: [Lexicon.Phrase] = Lexicon.p(["fleet", "navy", "naval", "military", "army", "troops", "forces", "force",
        "squadron", "regiment", "brigade", "armada", "angkatan", "militer", "pasukan", "tentara", "флот*", "вмс", "войск*", "военн*",
        "армия", "армии", "полк*", "бригад*", "эскадр*", "ناوگان", "نیروی", "نیروهای", "ارتش", "نظامی", "سپاه", "تیپ"])

    /// True when a basing verb and a locative stand right before the place in a sentence about armed forces:
    /// "the Fifth Fleet, based in Bahrain", "Armada ke-5 yang berbasis di Timur Tengah", "ناوگان پنجم مستقر در بحرین".
    private static func basedAt(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        let start = place.words.lowerBound
        guard start - 2 >= sentence.wordRange.lowerBound, handlingLocatives.contains(sentence.text.words[start - 1].folded),
              basing.contains(where: { $0.match(sentence.words, at: start - 2) != nil }) else { return false }
        return sentence.wordRange.contains { Lexicon.longest(military, in: sentence.words, at: $0) != nil }
    }

    private static let defaultActivity: [String: String] = ["seizure": "seizure"]

    /// Words that join the places of a list.
    private static let listWords: Set<String> = ["and", "or", "dan", "serta", "atau", "и", "или", "также", "و", "یا"]

    /// True when `place` follows `previous` in a list: only list words and the places' country qualifiers between them
    /// ("Murmansk and Kamchatka", "Zeebrugge, Belgium, and Montoir-de-Bretagne", "Goma, Minova dan Kalungu").
    private static func listedAfter(_ previous: SentenceView.PlaceInSentence, _ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        guard previous.words.upperBound <= place.words.lowerBound,
              !sentence.text.passage(previous.mention.end..<place.mention.start).contains(where: { ";:()".contains($0) }) else { return false }
        return (previous.words.upperBound..<place.words.lowerBound).allSatisfy { k in
            listWords.contains(sentence.text.words[k].folded) || sentence.places.contains { $0.isQualifier && $0.words.contains(k) }
        }
    }

    /// True when the list `place` is in ends where a clause may: at the sentence's end, a comma or a preposition, not at a verb
    /// or an owner's "'s" that makes its last place a new clause's subject ("a factory in Yelabuga and Tehran supplies the
    /// engines", "Isfahan and Tehran's leaders"). Not for Persian, which puts its verb last: its lists end anywhere.
    private static func listEndsClause(from place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        var last = place
        while let next = sentence.places.first(where: { !$0.isQualifier && $0.words.lowerBound > last.words.lowerBound }),
              listedAfter(last, next, in: sentence) { last = next }
        var k = last.words.upperBound
        while let qualifier = sentence.places.first(where: { $0.isQualifier && $0.words.lowerBound == k }) { k = qualifier.words.upperBound }
        guard k < sentence.wordRange.upperBound else { return true }
        let gap = sentence.text.passage(last.mention.end..<sentence.text.words[k].range.lowerBound)
        if gap.contains(where: { ",;:(".contains($0) }) { return true }
        return clauseEndWords.contains(sentence.text.words[k].folded)
    }

    /// Words after a list's last place that leave it a list of places ("in Bryansk and Tambov in June", "di Biak pada 2023").
    private static let clauseEndWords: Set<String> = ["in", "at", "on", "near", "for", "from", "to", "by", "with", "since", "during", "last", "this",
        "di", "pada", "sejak", "dekat", "ke", "dari", "untuk", "в", "во", "на", "с", "со", "у", "под", "для", "до", "из", "к"]

    /// A facility word right before the place, or before "in/di/в" and the place, or before adjectives, compass words and the place
    /// ("the Syrian port of", "بندر شرقی", "порта иранского", "depot amunisi di barat daya Rusia"), the facility word perhaps followed
    /// by what it holds ("depot amunisi", "склад боеприпасов", "انبار مهمات"); `locative` when "in/di/в/در" joins them ("a base in Syria"),
    /// `farReach` when it reached past what it holds or more than two words.
    private static func facilityWord(before place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> (kind: String, locative: Bool, farReach: Bool)? {
        let start = place.words.lowerBound
        let inCompassWords = { (i: Int) in
            (max(sentence.wordRange.lowerBound, i - 2)...i).contains { j in ClaimFinder.compass(at: j, in: sentence.words).map { j + $0.1 > i } ?? false }
        }
        for gap in 0...4 {
            let end = start - gap
            guard end > sentence.wordRange.lowerBound else { break }
            // Another place's word never joins ("Pelabuhan Mohan di Provinsi Yunnan") but that of an owner country right after the
            // facility word ("Pelabuhan Iran di Amirabad", "pangkalan Rusia di Suriah"); adjectives join only gaps of up to two words,
            // as a capitalised word ending like a demonym may be a name the gazetteer lacks ("dekat Asipovichi, tenggara Minsk").
            let joining = (end..<start).allSatisfy { i in
                let word = sentence.text.words[i].folded
                if let other = sentence.places.first(where: { $0.words.contains(i) }) {
                    return other.mention.place.kind == .country && other.words.upperBound < start && other.words.lowerBound >= end
                        && (other.words.lowerBound == end || (end..<other.words.lowerBound).allSatisfy { ["the", "a"].contains(sentence.text.words[$0].folded) })
                }
                // A filler phrase within the gap ("an IOM facility in the town of Obock"; not right after the facility word, as in "the
                // port city of", where it says what the town is), or a word of the goods a port trades ("terminal ekspor De Kastri").
                return at.contains(word) || ["the", "a", "its"].contains(word) || Lexicon.longest(occupied, in: sentence.words, at: i) == 1
                    || Lexicon.longest(sentence.lexicon.filler, in: sentence.words, at: i) == 1
                    || (Lexicon.longest(sentence.lexicon.filler, in: sentence.words, at: i).map { i + $0 <= start } == true
                        && i > sentence.wordRange.lowerBound && sentence.lexicon.sites.allSatisfy { Lexicon.longest($0.1, in: sentence.words, at: i - 1) == nil })
                    || (gap <= 2 && trade.contains(word))
                    || (gap <= 2 && SentenceView.adjectival(sentence.text.words[i], passage: sentence.text.passage(sentence.text.words[i].range)))
                    || inCompassWords(i)
            }
            guard joining else { break }
            let locative = (end..<start).contains { locatives.contains(sentence.text.words[$0].folded) }
            for held in 0...2 where end - held > sentence.wordRange.lowerBound {
                guard (end - held..<end).allSatisfy({ RouteFinder.carrierOrCargo(at: $0, in: sentence) }) else { break }
                for (kind, phrases) in sentence.lexicon.sites where kind != "seizure" {
                    for phrase in phrases {
                        let n = phrase.words.count
                        if end - held - n >= sentence.wordRange.lowerBound, phrase.match(sentence.words, at: end - held - n) != nil {
                            return (kind, locative, held > 0 || gap > 2)
                        }
                    }
                }
            }
        }
        return nil
    }

    /// Words of trade between a facility word and its place, as Indonesian writes them after the noun ("terminal ekspor De Kastri").
    private static let trade: Set<String> = ["ekspor", "impor", "export", "import", "экспортный", "экспортного", "экспортном"]

    /// Words of occupation between a facility word and its place ("the occupied port of Berdyansk", "بندر اشغال شده بردیانسک").
    private static let occupied: [Lexicon.Phrase] = Lexicon.p(["occupied", "اشغال", "شده", "оккупированн*", "захваченн*"])

    /// Words that put a facility in a place rather than name its owner ("a base in Syria", not "the fleet of America").
    private static let locatives: Set<String> = ["in", "at", "near", "outside", "di", "dekat", "в", "во", "под", "близ", "возле", "у", "около",
                                                 "در", "نزدیک", "на", "on"]

    /// A facility word among the words of the mention itself ("Pangkalan Udara Hmeimim", "Hmeimim air base", "پایگاه هوایی").
    private static func facilityWord(within place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> String? {
        for i in place.words where sentence.wordRange.contains(i) {
            for (kind, phrases) in sentence.lexicon.sites where kind != "seizure" && Lexicon.longest(phrases, in: sentence.words, at: i) != nil {
                return kind
            }
        }
        return nil
    }

    /// A facility word right after the place ("Dunai port", "Alabuga factory", "Hmeimim air base", "Tartus's port"), or after a
    /// comma, an article and up to two words ("Amdjarass, a remote airstrip", "Sabetta, the port of", "Merowe, sebuah pangkalan").
    private static func facilityWord(after place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> String? {
        var index = place.words.upperBound
        if index < sentence.wordRange.upperBound, ["s", "'s"].contains(sentence.text.words[index].folded) { index += 1 }
        guard index < sentence.wordRange.upperBound else { return nil }
        let kindAt = { (k: Int) in sentence.lexicon.sites.first { $0.0 != "seizure" && Lexicon.longest($0.1, in: sentence.words, at: k) != nil }?.0 }
        if sentence.text.onlySpace(from: place.mention.end, to: sentence.text.words[index].range.lowerBound, allowing: ["'", "’"]) {
            return kindAt(index)
        }
        guard place.mention.place.kind != .country, appositionArticles.contains(sentence.text.words[index].folded),
              sentence.text.passage(place.mention.end..<sentence.text.words[index].range.lowerBound).filter({ !$0.isWhitespace }) == ","
        else { return nil }
        for k in index + 1...min(index + 3, sentence.wordRange.upperBound - 1) {
            // "Dubai, the base of the trading firm": a seat, not a facility.
            if let kind = kindAt(k) { return k + 1 < sentence.wordRange.upperBound && sentence.text.words[k + 1].folded == "of" ? nil : kind }
            guard !sentence.places.contains(where: { $0.words.contains(k) }), !listWords.contains(sentence.text.words[k].folded) else { return nil }
        }
        return nil
    }

    /// Articles that open an apposition naming what a place is ("Amdjarass, a remote airstrip").
    private static let appositionArticles: Set<String> = ["a", "an", "the", "sebuah", "suatu"]

    /// True when the place is where a seizure happened: after "in/off/near", a sea or strait, or a country's waters or coast
    /// ("in Greek waters" is not a name, but "in the waters of Greece", "di perairan Indonesia", "в водах Греции", "در آبهای یونان" are).
    private static func seizureLocation(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        let seizing = { (k: Int) in sentence.lexicon.activities.contains { $0.0 == "seizure" && Lexicon.longest($0.1, in: sentence.words, at: k) != nil } }
        if seizedByLocalAgency(place, in: sentence, seizingAt: seizing) { return true }
        let start = place.words.lowerBound
        guard start > sentence.wordRange.lowerBound else { return false }
        let before = sentence.text.words[start - 1].folded
        let kind = place.mention.place.kind.rawValue
        if place.mention.place.kind.isCountryOrRegion {
            // The waters word right before the country, or before "of (the)": "waters of Greece", not "waters from Iran".
            var k = start - 1
            while k > sentence.wordRange.lowerBound, ["of", "the", "off"].contains(sentence.text.words[k].folded) { k -= 1 }
            // Not a coast guard's name: "Kapal Penjaga Pantai AS", "the Coast Guard of Greece".
            let guardName = (k > sentence.wordRange.lowerBound && sentence.text.words[k - 1].folded == "penjaga")
                || (k + 1 < sentence.wordRange.upperBound && ["guard", "guards"].contains(sentence.text.words[k + 1].folded))
            if (waters.contains(sentence.text.words[k].folded) && !guardName) || before == "off" { return true }
            // On land, within eight words of the seizing word: "seized four aircraft … in eastern Ukraine", "disita di Malaysia", "задержан в Турции".
            var j = start - 1
            if j > sentence.wordRange.lowerBound, SentenceView.adjectival(sentence.text.words[j], passage: sentence.text.passage(sentence.text.words[j].range)) { j -= 1 }
            // "authorities in Guyana seized": right after the place too.
            // Goods or a carrier seized, not people or towns: "seized four aircraft", "seized a semisubmersible vessel".
            // Or, in the passive, before it: "640 tonnes of rosewood bound for Hong Kong was seized in Kenya".
            let goods = { (k: Int) in (k + 1..<min(sentence.wordRange.upperBound, k + 6)).contains { RouteFinder.carrierOrCargo(at: $0, in: sentence) }
                || k > sentence.wordRange.lowerBound && passiveAuxiliaries.contains(sentence.text.words[k - 1].folded)
                    && (max(sentence.wordRange.lowerBound, k - 12)..<k).contains { RouteFinder.carrierOrCargo(at: $0, in: sentence) } }
            let seized = (max(sentence.wordRange.lowerBound, j - 8)..<j).contains { seizing($0) && goods($0) }
                || (place.words.upperBound < sentence.wordRange.upperBound && seizing(place.words.upperBound) && goods(place.words.upperBound))
            return seized && landLocatives.contains(sentence.text.words[j].folded)
        }
        // Past "the port city of", "the port of", "pelabuhan": "a seizure of 25 tons of fentanyl in the port city of Lázaro Cárdenas".
        // (The seizing word near: not "Officials in the port city of Mombasa said the shipment was seized in Uganda".)
        let past = wordBeforeFiller(place, in: sentence)
        // Or after it, with no other place and no speaking between, as Persian puts its verb last: "در منطقه پنجگور … ۵۵۳ کیلوگرم
        // شیشه کشف شد" (not "پلیس در منطقه تهران گفت که … کشف شد").
        // (The province or country that holds the place may stand between: "«پنجگور» از نواحی ایالت بلوچستان پاکستان".)
        let nextPlace = sentence.places.first {
            $0.words.lowerBound >= place.words.upperBound && !($0.mention.place.kind.isCountryOrRegion && $0.mention.place.country == place.mention.place.country)
        }?.words.lowerBound ?? sentence.wordRange.upperBound
        let seizedNear = past.map { p in (max(sentence.wordRange.lowerBound, p - 8)..<p).contains(where: seizing) } ?? false
            || past != nil && (place.words.upperBound..<min(nextPlace, place.words.upperBound + 30)).first(where: seizing).map { k in
                !(place.words.upperBound..<k).contains { speechVerbs.contains(sentence.text.words[$0].folded) } } == true
        let pastFiller = past.map { seizedNear && seizedAt.contains(sentence.text.words[$0].folded) } ?? false
        // Where someone spoke is no seizure's place: "Officials in Bangkok said a man was arrested in Laos".
        let after = place.words.upperBound
        if after < sentence.wordRange.upperBound, speechVerbs.contains(sentence.text.words[after].folded) { return false }
        return (seizedAt.contains(before) || pastFiller) && !nearerPlaceSeized(than: place, in: sentence, seizingAt: seizing)
            || (RouteFinder.waterKinds.contains(kind) && place.role == .none)
    }

    /// Auxiliaries of an English passive ("was seized").
    private static let passiveAuxiliaries: Set<String> = ["was", "were", "been", "being", "is", "are", "be"]

    /// Agencies named after the place they serve: "Hong Kong customs", "Bangkok police".
    private static let agencies: [Lexicon.Phrase] = Lexicon.p(["customs", "police", "authorities", "officials", "officers", "agents",
                                                               "coast guard", "coastguard", "border guards", "border police", "navy"])

    /// True when an agency named after the place seizes, the seizing word within three words after it: "Hong Kong customs seizes
    /// 92 tonnes of endangered rosewood", "Rotterdam police arrested"; not "Hong Kong customs said".
    static func seizedByLocalAgency(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView, seizingAt: (Int) -> Bool) -> Bool {
        let after = place.words.upperBound
        // Or the agency before the place, as Russian and Indonesian name it: "Полиция Эквадора обнаружила", "Bea Cukai Batam menyita".
        let start = place.words.lowerBound
        if (1...2).contains(where: { n in start - n >= sentence.wordRange.lowerBound && Lexicon.longest(agenciesBefore, in: sentence.words, at: start - n) == n }) {
            return (after..<min(sentence.wordRange.upperBound, after + 3)).contains(where: seizingAt)
                && sentence.wordRange.contains { RouteFinder.carrierOrCargo(at: $0, in: sentence) }
        }
        guard after < sentence.wordRange.upperBound, let n = Lexicon.longest(agencies, in: sentence.words, at: after) else { return false }
        return (after + n..<min(sentence.wordRange.upperBound, after + n + 3)).contains(where: seizingAt)
    }

    /// Agencies written before the place they serve: "Полиция Эквадора", "таможня Казахстана", "Polisi Malaysia", "Bea Cukai Batam".
    private static let agenciesBefore: [Lexicon.Phrase] = Lexicon.p(["полиция", "полицейские", "таможня", "таможенники", "пограничники",
        "погранслужба", "polisi", "bea cukai", "kepolisian", "پلیس", "گمرک"])

    /// True when another place after "in/at/di/в/در" stands nearer the seizing word nearest `place` (the province or country that
    /// holds it aside): "Speaking in Geneva, the envoy said activists were detained in Tehran", "A court in Sydney heard that the
    /// accused was arrested in Perth" seize in Tehran and Perth only.
    private static func nearerPlaceSeized(than place: SentenceView.PlaceInSentence, in sentence: SentenceView, seizingAt: (Int) -> Bool) -> Bool {
        let at = place.words.lowerBound
        guard let k = sentence.wordRange.filter(seizingAt).min(by: { abs($0 - at) < abs($1 - at) }) else { return false }
        return sentence.places.contains { other in
            other.words != place.words && !other.isQualifier && other.words.lowerBound > sentence.wordRange.lowerBound
                && seizedAt.contains(sentence.text.words[other.words.lowerBound - 1].folded) && abs(k - other.words.lowerBound) < abs(k - at)
                && !(other.mention.place.kind.isCountryOrRegion && other.mention.place.country == place.mention.place.country)
        }
    }

    /// Verbs of speaking: right after a place they make it where a speaker is ("officials in Bangkok said"); between a place and
    /// a later seizing word, the seizure is what was said there.
    private static let speechVerbs: Set<String> = ["said", "says", "say", "told", "announced", "reported", "stated", "mengatakan", "menyatakan",
                                                   "заявил", "заявили", "сообщил", "сообщили", "گفت", "اعلام"]

    /// The word before the filler words ("the port of", "pelabuhan", "порту") right before the place, if any filler stands there.
    static func wordBeforeFiller(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Int? {
        var i = place.words.lowerBound
        for _ in 0..<3 {
            guard let n = (1...4).reversed().first(where: { n in i - n >= sentence.wordRange.lowerBound && Lexicon.longest(sentence.lexicon.filler, in: sentence.words, at: i - n) == n })
            else { break }
            i -= n
        }
        return i < place.words.lowerBound && i > sentence.wordRange.lowerBound ? i - 1 : nil
    }

    /// Verbs of storage that put a depot at the place after a locative: "grain stored in Ukraine", "disimpan di gudang", "хранятся в".
    private static let storageVerbs: [Lexicon.Phrase] = Lexicon.p(["stored", "storing", "stockpiled", "stockpiling", "warehoused", "disimpan",
        "ditimbun", "хранится", "хранятся", "хранились", "хранился", "хранилось", "храниться", "хранить", "складированы", "انبار شده",
        "نگهداری می‌شود", "ذخیره شده"])

    /// True when a storage verb stands right before the place's locative, with at most two words between ("are stored in Ukraine",
    /// "disimpan sementara di Dumai", "хранятся на складах в"), in a sentence that names goods: a depot there, a country included
    /// (not data "stored on servers in Ireland" nor money "stored in Swiss banks").
    private static func storedAt(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        guard sentence.wordRange.contains(where: { Lexicon.longest(sentence.lexicon.cargo, in: sentence.words, at: $0) != nil }) else { return false }
        let start = wordBeforeFiller(place, in: sentence).map { $0 + 1 } ?? place.words.lowerBound
        guard start - 2 >= sentence.wordRange.lowerBound, handlingLocatives.contains(sentence.text.words[start - 1].folded) else { return false }
        return (max(sentence.wordRange.lowerBound, start - 4)..<(start - 1)).contains { Lexicon.longest(storageVerbs, in: sentence.words, at: $0) != nil }
    }

    /// Verbs of buying and selling that put a market at the place after a locative: "had been bought in Jmail", "dibeli di Surabaya",
    /// "куплено в Дубае", "to transport and sell Venezuelan gasoline in Maicao".
    private static let tradeVerbs: [Lexicon.Phrase] = Lexicon.p(["bought", "purchased", "sold", "sell", "resold", "dibeli", "membeli",
        "dijual", "menjual", "куплен*", "купил*", "купили", "закуплен*", "приобретен*", "приобрел*", "продан*", "продава*", "продают"])

    /// True when a verb of buying or selling stands before the place's locative, with at most five words between ("bought in",
    /// "sell Venezuelan gasoline in"), in a sentence that names goods: where goods change hands ("the weapons were bought in
    /// Surabaya"). The caller leaves out a country ("bought in Iran" names a source, which the route gives).
    private static func tradedAt(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        guard !RouteFinder.isWater(place.mention.place),
              sentence.wordRange.contains(where: { Lexicon.longest(sentence.lexicon.cargo, in: sentence.words, at: $0) != nil }) else { return false }
        let start = wordBeforeFiller(place, in: sentence).map { $0 + 1 } ?? place.words.lowerBound
        guard start - 2 >= sentence.wordRange.lowerBound, landLocatives.contains(sentence.text.words[start - 1].folded) else { return false }
        return (max(sentence.wordRange.lowerBound, start - 6)..<(start - 1)).contains { Lexicon.longest(tradeVerbs, in: sentence.words, at: $0) != nil }
    }

    /// What befalls a ship where it is: an attack, a fire, a sinking, a wreck, a transfer at sea, an anchoring.
    private static let incidents: [Lexicon.Phrase] = Lexicon.p([
        "attack*", "struck", "explosion*", "exploded", "blast", "ablaze", "caught fire", "fire broke out", "sank", "sunk", "sinking", "capsiz*",
        "collided", "collision", "distress", "wreck*", "aground", "ship-to-ship", "sts", "anchored", "at anchor", "hijack*", "halted", "hit by",
        "boarded", "inspected", "inspection",
        "diserang", "serangan", "menyerang", "ledakan", "meledak", "kebakaran", "terbakar", "tenggelam", "karam", "kandas", "tabrakan",
        "bertabrakan", "alih muat", "transfer minyak", "berlabuh", "lego jangkar", "dibajak", "terbalik", "berhenti",
        "атак*", "атакова*", "удар*", "взрыв*", "пожар*", "загорел*", "затонул*", "столкнул*", "столкновени*", "бедстви*", "крушени*",
        "на мель", "на якоре", "стоит", "стоят", "перевалк*", "перевернул*", "опрокинул*", "причалил*", "остановил*",
        "حمله*", "حملات", "آتش‌سوزی", "آتشسوزی", "انفجار", "برخورد", "هدف قرار", "غرق", "حادثه", "انتقال نفت", "لنگر", "واژگون", "توقف",
    ])
    /// Ships and boats, the things incidents at sea befall.
    private static let vessels: [Lexicon.Phrase] = Lexicon.p([
        "ship*", "vessel*", "tanker*", "boat*", "dhow*", "freighter*", "bulker*", "carrier*", "barge*", "semi-submersible*", "sub", "subs",
        "submarine*", "yacht*", "trawler*",
        "kapal*", "perahu", "tongkang", "судн*", "судов", "корабл*", "танкер*", "балкер*", "сухогруз*", "лодк*", "барж*",
        "کشتی*", "نفتکش*", "نفت‌کش*", "قایق*", "لنج*", "شناور*", "کانتینربر",
    ])
    /// True when a ship's or a boat's word starts at `index` ("tanker", "kapal", "судно", "نفتکش").
    static func isVessel(at index: Int, in sentence: SentenceView) -> Bool {
        sentence.wordRange.contains(index) && Lexicon.longest(vessels, in: sentence.words, at: index) != nil
    }

    /// Words right before a place that put an incident there ("off Johore", "di Tanjung Balau", "у входа в", "در نزدیکی").
    private static let incidentLocatives: Set<String> = ["in", "at", "near", "off", "di", "dekat", "sekitar", "в", "во", "у", "близ", "вблизи",
                                                         "около", "возле", "در", "نزدیک", "نزدیکی"]

    /// True when a ship's incident happens at the place: an incident word within eight words of it, a ship in the sentence,
    /// and a locative right before it (past fillers and adjectives); a country or region only through its waters or coast
    /// ("در آبهای سواحل جنوبی مالزی", "near the coasts of Russia", "di perairan Indonesia").
    private static func incidentLocation(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        let p = place.mention.place
        guard p.kind != .continent, p.kind != .union, place.role == .none || place.role == .via,
              place.words.lowerBound > sentence.wordRange.lowerBound else { return false }
        let near = max(sentence.wordRange.lowerBound, place.words.lowerBound - 8)..<min(sentence.wordRange.upperBound, place.words.upperBound + 8)
        guard near.contains(where: { Lexicon.longest(incidents, in: sentence.words, at: $0) != nil }),
              sentence.wordRange.contains(where: { Lexicon.longest(vessels, in: sentence.words, at: $0) != nil }) else { return false }
        var k = place.words.lowerBound - 1, sawWaters = false, sawShore = false
        while k > sentence.wordRange.lowerBound {
            let word = sentence.text.words[k]
            if waters.contains(word.folded) { sawWaters = true } else if !(["the", "of", "a"].contains(word.folded)
                || Lexicon.longest(sentence.lexicon.filler, in: sentence.words, at: k) == 1
                || SentenceView.adjectival(word, passage: sentence.text.passage(word.range))) { break }
            if Lexicon.longest(shoreWords, in: sentence.words, at: k) != nil { sawShore = true }
            k -= 1
        }
        let word = sentence.text.words[k].folded
        if ["country", "region"].contains(p.kind.rawValue) { return sawWaters }
        // A plain "in" puts an incident only at sea, a port or an island ("in the Red Sea", "di pulau Lampedusa"), not in a town
        // ("officials in Tehran said"); "off", "near" or a waters word put it off any place ("collided near Galveston").
        if plainLocatives.contains(word) { return sawWaters || sawShore || RouteFinder.isWater(p) || ["port", "island"].contains(p.kind.rawValue) }
        return sawWaters || incidentLocatives.contains(word)
    }

    /// Locatives that say only "in": they put an incident at a town only through a waters, port or island word.
    private static let plainLocatives: Set<String> = ["in", "at", "di", "в", "во", "در"]
    /// Words of ports and islands between a locative and its place ("di pulau Lampedusa", "в порту", "در بندر").
    private static let shoreWords: [Lexicon.Phrase] = Lexicon.p(["port", "harbour", "harbor", "island", "islands", "pulau", "kepulauan",
        "pelabuhan", "порт*", "остров*", "бухт*", "بندر", "جزیره", "اسکله"])

    /// Locatives that put a seizure in a country on land.
    private static let landLocatives: Set<String> = ["in", "di", "в", "во"]
    /// Weapons a launch sends: not "launched a rail service from Kazakhstan".
    private static let weapons: [Lexicon.Phrase] = Lexicon.p(["missile*", "rocket*", "drone*", "uav*", "shahed*", "ракет*", "дрон*", "беспилотник*",
        "rudal", "roket", "موشک*", "پهپاد*"])

    /// True when a launching word and then a weapon stand in the six words before the place ("launched two ballistic missiles from").
    private static func weaponLaunched(before place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        let window = max(sentence.wordRange.lowerBound, place.words.lowerBound - 7)..<place.words.lowerBound
        guard let launch = window.first(where: { k in sentence.lexicon.activities.contains { $0.0 == "launch" && Lexicon.longest($0.1, in: sentence.words, at: k) != nil } })
        else { return false }
        return (launch..<place.words.lowerBound).contains { Lexicon.longest(weapons, in: sentence.words, at: $0) != nil }
    }

    /// Words right before the place a launch comes from.
    private static let launchedFrom: Set<String> = ["from", "dari", "из", "с", "со", "از"]

    /// Words for a country's waters or coast, where ships are seized.
    private static let waters: Set<String> = ["waters", "coast", "coasts", "coastline", "shore", "shores", "off", "perairan", "pantai", "lepas", "водах", "воды", "берегов",
                                              "побережья", "побережье", "آبهای", "آب‌های", "سواحل", "ساحل", "آبها"]

    /// What the sentence says happens, in text order, once each: production, loading, unloading, storage, seizure, launch, basing.
    private static func activities(in sentence: SentenceView) -> [String] {
        var found: [String] = []
        for i in sentence.wordRange {
            for (activity, phrases) in sentence.lexicon.activities where !found.contains(activity) && Lexicon.longest(phrases, in: sentence.words, at: i) != nil {
                found.append(activity)
            }
            if !found.contains("seizure"), vesselStopped(at: i, in: sentence) { found.append("seizure") }
        }
        return found
    }

    /// Verbs that seize only when a ship is what they stop: its object in English and in Indonesian's active voice ("caught two
    /// tankers", "stopped the semi-submersible", "menghentikan kapal layar"), its subject in Indonesian's passive ("Kapal itu
    /// ditangkap"); not "caught fire", "stopped in Port Said", "Nakhoda kapal itu ditangkap" (the captain).
    private static let stoppingActive: [Lexicon.Phrase] = Lexicon.p(["caught", "stopped", "menghentikan", "menangkap", "mencegat"])
    private static let stoppingPassive: [Lexicon.Phrase] = Lexicon.p(["ditangkap", "diamankan"])
    /// People a passive stopping verb may seize instead of their ship ("nakhoda kapal", "awak kapal").
    private static let crew: Set<String> = ["nakhoda", "kapten", "awak", "abk", "kru", "pemilik"]

    /// True when a stopping verb at word `index` stops a ship: the ship within three words after an English verb, with only
    /// articles and numbers between; the sentence's subject right before an Indonesian passive ("Kapal itu ditangkap").
    private static func vesselStopped(at index: Int, in sentence: SentenceView) -> Bool {
        let words = sentence.words
        if Lexicon.longest(stoppingActive, in: words, at: index) != nil {
            var k = index + 1
            while k < min(sentence.wordRange.upperBound, index + 4),
                  words[k].isNumber || ["the", "a", "an", "two", "three", "its", "their", "sebuah", "dua", "tiga"].contains(words[k].folded) { k += 1 }
            return k < sentence.wordRange.upperBound && Lexicon.longest(vessels, in: words, at: k) != nil
        }
        guard Lexicon.longest(stoppingPassive, in: words, at: index) != nil else { return false }
        var k = index - 1
        if k >= sentence.wordRange.lowerBound, ["itu", "tersebut", "ini"].contains(words[k].folded) { k -= 1 }
        let ship = (max(sentence.wordRange.lowerBound, k - 1)...max(sentence.wordRange.lowerBound, k)).first { Lexicon.longest(vessels, in: words, at: $0) != nil }
        guard let ship else { return false }
        return ship == sentence.wordRange.lowerBound || !crew.contains(words[ship - 1].folded)
    }
}
