import Coordinates
@testable import Gazetteer
import Testing

@Suite("Resolving names")
struct ResolverTests {
    static let gazetteer = try! Gazetteer.embedded()

    func resolvedId(_ query: String) -> String? {
        if case .resolved(let match, _) = Self.gazetteer.resolve(query) { return match.place.id }
        return nil
    }

    @Test("case, diacritics, punctuation and spacing do not matter", arguments: [
        ("amirabad", "amirabad-port"), ("AMIRABAD PORT", "amirabad-port"), ("Bandar-e Amīrābād", "amirabad-port"),
        ("bandar e amirabad", "amirabad-port"), ("  laut   KASPIA ", "caspian-sea"), ("washington dc", "washington"),
        ("Washington, D.C.", "washington"), ("ОЭЗ «Алабуга»", "alabuga-sez"), ("оэз алабуга", "alabuga-sez"),
        ("yelabuga", "yelabuga"), ("Соединенные Штаты Америки", "united-states"), ("Соединённые Штаты Америки", "united-states"),
        ("alabuga-drone-factory", "alabuga-drone-factory"),
    ])
    func normalisation(query: String, id: String) {
        #expect(resolvedId(query) == id)
    }

    @Test("ids rank above names, names above aliases")
    func ranking() {
        guard case .resolved(let match, let alternatives) = Self.gazetteer.resolve("Алабуга") else {
            Issue.record("Алабуга does not resolve")
            return
        }
        #expect(match.place.id == "alabuga-sez")
        #expect(match.kind == .documentLanguageAlias)
        #expect(alternatives.map(\.place.id) == ["yelabuga"])
        #expect(alternatives.first?.reason == "Tatar name 'Алабуга'; curated city in RU")
    }

    @Test("an unknown name suggests near names")
    func suggestions() {
        guard case .unknown(let suggestions) = Self.gazetteer.resolve("Alabuka") else {
            Issue.record("Alabuka should be unknown")
            return
        }
        #expect(suggestions.first?.place.id == "alabuga-sez")
        #expect(suggestions.count <= 3)
        guard case .unknown(let none) = Self.gazetteer.resolve("Zzyzx Qqq") else { return }
        #expect(none.isEmpty)
    }

    @Test("a name that fits several places equally is ambiguous, never a guess")
    func ambiguity() throws {
        let point = try Coordinate(latitude: 36, longitude: 50)
        let places = [
            Place(id: "amirabad-a", name: "Amirabad", kind: .city, country: "IR", parent: nil, coordinate: point, bbox: nil, names: ["en": ["Amirabad"]]),
            Place(id: "amirabad-b", name: "Amirabad", kind: .city, country: "IR", parent: nil, coordinate: point, bbox: nil, names: ["en": ["Amirabad"]]),
        ]
        guard case .ambiguous(let candidates) = Gazetteer(places: places).resolve("amirabad") else {
            Issue.record("two equal Amirabads must be ambiguous")
            return
        }
        #expect(candidates.map(\.place.id) == ["amirabad-a", "amirabad-b"])
    }
}

@Suite("Loading records")
struct PlaceLoaderTests {
    static let good = """
    {
      "id": "sari",
      "name": "Sari",
      "kind": "city",
      "country": "IR",
      "lat": 36.56332,
      "lon": 53.06009,
      "names": {"en": ["Sari"], "fa": ["ساری"]}
    }
    """

    func loadError(_ records: [(String, String)]) -> String? {
        do {
            _ = try PlaceLoader.places(from: records.map { (path: $0.0, json: $0.1) })
            return nil
        } catch {
            return error.description
        }
    }

    @Test func goodRecordLoads() throws {
        let place = try PlaceLoader.place(fromJSON: Self.good, path: "sari.json")
        #expect(place.id == "sari")
        #expect(place.coordinate == (try Coordinate(latitude: 36.56332, longitude: 53.06009)))
        #expect(place.names["fa"] == ["ساری"])
    }

    @Test("broken records name the file, the line where known, and the fix", arguments: [
        (good.replacingOccurrences(of: "\"lat\": 36.56332,", with: ""), "x.json: missing field 'lat'"),
        (good.replacingOccurrences(of: "\"kind\": \"city\"", with: "\"kind\": \"town\""), "x.json:4: unknown kind 'town'"),
        (good.replacingOccurrences(of: "36.56332", with: "96.5"), "x.json:6: latitude 96.5 is outside -90…90"),
        (good.replacingOccurrences(of: "\"sari\"", with: "\"Sari Town\""), "x.json:2: id 'Sari Town' must be lowercase"),
        (good.replacingOccurrences(of: "\"IR\"", with: "\"Iran\""), "x.json:5: country 'Iran' is not an ISO 3166-1"),
        (good.replacingOccurrences(of: "\"names\": {\"en\": [\"Sari\"], \"fa\": [\"ساری\"]}", with: "\"names\": {}"), "x.json:8: names needs at least one language"),
        (good.replacingOccurrences(of: "\"lon\": 53.06009,", with: "\"lon\": 53.06009, \"bbox\": [0, 0, 1, 1],"), "x.json:7: the coordinate 36.56332, 53.06009 lies outside the bbox"),
        (String(good.dropLast()), "x.json:9: not valid JSON: Unexpected end of file during JSON parse at line 9"),
        (good.replacingOccurrences(of: "\"kind\": \"city\",", with: "\"kind\": \"city\""), "x.json:5: not valid JSON: "),
    ])
    func brokenRecord(json: String, message: String) {
        let error = loadError([("x.json", json)])
        #expect(error?.hasPrefix(message) == true, "got: \(error ?? "no error")")
    }

    @Test func duplicateId() {
        #expect(loadError([("a.json", Self.good), ("b.json", Self.good)]) == "b.json: duplicate id 'sari', first defined in a.json; give one of them another id")
    }

    @Test func danglingParent() {
        let orphan = Self.good.replacingOccurrences(of: "\"country\": \"IR\",", with: "\"country\": \"IR\",\n  \"parent\": \"mazandaran\",")
        #expect(loadError([("a.json", orphan)])?.contains("parent 'mazandaran' of 'sari' is not in the gazetteer") == true)
    }
}

@Suite("Name keys")
struct NameNormalizerTests {
    @Test func folds() {
        #expect(NameNormalizer.key("Bandar-e Amīrābād") == "bandar e amirabad")
        #expect(NameNormalizer.key("Ёлка") == NameNormalizer.key("елка"))
        #expect(NameNormalizer.key("ماخاچ\u{200C}قلعه") == NameNormalizer.key("ماخاچ قلعه"))
        #expect(NameNormalizer.key("كاخ سفيد") == NameNormalizer.key("کاخ سفید"))
        #expect(NameNormalizer.key(" — ") == "")
    }
}

@Suite("Did you mean: bounded however long the name")
struct SuggestionBoundsTests {
    static let gazetteer = try! Gazetteer.world()

    @Test("suggestions are what the edit distance gives, and a name longer than any place name has none")
    func bounded() {
        guard case .unknown(let near) = Self.gazetteer.resolve("Makhachkla") else { Issue.record("resolved"); return }
        // The nearest first; since the world holds every place of 1,000 people, villages named Makhala (UA, BA) are
        // three edits away too (the budget for ten letters), and come after it.
        #expect(near.first?.place.id == "makhachkala")
        #expect(near.allSatisfy { EditDistance.bounded("makhachkla", NameNormalizer.key($0.matchedName), limit: 3) != nil }, "\(near.map(\.matchedName))")
        guard case .unknown(let none) = Self.gazetteer.resolve(String(repeating: "q", count: 131_000)) else { Issue.record("resolved"); return }
        #expect(none.isEmpty)
    }

    @Test("the banded edit distance agrees with the full one", arguments: [
        ("kitten", "sitting", 3, 3), ("abc", "acb", 1, 1), ("moscow", "moskva", 3, 3), ("moscow", "moskva", 2, nil), ("alabuka", "alabuga", 1, 1), ("a", "bcdef", 3, nil),
        ("москва", "масква", 1, 1), ("teheran", "tehran", 1, 1), ("abcdef", "badcfe", 3, 3), ("abcdef", "badcfe", 2, nil),
    ])
    func banded(_ a: String, _ b: String, _ limit: Int, _ expected: Int?) {
        #expect(EditDistance.bounded(a, b, limit: limit) == expected)
    }
}
