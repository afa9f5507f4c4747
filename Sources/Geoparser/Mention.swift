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
    /// The gazetteer name it matched (shared by every mention of that name).
    let entry: NameEntry
    /// Why it won over other places the words name; nil when there were none. Shared by every
    /// mention of the same rivals in a document.
    let choice: Choice?

    /// Which name it matched, the same for every mention of that name in a session: a key for caching what is written of it.
    public var entryIdentity: ObjectIdentifier { ObjectIdentifier(entry) }

    /// The gazetteer name it matched, and that name's language.
    public var matchedName: String { entry.name }
    public var language: String? { entry.language }
    /// How strongly the name matched (English name, document-language name, other language).
    public var kind: MatchKind { entry.kind }
    /// Other places the same words name, ranked, each with the reason it lost.
    public var alternatives: [Alternative] { choice?.alternatives ?? [] }
    /// Why this place won over the alternatives; nil when there were none.
    public var reason: String? { choice?.reason }
    /// The same for every mention that shares its reason and alternatives (the same rivals in a
    /// document), so that output can give them once; nil when there were none.
    public var choiceIdentity: ObjectIdentifier? { choice.map(ObjectIdentifier.init) }

    /// The winner's reason and the ranked losers, for one set of rival places.
    final class Choice: Sendable {
        let reason: String
        let alternatives: [Alternative]

        init(reason: String, alternatives: [Alternative]) {
            (self.reason, self.alternatives) = (reason, alternatives)
        }
    }

    /// A place a mention could have meant, and why it ranked lower.
    public struct Alternative: Sendable {
        public let place: Place
        public let reason: String
    }

    /// The same words resolved to another place, as a reviewer decided (the reason says so).
    public func pinned(to place: Place, because reason: String) -> Mention {
        Mention(surface: surface, start: start, end: end, byteRange: byteRange, place: place, entry: entry,
                choice: Choice(reason: reason, alternatives: [Alternative(place: self.place, reason: "the reading routemap chose")]))
    }

    /// True when the surface is an inflected form of the name (Москве for Москва).
    public var isInflected: Bool {
        guard surface != matchedName else { return false }
        let written = NameNormalizer.key(surface), name = NameNormalizer.key(matchedName)
        // A classifier left out of the span ("Christmas" of "Pulau Christmas", "کراچی" of "بندر کراچی") is no inflection.
        return written != name && !name.hasSuffix(" " + written)
    }

    /// How it matched, for people: "Russian name 'Москва' (inflected)".
    public var how: String {
        let kindText = matchedName == place.name && kind == .name ? "English name" : "\(Languages.name(of: language)) name"
        return "\(kindText) '\(matchedName)'" + (isInflected ? " (inflected)" : "")
    }
}
