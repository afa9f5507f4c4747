import Foundation

/// Folds names so that case, diacritics, punctuation and spacing do not matter: "Bandar-e Amīrābād" → "bandar e amirabad".
///
/// Abbreviation dots and apostrophes vanish ("D.C." → "dc", "Chistopol'" → "chistopol"); other punctuation
/// separates words. Russian й stays a letter of its own (it is not и with a mark); ё folds to е; Arabic
/// yeh and kaf fold to their Persian forms, alef with madda or hamza to alef, a hamza after alef vanishes; Persian's zero-width
/// non-joiner separates words.
///
/// ASCII, Latin with diacritics, Cyrillic and Arabic script are folded by table and arithmetic; other
/// scripts go through Foundation's case mapping and canonical decomposition.
public enum NameNormalizer {
    /// The longest a place name may be, in characters (Unicode scalars): 200, beyond the longest
    /// real names (Bangkok's ceremonial name has 168 letters). Names are bounded where they enter
    /// the gazetteer (records, GeoNames rows), so that matching them in text stays linear.
    public static let maximumNameLength = 200
    /// The most words a place name may have: 32.
    public static let maximumNameWords = 32

    /// Whether a name is short enough to enter the gazetteer (`maximumNameLength`, `maximumNameWords`).
    public static func isAcceptable(length name: some StringProtocol) -> Bool {
        var count = 0, words = 0, inWord = false
        for scalar in name.unicodeScalars {
            count += 1
            if count > maximumNameLength { return false }
            let separator = scalar == " " || scalar == "-" || scalar == "\t" || scalar == "\u{200C}"
            if !separator, !inWord { words += 1 }
            inWord = !separator
        }
        return words <= maximumNameWords
    }

    /// The folded form used as a lookup key.
    public static func key(_ name: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        func letter(_ scalar: Unicode.Scalar) {
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            append(scalar, to: &out)
        }
        for scalar in name.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x41...0x5A:
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(UInt8(v | 0x20))
            case 0x61...0x7A, 0x30...0x39:
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(UInt8(v))
            case 0x2E, 0x27, 0x2019, 0x200D, 0x200B, 0xFEFF, 0x300...0x36F:
                // Abbreviation dots, apostrophes, invisible joiners and combining marks vanish,
                // except a breve after и, which makes й of a decomposed й.
                if v == 0x306, out.count >= 2, out[out.count - 2] == 0xD0, out[out.count - 1] == 0xB8 { out[out.count - 1] = 0xB9 }
            case 0x400...0x4FF: letter(cyrillic(v))
            case 0x610...0x61A, 0x64B...0x65F, 0x670, 0x6D6...0x6ED, 0x640:
                continue  // Arabic harakat and tatweel vanish
            case 0x621 where !pendingSpace && out.count >= 2 && out[out.count - 2] == 0xD8 && out[out.count - 1] == 0xA7:
                continue  // hamza after alef, which Persian leaves off: 'صنعاء' is 'صنعا' (Sana'a)
            case 0x600...0x6FF:
                if let folded = arabic(v) { letter(folded) } else { pendingSpace = !out.isEmpty }
            case 0x200C: pendingSpace = !out.isEmpty
            default:
                if let folded = latinFolding[v] {
                    for s in folded.unicodeScalars { letter(s) }
                } else if v < 0x80 || !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark) {
                    pendingSpace = !out.isEmpty
                } else {
                    for s in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
                    where s.properties.generalCategory != .nonspacingMark { letter(s) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 encoding of a scalar.
    @inline(__always)
    private static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800: out.append(contentsOf: [UInt8(0xC0 | v >> 6), UInt8(0x80 | v & 0x3F)])
        case 0x800..<0x10000: out.append(contentsOf: [UInt8(0xE0 | v >> 12), UInt8(0x80 | v >> 6 & 0x3F), UInt8(0x80 | v & 0x3F)])
        default: out.append(contentsOf: [UInt8(0xF0 | v >> 18), UInt8(0x80 | v >> 12 & 0x3F), UInt8(0x80 | v >> 6 & 0x3F), UInt8(0x80 | v & 0x3F)])
        }
    }

    /// Lowercase Cyrillic, with ё as е.
    private static func cyrillic(_ v: UInt32) -> Unicode.Scalar {
        switch v {
        case 0x401, 0x451: return "е"
        case 0x410...0x42F: return Unicode.Scalar(v + 0x20)!
        case 0x400...0x40F: return Unicode.Scalar(v + 0x50)!
        case 0x460...0x4FF:
            let scalar = Unicode.Scalar(v)!
            return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        default: return Unicode.Scalar(v)!
        }
    }

    /// Arabic-script letters with yeh and kaf in their Persian forms; nil for punctuation.
    private static func arabic(_ v: UInt32) -> Unicode.Scalar? {
        switch v {
        case 0x64A, 0x649: return "\u{06CC}"
        case 0x622, 0x623, 0x625, 0x671: return "\u{0627}"  // alef with madda or hamza: آمریکا and امریکا are one name
        case 0x643: return "\u{06A9}"
        case 0x6D5, 0x6C0: return "\u{0647}"  // ae and heh with yeh: 'متحدە' as some Persian sites write it is 'متحده'
        case 0x60C, 0x61B, 0x61F, 0x6D4, 0x66A...0x66D: return nil
        default: return Unicode.Scalar(v)
        }
    }
}
