import Gazetteer

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
    }

    /// Words that join a facility word to the place it is at ("factory in", "pabrik di", "завод в").
    private static let at: Set<String> = ["in", "at", "near", "outside", "di", "dekat", "в", "во", "под", "близ", "возле", "у", "около",
                                          "در", "نزدیک", "of", "на"]
    /// Words that put a seizure at a place ("seized in the Arabian Sea", "off Yemen").
    private static let seizedAt: Set<String> = ["in", "off", "near", "at", "di", "perairan", "в", "у", "близ", "در", "نزدیک"]

    /// Place kinds that are facilities in themselves, and the site kind each is.
    private static let facilityKinds: [String: String] = ["port": "port", "facility": "factory", "base": "base", "airfield": "airfield",
                                                          "airport": "airfield", "cosmodrome": "launch"]

    /// The sites `sentence` names.
    static func sites(in sentence: SentenceView) -> [Found] {
        let activity = Self.activity(in: sentence)
        let statement = RouteFinder.statement(of: sentence, movementAt: sentence.wordRange.lowerBound)
        var found: [Found] = []
        for place in sentence.places where !place.isQualifier && place.mention.place.kind != .continent && place.mention.place.kind != .union {
            var kind = facilityWord(before: place, in: sentence) ?? facilityWord(after: place, in: sentence)
            if kind == nil, activity != nil, let own = facilityKinds[place.mention.place.kind.rawValue] { kind = own }
            if kind == nil, activity == "seizure", seizureLocation(place, in: sentence) { kind = "seizure" }
            guard let kind else { continue }
            if kind != "seizure", place.mention.place.kind == .country, facilityWord(before: place, in: sentence) == nil { continue }
            found.append(Found(place: place.mention.place, kind: kind, activity: activity ?? defaultActivity[kind], statement: statement,
                               sentence: sentence.range))
        }
        return found
    }

    private static let defaultActivity: [String: String] = ["seizure": "seizure"]

    /// A facility word right before the place, or before "in/di/в" and the place.
    private static func facilityWord(before place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> String? {
        let start = place.words.lowerBound
        for gap in 0...2 {
            let end = start - gap
            guard end > sentence.wordRange.lowerBound else { break }
            let joining = (end..<start).allSatisfy { i in
                let word = sentence.text.words[i].folded
                return at.contains(word) || ["the", "a", "its"].contains(word) || Lexicon.longest(sentence.lexicon.filler, in: sentence.words, at: i) == 1
            }
            guard joining else { break }
            for (kind, phrases) in sentence.lexicon.sites where kind != "seizure" {
                for phrase in phrases {
                    let n = phrase.words.count
                    if end - n >= sentence.wordRange.lowerBound, phrase.match(sentence.words, at: end - n) != nil { return kind }
                }
            }
        }
        return nil
    }

    /// A facility word right after the place ("Dunai port", "Alabuga factory", "Hmeimim air base", "Tartus's port").
    private static func facilityWord(after place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> String? {
        var index = place.words.upperBound
        if index < sentence.wordRange.upperBound, ["s", "'s"].contains(sentence.text.words[index].folded) { index += 1 }
        guard index < sentence.wordRange.upperBound,
              sentence.text.onlySpace(from: place.mention.end, to: sentence.text.words[index].range.lowerBound, allowing: ["'", "’"]) else { return nil }
        for (kind, phrases) in sentence.lexicon.sites where kind != "seizure" {
            if Lexicon.longest(phrases, in: sentence.words, at: index) != nil { return kind }
        }
        return nil
    }

    /// True when the place is where a seizure happened: after "in/off/near", or a sea or strait.
    private static func seizureLocation(_ place: SentenceView.PlaceInSentence, in sentence: SentenceView) -> Bool {
        let start = place.words.lowerBound
        guard start > sentence.wordRange.lowerBound else { return false }
        let before = sentence.text.words[start - 1].folded
        let kind = place.mention.place.kind.rawValue
        return seizedAt.contains(before) && kind != "country" || (RouteFinder.waterKinds.contains(kind) && place.role == .none)
    }

    /// What the sentence says happens: production, loading, unloading, storage, seizure, launch, basing.
    private static func activity(in sentence: SentenceView) -> String? {
        for i in sentence.wordRange {
            for (activity, phrases) in sentence.lexicon.activities where Lexicon.longest(phrases, in: sentence.words, at: i) != nil {
                return activity
            }
        }
        return nil
    }
}
