import Gazetteer
import Geoparser
import Testing

/// People, vessels and organisations named after places: each rule of `NotAPlace`, with a case it
/// must drop and a near case it must keep. The world gazetteer holds the city of Vladimir, Ankara
/// (alias Angara), Sparta, Miami (alias Майя), Cameroon (کامرون), Barrie (باری) and France.
@Suite("Names that are not places here")
struct NotAPlaceTests {
    static let parser = Geoparser(gazetteer: try! Gazetteer.world())

    func found(_ text: String) -> [String] {
        Self.parser.mentions(in: text).map(\.surface)
    }

    @Test("a title before a name makes it a person's; a country after a title stays (Presiden Rusia)")
    func titles() {
        #expect(!found("Presiden Vladimir Putin tiba").contains("Vladimir"))
        #expect(!found("President Vladimir Putin said").contains("Vladimir"))
        #expect(found("Presiden Rusia Vladimir Putin").contains("Rusia"))
        #expect(found("the city of Vladimir is east of Moscow").contains("Vladimir"))
    }

    @Test("a given name before a capitalised word, or a surname after a given name, is a person")
    func givenNames() {
        #expect(!found("Vladimir Putin met officials in Moscow.").contains("Vladimir"))
        #expect(!found("Президент Владимир Путин").contains("Владимир"))
        #expect(!found("دیوید کامرون وزیر خارجه انگلیس").contains("کامرون"))
        #expect(found("drones reached Vladimir Oblast").contains { $0.hasPrefix("Vladimir") })
    }

    @Test("a byline at the start of a line names a person")
    func bylines() {
        #expect(!found("By David Albright\nDrones were shipped to Russia.").contains("David"))
        #expect(found("shipped by Russia to Syria").contains("Russia"))
    }

    @Test("vessels: after a vessel word or a -flagged adjective, or with a number; a country after 'kapal' stays")
    func vessels() {
        #expect(!found("the Russian-flagged Angara and Maria").contains("Angara"))
        #expect(!found("the cargo ship Sparta IV sailed").contains("Sparta"))
        #expect(!found("грузового судна «Майя-1»").contains("Майя"))
        #expect(found("kapal Iran ditangkap").contains("Iran"))
        #expect(found("Sparta is in Greece").contains("Sparta"))
        #expect(found("вылетел из Москвы 7 августа").contains("Москвы"))
    }

    @Test("organisations: a head before or after, or a capitalised run ending in one")
    func organisations() {
        #expect(!found("Agence France-Presse reported").contains("France"))
        #expect(!found("the U.S. Central Command said").contains("U.S"))
        #expect(!found("White House National Security Council coordinator").contains("White House"))
        #expect(!found("laporan Komando Afrika AS").contains("Afrika"))
        #expect(found("drones flew to France and Africa").contains("France"))
        #expect(found("по данным агентства, Москва отправила").contains("Москва"))
    }
}

@Suite("Common words, acronyms and kinds of place need evidence")
struct CommonWordJudgementTests {
    static let parser = Geoparser(gazetteer: try! Gazetteer.world())

    func found(_ text: String) -> [String] {
        Self.parser.mentions(in: text).map(\.surface)
    }

    @Test("an acronym in capitals is not a place spelled in lowercase; a dateline in capitals is")
    func acronyms() {
        #expect(!found("the UN Security Council met").contains("UN"))
        #expect(found("TAMPA, Fla. - The shipment was seized").contains("TAMPA"))
    }

    @Test("a word that names a kind of place is no place alone")
    func placeTypeWords() {
        #expect(!found("محموله به بندر رسید").contains("بندر"))
        #expect(found("بندر عباس").contains("بندر عباس"))
    }

    @Test("the document's language is judged by script and function words")
    func language() {
        #expect(DocumentLanguage.guess("Drone dikirim melalui Laut Kaspia dari Amirabad ke Makhachkala") == "id")
        #expect(DocumentLanguage.guess("The drones were shipped from Amirabad to Makhachkala") == "en")
        #expect(DocumentLanguage.guess("Беспилотники доставили из Ирана в Россию") == "ru")
        #expect(DocumentLanguage.guess("پهپادها از ایران به روسیه ارسال شد") == "fa")
    }
}
