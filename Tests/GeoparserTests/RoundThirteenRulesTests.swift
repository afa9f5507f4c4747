@testable import Geoparser
import Gazetteer
import Testing

/// The thirteenth round's classes of misses in the geoparser, each with a case it must fire on and a near case it must not:
/// GeoNames' Cyrillic and Arabic-script names of towns in a Russian or Persian text, Persian names cued by a word for a kind
/// of place, and names the tables lacked (Afghan provinces in Persian, Chinese provinces in Russian, the Arabian Peninsula).
@Suite("Rules for the thirteenth round of fresh reports")
struct RoundThirteenRulesTests {
    static let parser = NotAPlaceTests.parser

    func surfaces(_ text: String) -> [String] {
        Self.parser.mentions(in: text).map { "\($0.surface)=\($0.place.id)" }
    }

    @Test("a Russian town known only by GeoNames' Cyrillic-script name is found in a Russian text that names nothing near it")
    func cyrillicNameAtHome() {
        #expect(surfaces("В пункте пропуска «Пограничный» задержан поезд из Китая.").contains("Пограничный=pogranichnyy"))
        // Near misses: a Bulgarian town's Cyrillic name is no Russian name, without Bulgaria named; a surname's genitive is no
        // village's name in another case ("автоматов Калашникова", not Kalashnikovo).
        #expect(!surfaces("Поезд прибыл в Ихтиман из Китая.").contains { $0.hasSuffix("=ihtiman") })
        #expect(!surfaces("На судне нашли двадцать тысяч автоматов Калашникова и взрывчатку.").contains { $0.hasSuffix("=kalashnikovo") })
    }

    @Test("an Iranian town known only by its Arabic-script name counts in Persian after a word for a kind of place", arguments: [
        ("ماموران گمرک بازرگان این محموله قاچاق را کشف کردند.", "بازرگان=bazargan"),
        ("پایانه در ضلع جنوبی شهر دوست محمد واقع شده است.", "دوست محمد=dust-mohammad-khan"),
    ])
    func persianNameAfterPlaceType(text: String, expected: String) {
        #expect(surfaces(text).contains(expected), "\(surfaces(text))")
    }

    @Test("the same Persian words with no word for a kind of place before them name no town")
    func persianCommonWordsUncued() {
        // 'بازرگان' is a merchant, 'دوست محمد' a friend named Mohammad.
        #expect(!surfaces("این بازرگان ایرانی محموله را خرید.").contains { $0.hasSuffix("=bazargan") })
        #expect(!surfaces("دوست محمد به تهران رفت.").contains { $0.hasSuffix("=dust-mohammad-khan") })
    }

    @Test("names the tables lacked", arguments: [
        ("زرنج مرکز ولایت نیمروز است.", "ولایت نیمروز=nimruz"),
        ("انتقال از راه دند پتان پکتیا انجام میشود.", "پکتیا=paktia"),
        ("Поезд идёт в город Цзинань провинции Шаньдун.", "Шаньдун=shandong-sheng"),
        ("Kapal tongkang itu menuju Negeri Singa.", "Negeri Singa=singapore"),
        ("Migrants heading to find work on the Arabian Peninsula.", "Arabian Peninsula=arabian-peninsula"),
        ("Located across the Bab al-Mandeb strait from Yemen.", "Bab al-Mandeb strait=bab-el-mandeb"),
        ("Kapal itu dikejar melintasi Selat Riau.", "Selat Riau=riau-strait"),
    ])
    func newNames(text: String, expected: String) {
        #expect(surfaces(text).contains(expected), "\(surfaces(text))")
    }
}
