import Gazetteer
import RouteMap

/// Finds the movements one sentence states: from where, through where, to where, by what mode.
struct RouteFinder {
    /// A route as one sentence states it, before routes from the whole document are merged.
    struct Found {
        var waypoints: [Place]
        var modes: [TransportMode]
        var vias: [String?]
        var statement: Statement
        var carries: [String]
        var sentence: Range<Int>
        /// The text says the carrier got to the last stop ("sailed to", "landed in"), not only that it was bound there.
        var reachesEnd = false
    }

    /// Place kinds a vessel crosses or sails along rather than stops at.
    static let waterKinds: Set<String> = ["sea", "ocean", "gulf", "bay", "strait", "lake"]
    static let riverKinds: Set<String> = ["river", "canal"]

    /// True for a sea, a strait, a lake, a river or a canal: water a vessel moves on rather than a place it stops at.
    static func isWater(_ place: Place) -> Bool {
        waterKinds.contains(place.kind.rawValue) || riverKinds.contains(place.kind.rawValue)
    }

    /// Where the sentences before left a movement: the last stop of the last route, or a place left with no destination yet.
    struct Context {
        /// The last stop of the last route stated, and how many sentences since stated none.
        var lastStop: Place?
        var quiet = 0
        /// A place a recent sentence said something left ("the plane left Brazil", "судно, вышедшее из порта
        /// Новороссийска"), with no destination yet, and how many sentences ago (a voyage's end may come a few sentences on).
        var pendingOrigin: Place?
        var pendingAge = 0
        /// Sentences a place left waits for its destination.
        static let pendingSentences = 3
        /// The carrier got to `lastStop` (it was not only bound there).
        var reached = false
        /// Every stop of the routes stated so far: a carrier followed by pronoun moves on, not back ("… когда в порт Раджин прибыла
        /// "Майя-1"" is another ship's voyage to where the story began).
        var visited: Set<String> = []
        /// Sentences a carrier's last stop waits for its next leg when the text follows the carrier by name or pronoun.
        static let carrierSentences = 3
        /// Where the last route stated started: a carrier the text follows that is said to go on elsewhere left from there
        /// ("следовавший из Украины … судно шло в Триполи", "вышло из Новороссийска … направлялось в Камерун").
        var voyageStart: Place?
    }

    /// A stop of a route: a place, and the words that name it (empty at the sentence's start when an earlier sentence named it).
    struct Stop {
        let place: Place
        let words: Range<Int>
        /// Joined by "and" to the place before it ("Iran and Russia shipped").
        var coordinated = false
        init(_ place: SentenceView.PlaceInSentence) { (self.place, words, coordinated) = (place.mention.place, place.words, place.coordinated) }
        init(place: Place, at word: Int) { (self.place, words) = (place, word..<word) }
        func same(_ other: Stop) -> Bool { place.id == other.place.id && words == other.words }
    }

    /// The routes `sentence` states; `context` carries a movement on from the sentences before, `country` names a
    /// country from its English name (for "Emirati arms").
    static func routes(in sentence: SentenceView, language: String = "en", context: Context = Context(),
                       country: (String) -> Place? = { _ in nil }) -> [Found] {
        let stated = movements(in: sentence, language: language, context: context, country: country)
        guard stated.isEmpty else { return stated }
        if let transit = transitRoutes(in: sentence) { return transit }
        guard let chain = dashedChain(in: sentence) else { return stated }
        // Places joined by dashes, when the sentence states no movement by its words: "по маршруту Чэнду — Алматы — Москва".
        let stops = chain.map(Stop.init), cues = modeCues(in: sentence)
        let modes = zip(stops, stops.dropFirst()).map { mode(forLegTo: $1, from: $0, cues: cues, water: nil) }
        return [Found(waypoints: stops.map(\.place), modes: modes, vias: Array(repeating: nil, count: modes.count),
                      statement: statement(of: sentence, movementAt: chain[0].words.lowerBound), carries: cargo(in: sentence),
                      sentence: sentence.range)]
    }

    /// The movements the sentence's words state: roles, verbs, and what the sentences before left.
    private static func movements(in sentence: SentenceView, language: String, context: Context,
                                  country: (String) -> Place?) -> [Found] {
        let lexicon = sentence.lexicon
        let send = sentence.positions(of: lexicon.send).filter { !isNounUse($0, in: sentence) }, receive = sentence.positions(of: lexicon.receive)
        let travel = sentence.positions(of: lexicon.travel), nouns = sentence.positions(of: lexicon.nouns)
        let modeCues = modeCues(in: sentence)
        let active = sentence.places.filter { !$0.isQualifier }
        var origins = active.filter { $0.role == .from }.map(Stop.init)
        var destinations = active.filter { $0.role == .to }
        let vias = active.filter { $0.role == .via }
        // "Капитан назвал местом назначения порт Искендерун": naming a journey's end states a movement.
        let destinationNamed = destinations.contains { finalDestination($0, in: sentence) }
        // "В Петербурге нашли кокаин … из Эквадора", "cocaine from Colombia seized in Rotterdam": the goods came from there to where they were found.
        let seizedHere = destinations.isEmpty && !origins.isEmpty ? seizurePlace(in: sentence, origins: origins) : nil
        let firstEnd = destinations.first?.words.lowerBound ?? sentence.wordRange.lowerBound
        let cue = { (phrases: [Lexicon.Phrase]) in (sentence.wordRange.lowerBound..<firstEnd).contains { Lexicon.longest(phrases, in: sentence.words, at: $0) != nil } }
        // "продолжил свой путь в Боготу", "melanjutkan perjalanannya ke Amdjarass": going on to a place is a movement.
        let goesOn = !destinations.isEmpty && cue(Lexicon.carryOn)
        let moves = !send.isEmpty || !receive.isEmpty || !travel.isEmpty || !nouns.isEmpty || destinationNamed || seizedHere != nil || goesOn
        guard moves || (!origins.isEmpty && !destinations.isEmpty && !modeCues.isEmpty) else { return [] }

        // A movement carried on from the sentences before: "Оттуда … в Краснодарский край", "on arrival the cargo went on to Mali",
        // "the plane left Brazil. It flew to Santa Cruz."
        let verbs = !send.isEmpty || !travel.isEmpty || !receive.isEmpty || destinationNamed || goesOn
        if origins.isEmpty, !destinations.isEmpty, verbs, cue(Lexicon.carryOn), let last = context.lastStop ?? context.pendingOrigin, context.quiet <= 3 {
            origins = [Stop(place: last, at: sentence.wordRange.lowerBound)]
        }
        // Where the cargo was loaded or the ship seized before the destination: "loaded the containers at Najin and sailed to Dunay",
        // "ditangkap di perairan Namlea … menuju Surabaya".
        if origins.isEmpty, let first = destinations.first,
           let start = active.first(where: { $0.role == .none && $0.words.upperBound <= first.words.lowerBound && SiteFinder.movementStart($0, in: sentence) }),
           oneClause(from: start.words.upperBound, to: first.words.lowerBound, in: sentence) {
            origins = [Stop(start)]
        }
        // Goods bound somewhere and seized on the way, where the sentence names after: "640 tonnes of rosewood bound for Hong Kong
        // was seized in Kenya".
        if origins.isEmpty, let first = destinations.first, let seized = seizedOnTheWay(to: first, in: sentence) {
            origins = [Stop(seized)]
        }
        // An origin named by what it owns or made: "نفت ایران به سوریه", "Emirati arms to Libya", "ساخت ایران", "российские самолеты".
        let owner = origins.isEmpty ? self.owner(in: sentence, language: language, country: country, excluding: destinations.map(\.mention.place.id)) : nil
        if origins.isEmpty, owner == nil, let verb = send.first, let subject = subject(before: verb, in: sentence) {
            origins = coordinatedGroup(ending: subject, in: sentence).map(Stop.init)
        }
        if destinations.isEmpty, let seizedHere { destinations = [seizedHere] }
        if destinations.isEmpty {
            if let verb = receive.first, let subject = subject(before: verb, in: sentence, excluding: owner?.words) {
                destinations = [subject]
            } else if let verb = send.first, let object = object(after: verb, in: sentence, excluding: origins.map(\.place.id)) {
                destinations = [object]
            }
        }
        if origins.isEmpty, let owner { origins = [owner] }
        if origins.isEmpty, !destinations.isEmpty, verbs {
            let onlyEnds = active.allSatisfy { $0.role == .to || $0.role == .via || isFlag($0, in: sentence) }
            if cue(Lexicon.continuation), let last = context.lastStop ?? context.pendingOrigin, context.quiet <= 1, !peopleMove(before: firstEnd, in: sentence) {
                origins = [Stop(place: last, at: sentence.wordRange.lowerBound)]
            } else if onlyEnds, let pending = context.pendingOrigin, !bringsInAnotherCarrier(sentence), !peopleMove(before: firstEnd, in: sentence) {
                origins = [Stop(place: pending, at: sentence.wordRange.lowerBound)]
            } else if onlyEnds, let verb = travel.first(where: { !stayWords.contains(sentence.text.words[$0].folded) }), context.reached,
                      carrierMoves(before: verb, in: sentence, modeCues: modeCues), let last = context.lastStop, context.quiet <= Context.carrierSentences,
                      !heading(before: firstEnd, in: sentence), !bringsInAnotherCarrier(sentence),
                      !destinations.contains(where: { d in context.visited.contains(d.mention.place.id) }) {
                // The carrier moves on from where the text last took it: "… made its way to Alexandria. … The Matros Pozynich steamed
                // toward Beirut", "Pesawat itu mendarat di Entebbe. … terbang ke Amdjarass". Not after it was only bound somewhere,
                // not when it is said to be bound somewhere now (the voyage's start is elsewhere), not back to where a route was.
                origins = [Stop(place: last, at: sentence.wordRange.lowerBound)]
            } else if onlyEnds, let start = context.voyageStart, context.quiet <= Context.carrierSentences,
                      let verb = (send + travel).filter({ !stayWords.contains(sentence.text.words[$0].folded) }).min(), verb < firstEnd,
                      modeCues.contains(where: { $0.position < verb }), !peopleMove(before: verb, in: sentence), !bringsInAnotherCarrier(sentence),
                      !destinations.contains(where: { $0.mention.place.id == start.id || context.visited.contains($0.mention.place.id) }) {
                // A vessel, vehicle or aircraft the text follows (its word before the verb; not a pronoun or a name, which may be a
                // person's), said to be bound or going somewhere new, left from where its voyage started.
                origins = [Stop(place: start, at: sentence.wordRange.lowerBound)]
            }
        }
        // Where goods or people were seized, stopped or detained, when they were then travelling elsewhere: "seven Tunisians were detained
        // in Libya as they headed back to Tunisia", "Nigeria seized eight tons of pangolin scales … bound for Vietnam", "В Казахстане
        // задержали груз, направлявшийся в Россию". Not where officials spoke or journalists watched, not a dateline, not an official's
        // trip, not the country the destination lies in.
        if origins.isEmpty, owner == nil, let first = destinations.first,
           let verb = travel.first(where: { $0 < first.words.lowerBound && !stayWords.contains(sentence.text.words[$0].folded) }),
           let scene = active.last(where: { $0.role == .none && $0.words.upperBound <= verb && sceneOfSeizure($0, in: sentence) }),
           !isFlag(scene, in: sentence), !isWater(scene.mention.place), scene.mention.place.kind != .building,
           oneClause(from: scene.words.upperBound, to: verb, in: sentence) || travellingWhen(from: scene.words.upperBound, verb: verb, in: sentence),
           !peopleMove(before: verb, in: sentence),
           !destinations.contains(where: { $0.mention.place.id == scene.mention.place.id
               || scene.mention.place.kind == .country && $0.mention.place.country == scene.mention.place.country }) {
            origins = [Stop(scene)]
        }
        // Of two origins, not joined, before the destination, the nearer starts the movement: "kapten … asal Kepulauan Riau … penyelundupan
        // pasir timah dari Pulau Bangka menuju Malaysia" (where the captain is from, then where the tin is).
        if let first = destinations.first?.words.lowerBound,
           let nearer = origins.lastIndex(where: { !$0.coordinated && $0.words.upperBound <= first }), nearer > 0, !origins[0].words.isEmpty {
            origins.swapAt(0, nearer)
        }
        // A destination word's place before the origin in another clause is another movement's: "В Россию везут автомобили, а из
        // Благовещенска в речной порт Хэйхэ поступает соя" (the soy goes to Heihe, not through Russia); a receiver is not ("Rusia telah
        // menerima ratusan drone …, serta peralatan …, dari Iran").
        if let origin = origins.first, !origin.words.isEmpty {
            destinations.removeAll { $0.role == .to && $0.words.upperBound <= origin.words.lowerBound
                && !oneClause(from: $0.words.upperBound, to: origin.words.lowerBound, in: sentence) }
        }
        // "Berasal dari Kubu Raya, dikirim lewat Batam", "rosewood from Myanmar, smuggled via Hong Kong": with no destination, the last
        // stop on the way is as far as the sentence takes the goods, when the sentence names no other place and no destination word
        // ("arrived in the city from Guatemala via Mexico" ends in the city). Not a water ("via the Strait of Hormuz"), nor after Russian
        // "по", which also aims a strike ("удары из России по Украине").
        if destinations.isEmpty, let origin = origins.first, !origin.words.isEmpty,
           let last = vias.last(where: { $0.words.lowerBound >= origin.words.upperBound && !isWater($0.mention.place) && $0.mention.place.id != origin.place.id
               && sentence.text.words[$0.words.lowerBound - 1].folded != "по" }),
           active.allSatisfy({ $0.role == .from || $0.role == .via || isFlag($0, in: sentence) }),
           !sentence.wordRange.contains(where: { Lexicon.longest(lexicon.to, in: sentence.words, at: $0) != nil }) {
            destinations = [last]
        }
        // Persian puts the verb last: "از عسلویه خارج و در بندر امام … پهلو میگیرد" (leaves Asaluyeh and docks at Bandar Imam): a
        // place after "در" (in) that a docking or arrival verb follows, after the origin, is where the movement ends.
        if language == "fa", destinations.isEmpty, let origin = origins.first, !origin.words.isEmpty,
           let docked = active.first(where: { $0.role == .none && $0.words.lowerBound > origin.words.upperBound && dockedAt($0, in: sentence) }) {
            destinations = [docked]
        }
        guard let origin = origins.first, !destinations.isEmpty else { return [] }

        let pointVias = vias.filter { !isWater($0.mention.place) }
        let waterVias = vias.filter { isWater($0.mention.place) }
        // "bound for Venezuela", "به مقصد ونزوئلا": the journey ends there, whatever else the sentence says it neared.
        if let final = destinations.firstIndex(where: { finalDestination($0, in: sentence) }) { destinations = Array(destinations[...final]) }
        var chain = destinations.filter { !$0.coordinated }.map(Stop.init)
        var siblings = destinations.filter(\.coordinated).map(Stop.init)
        // "از کابل به دهلی جدید و کندهار به امریتسر", "from Kabul to Delhi and Kandahar to Amritsar": a place joined by "and" right
        // before a destination word starts a movement of its own to the place after it.
        var pairs: [[Stop]] = []
        for sibling in siblings {
            guard let k = chain.firstIndex(where: { $0.words.lowerBound > sibling.words.upperBound }), k > 0,
                  Lexicon.longest(lexicon.to, in: sentence.words, at: sibling.words.upperBound) == chain[k].words.lowerBound - sibling.words.upperBound
            else { continue }
            pairs.append([sibling, chain.remove(at: k)])
        }
        siblings.removeAll { sibling in pairs.contains { $0[0].same(sibling) } }
        var variants: [[Stop]] = []
        let main = [origin] + ordered(vias: pointVias, ends: chain.isEmpty ? [Stop(destinations[0])] : chain)
        variants.append(main)
        variants += pairs
        for sibling in siblings where !main.contains(where: { $0.same(sibling) }) {
            variants.append(Array(main.dropLast()) + [sibling])
        }
        for other in origins.dropFirst() where other.coordinated {
            variants.append([other] + Array(main.dropFirst()))
        }

        let statement = statement(of: sentence, movementAt: (send + receive + travel + nouns).min() ?? sentence.wordRange.lowerBound)
        let reaches = (statement == .asserted || statement == .reported) && !destinationNamed && seizedHere == nil && (!travel.isEmpty || goesOn)
        let carries = cargo(in: sentence)
        var found: [Found] = []
        for variant in variants {
            var stops: [Stop] = []
            for stop in variant where stops.last?.place.id != stop.place.id { stops.append(stop) }
            guard stops.count >= 2, Set(stops.map(\.place.id)).count == stops.count else { continue }
            // "oil from Kharg … to Iran": a movement that ends in the country it started in names that country for another reason.
            if let first = stops.first?.place, let last = stops.last?.place, last.kind == .country, first.kind != .country,
               first.country != nil, first.country == last.country { continue }
            var modes: [TransportMode] = [], legVias: [String?] = []
            for k in 1..<stops.count {
                let water = waterVias.first
                legVias.append(water?.mention.place.id)
                modes.append(mode(forLegTo: stops[k], from: stops[k - 1], cues: modeCues, water: water))
            }
            found.append(Found(waypoints: stops.map(\.place), modes: modes, vias: legVias, statement: statement,
                               carries: carries, sentence: sentence.range,
                               reachesEnd: reaches && !heading(before: stops.last!.words.lowerBound, in: sentence)))
        }
        return found
    }

    /// Words that make a place a transit country or hub for goods or people: "transit country", "стран транзита", "negara transit".
    static let transitWords: [Lexicon.Phrase] = Lexicon.p([
        "transit country", "transit countries", "transit hub", "transit point", "transit route", "транзитн* стран*", "стран* транзита",
        "транзитн* пункт*", "транзитн* узл*", "negara transit", "titik transit", "کشور ترانزیت", "کشور ترانزیتی", "مسیر ترانزیت",
    ])

    /// A place named a transit country for goods or people from others: "Греция стала транзитной страной для нелегальных мигрантов
    /// из стран Ближнего Востока, Азии и Африки", "Ecuador has become a transit country for cocaine produced in Peru and Colombia".
    /// Each place after the transit words is an origin of a movement to the place before them; nil when the sentence says no such
    /// thing or names no goods or people carried.
    private static func transitRoutes(in sentence: SentenceView) -> [Found]? {
        guard let at = sentence.wordRange.first(where: { Lexicon.longest(transitWords, in: sentence.words, at: $0) != nil }) else { return nil }
        let active = sentence.places.filter { !$0.isQualifier }, carries = cargo(in: sentence)
        guard let hub = active.last(where: { $0.words.upperBound <= at && $0.role == .none }),
              !carries.isEmpty || sentence.wordRange.contains(where: { Lexicon.longest(migrants, in: sentence.words, at: $0) != nil })
        else { return nil }
        let origins = active.filter { $0.words.lowerBound > at && $0.mention.place.id != hub.mention.place.id && !isWater($0.mention.place) }
        guard !origins.isEmpty else { return nil }
        let statement = statement(of: sentence, movementAt: at)
        return origins.map { origin in
            Found(waypoints: [origin.mention.place, hub.mention.place], modes: [.unknown], vias: [nil], statement: statement,
                  carries: carries, sentence: sentence.range)
        }
    }

    /// Persian verbs of docking and arrival, said after the place ("در بندر امام پهلو میگیرد", "در بندرعباس لنگر انداخت").
    private static let persianArrivals: [Lexicon.Phrase] = Lexicon.p(["پهلو", "پهلوگیری", "لنگر", "تخلیه", "رسید*", "وارد"])

    /// True when the place stands after Persian "در" (in) and a docking or arrival verb follows it within eight words, with no
    /// other place between but the province or country that holds it ("در بندر امام از توابع استان خوزستان پهلو میگیرد").
    private static func dockedAt(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        // Past a word for a kind of place: "در بندر چابهار".
        let before = SiteFinder.wordBeforeFiller(place, in: sentence) ?? place.words.lowerBound - 1
        guard before >= sentence.wordRange.lowerBound, sentence.text.words[before].folded == "در" else { return false }
        let end = min(sentence.wordRange.upperBound, place.words.upperBound + 8)
        guard let verb = (place.words.upperBound..<end).first(where: { Lexicon.longest(persianArrivals, in: sentence.words, at: $0) != nil })
        else { return false }
        return !sentence.places.contains { other in
            !other.isQualifier && other.words.lowerBound >= place.words.upperBound && other.words.lowerBound < verb
                && !(other.mention.place.kind.isCountryOrRegion && other.mention.place.country == place.mention.place.country)
        }
    }

    /// People moved across borders: migrants, refugees, asylum seekers.
    private static let migrants: [Lexicon.Phrase] = Lexicon.p(["migrant*", "refugee*", "asylum seeker*", "migran", "imigran", "pengungsi",
        "мигрант*", "беженц*", "مهاجر*", "پناهجو*"])

    /// Words for a line or a route that places joined by dashes follow ("the Chengdu–Almaty–Moscow route", "по маршруту", "از مسیر").
    static let lineWords: [Lexicon.Phrase] = Lexicon.p([
        "route", "corridor", "railway", "railroad", "line", "lane", "train", "trains", "flight", "flights", "ferry", "pipeline",
        "rute", "jalur", "koridor", "kereta", "penerbangan", "маршрут*", "коридор*", "магистрал*", "поезд*", "рейс*", "трубопровод*",
        "مسیر", "راه آهن", "راه‌آهن", "کریدور", "خط", "قطار*", "پرواز*",
    ])

    /// Nouns the lexicon's travel words hold that state no movement by themselves ("discussed new trade routes").
    private static let routeNouns: Set<String> = ["route", "routes", "rute", "jalur", "مسیر", "voyage", "voyages", "journey", "journeys", "flight", "flights"]

    /// Places joined by dashes that a sentence follows as one route: "по маршруту Чэнду — Алматы — Москва", "از مسیر چنگشا (چین) -
    /// آلتین یول (قزاقستان) - … - تهران" (a stop the gazetteer lacks may stand between two dashes). They need a line word in the three
    /// words before them or right after them ("the Yiwu–Madrid train", "rute Chongqing-Duisburg"; not after a bracket or a comma:
    /// "(perbatasan perairan Indonesia-Malaysia), kapal"; not "the Iran–Iraq tanker war"), or, three or more, a verb that moves
    /// something in the sentence. Used only where the sentence's words state no movement ("via Jalur Kereta China-Laos" names the
    /// line a stated route takes).
    private static func dashedChain(in sentence: SentenceView) -> [SentenceView.PlaceInSentence]? {
        let lexicon = sentence.lexicon
        let active = sentence.places.filter { !$0.isQualifier }
        guard active.count >= 2 else { return nil }
        let dashes: Set<Character> = ["-", "–", "—", "‐"]
        let text = sentence.text
        var runs: [[SentenceView.PlaceInSentence]] = [], run = [active[0]]
        for k in active.indices.dropFirst() {
            let gap = text.passage(active[k - 1].mention.end..<active[k].mention.start)
            let pieces = gap.split(omittingEmptySubsequences: false, whereSeparator: { dashes.contains($0) })
            // A dash between them, nothing that ends a clause, and at most three words on either side of a dash (a stop the gazetteer
            // lacks, with its country in brackets: "(چین) - آلتین یول (قزاقستان)").
            // (An aside between two dashes joined by "and" is no stop: "Kazakhstan — a key hub — and Azerbaijan".)
            let clauseEnds = gap.contains { ",;:،.!?".contains($0) }
                || (active[k - 1].words.upperBound..<active[k].words.lowerBound).contains { Lexicon.longest(lexicon.and, in: sentence.words, at: $0) != nil }
            let short = pieces.allSatisfy { (piece: Substring) -> Bool in piece.split(whereSeparator: { " ()".contains($0) }).count <= 3 }
            let joined = pieces.count >= 2 && !clauseEnds && short
            if joined && active[k].mention.place.id != run.last!.mention.place.id {
                run.append(active[k])
            } else {
                runs.append(run)
                run = [active[k]]
            }
        }
        runs.append(run)
        let lineAt = { (i: Int) in Lexicon.longest(lineWords, in: sentence.words, at: i) != nil }
        for run in runs where run.count >= 2 {
            let first = run[0].words.lowerBound, last = run[run.count - 1].words.upperBound
            // The word right after, with nothing but space between ("the Yiwu–Madrid train"; not "Indonesia-Malaysia), kapal").
            let after = last < sentence.wordRange.upperBound && lineAt(last)
                && text.onlySpace(from: run[run.count - 1].mention.end, to: text.words[last].range.lowerBound)
            let beside = (max(sentence.wordRange.lowerBound, first - 3)..<first).contains(where: lineAt) || after
            // Three stops or more in a sentence whose verb moves something ("the train went Chengdu–Almaty–Moscow"); not a summit's
            // or a drill's members ("the China-Russia-Iran naval drills").
            let moves = [lexicon.send, lexicon.travel].contains { phrases in
                sentence.wordRange.contains { i in
                    Lexicon.longest(phrases, in: sentence.words, at: i) != nil && !lineAt(i) && !routeNouns.contains(text.words[i].folded)
                }
            }
            if beside || run.count >= 3 && moves { return run }
        }
        return nil
    }

    /// "ship" and "ships" name a vessel more often than they send: a verb only after a modal, "to", a pronoun or a conjunction
    /// ("to ship arms", "they ship", "and ships"), or, for "ships", right after a place ("Iran ships drones"); not in "the
    /// Sierra Leone-registered Razoni ship" or "two ships".
    private static func isNounUse(_ index: Int, in sentence: SentenceView) -> Bool {
        let word = sentence.text.words[index].folded
        guard word == "ship" || word == "ships" else { return false }
        guard index > sentence.wordRange.lowerBound else { return true }
        if verbLeads.contains(sentence.text.words[index - 1].folded) { return false }
        return !(word == "ships" && sentence.places.contains { $0.words.upperBound == index })
    }

    private static let verbLeads: Set<String> = [
        "to", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does", "do", "they", "we", "it", "he", "she",
        "who", "which", "and", "or", "not", "also", "then", "still", "reportedly", "allegedly", "regularly", "secretly",
    ]

    /// Words that join a new clause, whose movement need not be the one before it ("while another vessel sailed", "а экипаж").
    private static let clauseJoiners: Set<String> = ["while", "whereas", "but", "sementara", "tetapi", "namun", "а", "но", "пока", "اما", "ولی", "درحالیکه"]

    /// True when the words from `start` to `end` hold no semicolon, no clause-joining word and no comma before "and"
    /// ("loaded at Rajin and sailed to Dunay", not "were loaded in Minsk, and the drivers were later sent to Moscow").
    private static func oneClause(from start: Int, to end: Int, in sentence: SentenceView) -> Bool {
        guard start < end else { return true }
        let text = sentence.text
        if text.passage(text.words[start - 1].range.upperBound..<text.words[end].range.lowerBound).contains(";") { return false }
        return !(start..<end).contains { k in
            let word = text.words[k].folded
            if clauseJoiners.contains(word) { return true }
            let commaBefore = text.passage(text.words[k - 1].range.upperBound..<text.words[k].range.lowerBound).contains { ",،".contains($0) }
            return commaBefore && Lexicon.longest(sentence.lexicon.and, in: sentence.words, at: k) != nil
        }
    }

    /// Words that name a journey's end ("bound for", "destined for", "به مقصد", "tujuan", "назначением в").
    private static let finalWords: Set<String> = ["bound", "destined", "destination", "مقصد", "tujuan", "perjalanan", "назначением", "назначения",
                                                  "пути"]

    /// Words before a place that make it a ship's flag ("под флагом Панамы", "berbendera Malta", "با پرچم ایران", "flag of Panama").
    private static let flagWords: Set<String> = ["флагом", "флаг", "flag", "berbendera", "bendera", "پرچم"]

    /// True when the place names a flag, not an actor: a flag word in the two words before it, or "-flagged" right after it.
    static func isFlag(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        let start = place.words.lowerBound, end = place.words.upperBound
        if (max(sentence.wordRange.lowerBound, start - 2)..<start).contains(where: { flagWords.contains(sentence.text.words[$0].folded) }) { return true }
        if end < sentence.wordRange.upperBound && ["flagged", "registered"].contains(sentence.text.words[end].folded) { return true }
        // "Panama-flagged", "Sierra Leone-registered" written as one word with the name.
        let after = ReportText.fold(sentence.text.passage(place.mention.end..<min(place.mention.end + 12, sentence.range.upperBound)))
        return ["-flagged", "-registered", "‑flagged", "‑registered"].contains { after.hasPrefix($0) }
    }

    /// Points passed and ends in the order the route takes them: a point named right after an end is passed before it ("to
    /// Moscow via Baku, and then to Minsk"), one named before an end is passed before that end ("приземлившийся в Баку, а затем
    /// перелетевший через Африку в Бразилию").
    private static func ordered(vias: [SentenceView.PlaceInSentence], ends: [Stop]) -> [Stop] {
        var stops = ends
        for via in vias {
            let after = stops.lastIndex { $0.words.upperBound <= via.words.lowerBound && via.words.lowerBound - $0.words.upperBound <= 3 }
            let target = after ?? stops.firstIndex { $0.words.lowerBound > via.words.lowerBound } ?? max(0, stops.count - 1)
            stops.insert(Stop(via), at: target)
        }
        return stops
    }

    /// True when a destination-word stands in the three words before the place.
    private static func finalDestination(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        let start = place.words.lowerBound
        return (max(sentence.wordRange.lowerBound, start - 3)..<start).contains { finalWords.contains(sentence.text.words[$0].folded) }
    }

    /// Movement words of the lexicon that say where a vessel lies rather than that it moved ("telah berlabuh di Pomalaa sejak 2019").
    private static let stayWords: Set<String> = ["berlabuh", "bersandar"]

    /// Pronouns that stand for a carrier the text follows ("it traveled to", "он вылетел в", "ia berlayar ke").
    private static let carrierPronouns: Set<String> = ["it", "she", "they", "ia", "dia", "mereka", "он", "она", "оно", "они", "آن", "او"]

    /// True when what moves before word `verb` is a carrier, not people ("Weeks later, officials travelled to Cairo"): a vessel,
    /// vehicle or aircraft word ("the ship", "судно", "kapal itu"), a pronoun, a capitalised name that is no place ("The Matros
    /// Pozynich steamed"), or nothing but a date ("13 августа вылетел в Санта-Крус").
    private static func carrierMoves(before verb: Int, in sentence: SentenceView, modeCues: [(position: Int, mode: TransportMode)]) -> Bool {
        let start = sentence.wordRange.lowerBound
        let words = (start..<verb).map { sentence.text.words[$0] }
        if peopleMove(before: verb, in: sentence) { return false }
        if modeCues.contains(where: { $0.position < verb }) { return true }
        if words.contains(where: { carrierPronouns.contains($0.folded) }) { return true }
        if (min(start + 1, verb)..<verb).contains(where: { k in
            sentence.text.words[k].isCapitalised && !sentence.places.contains { $0.words.contains(k) }
        }) { return true }
        return words.allSatisfy { $0.isNumber || months.contains($0.folded) }
    }

    /// True when people, not goods or their carrier, move before word `end`: "Ugandan President Museveni travelled to Kampala",
    /// "Delegasi Rusia kemudian terbang ke Kampala".
    private static func peopleMove(before end: Int, in sentence: SentenceView) -> Bool {
        (sentence.wordRange.lowerBound..<end).contains { people.contains(sentence.text.words[$0].folded) }
    }

    /// Words for people who travel: officials, delegations, titles.
    private static let people: Set<String> = ["president", "minister", "officials", "official", "delegation", "commander", "leader",
        "businessman", "envoy", "presiden", "menteri", "pejabat", "delegasi", "komandan", "президент", "министр", "делегация",
        "чиновники", "командующий", "رئیس", "وزیر", "هیئت", "فرمانده",
        // A vessel's people, who fly home rather than sail on ("The crew later flew to Moscow", "Para awak kapal kemudian terbang").
        // (Not the captain, who names the ship's destination: "Капитан назвал местом назначения порт Искендерун".)
        "crew", "crews", "sailors", "seafarers", "passengers", "awak", "pelaut", "penumpang", "экипаж", "экипажа", "моряки", "пассажиры",
        "خدمه", "ملوانان", "مسافران"]

    /// Month names, for a sentence that opens with a date.
    private static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "januari", "februari", "maret", "mei", "juni", "juli", "agustus", "oktober", "desember",
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]

    /// Words that say a carrier was bound somewhere, not that it got there ("heading for", "направлялось в", "menuju", "به مقصد").
    private static let headingWords = Lexicon.p(["bound", "destined", "destination", "heading", "headed", "направля*", "назначени*", "следова*",
                                                "menuju", "tujuan", "perjalanan", "مقصد", "عازم"])

    /// True when a heading word comes in the four words before word `end`.
    private static func heading(before end: Int, in sentence: SentenceView) -> Bool {
        (max(sentence.wordRange.lowerBound, end - 4)..<end).contains { Lexicon.longest(headingWords, in: sentence.words, at: $0) != nil }
    }

    /// Where the sentence says a carrier arrived, when it states no route ("Pesawat itu mendarat di Entebbe", "docked at Tartus",
    /// "прибыл в порт Раджин"): the last place after a movement word and a destination word, with no origin and nothing bound elsewhere.
    static func arrival(in sentence: SentenceView) -> Place? {
        let moved = sentence.positions(of: sentence.lexicon.travel) + sentence.wordRange.filter { arrivalSends.contains(sentence.text.words[$0].folded) }
        guard let first = moved.min() else { return nil }
        let active = sentence.places.filter { !$0.isQualifier }
        guard !active.contains(where: { $0.role == .from }), let end = active.last(where: { $0.role == .to && !isWater($0.mention.place) }),
              !heading(before: end.words.lowerBound, in: sentence) else { return nil }
        let statement = statement(of: sentence, movementAt: first)
        return statement == .asserted || statement == .reported ? end.mention.place : nil
    }

    /// Words of arriving that the lexicon lists with sending ("docked at Tartus", "offloaded at Dunay").
    private static let arrivalSends: Set<String> = ["docked", "unloaded", "offloaded"]

    /// A place the sentence says something left or came from, when it states no route: the next sentence may give its destination.
    static func pendingOrigin(in sentence: SentenceView) -> Place? {
        let lexicon = sentence.lexicon
        guard !sentence.positions(of: lexicon.travel).isEmpty || !sentence.positions(of: lexicon.send).isEmpty else { return nil }
        let active = sentence.places.filter { !$0.isQualifier }
        guard !active.contains(where: { $0.role == .to }) else { return nil }
        return active.last { $0.role == .from }?.mention.place
    }

    /// Words that bring in a vessel or vehicle other than the one the text followed ("a second ship", "другое судно", "kapal lain").
    private static let another: Set<String> = ["another", "second", "other", "другое", "другой", "второе", "второй", "lain", "kedua", "دیگری", "دوم"]

    /// True when the sentence speaks of another carrier, or of a separate case ("In a separate case, a ship bound for Hamburg…"):
    /// its voyage is not the one a place left before.
    private static func bringsInAnotherCarrier(_ sentence: SentenceView) -> Bool {
        sentence.wordRange.contains { i in
            sentence.text.words[i].folded == "separate" || another.contains(sentence.text.words[i].folded)
                && [i - 1, i + 1, i + 2].contains { sentence.wordRange.contains($0) && carrierOrCargo(at: $0, in: sentence) }
        }
    }

    /// Words that seize or find goods ("seized", "нашли", "disita", "کشف").
    private static let seizure: [Lexicon.Phrase] = Lexicon.all.activities.first { $0.0 == "seizure" }?.1 ?? []
    private static let seizureLocatives: Set<String> = ["in", "at", "di", "в", "во", "на", "در"]

    /// Where a sentence that names goods and their origin says they were seized or found: a town, port or country after
    /// "in/di/в/در" within six words of the seizing word (or right after the origin, the goods and their origin between: "seized
    /// 50 kilograms of meth from Malaysia in Dumai"), or the place an agency that seizes is named after ("Shenzhen authorities
    /// seized 660kg of rosewood from Myanmar"); not the origin or a country holding it, not a sea. The goods come first ("кокаин …
    /// из Эквадора"), so "sources from Africa said weapons were seized in Sudan" names no origin.
    private static func seizurePlace(in sentence: SentenceView, origins: [Stop]) -> SentenceView.PlaceInSentence? {
        let seizing = sentence.wordRange.filter { Lexicon.longest(seizure, in: sentence.words, at: $0) != nil }
        guard !seizing.isEmpty, let origin = origins.first,
              (sentence.wordRange.lowerBound..<origin.words.lowerBound).contains(where: { Lexicon.longest(sentence.lexicon.cargo, in: sentence.words, at: $0) != nil })
        else { return nil }
        return sentence.places.first { place in
            let p = place.mention.place
            guard !place.isQualifier, place.role == .none, !isWater(p),
                  !origins.contains(where: { $0.place.id == p.id || (p.kind == .country && $0.place.country == p.country) }) else { return false }
            if SiteFinder.seizedByLocalAgency(place, in: sentence, seizingAt: { seizing.contains($0) }) { return true }
            let start = place.words.lowerBound
            guard start > sentence.wordRange.lowerBound,
                  seizing.contains(where: { abs($0 - start) <= 6 })
                    || start >= origin.words.upperBound && start - origin.words.upperBound <= 3
                        && seizing.contains(where: { $0 < origin.words.lowerBound && start - $0 <= 12 }) else { return false }
            var k = place.words.lowerBound - 1
            while k > sentence.wordRange.lowerBound, Lexicon.longest(sentence.lexicon.filler, in: sentence.words, at: k) == 1 { k -= 1 }
            return seizureLocatives.contains(sentence.text.words[k].folded)
        }
    }

    /// Where goods heading for `destination` were seized, named after it: a place after "in/at/di/в/در" within four words after a
    /// seizing word that follows the destination ("bound for Hong Kong was seized in Kenya"); not a water, not the destination.
    private static func seizedOnTheWay(to destination: SentenceView.PlaceInSentence, in sentence: SentenceView) -> SentenceView.PlaceInSentence? {
        guard heading(before: destination.words.lowerBound, in: sentence),
              let verb = (destination.words.upperBound..<sentence.wordRange.upperBound).first(where: { Lexicon.longest(seizure, in: sentence.words, at: $0) != nil })
        else { return nil }
        return sentence.places.first { place in
            guard !place.isQualifier, place.role == .none, place.words.lowerBound > verb, place.words.lowerBound - verb <= 4,
                  !isWater(place.mention.place), place.mention.place.id != destination.mention.place.id else { return false }
            var k = place.words.lowerBound - 1
            while k > verb, Lexicon.longest(sentence.lexicon.filler, in: sentence.words, at: k) == 1 { k -= 1 }
            return seizureLocatives.contains(sentence.text.words[k].folded)
        }
    }

    /// Vessels, vehicles and cargo: the words an owner or a nationality qualifies ("Iranian tankers", "نفت ایران", "российские самолеты").
    static func carrierOrCargo(at index: Int, in sentence: SentenceView) -> Bool {
        guard sentence.wordRange.contains(index) else { return false }
        if Lexicon.longest(sentence.lexicon.cargo, in: sentence.words, at: index) != nil { return true }
        return sentence.lexicon.modes.contains { Lexicon.longest($0.1, in: sentence.words, at: index) != nil }
    }

    /// The origin a sentence names by ownership or make: a country after "made in" ("ساخت ایران", "buatan Iran"), a place right
    /// after a cargo or vessel word in Persian and Indonesian ("نفت ایران", "kapal tanker Iran"), before "'s" and one ("Iran's oil"),
    /// or a nationality beside one ("Emirati arms", "иранских портов", "نفتکش ایرانی") or before a word of make ("сирийского производства").
    private static func owner(in sentence: SentenceView, language: String, country: (String) -> Place?, excluding: [String]) -> Stop? {
        let text = sentence.text
        let inPlace = { (k: Int) in sentence.places.contains { $0.words.contains(k) } }
        for place in sentence.places where !place.isQualifier && place.role == .none && !excluding.contains(place.mention.place.id)
            && [.country, .region].contains(place.mention.place.kind) {
            let start = place.words.lowerBound
            // "made in Iran", "ساخت ایران", "производства Ирана".
            if (1...3).contains(where: { n in start - n >= sentence.wordRange.lowerBound && Lexicon.longest(Lexicon.madeIn, in: sentence.words, at: start - n) == n }) {
                return Stop(place)
            }
            // Persian ezafe and Indonesian noun adjuncts: "نفت ایران", "سلاح ایران", "minyak Iran", "rudal balistik Iran".
            // Cargo only: "kapal Iran", "pesawat kargo Rusia" name a flag or an operator, not where the goods come from.
            let cargo = { (k: Int) in k >= sentence.wordRange.lowerBound && !inPlace(k) && Lexicon.longest(sentence.lexicon.cargo, in: sentence.words, at: k) != nil }
            if ["fa", "id"].contains(language), cargo(start - 1) || (cargo(start - 2) && !inPlace(start - 1) && !isRoleWord(start - 1, in: sentence)) {
                return Stop(place)
            }
            // "Iran's oil", "Russia's tankers"; in English a country's name before the goods, as an adjective: "US munitions end up in Haiti".
            let next = place.words.upperBound
            if language == "en", place.mention.place.kind == .country, next < sentence.wordRange.upperBound, cargo(next) { return Stop(place) }
            if next + 1 < sentence.wordRange.upperBound, text.words[next].folded == "s", carrierOrCargo(at: next + 1, in: sentence) {
                return Stop(place)
            }
        }
        // Nationalities beside cargo, else beside a carrier: before it in English and Russian, after it in Persian
        // ("a Russian ship carrying Iranian arms" names the arms' origin, not the ship's flag).
        var carrierOwner: Stop?
        for i in sentence.wordRange where !inPlace(i) {
            guard let (phrase, name) = Lexicon.demonyms.first(where: { $0.0.match(sentence.words, at: i) != nil }) else { continue }
            let after = i + phrase.words.count
            let persian = text.words[i].folded.unicodeScalars.first.map { $0.value >= 0x0600 && $0.value <= 0x06FF } ?? false
            let beside = persian ? [i - 1, i - 2] : [after, after + 1]
            // A make names where the goods come from: "ракеты сирийского производства", "Iranian made drones".
            if !persian, after < sentence.wordRange.upperBound,
               Lexicon.longest(Lexicon.madeIn, in: sentence.words, at: after) == 1 || text.words[after].folded == "made",
               let place = country(name), !excluding.contains(place.id) {
                return Stop(place: place, at: i)
            }
            // "the Syrian port of Latakia", "в сирийский порт Тартус": the adjective describes the place after it.
            let describesPlace = sentence.places.contains { place in
                place.words.lowerBound > i && place.words.lowerBound <= after + 3 && !(after..<place.words.lowerBound).contains { isRoleWord($0, in: sentence) }
            }
            guard !describesPlace, beside.contains(where: { carrierOrCargo(at: $0, in: sentence) && !inPlace($0) }),
                  let place = country(name), !excluding.contains(place.id) else { continue }
            let cargo = beside.contains { sentence.wordRange.contains($0) && !inPlace($0) && Lexicon.longest(sentence.lexicon.cargo, in: sentence.words, at: $0) != nil }
            if cargo { return Stop(place: place, at: i) }
            // A Greek or Liberian tanker names its owner or its flag, not where its cargo comes from ("kapal tanker Yunani itu
            // membawa kargo … ke Rotterdam" left Sillamäe).
            if beside.contains(where: { SiteFinder.isVessel(at: $0, in: sentence) }), let code = place.country, Self.shippingNations.contains(code) { continue }
            if carrierOwner == nil { carrierOwner = Stop(place: place, at: i) }
        }
        return carrierOwner
    }

    /// True for a shipping nation named right after a ship's word ("kapal tanker Yunani itu membawa"): the ship's flag or owner.
    private static func namesShipsFlag(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        guard place.mention.place.kind == .country, let code = place.mention.place.country, shippingNations.contains(code) else { return false }
        return SiteFinder.isVessel(at: place.words.lowerBound - 1, in: sentence)
    }

    /// The largest flags of registration and ship-owning nations that carry the world's trade rather than their own (UNCTAD,
    /// Review of Maritime Transport 2023): Liberia, Panama, the Marshall Islands, Malta, the Bahamas, Greece, Cyprus, Norway, Bermuda.
    static let shippingNations: Set<String> = ["LR", "PA", "MH", "MT", "BS", "GR", "CY", "NO", "BM"]

    /// True when a role word ("to", "به", "ke") starts at `index`: a place after it is a destination, not an owner.
    private static func isRoleWord(_ index: Int, in sentence: SentenceView) -> Bool {
        [sentence.lexicon.to, sentence.lexicon.from, sentence.lexicon.via].contains { Lexicon.longest($0, in: sentence.words, at: index) != nil }
    }

    /// The nearest place before a verb that plays no role yet: who sends, or who receives.
    private static func subject(before verb: Int, in sentence: SentenceView, excluding owner: Range<Int>? = nil) -> SentenceView.PlaceInSentence? {
        let place = sentence.places.last {
            !$0.isQualifier && $0.role == .none && $0.words.upperBound <= verb && $0.mention.place.kind != .building
                && !attributed($0, in: sentence) && $0.words != owner && !isFlag($0, in: sentence) && !measuredFrom($0, in: sentence)
                && !sentence.reportedFrom($0) && !namesShipsFlag($0, in: sentence)
        }
        guard let place else { return nil }
        // A semicolon ends the clause the subject acts in: "… produced near Jilib was seized; trucks carried more to Kismayo".
        let text = sentence.text
        if text.passage(text.words[place.words.upperBound - 1].range.upperBound..<text.words[verb].range.lowerBound).contains(";") { return nil }
        // Russian marks the case: "в Турции и Сирии" (locative) is where, not who.
        let first = coordinatedGroup(ending: place, in: sentence)[0].words.lowerBound
        if first > sentence.wordRange.lowerBound, ["в", "во", "на"].contains(sentence.text.words[first - 1].folded),
           SentenceView.russianLocative(place.mention) {
            return nil
        }
        return place
    }

    /// True when the place is where something was seized, stopped or detained: after a locative ("detained in Libya", "ditahan di
    /// Malaysia", "В Казахстане задержали", "در عراق توقیف") or as the sentence's first word ("Nigeria seized"), with a seizing word
    /// within four words before it or three after it; not a dateline or a header ("MOSCOW —", "Казахстан:").
    private static func sceneOfSeizure(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        let (start, end) = (place.words.lowerBound, place.words.upperBound)
        let text = sentence.text
        if start > sentence.wordRange.lowerBound {
            guard ["in", "at", "di", "в", "во", "на", "در"].contains(text.words[start - 1].folded) else { return false }
        } else if end < sentence.wordRange.upperBound,
                  text.passage(text.words[end - 1].range.upperBound..<text.words[end].range.lowerBound).contains(where: { ":—–-,".contains($0) }) {
            return false
        }
        let seizing = { (k: Int) in
            sentence.lexicon.activities.contains { $0.0 == "seizure" && Lexicon.longest($0.1, in: sentence.words, at: k) != nil }
                || Lexicon.longest(arrests, in: sentence.words, at: k) != nil
        }
        return (max(sentence.wordRange.lowerBound, start - 4)..<start).contains(where: seizing)
            || (end..<min(sentence.wordRange.upperBound, end + 3)).contains(where: seizing)
    }

    /// True when the clause after a seizure opens with "while", "when" or their kin right before the travel verb, and names no other
    /// carrier: "were arrested in Iran while travelling to Turkey", "ditangkap di Batam saat berlayar ke Malaysia", "задержаны в
    /// Турции, когда направлялись в Грецию"; not "seized drugs in Batam while another ship sailed to Malaysia".
    private static func travellingWhen(from start: Int, verb: Int, in sentence: SentenceView) -> Bool {
        guard start < verb, !bringsInAnotherCarrier(sentence),
              let joiner = (max(start, verb - 3)..<verb).first(where: { temporalJoiners.contains(sentence.text.words[$0].folded) }) else { return false }
        return oneClause(from: start, to: joiner, in: sentence) && oneClause(from: joiner + 1, to: verb, in: sentence)
    }

    /// Words that open a clause of what was happening when something was seized ("while travelling", "saat", "когда").
    private static let temporalJoiners: Set<String> = ["while", "when", "as", "saat", "ketika", "sewaktu", "когда", "пока", "وقتی", "هنگامی", "زمانی"]

    /// Arrests, beside the lexicon's seizing words, that put people or goods where they were stopped.
    private static let arrests: [Lexicon.Phrase] = Lexicon.p(["arrest*", "stopped", "caught", "ditangkap", "diamankan", "dihentikan",
        "остановил*", "арест*", "دستگیر*", "متوقف"])

    /// The place and those joined to it by "and" before it ("Iran and Russia shipped", "ایران و روسیه"), in text order.
    static func coordinatedGroup(ending place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> [SentenceView.PlaceInSentence] {
        var group = [place]
        while let index = sentence.places.lastIndex(where: { $0.words.upperBound <= group[0].words.lowerBound && !$0.isQualifier }) {
            let prior = sentence.places[index]
            guard prior.role == .none, prior.mention.place.id != place.mention.place.id,
                  sentence.coordinated(from: prior.words.upperBound, to: group[0].words.lowerBound) else { break }
            group.insert(prior, at: 0)
        }
        return group.enumerated().map { k, member in
            var member = member
            member.coordinated = k > 0
            return member
        }
    }

    /// The first place soon after a sending verb: "supplied Russia with", "memasok militer Rusia".
    private static func object(after verb: Int, in sentence: SentenceView, excluding: [String]) -> SentenceView.PlaceInSentence? {
        sentence.places.first { place in
            !place.isQualifier && place.role == .none && place.words.lowerBound > verb && place.words.lowerBound <= verb + 4
                && !excluding.contains(place.mention.place.id)
        }
    }

    /// True when the place is the source of a statement ("according to the White House"), not an actor.
    private static func attributed(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        let start = place.words.lowerBound
        if (1...3).contains(where: { n in
            start - n >= sentence.wordRange.lowerBound && Lexicon.longest(sentence.lexicon.reported, in: sentence.words, at: start - n) == n
                && attributing.contains(sentence.text.words[start - n].folded)
        }) { return true }
        // "Menurut Departemen Luar Negeri AS, …", "according to the US State Department": the source's own words, up to six, no comma.
        var k = start - 1
        while k >= max(sentence.wordRange.lowerBound, start - 6),
              sentence.text.onlySpace(from: sentence.text.words[k].range.upperBound, to: sentence.text.words[k + 1].range.lowerBound, allowing: ["-", "'", "’"]) {
            if attributing.contains(sentence.text.words[k].folded), Lexicon.longest(sentence.lexicon.reported, in: sentence.words, at: k) != nil { return true }
            k -= 1
        }
        return false
    }

    /// True for the place a distance is measured from ("Alabuga, 900 km from Moscow, and launched"): no subject of what follows.
    private static func measuredFrom(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        let before = place.words.lowerBound - 1
        return before > sentence.wordRange.lowerBound && ["from", "of", "dari", "от", "از"].contains(sentence.text.words[before].folded)
            && ClaimFinder.distanceEnds(before: before, in: sentence.words, language: "")
    }

    /// First words of "according to" phrases.
    private static let attributing: Set<String> = ["according", "menurut", "по", "به"]

    /// Mode cues in the sentence with their word positions.
    private static func modeCues(in sentence: SentenceView) -> [(position: Int, mode: TransportMode)] {
        var cues: [(Int, TransportMode)] = []
        var i = sentence.wordRange.lowerBound
        while i < sentence.wordRange.upperBound {
            var best: (length: Int, mode: TransportMode)?
            for (cue, phrases) in sentence.lexicon.modes {
                if let n = Lexicon.longest(phrases, in: sentence.words, at: i), n > (best?.length ?? 0) {
                    best = (n, TransportMode(rawValue: cue.rawValue) ?? .unknown)
                }
            }
            // "ship" as a verb ("buy and ship weapons") sends by any means; as a noun it is a vessel.
            if let best, !sentence.places.contains(where: { $0.words.contains(i) }),
               !(best.length == 1 && ["ship", "ships"].contains(sentence.text.words[i].folded) && !isNounUse(i, in: sentence)) {
                cues.append((i, best.mode))
                i += best.length
            } else {
                i += 1
            }
        }
        return cues
    }

    /// A leg's mode: a cue just before its destination, else the sentence's one mode, else what it crosses.
    private static func mode(forLegTo stop: Stop, from previous: Stop,
                             cues: [(position: Int, mode: TransportMode)], water: SentenceView.PlaceInSentence?) -> TransportMode {
        let lower = min(previous.words.upperBound, stop.words.lowerBound), upper = stop.words.lowerBound
        if let own = cues.last(where: { $0.position >= lower && $0.position < upper }) { return own.mode }
        let modes = Set(cues.map(\.mode))
        if modes.count == 1 { return modes.first! }
        if let water {
            return riverKinds.contains(water.mention.place.kind.rawValue) ? .river : .sea
        }
        if let first = cues.first, first.position < min(previous.words.lowerBound, stop.words.lowerBound) { return first.mode }
        return .unknown
    }

    /// How firmly the sentence states its movement.
    static func statement(of sentence: SentenceView, movementAt verb: Int) -> Statement {
        let lexicon = sentence.lexicon
        let strongDenials: Set<String> = ["denied", "deny", "denies", "denying", "membantah", "dibantah", "menyangkal", "отрицает", "отрицают",
                                          "отрицал", "опроверг", "опровергли", "تکذیب", "انکار", "rejected", "refuted"]
        // Persian puts its verb last, after the modal that opens the clause ("قرار است کشتی‌ها از بندر امیرآباد به مسکو بروند").
        let persian = sentence.words.first?.folded.unicodeScalars.first.map { $0.value >= 0x600 && $0.value <= 0x6FF } == true
        let near = max(sentence.wordRange.lowerBound, verb - (persian ? 10 : 4))..<min(sentence.wordRange.upperBound, verb + 1)
        if sentence.words.contains(where: { strongDenials.contains($0.folded) })
            || near.contains(where: { Lexicon.longest(lexicon.denied, in: sentence.words, at: $0) != nil }) {
            return .denied
        }
        if near.contains(where: { Lexicon.longest(lexicon.hypothetical, in: sentence.words, at: $0) != nil }) { return .hypothetical }
        if sentence.wordRange.contains(where: { Lexicon.longest(lexicon.reported, in: sentence.words, at: $0) != nil }) { return .reported }
        return .asserted
    }

    /// The cargo words the sentence holds, as written, once each.
    static func cargo(in sentence: SentenceView) -> [String] {
        var seen: [String] = []
        for i in sentence.wordRange where Lexicon.longest(sentence.lexicon.cargo, in: sentence.words, at: i) != nil {
            let word = sentence.text.passage(sentence.text.words[i].range)
            if !seen.contains(where: { $0.lowercased() == word.lowercased() }) { seen.append(word) }
        }
        return seen
    }
}
