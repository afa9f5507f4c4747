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
        // Near miss: after 'в' or 'на' (the prepositional), -ском before a noun is the adjective ("в Новороссийском порту").
        #expect(places("Суда стоят в Новороссийском порту.").isEmpty)
    }

    /// libgeonames-common has no Persian name for Istanbul; CLDR 47's exemplar city for Europe/Istanbul in Persian is
    /// 'استانبول' (`python3 -c "from babel import Locale; print(Locale('fa').time_zones['Europe/Istanbul']['city'])"`).
    @Test("a big foreign city by the Persian name CLDR gives it, with no locative before it: 'ایستگاه مرمره استانبول'")
    func cldrPersianCityName() {
        #expect(places("قطار باری از ایستگاه مرمره استانبول عبور کرد.").contains("istanbul"))
        #expect(places("قطار به وین رسید.") == ["vienna"])
    }
}
