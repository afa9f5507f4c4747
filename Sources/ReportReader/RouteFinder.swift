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
    }

    /// Place kinds a vessel crosses or sails along rather than stops at.
    static let waterKinds: Set<String> = ["sea", "ocean", "gulf", "bay", "strait", "lake"]
    static let riverKinds: Set<String> = ["river", "canal"]

    /// The routes `sentence` states.
    static func routes(in sentence: SentenceView) -> [Found] {
        let lexicon = sentence.lexicon
        let send = sentence.positions(of: lexicon.send), receive = sentence.positions(of: lexicon.receive)
        let travel = sentence.positions(of: lexicon.travel), nouns = sentence.positions(of: lexicon.nouns)
        let modeCues = modeCues(in: sentence)
        let active = sentence.places.filter { !$0.isQualifier }
        var origins = active.filter { $0.role == .from }
        var destinations = active.filter { $0.role == .to }
        let vias = active.filter { $0.role == .via }
        let moves = !send.isEmpty || !receive.isEmpty || !travel.isEmpty || !nouns.isEmpty
        guard moves || (!origins.isEmpty && !destinations.isEmpty && !modeCues.isEmpty) else { return [] }

        if origins.isEmpty, let verb = send.first, let subject = subject(before: verb, in: sentence) {
            origins = coordinatedGroup(ending: subject, in: sentence)
        }
        if destinations.isEmpty {
            if let verb = receive.first, let subject = subject(before: verb, in: sentence) {
                destinations = [subject]
            } else if let verb = send.first, let object = object(after: verb, in: sentence, excluding: origins) {
                destinations = [object]
            }
        }
        guard let origin = origins.first, !destinations.isEmpty else { return [] }

        let pointVias = vias.filter { !waterKinds.contains($0.mention.place.kind.rawValue) && !riverKinds.contains($0.mention.place.kind.rawValue) }
        let waterVias = vias.filter { waterKinds.contains($0.mention.place.kind.rawValue) || riverKinds.contains($0.mention.place.kind.rawValue) }
        let chain = destinations.filter { !$0.coordinated }
        let siblings = destinations.filter(\.coordinated)
        var variants: [[SentenceView.PlaceInSentence]] = []
        let main = [origin] + pointVias + (chain.isEmpty ? [destinations[0]] : chain)
        variants.append(main)
        for sibling in siblings where !main.contains(where: { $0.mention.start == sibling.mention.start }) {
            variants.append(Array(main.dropLast()) + [sibling])
        }
        for other in origins.dropFirst() where other.coordinated {
            variants.append([other] + Array(main.dropFirst()))
        }

        let statement = statement(of: sentence, movementAt: (send + receive + travel + nouns).min() ?? sentence.wordRange.lowerBound)
        let carries = cargo(in: sentence)
        var found: [Found] = []
        for variant in variants {
            var stops: [SentenceView.PlaceInSentence] = []
            for stop in variant where stops.last?.mention.place.id != stop.mention.place.id { stops.append(stop) }
            guard stops.count >= 2, Set(stops.map(\.mention.place.id)).count == stops.count else { continue }
            var modes: [TransportMode] = [], legVias: [String?] = []
            for k in 1..<stops.count {
                let water = waterVias.first
                legVias.append(water?.mention.place.id)
                modes.append(mode(forLegTo: stops[k], from: stops[k - 1], cues: modeCues, water: water))
            }
            found.append(Found(waypoints: stops.map(\.mention.place), modes: modes, vias: legVias, statement: statement,
                               carries: carries, sentence: sentence.range))
        }
        return found
    }

    /// The nearest place before a verb that plays no role yet: who sends, or who receives.
    private static func subject(before verb: Int, in sentence: SentenceView) -> SentenceView.PlaceInSentence? {
        let place = sentence.places.last {
            !$0.isQualifier && $0.role == .none && $0.words.upperBound <= verb && $0.mention.place.kind != .building
                && !attributed($0, in: sentence)
        }
        guard let place else { return nil }
        // Russian marks the case: "в Турции и Сирии" (locative) is where, not who.
        let first = coordinatedGroup(ending: place, in: sentence)[0].words.lowerBound
        if first > sentence.wordRange.lowerBound, ["в", "во", "на"].contains(sentence.text.words[first - 1].folded),
           SentenceView.russianLocative(place.mention) {
            return nil
        }
        return place
    }

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
    private static func object(after verb: Int, in sentence: SentenceView, excluding: [SentenceView.PlaceInSentence]) -> SentenceView.PlaceInSentence? {
        sentence.places.first { place in
            !place.isQualifier && place.role == .none && place.words.lowerBound > verb && place.words.lowerBound <= verb + 4
                && !excluding.contains { $0.mention.place.id == place.mention.place.id }
        }
    }

    /// True when the place is the source of a statement ("according to the White House"), not an actor.
    private static func attributed(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        let start = place.words.lowerBound
        return (1...3).contains { n in
            start - n >= sentence.wordRange.lowerBound && Lexicon.longest(sentence.lexicon.reported, in: sentence.words, at: start - n) == n
                && ["according", "menurut", "по", "به"].contains(sentence.text.words[start - n].folded)
        }
    }

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
            if let best, !sentence.places.contains(where: { $0.words.contains(i) }) {
                cues.append((i, best.mode))
                i += best.length
            } else {
                i += 1
            }
        }
        return cues
    }

    /// A leg's mode: a cue just before its destination, else the sentence's one mode, else what it crosses.
    private static func mode(forLegTo stop: SentenceView.PlaceInSentence, from previous: SentenceView.PlaceInSentence,
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
        let near = max(sentence.wordRange.lowerBound, verb - 4)..<min(sentence.wordRange.upperBound, verb + 1)
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
