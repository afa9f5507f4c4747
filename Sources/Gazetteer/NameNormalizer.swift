import Foundation

/// Folds names so that case, diacritics, punctuation and spacing do not matter: "Bandar-e Amīrābād" → "bandar e amirabad".
///
/// Abbreviation dots and apostrophes vanish ("D.C." → "dc", "Chistopol'" → "chistopol"); other punctuation separates words.
public enum NameNormalizer {
    /// The folded form used as a lookup key.
    public static func key(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in decomposedKeepingLetters(name.lowercased()) {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark, .format:
                // Diacritics, and zero-width joiners such as Persian's ZWNJ, fold away.
                if scalar == "\u{200C}" { pendingSpace = !out.isEmpty }
                continue
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber:
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(fold(scalar))
            default:
                if scalar == "." || scalar == "'" || scalar == "’" { continue }
                pendingSpace = !out.isEmpty
            }
        }
        return String(out)
    }

    /// Canonical decomposition, except letters whose marks make them other letters: Russian й is not и.
    private static func decomposedKeepingLetters(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar == "й" || scalar.isASCII {
                out.append(scalar)
            } else {
                out += String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            }
        }
        return out
    }

    /// Letters written two ways: Russian ё/е, Arabic and Persian yeh and kaf.
    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "ё": "е"
        case "\u{064A}", "\u{0649}": "\u{06CC}"  // Arabic yeh, alef maksura → Persian yeh
        case "\u{0643}": "\u{06A9}"  // Arabic kaf → Persian keheh
        default: scalar
        }
    }
}
