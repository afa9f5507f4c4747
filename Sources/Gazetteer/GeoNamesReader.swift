import Coordinates
import DecimalText
import Foundation
import TerminalSafe

/// Reads GeoNames dump files as they are downloaded from geonames.org: the 19-column `geoname`
/// table (`allCountries.txt`, `citiesN.txt`, `RU.txt`…) and the `alternateNamesV2` table (names
/// with language codes), streaming them in blocks so a 1.5 GB dump is never held as one string.
///
/// Every row is checked strictly (19 fields, a positive 32-bit id, decimal coordinates in range
/// with no hexadecimal or text after a NUL, a whole population, a name without control characters
/// of at most `NameNormalizer.maximumNameLength` characters, lines of at most 1 MiB). One pass
/// finds every bad row of a file; the import then fails naming the first 20 and how many there
/// are, so a half-read dump never changes answers silently, unless `GeoNamesImportOptions.current`
/// says to skip them (`--skip-bad-rows`), when each file's skipped rows are reported as a warning.
/// A UTF-8 byte-order mark on the first line is skipped; a repeated geonameid keeps its first row
/// and is reported.
public struct GeoNamesReader {
    /// The places read so far, in file order.
    public private(set) var places: [Place] = []
    private var indexByGeonameID: [Int: Int] = [:]
    /// GeoNames ids to leave out: places the curated gazetteer (or an earlier source) already has.
    private let skipping: Set<Int>

    /// A reader that leaves out the GeoNames ids in `skipping`.
    public init(skipping: Set<Int> = []) {
        self.skipping = skipping
    }

    /// The longest line read (a GeoNames row is a few kilobytes at most).
    static let maximumLineLength = 1 << 20

    /// Reads a `geoname` table file.
    public mutating func readGeonames(at path: String) throws(GazetteerError) {
        let rows = RowReport(file: path)
        try Self.lines(of: path, report: rows) { (fields, line) throws(GazetteerError) in
            try addGeoname(fields, location: "\(path):\(line)", rows: rows)
        }
        try rows.finish()
    }

    /// Reads an `alternateNamesV2` (or older 8-column `alternateNames`) file, adding each name to
    /// its place by GeoNames id under its language code; rows for places not read are skipped.
    public mutating func readAlternateNames(at path: String) throws(GazetteerError) {
        let rows = RowReport(file: path)
        try Self.lines(of: path, report: rows) { (fields, line) throws(GazetteerError) in
            try addAlternateName(fields, location: "\(path):\(line)")
        }
        try rows.finish()
    }

    /// Reads `geoname` table rows held in memory; `name` stands for the file in errors.
    public mutating func readGeonames(text: String, name: String) throws(GazetteerError) {
        let rows = RowReport(file: name)
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        for (index, line) in body.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !line.isEmpty && line.first != UInt8(ascii: "#") {
            var row = line
            if row.last == 0x0D { row = row.dropLast() }
            let fields = row.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }
            rows.attempt(line: index + 1) { () throws(GazetteerError) in try addGeoname(fields, location: "\(name):\(index + 1)", rows: rows) }
        }
        try rows.finish()
    }

    /// One row of the `geoname` table.
    mutating func addGeoname(_ fields: [Substring], location: String) throws(GazetteerError) {
        let rows = RowReport(file: location)
        try addGeoname(fields, location: location, rows: rows)
        rows.finishDuplicates()
    }

    private mutating func addGeoname(_ fields: [Substring], location: String, rows: RowReport) throws(GazetteerError) {
        let (geonameid, place) = try Self.place(fields, location: location)
        guard !skipping.contains(geonameid) else { return }
        guard indexByGeonameID[geonameid] == nil else {
            rows.duplicate(geonameid, at: location)
            return
        }
        indexByGeonameID[geonameid] = places.count
        places.append(place)
    }

    /// One row of the `alternateNamesV2` table: id, geonameid, isolanguage, name, flags….
    mutating func addAlternateName(_ fields: [Substring], location: String) throws(GazetteerError) {
        guard let (geonameid, language, name) = try Self.alternateName(fields, location: location),
              let index = indexByGeonameID[geonameid] else { return }
        places[index] = Self.adding([(language, name)], to: places[index])
    }

    /// Reads the dumps without holding their places: when there are alternate-name files, a first
    /// pass checks every row and finds the rows to keep, and a second their alternate names (packed,
    /// `AlternateNameStore`); the last pass builds each place and hands it to `body`, in file order.
    /// Bad rows fail the import after the pass that finds them all (or are skipped and reported,
    /// per `GeoNamesImportOptions.current`); a repeated id keeps its first row and is reported.
    public static func stream(
        geonames: [String], alternateNames: [String], skipping: Set<Int>, _ body: (Place) throws(GazetteerError) -> Void
    ) throws(GazetteerError) {
        var kept = GeonameIDSet()
        var names = AlternateNameStore()
        let checkedFirst = !alternateNames.isEmpty
        if checkedFirst {
            for path in geonames {
                let rows = RowReport(file: path)
                try lines(of: path, report: rows) { (fields, line) throws(GazetteerError) in
                    let geonameid = try check(fields, location: "\(path):\(line)")
                    if !skipping.contains(geonameid) { kept.insert(geonameid) }
                }
                try rows.finish()
            }
            for path in alternateNames {
                let rows = RowReport(file: path)
                try lines(of: path, report: rows) { (fields, line) throws(GazetteerError) in
                    if let (geonameid, language, name) = try alternateName(fields, location: "\(path):\(line)"), kept.contains(geonameid) {
                        names.append(geonameid: geonameid, language: language, name: name)
                    }
                }
                try rows.finish()
            }
        }
        // Without alternate names nothing was marked: a row is new the first time its id is seen.
        var seen = GeonameIDSet()
        for path in geonames {
            // Rows found bad in the first pass were reported there; here they are only left out.
            let rows = RowReport(file: path, silent: checkedFirst)
            try lines(of: path, report: rows) { (fields, line) throws(GazetteerError) in
                let location = "\(path):\(line)"
                let (geonameid, place) = try place(fields, location: location)
                guard !skipping.contains(geonameid) else { return }
                guard seen.insert(geonameid) else {
                    rows.duplicate(geonameid, at: location)
                    return
                }
                try body(adding(names.take(geonameid: geonameid), to: place))
            }
            try rows.finish()
        }
    }

    /// The GeoNames id of a `geoname` row of the right shape; a row of another shape is an error.
    static func geonameid(_ fields: [Substring], location: String) throws(GazetteerError) -> Int {
        guard fields.count == 19 else {
            throw GazetteerError(location: location, message: "\(fields.count) tab-separated fields where a GeoNames geoname row has 19 (geonameid, name, asciiname, alternatenames, latitude, longitude, …)")
        }
        guard fields[0].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let geonameid = Int(fields[0]), geonameid > 0, geonameid <= Int(Int32.max) else {
            throw GazetteerError(location: location, message: "geonameid '\(TerminalText.excerpt(fields[0]))' is not a positive integer below 2^31 (GeoNames ids are 32-bit)")
        }
        return geonameid
    }

    /// Checks a `geoname` row as `place` does, without building the place; returns its id.
    static func check(_ fields: [Substring], location: String) throws(GazetteerError) -> Int {
        let geonameid = try geonameid(fields, location: location)
        _ = try coordinate(fields, location: location)
        _ = try population(fields[14], location: location)
        try checkName(fields[1], geonameid: geonameid, location: location)
        return geonameid
    }

    private static func coordinate(_ fields: [Substring], location: String) throws(GazetteerError) -> Coordinate {
        guard let latitude = DecimalText.number(fields[4]), let longitude = DecimalText.number(fields[5]) else {
            throw GazetteerError(location: location, message: "latitude '\(TerminalText.excerpt(fields[4]))' or longitude '\(TerminalText.excerpt(fields[5]))' is not a decimal number")
        }
        do {
            return try Coordinate(latitude: latitude, longitude: longitude)
        } catch {
            throw GazetteerError(location: location, message: "\(error)")
        }
    }

    /// The population field: empty or a whole number.
    private static func population(_ field: Substring, location: String) throws(GazetteerError) -> Int {
        if field.isEmpty { return 0 }
        guard field.utf8.count <= 18, field.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(field) else {
            throw GazetteerError(location: location, message: "population '\(TerminalText.excerpt(field))' is not a whole number")
        }
        return value
    }

    private static func checkName(_ name: Substring, geonameid: Int, location: String) throws(GazetteerError) {
        guard !name.isEmpty else { throw GazetteerError(location: location, message: "geoname \(geonameid) has no name") }
        if name.unicodeScalars.contains(where: TerminalText.needsEscape) || name.contains("\t") {
            throw GazetteerError(location: location, message: "the name '\(TerminalText.excerpt(name))' holds a control character")
        }
        guard NameNormalizer.isAcceptable(length: name) else {
            throw GazetteerError(location: location, message: "a name of \(name.unicodeScalars.count) characters ('\(TerminalText.excerpt(name))'), longer than the \(NameNormalizer.maximumNameLength) a place name may have")
        }
    }

    /// The place a `geoname` row describes, and its GeoNames id; a malformed row is an error.
    static func place(_ fields: [Substring], location: String) throws(GazetteerError) -> (Int, Place) {
        let geonameid = try geonameid(fields, location: location)
        let coordinate = try coordinate(fields, location: location)
        let population = try population(fields[14], location: location)
        try checkName(fields[1], geonameid: geonameid, location: location)
        let name = String(fields[1])
        // Alternate spellings that are too long to be names, or hold control characters, are left out.
        var aliases = [String(fields[2])] + fields[3].split(separator: ",").map(String.init)
        aliases.removeAll { $0.isEmpty || $0 == name || !NameNormalizer.isAcceptable(length: $0) || $0.unicodeScalars.contains(where: TerminalText.needsEscape) }
        let country = fields[8].isEmpty ? nil : String(fields[8])
        let featureCode = "\(fields[6]).\(fields[7])"
        return (geonameid, Place(
            id: "geonames-\(geonameid)", name: name, kind: Self.kind(featureClass: fields[6], code: fields[7], population: population),
            country: country, parent: nil, coordinate: coordinate, bbox: nil, names: aliases.isEmpty ? [:] : ["und": aliases],
            links: ["geonames": String(geonameid), "feature_code": featureCode],
            sources: ["coordinate": "GeoNames \(geonameid) (\(name), \(featureCode)) from \(location.split(separator: ":").first.map(String.init) ?? location) (CC BY 4.0)"],
            origin: location, population: population > 0 ? population : nil, source: "geonames"
        ))
    }

    /// The (geonameid, language, name) of an `alternateNamesV2` row, or nil for a row that names
    /// nothing (a link, a postcode, an airport code, a historic name, a name too long to be one);
    /// a malformed row is an error.
    static func alternateName(_ fields: [Substring], location: String) throws(GazetteerError) -> (Int, String, String)? {
        guard fields.count >= 4 else {
            throw GazetteerError(location: location, message: "\(fields.count) fields where an alternateNames row has at least 4 (alternateNameId, geonameid, isolanguage, alternate name)")
        }
        guard fields[1].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let geonameid = Int(fields[1]) else {
            throw GazetteerError(location: location, message: "geonameid '\(TerminalText.excerpt(fields[1]))' is not an integer")
        }
        let language = fields[2].isEmpty ? "und" : String(fields[2])
        guard !notNames.contains(language), fields[3].count > 0, !(fields.count > 7 && fields[7] == "1") else { return nil }
        if fields[3].unicodeScalars.contains(where: TerminalText.needsEscape) {
            throw GazetteerError(location: location, message: "the name '\(TerminalText.excerpt(fields[3]))' holds a control character")
        }
        guard NameNormalizer.isAcceptable(length: fields[3]) else { return nil }
        return (geonameid, language, String(fields[3]))
    }

    /// The place with these (language, name) pairs added, leaving out its own name and repeats.
    static func adding(_ names: [(String, String)], to place: Place) -> Place {
        var all = place.names
        for (language, name) in names where name != place.name && !(all[language]?.contains(name) ?? false) {
            all[language, default: []].append(name)
        }
        guard all != place.names else { return place }
        return Place(id: place.id, name: place.name, kind: place.kind, country: place.country, parent: place.parent,
                     coordinate: place.coordinate, bbox: place.bbox, names: all, links: place.links, sources: place.sources,
                     origin: place.origin, population: place.population, source: place.source)
    }

    private static let notNames: Set<String> = ["link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "abbr", "fr_1793", "phon", "piny"]

    /// The place kind for a GeoNames feature class and code.
    static func kind(featureClass: Substring, code: Substring, population: Int) -> PlaceKind {
        if code == "PRT" || code == "PORT" { return .port }
        switch featureClass {
        case "A": return code.hasPrefix("PCL") ? .country : .region
        case "P": return code == "PPLC" || code.hasPrefix("PPLA") || population >= 15_000 ? .city : .village
        case "H": return ["SEA", "BAY", "GULF", "STRT", "SD", "BGHT", "OCN"].contains(code) ? .sea : .feature
        case "S": return ["MFG", "MFGM", "MFGB", "MFGC", "MFGPH", "INDS", "MLWND"].contains(code) ? .facility : .building
        case "L": return code == "CONT" ? .continent : .feature
        default: return .feature
        }
    }

    /// Calls `body` with the tab-separated fields and 1-based number of every non-empty line,
    /// reading the file in 4 MiB blocks and scanning each byte once however long a line is; `#`
    /// comment lines are skipped, and a byte-order mark before the first line. A row `body` throws
    /// for, a line that is not UTF-8 and a line over 1 MiB go to `report`, and the reading goes on.
    static func lines(of path: String, report: RowReport, _ body: ([Substring], Int) throws(GazetteerError) -> Void) throws(GazetteerError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw GazetteerError(location: path, message: "cannot open: no such file, or not readable")
        }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var scanned = 0  // how far `pending` has been searched for a newline
        var skipped = 0  // bytes of an over-long line dropped so far
        var lineNumber = 0
        func emit(_ bytes: ArraySlice<UInt8>, report: RowReport) {
            lineNumber += 1
            var line = bytes
            if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            if line.last == 0x0D { line = line.dropLast() }
            guard !line.isEmpty, line.first != UInt8(ascii: "#") else { return }
            let number = lineNumber
            guard let text = String(validating: line, as: UTF8.self) else {
                report.bad(GazetteerError(location: "\(path):\(number)", message: "not valid UTF-8; GeoNames files are UTF-8"), line: number)
                return
            }
            report.attempt(line: number) { () throws(GazetteerError) in
                try body(text.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }, number)
            }
        }
        func tooLong(report: RowReport) {
            lineNumber += 1
            report.bad(GazetteerError(location: "\(path):\(lineNumber)", message: "a line of \(skipped) bytes, longer than the \(maximumLineLength >> 20) MiB a GeoNames row may be"), line: lineNumber)
            skipped = 0
        }
        while true {
            let block: Data
            do {
                block = try handle.read(upToCount: 4 << 20) ?? Data()
            } catch {
                throw GazetteerError(location: path, message: "cannot read: \(error.localizedDescription)")
            }
            if block.isEmpty { break }
            pending.append(contentsOf: block)
            var start = 0
            while let newline = pending[scanned...].firstIndex(of: 0x0A) {
                if skipped > 0 {
                    skipped += newline - start
                    tooLong(report: report)
                } else if newline - start > maximumLineLength {
                    skipped = newline - start
                    tooLong(report: report)
                } else {
                    emit(pending[start..<newline], report: report)
                }
                start = newline + 1
                scanned = start
            }
            pending.removeSubrange(..<start)
            scanned = pending.count
            if pending.count > maximumLineLength {
                // The line is too long already: count it, keep none of it.
                skipped += pending.count
                pending.removeAll(keepingCapacity: true)
                scanned = 0
            }
        }
        if skipped > 0 {
            skipped += pending.count
            tooLong(report: report)
        } else if !pending.isEmpty {
            emit(pending[...], report: report)
        }
    }
}

/// How a GeoNames import treats the rows it cannot read, and where its warnings go: set for a run
/// with `GeoNamesImportOptions.$current.withValue(…)` (the command line's `--skip-bad-rows`).
public struct GeoNamesImportOptions: Sendable {
    /// Leave bad rows out (reporting them) instead of failing the import.
    public var skipsBadRows: Bool
    /// Hears each file's report of skipped and repeated rows.
    public var report: @Sendable (GeoNamesImportReport) -> Void

    /// Options that skip bad rows or not, and send reports to `report`.
    public init(skipsBadRows: Bool = false, report: @escaping @Sendable (GeoNamesImportReport) -> Void = { _ in }) {
        self.skipsBadRows = skipsBadRows
        self.report = report
    }

    /// The options in force: by default, a bad row fails the import and nothing is reported.
    @TaskLocal public static var current = GeoNamesImportOptions()
}

/// What one pass over a GeoNames file left out: bad rows (skipped with `--skip-bad-rows`) and rows
/// whose geonameid repeats an earlier row's, each with the first 20 as `file:line: reason`.
public struct GeoNamesImportReport: Sendable, CustomStringConvertible {
    /// The file.
    public let file: String
    /// How many rows were bad, and the first 20 of them.
    public let badRows: Int
    public let firstBadRows: [String]
    /// How many rows repeated a geonameid, and the first 20 of them.
    public let duplicateRows: Int
    public let firstDuplicateRows: [String]

    public var description: String {
        var parts: [String] = []
        if badRows > 0 {
            parts.append("\(file): \(badRows) bad row\(badRows == 1 ? "" : "s") skipped (--skip-bad-rows):\n" + firstBadRows.map { "  " + $0 }.joined(separator: "\n")
                         + (badRows > firstBadRows.count ? "\n  … and \(badRows - firstBadRows.count) more" : ""))
        }
        if duplicateRows > 0 {
            parts.append("\(file): \(duplicateRows) row\(duplicateRows == 1 ? " repeats" : "s repeat") an earlier row's geonameid; the first row of each is kept:\n"
                         + firstDuplicateRows.map { "  " + $0 }.joined(separator: "\n")
                         + (duplicateRows > firstDuplicateRows.count ? "\n  … and \(duplicateRows - firstDuplicateRows.count) more" : ""))
        }
        return parts.joined(separator: "\n")
    }
}

/// The bad and repeated rows of one pass over one file: `finish` fails the import listing the
/// first 20 bad rows and their count, or (skipping) reports them with the repeats.
final class RowReport {
    /// How many rows a message lists.
    static let shown = 20

    let file: String
    /// A pass that only leaves bad rows out (an earlier pass reported them).
    let silent: Bool
    private(set) var bad = 0
    private var firstBad: [String] = []
    private var duplicates = 0
    private var firstDuplicates: [String] = []

    init(file: String, silent: Bool = false) {
        self.file = file
        self.silent = silent
    }

    /// Runs one row's work; a row error is counted instead of ending the pass.
    func attempt(line: Int, _ work: () throws(GazetteerError) -> Void) {
        do {
            try work()
        } catch {
            bad(error, line: line)
        }
    }

    func bad(_ error: GazetteerError, line: Int) {
        bad += 1
        if firstBad.count < Self.shown { firstBad.append(error.description) }
    }

    func duplicate(_ geonameid: Int, at location: String) {
        duplicates += 1
        if firstDuplicates.count < Self.shown { firstDuplicates.append("\(location): geonameid \(geonameid) appears again") }
    }

    /// Fails for bad rows, unless the options in force skip them; reports what was left out.
    func finish() throws(GazetteerError) {
        let options = GeoNamesImportOptions.current
        if bad > 0, !silent, !options.skipsBadRows {
            let list = firstBad.joined(separator: "\n  ")
            let more = bad > firstBad.count ? "\n  … and \(bad - firstBad.count) more" : ""
            throw GazetteerError(location: file, message: "\(bad) bad row\(bad == 1 ? "" : "s"), so nothing of it is imported (a half-read dump would change answers silently); fix \(bad == 1 ? "it" : "them"), or leave them out with --skip-bad-rows:\n  \(list)\(more)")
        }
        guard (bad > 0 && !silent) || duplicates > 0 else { return }
        options.report(GeoNamesImportReport(file: file, badRows: silent ? 0 : bad, firstBadRows: silent ? [] : firstBad,
                                            duplicateRows: duplicates, firstDuplicateRows: firstDuplicates))
    }

    /// Reports repeats only (for a single row added outside a pass).
    func finishDuplicates() {
        guard duplicates > 0 else { return }
        GeoNamesImportOptions.current.report(GeoNamesImportReport(file: file, badRows: 0, firstBadRows: [], duplicateRows: duplicates, firstDuplicateRows: firstDuplicates))
    }
}
