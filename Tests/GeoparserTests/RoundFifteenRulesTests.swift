@testable import Geoparser
import Gazetteer
import Testing

/// The fifteenth round's classes of misses in the geoparser, each with a case it must fire on and a near case it must not:
/// a person's middle name that is a region, a foreign given name written in Cyrillic, an Indonesian office's abbreviation, an
/// agency's dateline in capitals, Arabic landform words before a name the gazetteer lacks, a Persian jetty as a cue that holds
/// through the document, and names the tables lacked (Persian and Dari spellings, a renamed Indonesian regency).
@Suite("Rules for the fifteenth round of fresh reports")
struct RoundFifteenRulesTests {
    static let parser = NotAPlaceTests.parser

    func surfaces(_ text: String) -> [String] {
        Self.parser.mentions(in: text).map { "\($0.surface)=\($0.place.id)" }
    }

    @Test("a region between a given name and a surname is a middle name: 'Julio César Guzmán' names no place")
    func middleName() {
        let found = surfaces("Julio César Guzmán, the public prosecutor, told reporters that mining grew.")
        #expect(!found.contains { $0.hasPrefix("César=") || $0.hasPrefix("Guzmán=") }, "\(found)")
        // Near miss: the department with no given name before it stays a place.
        #expect(surfaces("Coal from César was trucked to the coast.").contains { $0.hasPrefix("César=") })
    }

    @Test("a foreign given name in Cyrillic marks the surname after it: 'Фаусто Салинас', 'Ханс Мёллебаккен'")
    func cyrillicGivenName() {
        #expect(!surfaces("Начальник полиции Фаусто Салинас заявил, что груз направлялся в Бельгию.").contains { $0.hasPrefix("Салинас=") })
        // Near miss: the town after a preposition, no given name before it.
        #expect(surfaces("Груз прибыл в Салинас из Мексики.").contains { $0.hasPrefix("Салинас=") })
    }

    @Test("an Indonesian office's abbreviation is no place: 'Kasi Humas' is no Kasi (Varanasi)")
    func indonesianOffice() {
        let found = surfaces("Kasi Humas Aiptu Anam Nurcahyo menerangkan bahwa kapal itu berangkat dari Makassar.")
        #expect(!found.contains { $0.hasSuffix("=varanasi") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("Makassar=") }, "\(found)")
    }

    @Test("an agency's dateline in capitals, then a stop and the date, names the place: 'КИЕВ. 28 февраля. УНН.'")
    func capitalsDateline() {
        #expect(surfaces("КИЕВ. 28 февраля. УНН. Полиция Эквадора обнаружила кокаин.").contains("КИЕВ=kyiv"))
        // Near miss: the word in capitals and a stop with no date is an acronym's.
        #expect(!surfaces("КИЕВ. Полиция Эквадора обнаружила кокаин.").contains("КИЕВ=kyiv"))
    }

    @Test("an Arabic landform word before a name the gazetteer lacks is no place alone: 'the Jebel Amer mines'")
    func arabicLandform() {
        #expect(!surfaces("Gold is smuggled from the Jebel Amer mines in North Darfur.").contains { $0.hasPrefix("Jebel=") })
        // Near miss: the Turkmen town by its name alone.
        #expect(surfaces("The train reached Jebel, Turkmenistan, at noon.").contains("Jebel=jebel"))
    }

    @Test("a Persian jetty cues the name after it, and the cue holds for the name elsewhere in the document")
    func persianJetty() {
        #expect(surfaces("در اسکله عسلویه پهلو گرفته و از عسلویه خارج شد.") == ["عسلویه=bandar-e-asaluyah", "عسلویه=bandar-e-asaluyah"])
        // Near miss: the village's Arabic-script name with no word for a kind of place anywhere.
        #expect(surfaces("کشتی از عسلویه خارج شد.").isEmpty)
    }

    @Test("'بندر' stays in a port's span when its town is named with it ('بندر انزلی'), not when it is the port's classifier ('بندر چابهار')")
    func persianPortSpan() {
        #expect(surfaces("شناور از مبدا بندر انزلی عازم آستراخان بود.").contains("بندر انزلی=bandar-anzali-port"))
        #expect(surfaces("شناور از مبدا بندر چابهار عازم هند بود.").contains { $0.hasPrefix("چابهار=") })
    }

    @Test("names the tables lacked: Persian and Dari spellings, and a regency's name since 2019", arguments: [
        ("کشتی در بندر امام پهلو میگیرد.", "بندر امام=bandar-e-emam-khomeyni"),
        ("شناور عازم بندر آکتائو قزاقستان بود.", "آکتائو=aktau"),
        ("پرواز از کابل به دهلی جدید و کندهار به امریتسر.", "امریتسر=amritsar"),
        ("پرواز از کابل به دهلی جدید و کندهار به امریتسر.", "دهلی جدید=new-delhi"),
        ("Mereka berangkat ke Saumlaki, Kabupaten Kepulauan Tanimbar, Provinsi Maluku.", "Kepulauan Tanimbar=maluku-tenggara-barat-regency"),
    ])
    func addedNames(text: String, expected: String) {
        #expect(surfaces(text).contains(expected), "\(surfaces(text))")
    }
}
