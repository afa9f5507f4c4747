@testable import Geoparser
import Testing

@Suite("The byte-keyed word table")
struct ByteKeyTableTests {
    func lookup(_ table: ByteKeyTable, _ text: String) -> Int32? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { table.value(for: UnsafeBufferPointer($0)) }
    }

    @Test("50,000 keys survive growth; every one is found, with ASCII case folded; absent keys and prefixes are not")
    func manyKeys() {
        var table = ByteKeyTable(capacity: 4, foldingASCIICase: true)
        for i in 0..<50_000 { table.insert("word\(i)", Int32(i)) }
        #expect(table.count == 50_000)
        for i in stride(from: 0, to: 50_000, by: 7) {
            #expect(lookup(table, "word\(i)") == Int32(i))
            #expect(lookup(table, "WORD\(i)") == Int32(i))
        }
        #expect(lookup(table, "word50000") == nil)
        #expect(lookup(table, "wor") == nil)
        #expect(lookup(table, "") == nil)
    }

    @Test("without folding, case and non-ASCII bytes must match exactly; inserting again replaces the value")
    func exactBytes() {
        var table = ByteKeyTable(foldingASCIICase: false)
        table.insert("Москве", 1)
        table.insert("moscow", 2)
        #expect(lookup(table, "Москве") == 1)
        #expect(lookup(table, "москве") == nil)
        #expect(lookup(table, "Moscow") == nil)
        table.insert("moscow", 3)
        #expect(lookup(table, "moscow") == 3)
        #expect(table.count == 2)
    }
}
