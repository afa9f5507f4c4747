import Foundation
import Gazetteer
import Geoparser
import Testing
import ReportReader

private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The development set (devset/, 168 real reports on other supply chains, hand-annotated by
/// devset/README.md) read with the built-in world gazetteer: toponym precision, recall and
/// resolution, and `map`'s routes, sites and claims, each at least a floor a little under what
/// `routemap coverage devset/LANG` measured when the floor was set. A change that loses places,
/// finds false ones or stops finding routes fails here; raise a floor when the set's numbers rise.
@Suite("The development set: floors for what routemap finds in real reports")
struct DevelopmentSetTests {
    static let parser = Geoparser(gazetteer: try! Gazetteer.world())
    static let reader = ReportReader(parser: parser)

    /// Floors by language: toponym precision, recall and resolution; routes recall, sites recall, claims recall.
    struct Floors: CustomTestStringConvertible, Sendable {
        let language: String
        let precision, recall, resolution: Double
        let routes, sites, claims: Double
        var testDescription: String { language }
    }

    // Fifty-one reports a language since round 15 (13–15, 16–18, 19–21, 22–24, 25–27, 28–30, 31–33, 34–36, 37–39, 40–42, 43–45,
    // 46–48 and 49–51 were each first scored unseen: the map's figures on them are lower).
    static let floors: [Floors] = [
        Floors(language: "en", precision: 0.925, recall: 0.89, resolution: 0.985, routes: 0.57, sites: 0.66, claims: 0.52),
        Floors(language: "id", precision: 0.93, recall: 0.88, resolution: 0.985, routes: 0.56, sites: 0.55, claims: 0.685),
        Floors(language: "ru", precision: 0.965, recall: 0.905, resolution: 0.99, routes: 0.55, sites: 0.635, claims: 0.535),
        Floors(language: "fa", precision: 0.95, recall: 0.88, resolution: 0.99, routes: 0.60, sites: 0.50, claims: 0.645),
    ]

    @Test("toponyms and the map of every annotated report, at least the floors", arguments: floors)
    func language(_ floors: Floors) throws {
        let folder = repositoryRoot.appendingPathComponent("devset/\(floors.language)")
        let texts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(texts.count >= 51, "devset/\(floors.language) holds \(texts.count) reports")
        var correct = 0, found = 0, expected = 0, spans = 0
        var routes = MapScore.Tally(), sites = MapScore.Tally(), claims = MapScore.Tally()
        for name in texts {
            let base = folder.appendingPathComponent(String(name.dropLast(4)))
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let annotations = try AnnotationFile.parse(try String(contentsOf: base.appendingPathExtension("toponyms.tsv"), encoding: .utf8), path: name)
            let mentions = Self.parser.mentions(in: text)
            let coverage = Coverage(mentions: mentions, annotations: annotations, unknownCandidates: [])
            correct += coverage.correct.count
            found += coverage.correct.count + coverage.unexpected.count
            expected += coverage.correct.count + coverage.missed.count
            spans += coverage.spanMatches
            let score = try MapScore(report: Self.reader.read(text, document: name, mentions: mentions), text: text,
                                     annotation: try Data(contentsOf: base.appendingPathExtension("map.json")))
            (routes, sites, claims) = (routes + score.routes, sites + score.sites, claims + score.claims)
        }
        let precision = Double(correct) / Double(found), recall = Double(correct) / Double(expected), resolution = Double(correct) / Double(spans)
        #expect(precision >= floors.precision, "toponym precision \(correct)/\(found)")
        #expect(recall >= floors.recall, "toponym recall \(correct)/\(expected)")
        #expect(resolution >= floors.resolution, "resolution \(correct)/\(spans)")
        #expect((routes.recall ?? 0) >= floors.routes, "routes recall \(routes.annotatedFound)/\(routes.annotated)")
        #expect((sites.recall ?? 0) >= floors.sites, "sites recall \(sites.annotatedFound)/\(sites.annotated)")
        #expect((claims.recall ?? 0) >= floors.claims, "claims recall \(claims.annotatedFound)/\(claims.annotated)")
    }
}

/// Claims with no figure (issue 15): a part of an area ("in eastern Chad", "di Chad timur") states a
/// direction from the area's own point; "near" a place states nothing measurable, and says so.
@Suite("Claims within an area or near a place")
struct AreaClaimTests {
    func claims(_ text: String) -> [Claim] {
        DevelopmentSetTests.reader.read(text, document: "test").claims
    }

    @Test("a part of an area, in English before it and in Indonesian after it")
    func parts() throws {
        let english = try #require(claims("The cargo was flown to an airstrip in eastern Chad.").first)
        #expect(english.reference.id == "chad" && english.stated.direction == .E && english.stated.distance == nil)
        let indonesian = try #require(claims("Pesawat itu mendarat di Chad timur pekan lalu.").first)
        #expect(indonesian.reference.id == "chad" && indonesian.stated.direction == .E)
        // Dunay lies east of Russia's own point (55.75 N 97.7 E in the gazetteer): consistent.
        let measured = try #require(claims("The ship unloaded at Dunay in eastern Russia.").first)
        #expect(measured.subject?.id.hasPrefix("dun") == true && measured.verdict == .consistent, "\(measured.reason)")
    }

    @Test("near a place or a border: no distance or direction, so unverifiable, with the distance measured when a place is named")
    func nearness() throws {
        let near = try #require(claims("The convoy crossed at Amdjarass, near the Sudanese border.").first)
        #expect(near.reference.id == "sudan" && near.stated.distance == nil && near.stated.direction == nil)
        #expect(near.verdict == .unverifiable && near.reason.contains("no distance or direction"))
        #expect(try #require(claims("Kapal itu ditahan dekat Vladivostok.").first).reference.id == "vladivostok")
        #expect(try #require(claims("نفتکش در نزدیکی عمان توقیف شد.").first).reference.id == "oman")
    }
}
