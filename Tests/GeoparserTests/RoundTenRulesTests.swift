@testable import Geoparser
import Gazetteer
import Testing

/// The tenth round's classes of misses, each with a case it must fire on and a near case it must not: a province of the
/// document language's country that wordfreq counts as a common word, classifiers before a name (Indonesian 'Kota', Persian
/// 'ایالت'), and a capitalised airport or division word after it.
@Suite("Rules for the tenth round of fresh reports")
struct RoundTenRulesTests {
    static let parser = NotAPlaceTests.parser

    func surfaces(_ text: String) -> [String] {
        Self.parser.mentions(in: text).map { "\($0.surface)=\($0.place.id)" }
    }

    /// `python3 -c "import wordfreq; print(wordfreq.zipf_frequency('aceh', 'id'))"` gives 5.06: Indonesian news names the
    /// province so often that wordfreq counts it with the commonest words.
    @Test("a province of Indonesia written capitalised is a place in Indonesian, however often wordfreq counts its name")
    func homeProvince() {
        let text = "Kepala BNN Aceh menuturkan kasus itu bagian jaringan narkoba jalur Malaysia-Aceh. Pengendali narkoba itu berada di Malaysia."
        #expect(surfaces(text).filter { $0 == "Aceh=aceh" }.count == 2, "\(surfaces(text))")
        // A district within a province, standing as a capitalised name of its own.
        #expect(surfaces("Kapal itu mogok 20 mil dari Pantai Kuala Idi, Aceh Timur.").contains("Aceh Timur=aceh-timur-regency"))
        // Near misses: a district whose name is common words, at a sentence's start ('batu bara', coal; 'puncak', peak).
        #expect(surfaces("Batu Bara dikirim ke Malaysia.") == ["Malaysia=malaysia"])
        #expect(surfaces("Puncak acara digelar di Jakarta.") == ["Jakarta=jakarta"])
    }

    /// GeoNames: Donetsk, UA (709717), 901,645 people; Donetsk, Rostov oblast, RU (564719), under 100,000. An adversarial review found
    /// the last round's preference for the document language's country made "в Донецке" the Russian town.
    @Test("Russian is no home-country language: 'в Донецке' is Donetsk, Ukraine; Persian and Indonesian still are")
    func russianHasNoHomeCountry() {
        #expect(surfaces("Склад с боеприпасами обнаружен в Донецке.") == ["Донецке=donetsk"])
        #expect(surfaces("پالایشگاه آبادان آتش گرفت") == ["آبادان=abadan"])
    }

    @Test("classifiers before a name are left out of its span: Indonesian 'Kota', Persian 'ایالت'")
    func classifiers() {
        #expect(surfaces("Polisi menangkap H, warga Kota Lhokseumawe.") == ["Lhokseumawe=lhokseumawe"])
        #expect(surfaces("در منطقه مرزی میان ایالت بلوچستان و ایالت سِند").contains("سِند=sindh"))
        // Near miss: a town whose own name starts with 'Kota' keeps it.
        #expect(surfaces("Mereka ditahan di Kota Kinabalu.") == ["Kota Kinabalu=kota-kinabalu"])
    }

    @Test("a capitalised 'International Airport' or 'Province' after a name is part of it; in lowercase it only describes it")
    func capitalisedFeatureNouns() {
        #expect(surfaces("He was caught at Maputo International Airport with six horns.") == ["Maputo International Airport=maputo"])
        #expect(surfaces("Jade reaches Yunnan Province by road.") == ["Yunnan Province=yunnan"])
        #expect(surfaces("Jade reaches Yunnan province by road.") == ["Yunnan=yunnan"])
    }
}
