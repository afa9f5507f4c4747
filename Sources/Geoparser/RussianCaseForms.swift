#if canImport(Glibc)
import Glibc
#endif
import Gazetteer

/// Whether a Russian word can be a case form of a name's word, by the name's declension.
///
/// Text and names meet through `RussianStemmer`, which strips any ending from either side: that
/// lets "Москве" meet Москва, but also "Сими" (the Greek island) meet Сим and "Береговая" (охрана,
/// the coast guard) meet Берегово, though no Russian noun declines so. A word is kept as a form
/// of a name word when it is the word itself, or its stem (the name word less its ending) followed
/// by an ending that name's declension takes: a hard consonant takes -а, -у, -ом, -е (Тихорецка,
/// Тихорецке, and the plural's -ов, -ам, -ах, but not -и or -ая); -а takes -ы/-и, -е, -у, -ой (Москвы); -я takes -и, -е, -ю, -ей (России);
/// -о and -е take -а, -у, -ом, -е (and the plural's -ам, -ями…: Черным морями); -ь takes -и, -я, -ю, -ью, -ем, -е; -й takes -я, -ю, -ем, -е (Китая);
/// adjectives (-ий, -ая, -ое, -ые…) the adjectival endings of their gender (Приморского, Каспийском); plurals
/// (-ы, -и) the plural ones (Набережных Челнах). A word that does not start with the stem (a
/// fleeting vowel: Орёл, Орла) is not judged.
enum RussianCaseForms {
    /// `entries` less those whose Cyrillic words the text's words `match` cannot be case forms of;
    /// nil when every entry fits (always, for a match with no Cyrillic word).
    static func fitting(_ entries: [NameEntry], match: ClosedRange<Int>, tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>) -> [NameEntry]? {
        // Cyrillic letters lead with 0xD0 or 0xD1 in UTF-8: a cheap test before any string is made.
        guard match.contains(where: { (0xD0...0xD1).contains(bytes[tokens[$0].byteStart]) }) else { return nil }
        let words = match.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens[$0].byteStart..<tokens[$0].byteEnd]), as: UTF8.self) }
        let fits = { (entry: NameEntry, form: (String, String) -> Bool) in entry.words.count != words.count || zip(entry.words, words).allSatisfy { form($1, $0) } }
        let kept = entries.filter { fits($0, known.isForm) }
        guard kept.count < entries.count else { return nil }
        // A railway station is named by the town's adjective: "станции Тихорецкая" is Tikhoretsk's (looked at only when a form failed).
        guard match.lowerBound > 0, case let previous = NameNormalizer.key(String(decoding: UnsafeBufferPointer(rebasing:
                  bytes[tokens[match.lowerBound - 1].byteStart..<tokens[match.lowerBound - 1].byteEnd]), as: UTF8.self)),
              previous.hasPrefix("станц") || previous == "ст" else { return kept }
        let stations = entries.filter { fits($0) { known.isForm($0, of: $1) || isStationName($0, of: $1) } }
        return stations.count == entries.count ? nil : stations
    }

    /// Verdicts by (word as written, name word as written), for every thread: a report repeats its words, and folding
    /// and comparing them once each keeps the rule off the profile.
    private static let known = Verdicts()

    private final class Verdicts: @unchecked Sendable {
        private var verdicts: [String: Bool] = [:]
        private var lock = pthread_mutex_t()

        init() { pthread_mutex_init(&lock, nil) }

        deinit { pthread_mutex_destroy(&lock) }

        func isForm(_ text: String, of name: String) -> Bool {
            if text == name { return true }
            let key = text + "\u{1}" + name
            pthread_mutex_lock(&lock)
            let cached = verdicts[key]
            pthread_mutex_unlock(&lock)
            if let cached { return cached }
            let verdict = RussianCaseForms.isForm(NameNormalizer.key(text), of: NameNormalizer.key(name))
            pthread_mutex_lock(&lock)
            if verdicts.count > 100_000 { verdicts.removeAll() }
            verdicts[key] = verdict
            pthread_mutex_unlock(&lock)
            return verdict
        }
    }

    /// Whether `text` is the feminine adjective of the name word `name` a station takes (Тихорецк: Тихорецкая, Тихорецкой, Тихорецкую).
    static func isStationName(_ text: String, of name: String) -> Bool {
        let t = NameNormalizer.key(text), n = NameNormalizer.key(name)
        return ["ая", "ой", "ую"].contains { t == n + $0 }
    }

    /// Whether the folded word `text` can be a case form of the folded name word `name`.
    static func isForm(_ text: String, of name: String) -> Bool {
        guard text != name, RussianStemmer.isCyrillic(name), RussianStemmer.isCyrillic(text) else { return true }
        let n = Array(name.unicodeScalars), t = Array(text.unicodeScalars)
        let (stemLength, endings) = declension(n)
        guard stemLength >= 2, t.count >= stemLength, t[..<stemLength].elementsEqual(n[..<stemLength]) else { return true }
        let ending = String(String.UnicodeScalarView(t[stemLength...]))
        return endings.contains(ending)
    }

    /// An adjectival name keeps its gender (that of the noun it stands for: посёлок Береговой), so it declines only within it:
    /// "Береговая" (охрана) is no form of Береговой, nor "Морские" of Морское.
    private static let adjectiveEndings: [String: Set<String>] = {
        let masculine: Set<String> = ["ий", "ый", "ой", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем"]
        let feminine: Set<String> = ["ая", "яя", "ой", "ей", "ую", "юю", "ою", "ею"]
        let neuter: Set<String> = ["ое", "ее", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем"]
        let plural: Set<String> = ["ые", "ие", "ых", "их", "ым", "им", "ыми", "ими"]
        return ["ий": masculine, "ый": masculine, "ой": masculine, "ая": feminine, "яя": feminine, "ое": neuter, "ее": neuter, "ые": plural, "ие": plural]
    }()
    private static let vowels: Set<Unicode.Scalar> = ["а", "я", "о", "е", "ы", "и", "у", "ю", "э"]

    /// The length of a name word's stem and the endings its declension adds to it.
    private static func declension(_ n: [Unicode.Scalar]) -> (Int, Set<String>) {
        let last2 = n.count >= 2 ? String(String.UnicodeScalarView(n.suffix(2))) : ""
        if let endings = adjectiveEndings[last2], n.count >= 4 { return (n.count - 2, endings) }
        guard let last = n.last else { return (0, []) }
        switch last {
        // (-ов for plurals in -а: "Канарских островов" of острова.)
        case "а": return (n.count - 1, ["а", "ы", "и", "е", "у", "ой", "ою", "ей", "ам", "ами", "ах", "ов"])
        case "я": return (n.count - 1, ["я", "и", "е", "ю", "ей", "ею", "ям", "ями", "ях"])
        case "о", "е": return (n.count - 1, ["о", "е", "а", "я", "у", "ю", "ом", "ем", "ам", "ям", "ами", "ями", "ах", "ях"])
        case "ь": return (n.count - 1, ["ь", "и", "я", "ю", "ью", "ем", "е", "ей", "ям", "ями", "ях"])
        case "й": return (n.count - 1, ["й", "я", "ю", "ем", "е", "и", "ев"])
        case "ы", "и": return (n.count - 1, ["ы", "и", "", "ов", "ев", "ей", "ам", "ям", "ами", "ями", "ах", "ях"])
        default:
            // A consonant: the masculine hard (and soft-sibilant) declension; -ым for names in -ов and -ин (Пушкиным).
            return vowels.contains(last) ? (0, []) : (n.count, ["а", "у", "ом", "ем", "е", "ым", "ов", "ам", "ами", "ах"])
        }
    }
}
