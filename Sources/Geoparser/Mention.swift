import Gazetteer

/// A place named in a text: where, what it resolved to, and how.
public struct Mention: Sendable {
    /// The text as written ("Москве", "zona ekonomi khusus Alabuga").
    public let surface: String
    /// Code-point offsets into the text, end exclusive.
    public let start: Int
    public let end: Int
    /// The same span in UTF-8 bytes.
    public let byteRange: Range<Int>
    /// The place it resolved to.
    public let place: Place
    /// The gazetteer name it matched, and that name's language.
    public let matchedName: String
    public let language: String?
    /// How strongly the name matched (English name, document-language name, other language).
    public let kind: MatchKind
    /// Other places the same words name, ranked, each with the reason it lost.
    public let alternatives: [Alternative]
    /// Why this place won over the alternatives; nil when there were none.
    public let reason: String?

    /// A place a mention could have meant, and why it ranked lower.
    public struct Alternative: Sendable {
        public let place: Place
        public let reason: String
    }

    /// True when the surface is an inflected form of the name (Москве for Москва).
    public var isInflected: Bool { NameNormalizer.key(surface) != NameNormalizer.key(matchedName) }

    /// How it matched, for people: "Russian name 'Москва' (inflected)".
    public var how: String {
        let kindText = matchedName == place.name && kind == .name ? "English name" : "\(Languages.name(of: language)) name"
        return "\(kindText) '\(matchedName)'" + (isInflected ? " (inflected)" : "")
    }
}
