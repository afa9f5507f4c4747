import Gazetteer

/// A mention's span as reports write it and annotators mark it, after the name the gazetteer
/// matched: a dotted abbreviation's last dot ("U.S."), no generic word before a town ("порт
/// Новороссийск" → "Новороссийск"), the Arabic article before ("al Hudaydah"), a feature noun after
/// ("Hmeimim air base"), the Indonesian base named after its town ("Lanal Dumai"). The place stays the one the name resolved to.
extension Geoparser {
    /// `mention` with its span as written.
    static func asWritten(_ mention: Mention, in bytes: UnsafeBufferPointer<UInt8>) -> Mention {
        withMilitaryPost(withRegionAdjective(withFeatureNoun(withArticle(withoutGenericHead(withFinalDot(mention, in: bytes), in: bytes), in: bytes), in: bytes), in: bytes), in: bytes)
    }

    /// Words that open the name of an Indonesian military base or post before its town ("Lanal Dumai", "Pos TNI AL Atapupu",
    /// "Pangkalan Angkatan Laut (Danlanal) Maumere"), as written, capitals and all.
    public static let militaryPostHeads: Set<String> = ["Lanal", "Lantamal", "Lanud", "Lanudal", "Lanmar", "Pangkalan", "Pos", "Posal", "Posmat"]

    /// Words that may stand between such a head and the town: the service, its rank, the post's abbreviation in brackets, and
    /// the base's number in Roman numerals ("Pangkalan Utama TNI Angkatan Laut (Lantamal) I Belawan", "Lantamal XIII/Tarakan").
    static let militaryPostWords: Set<String> = ["TNI", "AL", "AU", "AD", "Angkatan", "Laut", "Udara", "Darat", "Utama", "Penjagaan", "Perbatasan",
                                                 "(Lantamal)", "(Danlanal)", "(Lanal)", "(Lanud)", "(Lanudal)"]

    /// True when the mention's span names a base or post after its town ("Lanal Dumai"), not a town whose own name starts with
    /// such a word ("Pangkalan Bun").
    public static func namesMilitaryPost(_ mention: Mention) -> Bool {
        guard let head = mention.surface.split(separator: " ").first, militaryPostHeads.contains(String(head)) else { return false }
        return !mention.matchedName.hasPrefix(head)
    }

    /// A town's mention with the Indonesian base or post named after it in its span: annotators mark the base ("Lanal Nunukan"),
    /// and the place stays the town, where the base is.
    static func withMilitaryPost(_ mention: Mention, in bytes: UnsafeBufferPointer<UInt8>) -> Mention {
        var start = mention.byteRange.lowerBound
        // (The byte before first: most mentions have no such words before them, and their place's kind is never asked.)
        guard start >= 4, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x2F,
              [.city, .village, .region, .facility, .port].contains(mention.place.kind) else { return mention }
        for step in 0..<8 {
            let wordEnd = start - 1
            guard wordEnd > 0, step == 0 || bytes[wordEnd] == 0x20 else { return mention }
            var wordStart = wordEnd
            while wordStart > 0, bytes[wordStart - 1] != 0x20, bytes[wordStart - 1] != 0x0A { wordStart -= 1 }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd]), as: UTF8.self)
            let roman = !word.isEmpty && word.count <= 5 && word.allSatisfy { "IVX".contains($0) }
            if militaryPostHeads.contains(word) {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<mention.byteRange.lowerBound]), as: UTF8.self)
                return Mention(surface: text + mention.surface, start: mention.start - text.unicodeScalars.count, end: mention.end,
                               byteRange: wordStart..<mention.byteRange.upperBound, place: mention.place, entry: mention.entry, choice: mention.choice)
            }
            // A slash joins only a base's number to its town ("XIII/Tarakan").
            guard militaryPostWords.contains(word) && bytes[start - 1] == 0x20 || roman else { return mention }
            start = wordStart
        }
        return mention
    }

    /// Russian names a part of a country or region with a capitalised direction adjective before it ("в Восточной Ливии",
    /// "Северной Африки"; "Южная Корея" aside, which the gazetteer knows whole): the span takes the adjective, and the place
    /// stays the area (a country, region or continent), which contains the part.
    static let regionAdjectiveStems = ["восточн", "западн", "северн", "южн", "центральн"]

    /// A mention of a country or region with the capitalised direction adjective before it in its span.
    static func withRegionAdjective(_ mention: Mention, in bytes: UnsafeBufferPointer<UInt8>) -> Mention {
        guard [.country, .region, .island, .continent, .macroRegion].contains(mention.place.kind), RussianStemmer.isCyrillic(mention.surface) else { return mention }
        let start = mention.byteRange.lowerBound
        guard start >= 2, bytes[start - 1] == 0x20 else { return mention }
        var wordStart = start - 1
        while wordStart > 0, bytes[wordStart - 1] >= 0x80 { wordStart -= 1 }
        guard wordStart < start - 1 else { return mention }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<(start - 1)]), as: UTF8.self)
        guard let first = word.first, first.isUppercase else { return mention }
        let folded = NameNormalizer.key(word)
        guard let stem = regionAdjectiveStems.first(where: { folded.hasPrefix($0) }),
              ["ая", "ой", "ую", "ый", "ого", "ому", "ом", "ое", "ые", "ых", "ым"].contains(String(folded.dropFirst(stem.count))) else { return mention }
        return Mention(surface: word + " " + mention.surface, start: mention.start - word.unicodeScalars.count - 1, end: mention.end,
                       byteRange: wordStart..<mention.byteRange.upperBound, place: mention.place, entry: mention.entry, choice: mention.choice)
    }

    /// A dotted abbreviation keeps its last dot, as it is written and annotated: "U.S.", not "U.S".
    static func withFinalDot(_ mention: Mention, in bytes: UnsafeBufferPointer<UInt8>) -> Mention {
        guard mention.matchedName.hasSuffix("."), mention.byteRange.upperBound < bytes.count, bytes[mention.byteRange.upperBound] == 0x2E else {
            return mention
        }
        return Mention(surface: mention.surface + ".", start: mention.start, end: mention.end + 1,
                       byteRange: mention.byteRange.lowerBound..<mention.byteRange.upperBound + 1, place: mention.place,
                       entry: mention.entry, choice: mention.choice)
    }

    /// Generic words that lead a port's or a settlement's name in Russian and Indonesian ("порт
    /// Новороссийск", "поселок Восточный", "Pelabuhan Sevastopol"): the text names the town, and the
    /// mention's span is the town's name, as annotators mark it, while the place stays the port.
    static let genericHeads: Set<String> = [
        "порт", "порта", "порту", "портом", "порте", "поселок", "поселка", "поселке", "станция", "станции", "станцию", "pelabuhan",
        // An island's classifier, as Indonesian, Russian and Persian write it before the name ("Pulau Natuna", "острова Сими", "جزیره خارک").
        "pulau", "остров", "острова", "острове", "островом", "острову", "جزیره",
        // Indonesian administrative classifiers ("Kabupaten Aceh Besar", "Provinsi Kalimantan Utara"): the name follows.
        "kabupaten", "provinsi", "propinsi", "desa", "kelurahan", "distrik",
        // Persian's province and state ("استان تکیرداغ", Tekirdağ province; "ایالت سند", Sindh): the name follows.
        "استان", "ایالت",
    ]

    /// True when Persian's 'بندر' (port) before the name is the port's classifier, as annotators leave it out ("بندر چابهار" names
    /// the Port of Chabahar by 'چابهار'), not a word of the name: a town's ("بندر عباس", Bandar Abbas; "بندر انزلی", the Port of
    /// Anzali, whose town is Bandar Anzali) or a port's ("بندر قاسم", Port Qasim; the Port of Bandar Abbas).
    static func persianPortWord(in place: Place) -> Bool {
        place.kind == .port && place.name.hasPrefix("Port of ") && !place.name.dropFirst(8).hasPrefix("Bandar")
            && !(place.names["en"] ?? []).contains { $0.hasPrefix("Bandar ") }
    }

    /// A mention without a generic word that leads it, when a name follows the word.
    static func withoutGenericHead(_ mention: Mention, in bytes: UnsafeBufferPointer<UInt8>) -> Mention {
        // (A name of one word has no space byte: its characters are not searched.)
        guard mention.surface.utf8.contains(0x20), let space = mention.surface.firstIndex(of: " ") else { return mention }
        let head = mention.surface[..<space]
        let folded = NameNormalizer.key(String(head))
        // Indonesian 'Kota' (city) is a classifier ("Kota Lhokseumawe") unless the town's own name starts with it ("Kota Tinggi").
        guard genericHeads.contains(folded) || folded == "بندر" && persianPortWord(in: mention.place)
                || folded == "kota" && !mention.place.name.hasPrefix("Kota ") else { return mention }
        let rest = String(mention.surface[mention.surface.index(after: space)...])
        let skipped = head.unicodeScalars.count + 1, skippedBytes = head.utf8.count + 1
        return Mention(surface: rest, start: mention.start + skipped, end: mention.end,
                       byteRange: (mention.byteRange.lowerBound + skippedBytes)..<mention.byteRange.upperBound, place: mention.place,
                       entry: mention.entry, choice: mention.choice)
    }

    /// A mention with the Arabic article written before it in Latin letters ("al Hudaydah",
    /// "Al-Mokha", "el-Fasher"), which the name as the gazetteer keeps it may lack.
    static func withArticle(_ mention: Mention, in bytes: UnsafeBufferPointer<UInt8>) -> Mention {
        let start = mention.byteRange.lowerBound
        guard start >= 3 else { return mention }
        let separator = bytes[start - 1]
        guard separator == 0x20 || separator == 0x2D,
              [0x61, 0x65].contains(bytes[start - 3] | 0x20), bytes[start - 2] | 0x20 == 0x6C,
              start == 3 || !(bytes[start - 4] | 0x20 >= 0x61 && bytes[start - 4] | 0x20 <= 0x7A || bytes[start - 4] >= 0x80) else { return mention }
        let article = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start - 3)..<start]), as: UTF8.self)
        // "AL" in capitals before a name in lowercase is an acronym ("TNI AL Nunukan", the navy), not the article; "AL HUDAYDAH" is.
        if article.prefix(2) == article.prefix(2).uppercased(), mention.surface != mention.surface.uppercased() { return mention }
        return Mention(surface: article + mention.surface, start: mention.start - 3, end: mention.end, byteRange: (start - 3)..<mention.byteRange.upperBound,
                       place: mention.place, entry: mention.entry, choice: mention.choice)
    }

    /// English feature nouns after a place that belong to its name as a report writes it:
    /// "Hmeimim air base", "Najin Port", "Bosphorus strait" (the nouns, and the kinds of place they may follow).
    static let featureNouns: [(noun: [UInt8], kinds: Set<PlaceKind>, capitalised: Bool)] = [
        ("air base", [.facility, .city, .village, .region], false), ("airbase", [.facility, .city, .village, .region], false),
        ("airfield", [.facility, .city, .village], false), ("naval base", [.facility, .port, .city, .village], false),
        ("port", [.port, .city, .village], false), ("strait", [.strait], false), ("straits", [.strait], false),
        // Written capitalised, these name the airport or the division ("Maputo International Airport", "Lualaba Province");
        // in lowercase they only describe it ("Schiphol airport", "Yunnan province"), and the span is the name alone.
        ("International Airport", [.city, .village, .facility], true), ("Airport", [.city, .village, .facility], true),
        ("Province", [.region], true), ("State", [.region], true), ("Region", [.region], true), ("Oblast", [.region], true),
        ("Governorate", [.region], true),
    ].map { (Array($0.0.utf8), $0.1, $0.2) }

    /// A mention followed by a feature noun its place may have, with the noun in its span.
    static func withFeatureNoun(_ mention: Mention, in bytes: UnsafeBufferPointer<UInt8>) -> Mention {
        let end = mention.byteRange.upperBound
        guard end + 1 < bytes.count, bytes[end] == 0x20 else { return mention }
        // (The bytes first: the place's kind is asked only of a noun that is there.)
        for (noun, kinds, capitalised) in featureNouns where end + 1 + noun.count <= bytes.count {
            let after = end + 1 + noun.count
            guard zip(bytes[(end + 1)..<after], noun).allSatisfy({ capitalised ? $0 == $1 : $0 | 0x20 == $1 | 0x20 }),
                  after == bytes.count || !(bytes[after] | 0x20 >= 0x61 && bytes[after] | 0x20 <= 0x7A), kinds.contains(mention.place.kind) else { continue }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[end..<after]), as: UTF8.self)
            return Mention(surface: mention.surface + text, start: mention.start, end: mention.end + 1 + noun.count,
                           byteRange: mention.byteRange.lowerBound..<after, place: mention.place, entry: mention.entry, choice: mention.choice)
        }
        return mention
    }
}
