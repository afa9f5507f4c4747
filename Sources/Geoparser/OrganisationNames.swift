/// Places inside the names of organisations are not mentions of the place: "Washington Post",
/// "New York Times", "Bank of Russia", "University of Tehran", "Universitas Indonesia".
///
/// A match is dropped when the next word is one of `followers` (capitalised, as in a name), or
/// when it is preceded by "of" after one of `heads`, or directly by "Universitas" or "Bank", on the same line.
enum OrganisationNames {
    static let followers: Set<String> = [
        "Post", "Times", "Journal", "Herald", "Tribune", "Gazette", "Chronicle", "Telegraph", "Observer", "Standard",
        "University", "Institute", "College", "Airlines", "Airways", "Air", "Bank", "Club", "Corporation", "Corp", "Inc",
        "Company", "Group", "Agency", "Press", "Daily",
    ]
    static let heads: Set<String> = ["University", "Bank", "Institute", "College", "Museum"]
    static let directHeads: Set<String> = ["Universitas", "Bank", "Institut"]

    static func contains(match: ClosedRange<Int>, tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Every follower and head is capitalised, and "of" is two letters: other words are passed over without making a String.
        func word(_ index: Int) -> String? {
            guard tokens.indices.contains(index) else { return nil }
            let token = tokens[index]
            guard token.isCapitalised || token.byteEnd - token.byteStart == 2 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[token.byteStart..<token.byteEnd]), as: UTF8.self)
        }
        let after = match.upperBound + 1
        if let next = word(after), followers.contains(next), Geoparser.joins(tokens[match.upperBound], tokens[after], in: bytes) { return true }
        // Words before the name count only on its line, as the word after does: a name never runs on across a line break.
        let before = match.lowerBound - 1
        let onTheLine = { (i: Int) in i >= 0 && Geoparser.joins(tokens[i], tokens[i + 1], in: bytes) }
        if let previous = word(before), onTheLine(before), directHeads.contains(previous) { return true }
        if word(before) == "of", onTheLine(before), let head = word(before - 1), onTheLine(before - 1), heads.contains(head) { return true }
        return false
    }
}
