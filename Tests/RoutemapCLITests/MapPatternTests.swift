import Foundation
import Testing

/// What `routemap map` finds in a few words: routes as "from>to" ids, sites and claim references as place ids.
private struct Found {
    let routes: [String], sites: [String], claims: [String]

    init(_ text: String) throws {
        let r = try Routemap.run(arguments: ["map", "-", "--json"], stdin: Array(text.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        routes = ((root["routes"] as? [[String: Any]]) ?? []).map { route in
            let stops = ((route["waypoints"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
            return "\(stops.first ?? "?")>\(stops.last ?? "?")"
        }
        sites = ((root["sites"] as? [[String: Any]]) ?? []).compactMap { ($0["place"] as? [String: Any])?["id"] as? String }
        claims = ((root["claims"] as? [[String: Any]]) ?? []).compactMap { ($0["reference"] as? [String: Any])?["id"] as? String }
    }
}

@Suite("routemap map: patterns of routes, sites and claims in each language")
struct MapPatternTests {
    @Test("adjectives and multi-word fillers between a role word and its place", arguments: [
        ("The ship sailed from Sevastopol to the Egyptian port of Alexandria.", "sevastopol>alexandria"),
        ("Судно доставило груз из Новороссийска в сирийский порт Тартус.", ">port-of-tartous"),
        ("Россия перевезла системы ПВО с баз в Сирии на базы в Ливии.", "syria>libya"),
    ])
    func fillersBeforePlaces(text: String, route: String) throws {
        let found = try Found(text)
        #expect(found.routes.contains { $0 == route || (route.hasPrefix(">") && $0.hasSuffix(route)) }, "\(found.routes)")
    }
}

@Suite("routemap map: who sends")
struct MapSubjectTests {
    @Test("places joined by 'and' before a sending verb are each an origin", arguments: [
        "Iran and Russia shipped oil to Syria.",
        "واشنگتن مدعی شده ایران و روسیه نفت به سوریه منتقل میکردهاند.",
    ])
    func coordinatedSubjects(text: String) throws {
        let found = try Found(text)
        #expect(found.routes.contains("iran>syria"), "\(found.routes)")
        #expect(found.routes.contains("russia>syria"), "\(found.routes)")
    }

    @Test("a Russian place in the locative before the verb is where, not who sends")
    func locativeIsNoSubject() throws {
        let found = try Found("После землетрясения в Турции и Сирии корабль доставил в сирийский порт Тартус гуманитарную помощь.")
        #expect(!found.routes.contains { $0.hasPrefix("syria>") || $0.hasPrefix("turkey>") || $0.hasPrefix("turkiye>") }, "\(found.routes)")
    }
}

@Suite("routemap map: movement words by language")
struct MapMovementWordTests {
    @Test("supply and withdrawal nouns, 'left X', and Persian verbs of flowing and going", arguments: [
        ("Снабжение снарядов из Северной Кореи в Россию было приостановлено.", "north-korea>russia"),
        ("WSJ сообщило о выводе Россией систем ПВО из Сирии в Ливию.", "syria>libya"),
        ("Самолет покинул Бразилию и вылетел в Боливию.", "brazil>bolivia"),
        ("Truk-truk itu meninggalkan Chad menuju Sudan.", "chad>sudan"),
        ("تراشه‌ها از مبدأ چین به روسیه سرازیر میشوند.", "china>russia"),
    ])
    func movementWords(text: String, route: String) throws {
        let found = try Found(text)
        #expect(found.routes.contains(route), "\(found.routes)")
    }
}
