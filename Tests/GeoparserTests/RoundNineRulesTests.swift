@testable import Geoparser
import Gazetteer
import Testing

/// The ninth round's classes of misses, each with a case it must fire on and a near case it must not: Indonesia's customs
/// service, a Persian adjective that is also a country's name, a Cyrillic-script spelling of a town in a country the report
/// names, and an Iranian city written in Persian as in Arabic.
@Suite("Rules for the ninth round of fresh reports")
struct RoundNineRulesTests {
    static let parser = NotAPlaceTests.parser

    func places(_ text: String) -> [String] {
        Self.parser.mentions(in: text).map(\.place.id)
    }

    @Test("'Bea Cukai' and 'Bea dan Cukai' are Indonesia's customs, not the village Bea and the Malaysian town Cukai")
    func customs() {
        #expect(places("Petugas Bea Cukai Batam menyita rokok.") == ["batam"])
        #expect(places("Polisi dengan dibantu Bea dan Cukai menggagalkan penyelundupan.").isEmpty)
        // Near miss: the town by itself, after its kind word, stays a place.
        #expect(places("Kapal itu berlabuh di Kota Cukai, Terengganu.").contains("cukai"))
    }

    /// `python3 -c "import wordfreq; print(wordfreq.zipf_frequency('مالی', 'fa'))"` gives 5.30: 'مالی' is the adjective
    /// "financial" far more often than Mali.
    @Test("Persian 'مالی' (financial) is Mali only with a locative or a country beside it in a list")
    func persianFinancial() {
        #expect(places("وضع اقتصادی و مالی عراق بهبود خواهد یافت.") == ["iraq"])
        #expect(places("نیروهای فرانسوی در مالی مستقر هستند.") == ["mali"])
        #expect(places("کشورهای مالی و نیجر").contains("mali"))
    }

    /// GeoNames 596115 (Varėna, LT) has the Cyrillic-script name 'Варена' and no Russian one; 'Варен' is Waren (Müritz), DE.
    @Test("a Cyrillic-script spelling of a town in a country the report names beats another town's inflected Russian name")
    func russianSpellingInNamedCountry() {
        let text = "Литовские пограничники задержали груз вблизи границы в районе Варена. Сигареты доставили из Беларуси в Литву."
        #expect(Self.parser.mentions(in: text).first { $0.surface == "Варена" }?.place.id == "varena")
        // Near miss: without its country named, the town a Cyrillic-script name alone names does not win.
        #expect(places("Вагоны стояли на станции Тихорецкая.") == ["tikhoretsk"])
    }

    /// libgeonames-common gives Abadan only the Arabic 'عبادان' as Persian and Ibadan 'ابادان'; GeoNames 145459 has 'آبادان' as an
    /// Arabic-script name. An Iranian city of 100,000 people or more is written so in Persian.
    @Test("an Iranian city's Arabic-script name is Persian: 'آبادان' in a report on Iran is Abadan, not Ibadan")
    func abadan() {
        let text = "فرمانده پایگاه دریابانی آبادان گفت: یک محموله برنج در آبراه اروند کشف شد که قصد خروج از آب های ایران داشت."
        #expect(Self.parser.mentions(in: text).first { $0.surface == "آبادان" }?.place.id == "abadan")
        // Alone, a Persian report's 'آبادان' is Iran's too: a place in the country whose language the document is in is likelier.
        #expect(places("پالایشگاه آبادان آتش گرفت") == ["abadan"])
        // Near miss: where the report names Nigeria, 'ابادان' is Ibadan.
        #expect(places("شهر ابادان در نیجریه بزرگ است.").first == "ibadan")
    }
}
