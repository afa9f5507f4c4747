import Foundation
import Gazetteer
import Geoparser
import ReportReader
import RouteMap

/// A reviewer's corrections to what `map` finds in a document, read back on every run.
///
/// One correction per line, fields separated by tabs (or two or more spaces); `#` starts a comment:
/// `reject SURFACE`, `pin SURFACE PLACE`, `route A > B > C [MODES]`, `drop A > B`.
struct ReviewFile {
    let path: String
    private(set) var rejected: Set<String> = []
    private(set) var pinned: [(surface: String, place: String, line: Int)] = []
    private(set) var added: [(stops: [String], modes: [TransportMode], line: Int)] = []
    private(set) var dropped: [(from: String, to: String, line: Int)] = []

    /// The review file for a document: `explicit` if given, else NAME.review beside NAME.txt if it exists.
    static func load(explicit: String?, beside document: String?) throws(InputError) -> ReviewFile? {
        var path = explicit
        if path == nil, let document {
            let candidate = (document.hasSuffix(".txt") ? String(document.dropLast(4)) : document) + ".review"
            if FileManager.default.fileExists(atPath: candidate) { path = candidate }
        }
        guard let path else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(description: "cannot read the review file '\(path)': no such file, or not readable")
        }
        return try ReviewFile(path: path, text: String(decoding: data, as: UTF8.self))
    }

    init(path: String, text: String) throws(InputError) {
        self.path = path
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let fields = Self.fields(content)
            guard let verb = fields.first else { continue }
            switch (verb, fields.count) {
            case ("reject", 2): rejected.insert(fields[1])
            case ("pin", 3): pinned.append((fields[1], fields[2], line))
            case ("route", 2), ("route", 3):
                let stops = fields[1].components(separatedBy: ">").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard stops.count >= 2 else { throw bad(line, "a route needs two or more places separated by '>': route Rajin > Dunay > Tikhoretsk") }
                var modes: [TransportMode] = []
                if fields.count == 3 {
                    for word in fields[2].split(separator: ",") {
                        guard let mode = TransportMode(rawValue: word.trimmingCharacters(in: .whitespaces)) else {
                            throw bad(line, "unknown mode '\(word)': use \(TransportMode.allCases.map(\.rawValue).joined(separator: ", "))")
                        }
                        modes.append(mode)
                    }
                    guard modes.count == 1 || modes.count == stops.count - 1 else {
                        throw bad(line, "\(stops.count - 1) legs but \(modes.count) modes: give one mode, or one per leg")
                    }
                }
                added.append((stops, modes, line))
            case ("drop", 2):
                let ends = fields[1].components(separatedBy: ">").map { $0.trimmingCharacters(in: .whitespaces) }
                guard ends.count == 2, !ends[0].isEmpty, !ends[1].isEmpty else { throw bad(line, "drop takes a start and an end: drop Iran > Russia") }
                dropped.append((ends[0], ends[1], line))
            default:
                throw bad(line, "'\(fields.joined(separator: " "))' is not a correction: write reject SURFACE, pin SURFACE PLACE, route A > B [MODES] or drop A > B, fields separated by tabs")
            }
        }
    }

    private func bad(_ line: Int, _ reason: String) -> InputError {
        InputError(description: "\(path):\(line): \(reason)")
    }

    /// Fields split at tabs, or at runs of two or more spaces.
    private static func fields(_ line: String) -> [String] {
        let separated = line.replacingOccurrences(of: "\t", with: "  ")
        return separated.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The mentions with rejected surfaces dropped and pinned ones resolved as the reviewer says.
    func apply(to mentions: [Mention], lookup: PlaceLookup) throws -> [Mention] {
        var places: [String: Place] = [:]
        for pin in pinned {
            do {
                places[pin.surface] = try lookup.place(for: pin.place).match.place
            } catch {
                throw InputError(description: "\(path):\(pin.line): \(error.description)")
            }
        }
        return mentions.filter { !rejected.contains($0.surface) }.map { mention in
            places[mention.surface].map { mention.pinned(to: $0, because: "pinned by \(path)") } ?? mention
        }
    }

    /// The report with dropped routes removed and added ones appended.
    func apply(to report: Report, lookup: PlaceLookup) throws -> Report {
        func id(_ text: String, line: Int) throws -> String {
            do { return try lookup.waypoint(for: text).id ?? text } catch { throw InputError(description: "\(path):\(line): \(error.description)") }
        }
        var routes = report.routes
        for drop in dropped {
            let (from, to) = (try id(drop.from, line: drop.line), try id(drop.to, line: drop.line))
            routes.removeAll { $0.route.waypoints.first?.id == from && $0.route.waypoints.last?.id == to }
        }
        for add in added {
            let waypoints: [Waypoint]
            do { waypoints = try lookup.waypoints(for: add.stops) } catch { throw InputError(description: "\(path):\(add.line): \(error.description)") }
            let modes = add.modes.isEmpty ? Array(repeating: TransportMode.unknown, count: waypoints.count - 1)
                : add.modes.count == 1 ? Array(repeating: add.modes[0], count: waypoints.count - 1) : add.modes
            let route = SupplyRoute(id: waypoints.map { $0.id ?? "point" }.joined(separator: "-to-"), name: waypoints.map(\.name).joined(separator: " → "),
                                    status: "added by \(path):\(add.line)", waypoints: waypoints, legs: modes.map { LegDescription(mode: $0) })
            routes.append(ReportedRoute(route: route, statement: .asserted))
        }
        return report.replacing(routes: routes)
    }
}
