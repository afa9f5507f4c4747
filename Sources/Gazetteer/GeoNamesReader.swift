import Coordinates
import Foundation

/// Reads GeoNames dump files as they are downloaded from geonames.org: the 19-column `geoname`
/// table (`allCountries.txt`, `citiesN.txt`, `RU.txt`…) and the `alternateNamesV2` table (names
/// with language codes), streaming them in blocks so a 1.5 GB dump is never held as one string.
///
/// A malformed row fails the whole import with its file and line: a half-imported gazetteer
/// would resolve names differently without saying so.
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

    /// Reads a `geoname` table file.
    public mutating func readGeonames(at path: String) throws(GazetteerError) {
        try Self.lines(of: path) { (fields, line) throws(GazetteerError) in try addGeoname(fields, location: "\(path):\(line)") }
    }

    /// Reads an `alternateNamesV2` (or older 8-column `alternateNames`) file, adding each name to
    /// its place by GeoNames id under its language code; rows for places not read are skipped.
    public mutating func readAlternateNames(at path: String) throws(GazetteerError) {
        try Self.lines(of: path) { (fields, line) throws(GazetteerError) in try addAlternateName(fields, location: "\(path):\(line)") }
    }

    /// Reads `geoname` table rows held in memory; `name` stands for the file in errors.
    public mutating func readGeonames(text: String, name: String) throws(GazetteerError) {
        for (index, line) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !line.isEmpty && line.first != UInt8(ascii: "#") {
            try addGeoname(line.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }, location: "\(name):\(index + 1)")
        }
    }

    /// One row of the `geoname` table.
    mutating func addGeoname(_ fields: [Substring], location: String) throws(GazetteerError) {
        let (geonameid, place) = try Self.place(fields, location: location)
        guard !skipping.contains(geonameid), indexByGeonameID[geonameid] == nil else { return }
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
    /// pass finds the rows to keep and a second their alternate names (packed, `AlternateNameStore`);
    /// the last pass builds each place and hands it to `body`, in file order. A malformed row is
    /// the in-memory reader's error, and ends the import.
    public static func stream(
        geonames: [String], alternateNames: [String], skipping: Set<Int>, _ body: (Place) throws(GazetteerError) -> Void
    ) throws(GazetteerError) {
        var kept = GeonameIDSet()
        var names = AlternateNameStore()
        if !alternateNames.isEmpty {
            for path in geonames {
                try lines(of: path) { (fields, line) throws(GazetteerError) in
                    let geonameid = try geonameid(fields, location: "\(path):\(line)")
                    if !skipping.contains(geonameid) { kept.insert(geonameid) }
                }
            }
            for path in alternateNames {
                try lines(of: path) { (fields, line) throws(GazetteerError) in
                    if let (geonameid, language, name) = try alternateName(fields, location: "\(path):\(line)"), kept.contains(geonameid) {
                        names.append(geonameid: geonameid, language: language, name: name)
                    }
                }
            }
        }
        // Without alternate names nothing was marked: a row is new the first time its id is seen.
        var seen = GeonameIDSet()
        for path in geonames {
            try lines(of: path) { (fields, line) throws(GazetteerError) in
                let geonameid = try geonameid(fields, location: "\(path):\(line)")
                guard !skipping.contains(geonameid), seen.insert(geonameid) else { return }
                let (_, place) = try place(fields, location: "\(path):\(line)")
                try body(adding(names.take(geonameid: geonameid), to: place))
            }
        }
    }

    /// The GeoNames id of a `geoname` row of the right shape; a row of another shape is an error.
    static func geonameid(_ fields: [Substring], location: String) throws(GazetteerError) -> Int {
        guard fields.count == 19 else {
            throw GazetteerError(location: location, message: "\(fields.count) tab-separated fields where a GeoNames geoname row has 19 (geonameid, name, asciiname, alternatenames, latitude, longitude, …)")
        }
        guard let geonameid = Int(fields[0]), geonameid > 0, geonameid <= Int(Int32.max) else {
            throw GazetteerError(location: location, message: "geonameid '\(fields[0])' is not a positive integer below 2^31 (GeoNames ids are 32-bit)")
        }
        return geonameid
    }

    /// The place a `geoname` row describes, and its GeoNames id; a malformed row is an error.
    static func place(_ fields: [Substring], location: String) throws(GazetteerError) -> (Int, Place) {
        let geonameid = try geonameid(fields, location: location)
        guard let latitude = Double(fields[4]), let longitude = Double(fields[5]) else {
            throw GazetteerError(location: location, message: "latitude '\(fields[4])' or longitude '\(fields[5])' is not a number")
        }
        let coordinate: Coordinate
        do {
            coordinate = try Coordinate(latitude: latitude, longitude: longitude)
        } catch {
            throw GazetteerError(location: location, message: "\(error)")
        }
        let name = String(fields[1])
        guard !name.isEmpty else { throw GazetteerError(location: location, message: "geoname \(geonameid) has no name") }
        var aliases = [String(fields[2])] + fields[3].split(separator: ",").map(String.init)
        aliases.removeAll { $0.isEmpty || $0 == name }
        let population = Int(fields[14]) ?? 0
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
    /// nothing (a link, a postcode, an airport code, a historic name); a malformed row is an error.
    static func alternateName(_ fields: [Substring], location: String) throws(GazetteerError) -> (Int, String, String)? {
        guard fields.count >= 4 else {
            throw GazetteerError(location: location, message: "\(fields.count) fields where an alternateNames row has at least 4 (alternateNameId, geonameid, isolanguage, alternate name)")
        }
        guard let geonameid = Int(fields[1]) else { throw GazetteerError(location: location, message: "geonameid '\(fields[1])' is not an integer") }
        let language = fields[2].isEmpty ? "und" : String(fields[2])
        guard !notNames.contains(language), fields[3].count > 0, !(fields.count > 7 && fields[7] == "1") else { return nil }
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
    /// reading the file in 4 MiB blocks; `#` comment lines are skipped.
    static func lines(of path: String, _ body: ([Substring], Int) throws(GazetteerError) -> Void) throws(GazetteerError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw GazetteerError(location: path, message: "cannot open: no such file, or not readable")
        }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var lineNumber = 0
        func emit(_ bytes: ArraySlice<UInt8>) throws(GazetteerError) {
            lineNumber += 1
            var line = bytes
            if line.last == 0x0D { line = line.dropLast() }
            guard !line.isEmpty, line.first != UInt8(ascii: "#") else { return }
            guard let text = String(validating: line, as: UTF8.self) else {
                throw GazetteerError(location: "\(path):\(lineNumber)", message: "not valid UTF-8; GeoNames files are UTF-8")
            }
            try body(text.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring($0) }, lineNumber)
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
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                try emit(pending[start..<newline])
                start = newline + 1
            }
            pending.removeSubrange(..<start)
        }
        if !pending.isEmpty { try emit(pending[...]) }
    }
}
