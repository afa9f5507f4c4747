@testable import Geoparser
import Gazetteer
import Testing

/// The twelfth round's classes of misses in the geoparser, each with a case it must fire on and a near case it must not:
/// Indonesian bases named after their towns, islands in running text, and Russian ports named by their town's adjective.
@Suite("Rules for the twelfth round of fresh reports")
struct RoundTwelveRulesTests {
    static let parser = NotAPlaceTests.parser

    func surfaces(_ text: String) -> [String] {
        Self.parser.mentions(in: text).map { "\($0.surface)=\($0.place.id)" }
    }

    @Test("an Indonesian base named after its town takes its words into the span; the place stays the town", arguments: [
        ("Rokok ilegal itu kini berada di Lanal Dumai.", "Lanal Dumai=dumai"),
        ("Kapal disandarkan di Dermaga Pos TNI Angkatan Laut Langsa.", "Pos TNI Angkatan Laut Langsa=langsa"),
        ("Tim Pangkalan Utama TNI Angkatan Laut (Lantamal) I Belawan menangkap kapal.", "Pangkalan Utama TNI Angkatan Laut (Lantamal) I Belawan=belawan"),
        ("Petugas Lantamal XIII/Tarakan menyita kapal.", "Lantamal XIII/Tarakan=tarakan"),
    ])
    func militaryPosts(text: String, expected: String) {
        #expect(surfaces(text).contains(expected), "\(surfaces(text))")
    }

    @Test("a town after words that name no base keeps its own span")
    func noMilitaryPost() {
        // Lowercase 'pos' (post, mail) and a service with no base word before it.
        #expect(surfaces("Paket itu dikirim lewat pos Dumai.").contains("Dumai=dumai"))
        #expect(surfaces("Prajurit TNI AL Dumai berjaga.").contains("Dumai=dumai"))
    }

    @Test("an island is found in running text, and wins over a town of another country with the name")
    func islands() {
        #expect(surfaces("Sabu itu diselundupkan dari Malaysia ke Pulau Madura lewat Lombok.").contains("Madura=madura"))
        #expect(surfaces("Sabu itu diselundupkan dari Malaysia ke Pulau Madura lewat Lombok.").contains("Lombok=lombok"))
        // Near miss: India's Madurai keeps its own name.
        #expect(surfaces("The temple city of Madurai in Tamil Nadu.").contains("Madurai=madurai"))
    }

    @Test("a Russian port named by its town's adjective, in any case, capitalised or not", arguments: [
        ("Судно стоит у причалов Клайпедского порта.", "Клайпедского порта=port-of-klaipeda"),
        ("Второе судно с металлом из мариупольского порта прибыло в ростовский порт.", "ростовский порт=port-of-rostov-on-don"),
        ("Нефть отгружают в Новороссийском порту.", "Новороссийском порту=port-of-novorossiysk"),
    ])
    func portAdjectives(text: String, expected: String) {
        #expect(surfaces(text).contains(expected), "\(surfaces(text))")
    }

    @Test("an adjective that is a country's or has a sense of its own names no port")
    func noPortAdjective() {
        // 'тунисский' is Tunisia's as much as Tunis's; 'балтийского' is the Baltic's, not Baltiysk's.
        #expect(!surfaces("В тунисский порт Сфакс оно зашло для ремонта.").contains { $0.hasSuffix("=port-of-tunis") })
        #expect(!surfaces("Судно вошло в балтийский порт.").contains { $0.contains("baltiysk") })
    }
}
