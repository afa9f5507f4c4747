@testable import Geoparser
import Gazetteer
import Testing

/// The fourteenth round's classes of misses in the geoparser, each with a case it must fire on and a near case it must not:
/// Persian, which has no capitals to show a name, reads Iran's provinces and large cities by their Persian names, a direction
/// or a dateline as a cue, and a name the document places elsewhere as its own evidence; a short word with a madda is no name
/// written without one; names the tables lacked (ISO 3166-2's states as "<name> State").
@Suite("Rules for the fourteenth round of fresh reports")
struct RoundFourteenRulesTests {
    static let parser = NotAPlaceTests.parser

    func surfaces(_ text: String) -> [String] {
        Self.parser.mentions(in: text).map { "\($0.surface)=\($0.place.id)" }
    }

    @Test("an Iranian province or a city of 200,000 people counts by its Persian name alone, as common as wordfreq finds it", arguments: [
        ("خوزستان بیشترین سهم قاچاق دام را داشت.", "خوزستان=khuzestan"),
        ("اهواز بیشترین سهم قاچاق دام را داشت.", "اهواز=ahvaz"),
    ])
    func persianHomeArea(text: String, expected: String) {
        #expect(surfaces(text).contains(expected), "\(surfaces(text))")
    }

    @Test("a province whose name is a Persian word first, and a smaller town named as a common word, still need a cue")
    func persianHomeAreaNearMisses() {
        // 'مرکزی' is central (the central bank), 'فارس' Persian (the Fars news agency), 'اندیشه' thought (a town of 116,000).
        #expect(!surfaces("بانک مرکزی نرخ ارز را اعلام کرد.").contains { $0.hasSuffix("=markazi") })
        #expect(!surfaces("خبرگزاری فارس این خبر را منتشر کرد.").contains { $0.hasSuffix("=fars") })
        #expect(!surfaces("آزادی اندیشه مهم است.").contains { $0.hasSuffix("=andisheh") })
    }

    @Test("a Persian direction before a name cues it, as a dateline does: 'در جنوب کیش', 'کیش - ایرنا -'", arguments: [
        "شناور در جنوب کیش توقیف شد.",
        "کیش - ایرنا - فرمانده انتظامی گفت که شناور توقیف شد.",
    ])
    func persianDirectionAndDateline(text: String) {
        #expect(surfaces(text).contains("کیش=kish"), "\(surfaces(text))")
    }

    @Test("the same Persian word with no cue names no place: 'این کیش قدیمی است' (this faith is old)")
    func persianUncued() {
        #expect(!surfaces("این کیش قدیمی است.").contains { $0.hasSuffix("=kish") })
    }

    @Test("a name the document places elsewhere is evidence for itself: 'جزیره کیش' then 'دریابانی کیش'")
    func sameNameVouches() {
        // The island's free zone by its full name (the mention is the name after the type word), then the town by the bare one.
        let found = surfaces("جزیره کیش مقصد شناور بود. ماموران دریابانی کیش محموله را کشف کردند.")
        #expect(found == ["کیش=kish-free-zone", "کیش=kish"], "\(found)")
        // Near miss: where no mention is placed, none vouches.
        #expect(!surfaces("این کیش قدیمی است. ماموران دریابانی کیش آمدند.").contains { $0.hasPrefix("کیش=") })
    }

    @Test("a short Persian word with a madda is no name without one: 'آب' (water) is not Ibb; a longer name may lack it ('آفریقا')")
    func persianMadda() {
        #expect(!surfaces("شناور در آب های پیرامونی جزیره توقیف شد.").contains { $0.hasSuffix("=ibb") })
        #expect(surfaces("محموله به آفریقا رفت.").contains("آفریقا=africa"))
    }

    @Test("names the tables lacked", arguments: [
        ("They tried to smuggle the petrol into Benin Republic by boat.", "Benin Republic=benin"),
        ("بسته جدید تسلیحات از دهلینو ارسال میشود.", "دهلینو=new-delhi"),
        ("کالاها را از دبی به سمت بنادر عسلویه و ابوالخیر منتقل کنند.", "ابوالخیر=bu-ol-kheyr"),
        ("صادرات به آسیا افزایش یافت.", "آسیا=asia"),
        ("Officers arrested two men in Lagos State with 120 jerrycans of petrol.", "Lagos State=lagos-ng"),
        ("Officials in Washington state said the cargo left Seattle.", "Washington state=washington-2"),
    ])
    func newNames(text: String, expected: String) {
        #expect(surfaces(text).contains(expected), "\(surfaces(text))")
    }
}
