import Foundation
import Gazetteer

/// Finds the distances and directions a sentence states between places: "approximately nine
/// kilometres south of Fokino", "beberapa ratus mil di timur Moskow", "в 290 км от границы с
/// Украиной", "۱۵۰ مایلی جنوب شرقی صلاله", "south-east of Salalah".
struct ClaimFinder {
    /// A claim as the sentence states it, before its subject is settled and it is measured.
    struct Found {
        let range: Range<Int>
        let stated: StatedDistance
        let reference: Place
        let referenceIsArea: Bool
        /// A place in the same sentence that the claim locates, if one stands before it.
        let subject: Place?
        /// The claim puts its subject in a part of the reference ("in eastern Chad"), not at a bearing from its border.
        var inPart = false
        /// The figure is a length along a road, rail line or route between its two places, not a straight distance.
        var alongRoute = false
        /// The claim locates something the sentence brings in unnamed ("from a base south of London"): no place named before is its subject.
        var locatesNewThing = false
    }

    /// Articles that bring in something not named before ("a base", "sebuah pangkalan").
    private static let newThing: Set<String> = ["a", "an", "another", "sebuah", "seorang", "suatu"]

    /// True when an indefinite article stands in the three words before `word`, with no place between it and the claim.
    static func introducesNewThing(before word: Int, in sentence: SentenceView) -> Bool {
        for k in stride(from: word - 1, through: max(sentence.wordRange.lowerBound, word - 3), by: -1) {
            if sentence.places.contains(where: { $0.words.contains(k) }) { return false }
            if newThing.contains(sentence.text.words[k].folded) { return true }
        }
        return false
    }

    /// Units of distance, in metres.
    private static let units: [(Lexicon.Phrase, Double)] = unitTable.map { ($0.0, $0.1) }

    /// The unit's short name, by its length in metres.
    static func unitName(_ metres: Double) -> String {
        switch metres { case 1852: "nmi"; case 1609.344: "mi"; case 1: "m"; default: "km" }
    }

    private static let unitTable: [(Lexicon.Phrase, Double)] = [
        ("nautical miles", 1852), ("nautical mile", 1852), ("nm", 1852), ("nmi", 1852), ("mil laut", 1852), ("морских миль", 1852),
        ("морские мили", 1852), ("морской мили", 1852), ("مایل دریایی", 1852),
        ("km", 1000), ("kms", 1000), ("kilometres", 1000), ("kilometers", 1000), ("kilometre", 1000), ("kilometer", 1000), ("km-long", 1000),
        ("км", 1000), ("километр*", 1000), ("کیلومتر*", 1000), ("كيلومتر*", 1000),
        ("miles", 1609.344), ("mile", 1609.344), ("mi", 1609.344), ("mil", 1609.344), ("миль", 1609.344), ("мили", 1609.344), ("миля", 1609.344),
        ("милях", 1609.344), ("مایل*", 1609.344),
        ("metres", 1), ("meters", 1), ("meter", 1), ("metre", 1), ("метрах", 1), ("метров", 1), ("متری", 1), ("متر", 1),
    ].map { (Lexicon.Phrase($0.0), $0.1) }

    /// Words before a figure that widen it.
    private static let approximately: Set<String> = ["approximately", "about", "around", "roughly", "some", "nearly", "almost", "approx",
        "sekitar", "kira-kira", "kurang", "hampir", "около", "примерно", "приблизительно", "почти", "порядка",
        "примерно в", "приблизительно в", "почти в", "حدود", "حدودا", "تقریبا", "حدوداً", "تقریباً"]
    private static let moreThan: Set<String> = ["more than", "over", "at least", "beyond", "lebih dari", "setidaknya", "более", "свыше", "больше",
                                                "не менее", "بیش از", "بیشتر از"]
    private static let lessThan: Set<String> = ["less than", "under", "within", "up to", "kurang dari", "hingga", "менее", "меньше", "не более",
                                                "в пределах", "کمتر از", "تا"]

    /// Compass words by language, longest first.
    private static let directions: [(Lexicon.Phrase, CompassPoint)] = {
        var table: [(String, CompassPoint)] = []
        let english: [(String, CompassPoint)] = [("north", .N), ("south", .S), ("east", .E), ("west", .W), ("northeast", .NE), ("north-east", .NE),
            ("northwest", .NW), ("north-west", .NW), ("southeast", .SE), ("south-east", .SE), ("southwest", .SW), ("south-west", .SW),
            ("north-northeast", .NNE), ("east-northeast", .ENE), ("east-southeast", .ESE), ("south-southeast", .SSE),
            ("south-southwest", .SSW), ("west-southwest", .WSW), ("west-northwest", .WNW), ("north-northwest", .NNW),
            ("north north-east", .NNE), ("north by northeast", .NNE)]
        let indonesian: [(String, CompassPoint)] = [("utara", .N), ("selatan", .S), ("timur", .E), ("barat", .W), ("timur laut", .NE),
            ("barat laut", .NW), ("tenggara", .SE), ("barat daya", .SW)]
        let russian: [(String, CompassPoint)] = [("к северу", .N), ("к югу", .S), ("к востоку", .E), ("к западу", .W), ("к северо-востоку", .NE),
            ("к северо-западу", .NW), ("к юго-востоку", .SE), ("к юго-западу", .SW), ("севернее", .N), ("южнее", .S), ("восточнее", .E),
            ("западнее", .W), ("северо-восточнее", .NE), ("северо-западнее", .NW), ("юго-восточнее", .SE), ("юго-западнее", .SW),
            ("на север", .N), ("на юг", .S), ("на восток", .E), ("на запад", .W), ("на северо-восток", .NE), ("на северо-запад", .NW),
            ("на юго-восток", .SE), ("на юго-запад", .SW)]
        let persian: [(String, CompassPoint)] = [("شمال", .N), ("جنوب", .S), ("شرق", .E), ("غرب", .W), ("شمال شرق", .NE), ("شمال غرب", .NW),
            ("جنوب شرق", .SE), ("جنوب غرب", .SW), ("شمال شرقی", .NE), ("شمال غربی", .NW), ("جنوب شرقی", .SE), ("جنوب غربی", .SW),
            ("شمالی", .N), ("جنوبی", .S), ("شرقی", .E), ("غربی", .W), ("شمال‌شرق", .NE), ("جنوب‌شرق", .SE), ("شمال‌غرب", .NW), ("جنوب‌غرب", .SW),
            ("شمالشرقی", .NE), ("جنوبشرقی", .SE), ("شمالغربی", .NW), ("جنوبغربی", .SW)]
        table = english + indonesian + russian + persian
        return table.map { (Lexicon.Phrase($0.0), $0.1) }.sorted { $0.0.words.count > $1.0.words.count }
    }()

    /// Words between a distance or direction and its reference ("of", "from", "away from", "dari", "от").
    private static let relation: [Lexicon.Phrase] = Lexicon.p([
        "of", "from", "away from", "off", "off the coast of", "outside", "beyond", "dari", "di", "sebelah", "arah", "от", "از", "of the",
        "from the", "inland from", "inland of", "km from",
    ])
    /// Words between a relation and its place ("the town of", "города", "kota", "pulau", "بندر").
    private static let fillers: Set<String> = ["the", "a", "town", "city", "village", "port", "of", "island", "resort", "state", "province", "region",
        "district", "город", "города", "поселка",
        "порта", "острова", "kota", "pelabuhan", "pulau", "desa", "kabupaten", "provinsi", "bandar", "بندر", "شهر", "جزیره", "سواحل",
        // "в 70 милях к востоку от побережья Сингапура": a coast is its country's.
        "coast", "coastline", "shore", "побережья", "берега", "pantai", "pesisir", "ساحل",
        // "1 mil dari perairan Ternate": the waters are their place's.
        "waters", "perairan", "вод", "водах", "آبهای"]
    /// Words that make the reference a border or a frontier.
    private static let border: [Lexicon.Phrase] = Lexicon.p(["border", "borders", "frontier", "front line", "frontline", "perbatasan",
        "границ*", "рубеж*", "линии фронта", "линия фронта", "مرز*"])

    /// Demonyms that name the country of a border ("the Ukrainian border", "украинской границы"), by the country's English name:
    /// every nationality of `Lexicon.demonyms` (a Russian stem in its feminine forms: "тунисской", "тунисская"), and the few it
    /// leaves out because they name another place as often (Georgia, the US state) or join two countries.
    private static let borderAdjectives: [String: String] = Lexicon.demonyms.reduce(into: [
        "georgian": "Georgia", "грузинской": "Georgia", "российско-украинской": "Ukraine",
    ]) { table, demonym in
        let (words, name) = (demonym.0.words, demonym.1)
        guard let last = words.last else { return }
        let forms = last.hasSuffix("*") ? ["ой", "ая", "ую"].map { last.dropLast() + $0 } : [last]
        for form in forms {
            let key = (words.dropLast() + [form]).joined(separator: " ")
            if table[key] == nil { table[key] = name }
        }
    }

    /// The claims `sentence` states.
    static func claims(in sentence: SentenceView, language: String, country: (String) -> Place?, countryOf: (Place) -> Place? = { _ in nil }) -> [Found] {
        var found: [Found] = []
        let words = sentence.words
        var i = sentence.wordRange.lowerBound
        while i < sentence.wordRange.upperBound {
            if let claim = areaOrNearness(at: i, in: sentence, language: language, country: country, countryOf: countryOf) {
                found.append(claim)
                found += coordinatedReferences(after: claim, in: sentence)
                i = max(sentence.text.firstWord(atOrAfter: found.last!.range.upperBound), i + 1)
                continue
            }
            // A figure and a unit, or a compass word: then "of/from" and the reference.
            var start = i, distance: ClosedRange<Double>?, figure: Double?, next = i, unitName = "km"
            // "290 km", or the figure and unit written as one word: "400km".
            let measured = unit(at: i, in: words).flatMap { unit in
                StatedQuantity.quantity(endingAt: i, in: words, language: language).map { (unit.0, unit.1, $0.range, $0.start) }
            } ?? glued(at: i, in: words, language: language).map { ($0.unit, 1, $0.value...$0.value, i) }
            if let (unit, length, quantity, quantityStart) = measured {
                unitName = Self.unitName(unit)
                var range = quantity.lowerBound * unit...quantity.upperBound * unit
                if range.lowerBound == range.upperBound { figure = range.lowerBound }
                start = quantityStart
                let (widened, qualifierStart) = qualified(range, before: start, in: sentence)
                range = widened
                start = qualifierStart
                distance = range
                next = i + length
                // Persian writes "۱۵۰ مایلی", Russian "в 290 км": skip "away", "в", "на расстоянии".
                while next < sentence.wordRange.upperBound, ["away", "jauhnya", "jauh", "فاصله"].contains(words[next].folded) { next += 1 }
                // The same distance in another unit: "50 nautical miles (93 km) southwest of".
                if next < sentence.wordRange.upperBound, words[next].isNumber, let (_, n) = Self.unit(at: next + 1, in: words) { next += 1 + n }
            }
            var direction: CompassPoint?
            if let (point, length) = compass(at: next, in: words) {
                direction = point
                if distance == nil { start = next }
                next += length
            } else if next > i, next < sentence.wordRange.upperBound, ["di", "sebelah", "arah"].contains(words[next].folded),
                      let (point, length) = compass(at: next + 1, in: words) {
                direction = point
                next += 1 + length
            }
            guard distance != nil || direction != nil else { i += 1; continue }
            if distance == nil, !directionOnlyAllowed(at: start, in: sentence) { i = next; continue }
            let claimStart = sentence.text.words[start].range.lowerBound
            let home = {
                sentence.places.last { !$0.isQualifier && $0.mention.end <= claimStart && pointLike($0.mention.place) }.flatMap { countryOf($0.mention.place) }
            }
            // "the 400km … from Kolwezi … to Kasumbalesa", "233 km antara X dan Y": the length of a stretch between two places.
            if direction == nil, let distance, let (from, to) = stretch(after: next, in: sentence) {
                let range = sentence.text.words[start].range.lowerBound..<to.mention.end
                found.append(Found(range: range, stated: StatedDistance(figure: figure, distance: distance, direction: nil, unit: unitName,
                                                                        text: sentence.text.passage(range)),
                                   reference: from.mention.place, referenceIsArea: false, subject: to.mention.place, alongRoute: true))
                i = max(to.words.upperBound, i + 1)
                continue
            }
            // "from Fort Lauderdale … to Cap-Haïtien, covering around 1,200 kilometers": the length of the stretch just named.
            if direction == nil, let distance, let (from, to) = stretch(before: start, in: sentence) {
                let range = from.mention.start..<sentence.text.words[i + (measured?.1 ?? 1) - 1].range.upperBound
                found.append(Found(range: range, stated: StatedDistance(figure: figure, distance: distance, direction: nil, unit: unitName,
                                                                        text: sentence.text.passage(range)),
                                   reference: from.mention.place, referenceIsArea: false, subject: to.mention.place, alongRoute: true))
                i = max(next, i + 1)
                continue
            }
            guard let (reference, isArea, end) = self.reference(after: next, in: sentence, country: country, needsRelation: language == "en",
                                                                homeCountry: home) else {
                i = max(next, i + 1)
                continue
            }
            let range = sentence.text.words[start].range.lowerBound..<end
            // Not the reference of a claim before it: "10 km from Kherson and 40 km from Mykolaiv" locate one thing twice.
            // Nor a place the sentence's movement left ("The ship left Odesa and was attacked 50 km from Constanta").
            let subject = sentence.places.last { place in
                !place.isQualifier && place.mention.end <= range.lowerBound && place.mention.place.id != reference.id && pointLike(place.mention.place)
                    && place.role != .from
                    && !found.contains { $0.reference.id == place.mention.place.id && $0.range.contains(place.mention.start) }
            }?.mention.place
            found.append(Found(range: range, stated: StatedDistance(figure: figure, distance: distance, direction: direction, unit: unitName, text: sentence.text.passage(range)),
                               reference: reference, referenceIsArea: isArea, subject: subject,
                               locatesNewThing: subject == nil && Self.introducesNewThing(before: start, in: sentence)))
            i = max(sentence.text.firstWord(atOrAfter: end), i + 1)
        }
        return found
    }

    /// Words that open and join the two ends of a stretch: "from … to", "between … and", "dari … ke", "от … до", "از … تا".
    private static let stretchOpeners: [String: Set<String>] = [
        "from": ["to"], "dari": ["ke", "hingga", "sampai"], "от": ["до"], "از": ["تا", "به"],
        "between": ["and"], "antara": ["dan"], "между": ["и"], "بین": ["و"], "میان": ["و"],
    ]
    /// Words after a unit that make the figure a speed, a rate or a size, not a length between places ("185 km/h", "per 100 km", "2km long").
    private static let notALength: Set<String> = ["h", "per", "an", "hour", "jam", "в", "час", "long", "wide", "deep", "high", "в час"]

    /// The two places of a stretch a figure measures, its opener within seven words after it: "of road lie between A and B", "on Highway 1 from A to B".
    private static func stretch(after index: Int, in sentence: SentenceView) -> (SentenceView.PlaceInSentence, SentenceView.PlaceInSentence)? {
        let end = sentence.wordRange.upperBound
        guard index < end, !notALength.contains(sentence.text.words[index].folded),
              let opener = (index..<min(end, index + 7)).first(where: { stretchOpeners[sentence.text.words[$0].folded] != nil }),
              let joiners = stretchOpeners[sentence.text.words[opener].folded],
              !(index..<opener).contains(where: { k in sentence.places.contains { $0.words.contains(k) } }),
              let from = place(startingNear: opener + 1, in: sentence),
              let joiner = (from.words.upperBound..<min(end, from.words.upperBound + 4)).first(where: { joiners.contains(sentence.text.words[$0].folded) }),
              // Not "from Tumaco, which is close to the Ecuador border".
              !(from.words.upperBound..<joiner).contains(where: { ["which", "that", "who", "close", "next", "near", "yang", "который", "которая", "که"].contains(sentence.text.words[$0].folded) }),
              !sentence.places.contains(where: { !$0.isQualifier && $0.words.lowerBound >= from.words.upperBound && $0.words.lowerBound < joiner }),
              let to = place(startingNear: joiner + 1, in: sentence), to.mention.place.id != from.mention.place.id,
              // A way between two towns or ports: a country's or a sea's centre says nothing of a road's length.
              pointLike(from.mention.place), pointLike(to.mention.place) else { return nil }
        return (from, to)
    }

    /// Words that give the length of the way just named, right before its figure: "covering", "a distance of", "menempuh",
    /// "протяженностью", "به طول".
    private static let coveringWords: [Lexicon.Phrase] = Lexicon.p(["covering", "a distance of", "a journey of", "a trip of", "spanning",
        "menempuh", "sejauh", "berjarak", "протяженностью", "преодолев", "преодолевая", "به طول", "به مسافت"])

    /// The two places of a stretch named right before a figure's covering word: "from A to B, covering around 1,200 kilometers",
    /// "dari A ke B, menempuh 300 km". Only the end's country or region may stand between it and the covering word ("to Cap-Haïtien,
    /// northern Haiti, covering"); not ends joined by "and" ("to Tver and Paris, covering 300 km" is no length of either).
    private static func stretch(before start: Int, in sentence: SentenceView) -> (SentenceView.PlaceInSentence, SentenceView.PlaceInSentence)? {
        guard let n = (1...3).first(where: { n in start - n >= sentence.wordRange.lowerBound && Lexicon.longest(coveringWords, in: sentence.words, at: start - n) == n }),
              let to = sentence.places.last(where: { !$0.isQualifier && $0.words.upperBound <= start - n && $0.role == .to }), !to.coordinated,
              !sentence.places.contains(where: { $0.words.lowerBound >= to.words.upperBound && $0.words.lowerBound < start - n && !$0.isQualifier
                  && !($0.mention.place.kind.isCountryOrRegion && $0.mention.place.country == to.mention.place.country) }),
              let from = sentence.places.last(where: { !$0.isQualifier && $0.words.upperBound <= to.words.lowerBound && $0.role == .from }),
              from.mention.place.id != to.mention.place.id, pointLike(from.mention.place), pointLike(to.mention.place) else { return nil }
        return (from, to)
    }

    /// The place that starts at `index` or after up to four filler words ("the Tanzanian port of").
    private static func place(startingNear index: Int, in sentence: SentenceView) -> SentenceView.PlaceInSentence? {
        var i = index
        for _ in 0..<5 where i < sentence.wordRange.upperBound {
            if let place = sentence.places.first(where: { $0.words.lowerBound == i && !$0.isQualifier }) { return place }
            let word = sentence.text.words[i]
            guard fillers.contains(word.folded) || SentenceView.adjectival(word, passage: sentence.text.passage(word.range)) else { return nil }
            i += 1
        }
        return nil
    }

    /// Adjectives that put something in a part of an area ("in eastern Chad"), English, before the area.
    private static let areaParts: [String: CompassPoint] = [
        "eastern": .E, "western": .W, "northern": .N, "southern": .S, "northeastern": .NE, "north-eastern": .NE, "northwestern": .NW,
        "north-western": .NW, "southeastern": .SE, "south-eastern": .SE, "southwestern": .SW, "south-western": .SW,
    ]
    /// The divisions of a country a compass word may put in part of it ("the northern province of Cabo Delgado").
    private static let divisionNouns: Set<String> = ["province", "state", "region", "district", "county", "governorate", "territory", "island"]
    /// Indonesian compass words after an area ("di Chad timur", "Libya timur", "Yaman barat").
    private static let areaPartsAfter: [(Lexicon.Phrase, CompassPoint)] = {
        let table: [(String, CompassPoint)] = [("barat daya", .SW), ("barat laut", .NW), ("timur laut", .NE), ("tenggara", .SE), ("timur", .E),
                                               ("barat", .W), ("utara", .N), ("selatan", .S)]
        return table.map { (Lexicon.Phrase($0.0), $0.1) }
    }()
    /// Words that put something near a place without a distance ("near the Sudanese border", "dekat Vladivostok", "در نزدیکی عمان").
    private static let nearness: [Lexicon.Phrase] = Lexicon.p([
        "near", "close to", "nearby", "dekat", "di dekat", "dekat dengan", "близ", "вблизи", "недалеко от", "возле", "рядом с", "у берегов",
        "در نزدیکی", "نزدیکی", "نزدیک", "نزدیک به", "off the coast of", "off the coast", "off the mouth of", "off the shores of",
        "lepas pantai", "di lepas pantai", "у побережья", "близ берегов", "در سواحل", "در نزدیکی سواحل", "در آبهای", "در آب‌های",
        "off the * coast of", "off its * coast", "on the border with", "on the border of", "at the border with", "along the border with",
        "на границе с", "di perbatasan dengan", "di perbatasan", "در مرز",
        "on the outskirts of", "the outskirts of", "in the vicinity of", "in the area of", "di sekitar", "di pinggiran", "pinggiran",
        "в районе", "в окрестностях", "на окраине", "у острова", "در حوالی", "حوالی", "در اطراف",
    ])
    /// Compass words that put something in a part of an area right after "in" ("in north-east Thailand", "in south-west Libya").
    private static let compassAreaParts: [String: CompassPoint] = [
        "north": .N, "south": .S, "east": .E, "west": .W, "north-east": .NE, "northeast": .NE, "north-west": .NW, "northwest": .NW,
        "south-east": .SE, "southeast": .SE, "south-west": .SW, "southwest": .SW,
    ]
    /// Phrases that put something in a part of an area named after them ("in the north of Iraq", "на севере Ирака", "di bagian utara
    /// Suriah", "در شمال عراق"), longest first; the area must be a country or region.
    private static let partPhrases: [(Lexicon.Phrase, CompassPoint)] = {
        let points: [(en: String, ru: String, id: String, fa: String, point: CompassPoint)] = [
            ("north", "севере", "utara", "شمال", .N), ("south", "юге", "selatan", "جنوب", .S), ("east", "востоке", "timur", "شرق", .E),
            ("west", "западе", "barat", "غرب", .W), ("north-east", "северо-востоке", "timur laut", "شمال شرق", .NE),
            ("north-west", "северо-западе", "barat laut", "شمال غرب", .NW), ("south-east", "юго-востоке", "tenggara", "جنوب شرق", .SE),
            ("south-west", "юго-западе", "barat daya", "جنوب غرب", .SW),
        ]
        var table: [(String, CompassPoint)] = []
        for p in points {
            // Not Indonesian's bare "di utara X": it is as often "north of X" as "in northern X".
            table += [("in the \(p.en) of", p.point), ("in the \(p.en) corner of", p.point), ("на \(p.ru)", p.point), ("di bagian \(p.id)", p.point),
                      ("در \(p.fa)", p.point), ("در \(p.fa)ی", p.point)]
        }
        return table.map { (Lexicon.Phrase($0.0), $0.1) }.sorted { $0.0.words.count > $1.0.words.count }
    }()
    /// Words that put something at a border named within three words after them ("at the Saudi border", "on the Chinese border").
    private static let borderLocatives: Set<String> = ["at", "on", "along", "di", "на", "у"]
    /// "off" alone is a nearness only right before the place ("off Java", "off Turkey's coast"), not in "set off from Odesa".
    private static let bareOff = Lexicon.Phrase("off")
    /// Words after which a bare "off" is at sea ("islands off Java", "anchored off Johore", "arrived off Turkey's coast"), not a phrasal verb.
    private static let offAfter: Set<String> = ["islands", "island", "anchored", "anchorage", "arrived", "seen", "spotted", "sank", "sunk",
        "located", "lies", "lying", "area", "waters", "boarded", "intercepted", "seized", "stopped", "detained", "sailing", "drifting",
        "attacked", "struck", "hit", "far", "just", "somewhere", "coast", "position", "transfer", "sts"]

    /// A claim that puts something in a part of an area ("in eastern Chad", "di Chad timur") or near a
    /// place ("near the Sudanese border"), with no figure: it states a direction, or nothing measurable.
    private static func areaOrNearness(at i: Int, in sentence: SentenceView, language: String, country: (String) -> Place?,
                                       countryOf: (Place) -> Place?) -> Found? {
        let words = sentence.words
        let inPlace = { (k: Int) in sentence.places.contains { $0.words.contains(k) } }
        guard !inPlace(i) else {
            // "Chad timur": the area, then a compass word that no name holds.
            guard language == "id", let place = sentence.places.first(where: { $0.words.lowerBound == i }), isArea(place.mention.place),
                  place.words.upperBound < sentence.wordRange.upperBound, !inPlace(place.words.upperBound) else { return nil }
            for (phrase, point) in areaPartsAfter {
                guard let n = phrase.match(words, at: place.words.upperBound) else { continue }
                let end = sentence.text.words[place.words.upperBound + n - 1].range.upperBound
                let range = place.mention.start..<end
                return Found(range: range, stated: StatedDistance(figure: nil, distance: nil, direction: point, unit: "km", text: sentence.text.passage(range)),
                             reference: place.mention.place, referenceIsArea: true, subject: nil, inPart: true)
            }
            return nil
        }
        var direction: CompassPoint?, next = i
        let afterIn = i > sentence.wordRange.lowerBound && ["in", "di"].contains(words[i - 1].folded)
        if let point = areaParts[words[i].folded] ?? (afterIn ? compassAreaParts[words[i].folded] : nil) {
            direction = point
            next = i + 1
            // The place lies in that part of the country `area`, from the compass word to the place's name.
            let inPartOf = { (area: Place, place: SentenceView.PlaceInSentence) -> Found in
                let range = sentence.text.words[i].range.lowerBound..<place.mention.end
                return Found(range: range, stated: StatedDistance(figure: nil, distance: nil, direction: point, unit: "km", text: sentence.text.passage(range)),
                             reference: area, referenceIsArea: true, subject: place.mention.place, inPart: true)
            }
            // "the southern Russian city of Astrakhan": the place named after a part and a nationality lies in that part of the country.
            // A province or state too ("the western Mexican state of Michoacán"), measured by its point.
            if let name = borderAdjectives[words[next].folded], let area = country(name), let place = place(startingNear: next + 1, in: sentence),
               pointLike(place.mention.place) || place.mention.place.kind.isRegionOrIsland {
                return inPartOf(area, place)
            }
            // "the northern province of Cabo Delgado": a division in that part of its country, which the text need not name.
            if next + 2 < sentence.wordRange.upperBound, divisionNouns.contains(words[next].folded), words[next + 1].folded == "of",
               let place = sentence.places.first(where: { $0.words.lowerBound == next + 2 }), place.mention.place.kind.isRegionOrIsland,
               let area = countryOf(place.mention.place) {
                return inPartOf(area, place)
            }
        } else if let found = ownCoast(at: i, in: sentence) {
            return found
        } else if let (n, point) = partPhrases.lazy.compactMap({ phrase, point in phrase.match(words, at: i).map { ($0, point) } }).first {
            direction = point
            next = i + n
        } else if let n = Lexicon.longest(nearness, in: words, at: i) {
            next = i + n
        } else if borderLocatives.contains(words[i].folded), i + 1 < sentence.wordRange.upperBound,
                  let b = (i + 1..<min(sentence.wordRange.upperBound, i + 4)).first(where: { Lexicon.longest(border, in: words, at: $0) != nil }),
                  !sentence.places.contains(where: { $0.words.lowerBound > i && $0.words.lowerBound < b && $0.mention.place.kind != .country }) {
            // "at the Saudi border", "on the Chinese border": at a border, by its country; no place but a country before the border
            // word ("at the Paraguay-Argentina border"; "di Jakarta membahas perbatasan" is a meeting in Jakarta).
            next = i + 1
        } else if bareOff.match(words, at: i) != nil, i > sentence.wordRange.lowerBound, sentence.places.contains(where: { $0.words.lowerBound == i + 1 }),
                  offAfter.contains(words[i - 1].folded) || words[i - 1].isNumber || unit(at: i - 1, in: words) != nil {
            next = i + 1
        } else {
            return nil
        }
        guard let (reference, isArea, end) = reference(after: next, in: sentence, country: country, needsRelation: false, afterRelation: direction == nil),
              direction == nil || isArea || Self.isArea(reference) else { return nil }
        let range = sentence.text.words[i].range.lowerBound..<end
        let subject = sentence.places.last {
            !$0.isQualifier && $0.mention.end <= range.lowerBound && $0.mention.place.id != reference.id && pointLike($0.mention.place)
        }?.mention.place
        return Found(range: range, stated: StatedDistance(figure: nil, distance: nil, direction: direction, unit: "km", text: sentence.text.passage(range)),
                     reference: reference, referenceIsArea: isArea || Self.isArea(reference), subject: subject, inPart: direction != nil)
    }

    /// "Penang, on Malaysia's west coast", "off Turkey's Black Sea coast": a place on a country's coast, in the part its compass word
    /// names, or near the country when no compass word is given.
    private static func ownCoast(at i: Int, in sentence: SentenceView) -> Found? {
        let words = sentence.words
        guard ["on", "off", "along"].contains(words[i].folded), let owner = sentence.places.first(where: { $0.words.lowerBound == i + 1 }),
              isArea(owner.mention.place), owner.words.upperBound < sentence.wordRange.upperBound,
              ["'s", "’s"].contains(sentence.text.passage(owner.mention.end..<min(owner.mention.end + 2, sentence.range.upperBound))),
              let coast = (owner.words.upperBound..<min(sentence.wordRange.upperBound, owner.words.upperBound + 4))
                .first(where: { ["coast", "coastline", "shore", "shores", "waters"].contains(words[$0].folded) }) else { return nil }
        let point = (owner.words.upperBound..<coast).compactMap { areaParts[words[$0].folded] ?? compassAreaParts[words[$0].folded] }.first
        let range = sentence.text.words[i].range.lowerBound..<words[coast].range.upperBound
        let subject = sentence.places.last {
            !$0.isQualifier && $0.mention.end <= range.lowerBound && $0.mention.place.id != owner.mention.place.id && pointLike($0.mention.place)
        }?.mention.place
        return Found(range: range, stated: StatedDistance(figure: nil, distance: nil, direction: point, unit: "km", text: sentence.text.passage(range)),
                     reference: owner.mention.place, referenceIsArea: true, subject: subject, inPart: point != nil)
    }

    /// The same nearness to the places "and" joins to the claim's reference ("вблизи Мурманска и Камчатки", "در نزدیکی عمان و پاکستان").
    private static func coordinatedReferences(after claim: Found, in sentence: SentenceView) -> [Found] {
        guard claim.stated.direction == nil, claim.stated.distance == nil else { return [] }
        var more: [Found] = []
        var end = sentence.text.firstWord(atOrAfter: claim.range.upperBound)
        while end < sentence.wordRange.upperBound, let n = Lexicon.longest(sentence.lexicon.and, in: sentence.words, at: end),
              let place = sentence.places.first(where: { $0.words.lowerBound == end + n && !$0.isQualifier }) {
            let range = claim.range.lowerBound..<place.mention.end
            more.append(Found(range: range, stated: claim.stated, reference: place.mention.place, referenceIsArea: isArea(place.mention.place),
                              subject: claim.subject))
            end = place.words.upperBound
        }
        return more
    }

    /// Places with an extent to be in part of: countries, regions, seas and the like.
    private static func isArea(_ place: Place) -> Bool {
        [.country, .region, .island, .sea, .macroRegion, .continent].contains(place.kind) || RouteFinder.waterKinds.contains(place.kind.rawValue)
    }

    /// Places a claim can locate: towns, ports, facilities, not countries or seas.
    static func pointLike(_ place: Place) -> Bool {
        ![.country, .continent, .union, .macroRegion, .region, .island, .building, .sea].contains(place.kind)
            && !RouteFinder.waterKinds.contains(place.kind.rawValue)
    }

    /// A figure and its unit written as one word ("400km", "50nmi"): the figure and the unit's metres.
    private static func glued(at index: Int, in words: ArraySlice<ReportText.Word>, language: String) -> (value: Double, unit: Double)? {
        let word = words[index].folded
        guard let first = word.unicodeScalars.first, CharacterSet.decimalDigits.contains(first) else { return nil }
        // Not "nm": "7nm chips" are nanometres.
        for (suffix, metres) in [("km", 1000.0), ("nmi", 1852), ("км", 1000)] where word.hasSuffix(suffix) {
            if let value = StatedQuantity.number(String(word.dropLast(suffix.count)), language: language) { return (value, metres) }
        }
        return nil
    }

    /// True when a figure's unit of distance ends right before word `index`, or with "away" ("400 km from", "50 miles away from",
    /// "400km from"): the "from" after it measures, it does not start a movement.
    static func distanceEnds(before index: Int, in words: ArraySlice<ReportText.Word>, language: String) -> Bool {
        var end = index
        if end > words.startIndex, words[end - 1].folded == "away" { end -= 1 }
        if end > words.startIndex, glued(at: end - 1, in: words, language: language) != nil { return true }
        return (1...3).contains { n in end - n >= words.startIndex && unit(at: end - n, in: words)?.1 == n && end - n - 1 >= words.startIndex
            && StatedQuantity.quantity(endingAt: end - n, in: words, language: language) != nil }
    }

    private static func unit(at index: Int, in words: ArraySlice<ReportText.Word>) -> (Double, Int)? {
        for (phrase, metres) in units { if let n = phrase.match(words, at: index) { return (metres, n) } }
        return nil
    }

    /// The compass point a compass word or phrase starting at `index` names, and its length in words.
    static func compass(at index: Int, in words: ArraySlice<ReportText.Word>) -> (CompassPoint, Int)? {
        guard index < words.endIndex else { return nil }
        for (phrase, point) in directions { if let n = phrase.match(words, at: index) { return (point, n) } }
        return nil
    }

    /// A bare direction is a claim only as "south-east of X", "di timur X", "к югу от X", "южнее X".
    private static func directionOnlyAllowed(at start: Int, in sentence: SentenceView) -> Bool {
        // Not a name's own word ("East Asia", "North Korea" are mentions, and mentions were skipped).
        !sentence.places.contains { $0.words.contains(start) }
    }

    /// The figure widened by its qualifier ("approximately", "more than", "около", "بیش از"), and where the qualifier starts.
    private static func qualified(_ range: ClosedRange<Double>, before start: Int, in sentence: SentenceView) -> (ClosedRange<Double>, Int) {
        for n in [2, 1] where start - n >= sentence.wordRange.lowerBound {
            let phrase = sentence.text.words[(start - n)..<start].map(\.folded).joined(separator: " ")
            if approximately.contains(phrase) { return (range.lowerBound * 0.85...range.upperBound * 1.15, start - n) }
            if moreThan.contains(phrase) { return (range.lowerBound...range.upperBound * 4, start - n) }
            if lessThan.contains(phrase) { return (0...range.upperBound, start - n) }
        }
        return (range, start)
    }

    /// The place or border after a claim's figure or direction, and where it ends.
    private static func reference(after index: Int, in sentence: SentenceView, country: (String) -> Place?, needsRelation: Bool,
                                  afterRelation: Bool = false, homeCountry: () -> Place? = { nil }) -> (Place, Bool, Int)? {
        var i = index
        var sawRelation = afterRelation
        for _ in 0..<4 where i < sentence.wordRange.upperBound {
            // A filler that begins the place's own name is the place ("بندر جاسک", "Port Sudan").
            if sentence.places.contains(where: { $0.words.lowerBound == i }) { break }
            if let n = Lexicon.longest(relation, in: sentence.words, at: i) { i += n; sawRelation = true; continue }
            if fillers.contains(sentence.text.words[i].folded) { i += 1; continue }
            // "от иранского порта Бандар-Аббас", "from the Syrian port of": an adjective before the place's filler.
            if sawRelation, !sentence.places.contains(where: { $0.words.contains(i) }), i + 1 < sentence.wordRange.upperBound,
               !borderAdjectives.keys.contains(sentence.text.words[i].folded),
               SentenceView.adjectival(sentence.text.words[i], passage: sentence.text.passage(sentence.text.words[i].range)) { i += 1; continue }
            break
        }
        guard i < sentence.wordRange.upperBound else { return nil }
        // A border: "the Ukrainian border", "border with Ukraine", "perbatasan Ukraina", "границы с Украиной", "مرز اوکراین".
        for n in [2, 1] where i + n < sentence.wordRange.upperBound + 1 {
            let adjective = sentence.text.words[i..<min(i + n, sentence.wordRange.upperBound)].map(\.folded).joined(separator: " ")
            if let name = borderAdjectives[adjective], let country = country(name),
               i + n < sentence.wordRange.upperBound, Lexicon.longest(border, in: sentence.words, at: i + n) != nil {
                let end = sentence.text.words[i + n + (Lexicon.longest(border, in: sentence.words, at: i + n) ?? 1) - 1].range.upperBound
                return (country, true, end)
            }
        }
        if let n = Lexicon.longest(border, in: sentence.words, at: i) {
            var j = i + n
            // "border with Ukraine", "the border between Kazakhstan and Kyrgyzstan" (the first of the two countries).
            while j < sentence.wordRange.upperBound, ["with", "of", "the", "between", "dengan", "antara", "с", "со", "между", "با", "بین", "میان"]
                .contains(sentence.text.words[j].folded) { j += 1 }
            if let place = sentence.places.first(where: { $0.words.lowerBound == j || $0.words.lowerBound == i + n }), place.mention.place.kind == .country {
                return (place.mention.place, true, place.mention.end)
            }
            // "2 km from the border", "в 2 км от границы": the border of the country the located place lies in.
            if sawRelation, !sentence.places.contains(where: { $0.words.lowerBound >= i && $0.words.lowerBound <= j }), let home = homeCountry() {
                return (home, true, sentence.text.words[i + n - 1].range.upperBound)
            }
            return nil
        }
        guard sawRelation || !needsRelation, var place = sentence.places.first(where: { $0.words.lowerBound == i }) else { return nil }
        // "west of Yemen's Hodeidah": the place after the possessive.
        let after = place.words.upperBound
        if after < sentence.wordRange.upperBound, sentence.text.words[after - 1].folded.hasSuffix("'s"),
           let owned = sentence.places.first(where: { $0.words.lowerBound == after }) {
            place = owned
        }
        let isArea = place.mention.place.kind.isCountryOrRegion
        return (place.mention.place, isArea, place.mention.end)
    }
}
