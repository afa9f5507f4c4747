import Foundation
@testable import FuzzTargets
import Testing

/// The inputs kept in Fuzz/seeds (the fuzzers' starting corpus) and Fuzz/regressions (every
/// input a fuzzer found a crash, leak or broken invariant with, named after what it found).
func fuzzInputs() -> [(target: String, file: String)] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var inputs: [(String, String)] = []
    for folder in ["Fuzz/seeds", "Fuzz/regressions"] {
        let base = root.appendingPathComponent(folder)
        for target in (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? [] {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent(target).path)) ?? [] {
                inputs.append((target, base.appendingPathComponent(target).appendingPathComponent(file).path))
            }
        }
    }
    return inputs.sorted { $0.1 < $1.1 }
}

@Suite("Fuzzing targets: seeds and regressions replayed")
struct FuzzRegressionTests {
    @Test("every kept input runs through its target with every invariant holding", arguments: fuzzInputs().map { "\($0.target) \($0.file)" })
    func replay(_ entry: String) throws {
        let target = String(entry.prefix { $0 != " " }), file = String(entry.drop { $0 != " " }.dropFirst())
        let run = try #require(FuzzTargets.all[target], "no fuzzing target '\(target)'")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(run(bytes) == [])
    }

    @Test("every target has seeds, and regressions exist for the three findings")
    func corpus() {
        let inputs = fuzzInputs()
        #expect(Set(inputs.map(\.target)) == Set(FuzzTargets.all.keys))
        #expect(inputs.filter { $0.file.contains("/regressions/") }.count >= 3)
    }

    @Test("the GeoJSON invariant checker catches an uncut antimeridian, a clockwise exterior and a bad position")
    func checker() {
        let uncut = #"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[-180,-90],[180,-90]]}}"#
        #expect(FuzzTargets.geoJSONProblems(Array(uncut.utf8)).contains { $0.contains("antimeridian") })
        let clockwise = #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}}"#
        #expect(FuzzTargets.geoJSONProblems(Array(clockwise.utf8)).contains { $0.contains("clockwise") })
        let outside = #"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0,0]}}"#
        #expect(FuzzTargets.geoJSONProblems(Array(outside.utf8)) == [])
        #expect(FuzzTargets.geoJSONProblems(Array("{".utf8)).first?.hasPrefix("not JSON") == true)
    }
}
