import Foundation
import Gazetteer
import Testing

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

struct Annotation: Sendable, CustomTestStringConvertible {
    let document: String
    let line: Int
    let start: Int
    let end: Int
    let surface: String
    let placeId: String
    var testDescription: String { "\(document):\(line) \(surface)" }
}

/// Every `seeds/*.toponyms.tsv` row, with the document it annotates.
func seedAnnotations() throws -> [Annotation] {
    let seeds = repositoryRoot.appendingPathComponent("seeds")
    let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".toponyms.tsv") }.sorted()
    var rows: [Annotation] = []
    for file in files {
        let text = try String(contentsOf: seeds.appendingPathComponent(file), encoding: .utf8)
        let document = String(file.dropLast(".toponyms.tsv".count)) + ".txt"
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix("start\t") else { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            rows.append(Annotation(document: document, line: number + 1, start: Int(f[0])!, end: Int(f[1])!, surface: f[2], placeId: f[3]))
        }
    }
    return rows
}

@Suite("The gazetteer covers every place the seeds name")
struct SeedCoverageTests {
    static let gazetteer = try! Gazetteer.embedded()
    static let annotations = try! seedAnnotations()

    @Test("both seeds are annotated")
    func bothSeedsAnnotated() {
        let documents = Set(Self.annotations.map(\.document))
        #expect(documents == ["000_90bee0a42d78c8e4.txt", "002_87e109458729ec33.txt"])
        #expect(Self.annotations.count == 128)
    }

    @Test("each annotation's offsets hold its surface string, counted in code points", arguments: annotations)
    func offsetsMatchText(a: Annotation) throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("seeds/\(a.document)"), encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        #expect(a.end <= scalars.count)
        guard a.end <= scalars.count, a.start < a.end else { return }
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: scalars[a.start..<a.end])
        #expect(String(slice) == a.surface)
    }

    @Test("each annotated surface resolves to the annotated place", arguments: annotations)
    func surfaceResolves(a: Annotation) {
        guard case .resolved(let match, _) = Self.gazetteer.resolve(a.surface) else {
            Issue.record("'\(a.surface)' does not resolve to one place")
            return
        }
        #expect(match.place.id == a.placeId)
    }

    @Test("the card's seven names resolve to the intended places", arguments: [
        ("Alabuga", "alabuga-sez"), ("Yelabuga", "yelabuga"), ("Tatarstan", "tatarstan"), ("Moscow", "moscow"),
        ("Amirabad", "amirabad-port"), ("Makhachkala", "makhachkala"), ("Caspian Sea", "caspian-sea"),
    ])
    func cardNames(name: String, id: String) {
        guard case .resolved(let match, _) = Self.gazetteer.resolve(name) else {
            Issue.record("'\(name)' does not resolve")
            return
        }
        #expect(match.place.id == id)
    }

    @Test("the issue's names in Indonesian, Russian and Persian resolve", arguments: [
        ("Moskow", "moscow"), ("Teheran", "tehran"), ("Laut Kaspia", "caspian-sea"), ("Rusia", "russia"),
        ("Ukraina", "ukraine"), ("Amerika Serikat", "united-states"), ("AS", "united-states"), ("Inggris", "united-kingdom"),
        ("Timur Tengah", "middle-east"), ("Москва", "moscow"), ("Елабуга", "yelabuga"), ("Алабуга", "alabuga-sez"),
        ("Махачкала", "makhachkala"), ("Каспийское море", "caspian-sea"), ("تهران", "tehran"), ("امیرآباد", "amirabad-port"),
    ])
    func languages(name: String, id: String) {
        guard case .resolved(let match, _) = Self.gazetteer.resolve(name) else {
            Issue.record("'\(name)' does not resolve")
            return
        }
        #expect(match.place.id == id)
    }

    @Test("every place says where its coordinate, and its bbox if any, come from")
    func provenance() {
        for place in Self.gazetteer.places {
            #expect(!(place.sources["coordinate"] ?? "").isEmpty, "\(place.id) has no coordinate source")
            if place.bbox != nil { #expect(!(place.sources["bbox"] ?? "").isEmpty, "\(place.id) has no bbox source") }
        }
    }

    @Test("the factory sits in the SEZ, in Yelabuga, in Tatarstan, in Russia")
    func parentChain() throws {
        let factory = try #require(Self.gazetteer.place(id: "alabuga-drone-factory"))
        #expect(Self.gazetteer.ancestors(of: factory).map(\.id) == ["alabuga-sez", "yelabuga", "tatarstan", "russia"])
    }

    @Test("areas' representative points lie in their boxes; Russia's and the US's boxes cross ±180°")
    func boxes() throws {
        for place in Self.gazetteer.places {
            if let box = place.bbox { #expect(box.contains(place.coordinate), "\(place.id)") }
        }
        #expect(try #require(Self.gazetteer.place(id: "russia")?.bbox).crossesAntimeridian)
        #expect(try #require(Self.gazetteer.place(id: "united-states")?.bbox).crossesAntimeridian)
        #expect(try #require(Self.gazetteer.place(id: "iran")?.bbox).crossesAntimeridian == false)
    }
}
