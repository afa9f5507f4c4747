@testable import Geoparser
import Gazetteer
import Testing

/// Rules from the languages' grammar and from how news is written, each with a case it must fire
/// on and a near case it must not: Russian case forms, countries that anchor a document, ranks
/// before names, ages in brackets, news agencies' desks and sources, short Persian words, and
/// Indonesia's provinces, islands and regencies by their Indonesian names.
@Suite("Rules for reports the rules were not tuned on")
struct FreshReportRulesTests {
    static let parser = NotAPlaceTests.parser

    func mentions(_ text: String) -> [Mention] {
        Self.parser.mentions(in: text)
    }

    func found(_ text: String) -> [String] {
        mentions(text).map(\.surface)
    }

    func place(_ surface: String, in text: String) -> String? {
        mentions(text).first { $0.surface == surface }?.place.id
    }

    @Test("a railway station takes the town's adjective: 'станции Тихорецкая' is Tikhoretsk; 'Тихорецкая' elsewhere is not")
    func stationName() {
        #expect(place("Тихорецкая", in: "Вагоны стояли на станции Тихорецкая.") == "tikhoretsk")
        #expect(place("Тихорецкая", in: "Компания Тихорецкая сообщила о росте.") == nil)
    }

    @Test("a Russian word meets a name only in an ending that name's declension takes")
    func russianCaseForms() {
        // A hard consonant takes -а, -у, -ом, -е; not -и or an adjective's -ая.
        #expect(RussianCaseForms.isForm("тихорецке", of: "тихорецк"))
        #expect(RussianCaseForms.isForm("тихорецком", of: "тихорецк"))
        #expect(!RussianCaseForms.isForm("сими", of: "сим"))
        #expect(!RussianCaseForms.isForm("береговая", of: "берегово"))
        #expect(!RussianCaseForms.isForm("береговая", of: "береговой"))
        #expect(RussianCaseForms.isForm("береговом", of: "береговой"))
        #expect(RussianCaseForms.isForm("берегова", of: "берегово"))
        // -а, -я, -й, adjectives, plurals; a fleeting vowel is not judged.
        #expect(RussianCaseForms.isForm("москвой", of: "москва"))
        #expect(RussianCaseForms.isForm("россии", of: "россия"))
        #expect(RussianCaseForms.isForm("китая", of: "китай"))
        #expect(RussianCaseForms.isForm("приморского", of: "приморский"))
        #expect(RussianCaseForms.isForm("набережных", of: "набережные"))
        #expect(RussianCaseForms.isForm("челнах", of: "челны"))
        #expect(RussianCaseForms.isForm("морями", of: "море"))
        #expect(RussianCaseForms.isForm("орла", of: "орел"))
        // In text: the coast guard is no town; the town in its cases is.
        #expect(!found("Береговая охрана задержала судно").contains("Береговая"))
        #expect(found("груз доставили в Тихорецк, затем из Тихорецка в Новороссийск").contains("Тихорецка"))
    }

    @Test("a country named by a name towns share anchors the document: Tripoli in a report on Lebanon is Lebanon's")
    func countryAnchors() {
        #expect(place("Tripoli", in: "The ship is heading to Lebanon via Tripoli.") == "tripoli-lb")
        #expect(place("Tripoli", in: "The ship is heading to Tripoli.") == "tripoli")
    }

    @Test("a country whose name a city shares does not lift that city: Тунис in a report on Tunisia stays the country")
    func ownCountry() {
        #expect(place("Тунисе", in: "Судно задержано в Тунисе, в порту Сфакс.") == "tunisia")
        #expect(place("Ливане", in: "Зерно доставили в Ливане, в порт Триполи.") == "lebanon")
    }

    @Test("a rank before a name makes it a person's; an office before a place does not (Kapolres Sangihe)")
    func ranks() {
        #expect(!found("kata Kapolres AKBP Denny Tompunuh kepada wartawan").contains("Denny"))
        #expect(found("kata Kapolres Sangihe kepada wartawan").contains("Sangihe"))
    }

    @Test("an age in brackets after a name is a person's; a date in brackets after a place is not")
    func ages() {
        #expect(!found("dan Ju Bin Baco (52) seorang pekerja").contains("Baco"))
        #expect(found("tiba di Nunukan (15/11) pagi").contains("Nunukan"))
    }

    @Test("a news agency's desk and a Persian news source are no places; 'antara' between places is")
    func newsSources() {
        #expect(!found("Nunukan (Antara Bali) - Prajurit menggagalkan").contains("Bali"))
        #expect(found("Kapal berlayar antara Bali dan Lombok.").contains("Bali"))
        #expect(found("Antara Bali dan Lombok ada selat.").contains("Bali"))
        #expect(!found("به گزارش مشهد فوری، سوخت کشف شد").contains("مشهد"))
        #expect(found("سوخت در مشهد کشف شد").contains("مشهد"))
        #expect(!found("the agency Agenzia Nova reported").contains("Nova"))
    }

    @Test("vessels: Russian ship types and the Persian letters of a ship prefix")
    func vessels() {
        #expect(!found("газовоз Buran был загружен").contains("Buran"))
        #expect(!found("ناو یو اس اس باتان از تنگه هرمز گذشت").contains("باتان"))
        #expect(found("کشتی از تنگه هرمز گذشت").contains("تنگه هرمز"))
    }

    @Test("a Persian name before 'با پرچم' (flying the flag of) is a ship's; a country there stays")
    func flags() {
        #expect(!found("نشان داد که سوئز راجان با پرچم جزایر مارشال در حال انتقال نفت بود").contains("سوئز"))
        #expect(found("کشتی‌های ایران با پرچم پاناما حرکت کردند").contains("ایران"))
    }

    @Test("after an Indonesian village's or district's kind, a longer capitalised run is the name: 'Kelurahan Sawang Bendar' is not Sawang")
    func longerNames() {
        #expect(!found("ditangkap di Kelurahan Sawang Bendar, Kecamatan Tahuna").contains("Sawang"))
        #expect(found("ditangkap di Kelurahan Sawang, Kecamatan Tahuna").contains("Sawang"))
    }

    @Test("Persian locatives cue a name: 'در نزدیکی تگزاس' (near Texas)")
    func persianLocatives() {
        #expect(place("تگزاس", in: "بارگیری را در نزدیکی تگزاس آغاز کرد") == "texas")
        #expect(!found("تگزاس").contains("تگزاس"))
    }

    @Test("a Persian name written with a zero-width non-joiner also answers to its parts written together; 'وادی' (wadi) is a kind of place")
    func persianJoins() {
        #expect(place("چینگدائو", in: "نفتکش به چینگدائو رسید") == place("چینگ‌دائو", in: "نفتکش به چینگ‌دائو رسید"))
        #expect(place("چینگدائو", in: "نفتکش به چینگدائو رسید") != nil)
        #expect(!found("پایگاه هوایی وادی سیدنا").contains("وادی"))
    }

    @Test("companies, outlets and models named after places: a trade or a suffix after, an outlet before, a model number")
    func companies() {
        #expect(!found("chips from Texas Instruments, or from Intel").contains("Texas"))
        #expect(found("chips made in Texas, or in Taiwan").contains("Texas"))
        #expect(!found("the entity CNOOC Trading (Singapore) Pte. Ltd. chartered").contains("Singapore"))
        #expect(found("a tanker from Kuala Lumpur (Malaysia) to Singapore").contains("Malaysia"))
        #expect(!found("Jakarta, CNN Indonesia - Kapal kargo").contains("Indonesia"))
        #expect(found("Jakarta, Indonesia - Kapal kargo").contains("Indonesia"))
        #expect(!found("Kantor berita Saba melaporkan serangan").contains("Saba"))
        #expect(!found("pesawat angkut jenis Ilyushin Il-76TD mendarat").contains("Il"))
    }

    @Test("the last of a person's names after a given name (Kim Jong Un); a place after a given name and a place word stays")
    func threePartNames() {
        #expect(!found("pemimpin Korea Utara Kim Jong Un bertemu").contains("Un"))
        #expect(found("drones reached Vladimir Oblast").contains { $0.hasPrefix("Vladimir") })
    }

    @Test("a Russian direction adjective before a country joins its span; a lowercase one does not")
    func regionAdjectives() {
        #expect(found("на базы в Восточной Ливии, под контролем").contains("Восточной Ливии"))
        #expect(found("на базы на востоке Ливии").contains("Ливии"))
        #expect(!found("на базы в восточной Ливии").contains("восточной Ливии"))
    }

    @Test("plural vessel words: 'корабли Baltic Leader', 'the ships Patria and…'")
    func pluralVessels() {
        #expect(!found("российские корабли Baltic Leader доставили").contains("Baltic"))
        #expect(found("корабли вышли в Балтийское море").contains("Балтийское море"))
    }

    @Test("a Persian word of one or two letters names no place alone; a longer name after the same words does")
    func shortPersianWords() {
        #expect(!found("ناو یو اس اس از خلیج گذشت").contains("اس"))
        #expect(found("او به یزد رفت").contains("یزد"))
    }

    @Test("a place well known only by another language's alias needs evidence: Indonesian 'Para' is no Belém")
    func wellKnownByOwnName() {
        #expect(!found("Para pengungsi terdampar di pantai.").contains("Para"))
        #expect(found("Pengungsi tiba di Aceh.").contains("Aceh"))
    }

    @Test("a colon ends a name as a comma does: a common-word name before one keeps its evidence")
    func colonEndsName() {
        #expect(found("Pengungsi Rohingya Terdampar di Malang: Sebulan di Laut").contains("Malang"))
        #expect(!found("Pengungsi Rohingya Terdampar di Malang Sebulan di Laut").contains("Malang"))
    }

    @Test("'AL' in capitals before a name is an acronym; 'al' is the Arabic article")
    func articles() {
        #expect(found("TNI AL Nunukan").contains("Nunukan"))
        // With a base word before it, the span is the base named after the town ("Pangkalan TNI AL Nunukan"), still without "AL" as an article.
        #expect(found("Pangkalan TNI AL Nunukan").contains("Pangkalan TNI AL Nunukan"))
        #expect(found("the port of al Hudaydah").contains { $0.hasSuffix("al Hudaydah") })
    }

    @Test("an island's classifier is left out of the span (Pulau Natuna, острова Родос)")
    func islandClassifiers() {
        #expect(found("kapal di Pulau Natuna").contains("Natuna"))
        #expect(!found("kapal di Pulau Natuna").contains("Pulau Natuna"))
    }

    @Test("Indonesia's provinces by their Indonesian names and acronyms, its islands and its regencies")
    func indonesianAreas() {
        #expect(place("Kalimantan Utara", in: "Nunukan, Kalimantan Utara") == "north-kalimantan")
        #expect(place("Papua Barat", in: "ke Manokwari, Papua Barat.") == "west-papua")
        #expect(!found("ke Manokwari, Papua Barat.").contains("Papua"))
        #expect(place("Sulut", in: "Polda Sulut menangkap") == "north-sulawesi")
        #expect(!found("dia sulut api").contains("sulut"))
        #expect(place("Java", in: "Java, Indonesia, is the hub.")?.hasPrefix("jawa") == true)
        #expect(place("Sangihe", in: "di Kabupaten Kepulauan Sangihe dan Sangihe") != nil)
        #expect(place("Minahasa Utara", in: "di Minahasa Utara, Sulut") == "minahasa-utara-regency")
        #expect(place("Aceh Besar", in: "Desa Ladong, Kabupaten Aceh Besar") == "aceh-besar-regency")
    }
}
