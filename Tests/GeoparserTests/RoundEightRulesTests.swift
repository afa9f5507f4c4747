@testable import Geoparser
import Gazetteer
import Testing

/// The eighth round's classes of misses, each with a case it must fire on and a near case it must not: a Russian town's
/// instrumental after a preposition of the instrumental, and the big foreign cities CLDR gives Persian names.
@Suite("Rules for the eighth round of fresh reports")
struct RoundEightRulesTests {
    static let parser = NotAPlaceTests.parser

    func places(_ text: String) -> [String] {
        Self.parser.mentions(in: text).map(\.place.id)
    }

    @Test("after 'под', 'над', 'перед', 'за' or 'с', a word in -ском is the town's instrumental: 'под Новороссийском приостановлена'")
    func instrumentalAfterPreposition() {
        #expect(places("Погрузка на терминале под Новороссийском приостановлена.") == ["novorossiysk"])
        // Near miss: after 'в' or 'на' (the prepositional), -ском before a noun is the adjective ("в Новороссийском порту"), not the
        // town: with 'порту' it names the port (gazetteer/world/port_adjectives.tsv).
        #expect(places("Суда стоят в Новороссийском порту.") == ["port-of-novorossiysk"])
        #expect(places("Суда стоят в Новороссийском заливе.").isEmpty)
    }

    /// `python3 -c "import wordfreq; print(wordfreq.zipf_frequency('بلوچستان', 'fa'))"` gives 4.73: common enough (Iran's province
    /// is named so too) that the name needs evidence, which a place-kind word before it gives.
    @Test("a Persian place-kind word cues the name after it: 'ایالت بلوچستان', 'منطقۀ …', 'ایستگاه …'")
    func persianPlaceKindWords() {
        #expect(places("این عملیات در ایالت بلوچستان انجام شد.") == ["balochistan"])
        // Near miss: the kind word alone names no place.
        #expect(places("این ایالت و آن منطقه").isEmpty)
    }

    /// libgeonames-common has no Persian name for Istanbul; CLDR 47's exemplar city for Europe/Istanbul in Persian is
    /// 'استانبول' (`python3 -c "from babel import Locale; print(Locale('fa').time_zones['Europe/Istanbul']['city'])"`).
    @Test("a big foreign city by the Persian name CLDR gives it, with no locative before it: 'ایستگاه مرمره استانبول'")
    func cldrPersianCityName() {
        #expect(places("قطار باری از ایستگاه مرمره استانبول عبور کرد.").contains("istanbul"))
        #expect(places("قطار به وین رسید.") == ["vienna"])
    }
}

/// A given name from the first-name dictionary (geoparser/given_names.txt) beside a capitalised word marks a person, not a place.
@Suite("Given names from the first-name dictionary")
struct ListedGivenNameTests {
    static let parser = NotAPlaceTests.parser

    func places(_ text: String) -> [String] {
        Self.parser.mentions(in: text).map(\.place.id)
    }

    @Test("a listed given name before a surname, and a surname after one, are no places", arguments: [
        "Seorang pejabat ABF Sharon Huey mengatakan modus itu baru.",
        "Koordinator Yayasan Angela D'Alessio mengatakan satwa itu endemik.",
        "The chairman, Francisco Franca, said the line would grow.",
        "Foto/REUTERS/Bernadett Szabo",
    ])
    func personIsNoPlace(text: String) {
        #expect(places(text).isEmpty, "\(places(text))")
    }

    @Test("the search in place finds every listed name, and no word between them")
    func searchInPlace() {
        let names = embeddedGivenNamesText.split(separator: "\n").map(String.init)
        #expect(names.count > 6000 && names == names.sorted())
        #expect(names.allSatisfy(PersonNames.isListedGivenName), "\(names.filter { !PersonNames.isListedGivenName($0) }.prefix(5))")
        // Near misses: a prefix, a longer word, a word the list leaves out as a common word, the empty word, past both ends.
        for word in ["sharo", "sharons", "ray", "rose", "", "aaaaa", "zzzzzz"] { #expect(!PersonNames.isListedGivenName(word), "\(word)") }
    }

    @Test("a country beside a listed given name stays one; a listed name alone stays a place")
    func nearMisses() {
        #expect(places("Officials in Jordan Israel and Egypt met.") == ["jordan", "israel", "egypt"])
        #expect(places("The ship sailed from Sharon to Boston.").contains("boston"))
    }
}
