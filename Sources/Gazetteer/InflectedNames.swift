/// Names typed in a Russian case form ("Приморского края", "Кыргызстана", "из Китая" without the "из"):
/// the resolver meets them as the geoparser meets them in text, by stripping case endings from both
/// sides (`RussianStemmer`), so that `resolve` understands what `extract` understands.
extension Gazetteer {
    /// The entries of the names that meet `key` (a `NameNormalizer` key with at least one Cyrillic word)
    /// word for word once case endings are stripped; empty when the key has no Cyrillic word.
    func inflectedEntries(forKey key: String) -> [NameEntry] {
        let words = key.split(separator: " ").map(String.init)
        guard words.contains(where: RussianStemmer.isCyrillic) else { return [] }
        let stems = words.map { RussianStemmer.isCyrillic($0) ? RussianStemmer.stem($0) : $0 }
        var found: [NameEntry] = []
        // Every form a name word answers to is a prefix of it, so the names to try share the first stem as a prefix.
        forEachNameKey(withPrefix: stems[0]) { candidate, entries in
            let nameWords = candidate.split(separator: " ").map(String.init)
            guard nameWords.count == words.count, candidate != key else { return }
            for (stem, (word, nameWord)) in zip(stems, zip(words, nameWords)) {
                let meets = RussianStemmer.isCyrillic(word) && RussianStemmer.isCyrillic(nameWord)
                    ? RussianStemmer.answeringStems(ofNameWord: nameWord).contains(stem)
                    : word == nameWord
                guard meets else { return }
            }
            found += entries()
        }
        return found
    }

    /// Calls `body` with every normalised name key that starts with `prefix`, and a way to read its entries.
    func forEachNameKey(withPrefix prefix: String, _ body: (String, @escaping () -> [NameEntry]) -> Void) {
        switch storage {
        case .memory(_, _, let index):
            for (key, entries) in index.entries where key.hasPrefix(prefix) { body(key, { entries }) }
        case .compiled(let compiled):
            compiled.forEachKey(withPrefix: prefix) { key, read in body(String(decoding: key, as: UTF8.self), read) }
        }
    }
}
