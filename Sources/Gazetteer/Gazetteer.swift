import Coordinates

/// A set of places with their names indexed for lookup: held in memory, or mapped from a compiled index.
public struct Gazetteer: Sendable {
    enum Storage: Sendable {
        case memory(places: [Place], byId: [String: Int], index: NameIndex)
        case compiled(CompiledIndex)
    }

    let storage: Storage

    /// Indexes `places`; ids must be unique (as `PlaceLoader.places(from:)` ensures).
    public init(places: [Place]) {
        let byId = Dictionary(places.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        storage = .memory(places: places, byId: byId, index: NameIndex(places: places))
    }

    /// Answers from a compiled index without reading its places into memory.
    public init(compiled: CompiledIndex) {
        storage = .compiled(compiled)
    }

    /// The compiled index it answers from, if it is mapped from one.
    public var compiledIndex: CompiledIndex? {
        if case .compiled(let index) = storage { return index }
        return nil
    }

    /// How many places it holds.
    public var count: Int {
        switch storage {
        case .memory(let places, _, _): places.count
        case .compiled(let index): index.placeCount
        }
    }

    /// The place at `index` (0..<count).
    public func place(at index: Int) -> Place {
        switch storage {
        case .memory(let places, _, _): return places[index]
        case .compiled(let compiled):
            // A damaged record reads as an unnamed feature rather than a crash; `gazetteer build` rewrites the file.
            return compiled.place(at: index) ?? Place(id: "damaged-\(index)", name: "(damaged index record)", kind: .feature, country: nil, parent: nil,
                                                      coordinate: Coordinate(uncheckedLatitude: 0, longitude: 0), bbox: nil, names: [:], source: "damaged index")
        }
    }

    /// Every place, in load order. A compiled gazetteer decodes them all on each call: use `materialized()` first.
    public var places: [Place] {
        switch storage {
        case .memory(let places, _, _): places
        case .compiled(let index): (0..<index.placeCount).map(place(at:))
        }
    }

    /// The same places held in memory, for work that visits every place (the geoparser); names are not normalised again.
    public func materialized() -> Gazetteer {
        guard case .compiled(let compiled) = storage else { return self }
        var entries: [String: [NameEntry]] = [:]
        entries.reserveCapacity(compiled.keyCount)
        compiled.forEachKey { key, read in
            // A damaged file may name places it does not hold: keep only real ones.
            entries[String(decoding: key, as: UTF8.self)] = read().filter { $0.placeIndex < compiled.placeCount }
        }
        let places = self.places
        let byId = Dictionary(places.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return Gazetteer(storage: .memory(places: places, byId: byId, index: NameIndex(entries: entries)))
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    /// The ways a normalised name key leads to places.
    func entries(forKey key: String) -> [NameEntry] {
        switch storage {
        case .memory(_, _, let index): index.entries[key] ?? []
        case .compiled(let compiled): compiled.entries(forKey: key)
        }
    }

    /// Calls `body` with every normalised name key and a way to read its entries, which a compiled
    /// index decodes only when asked (a search for near names reads the few keys that are near).
    func forEachNameKey(_ body: (String, @escaping () -> [NameEntry]) -> Void) {
        switch storage {
        case .memory(_, _, let index): for (key, entries) in index.entries { body(key, { entries }) }
        case .compiled(let compiled): compiled.forEachKey { key, read in body(String(decoding: key, as: UTF8.self), read) }
        }
    }

    /// Calls `body` with every normalised name key as UTF-8 bytes, and ways to read it as text and to
    /// read its entries: a scan that filters keys by their length decodes none of the others.
    func forEachNameKeyBytes(_ body: (UnsafeRawBufferPointer, () -> String, @escaping () -> [NameEntry]) -> Void) {
        switch storage {
        case .memory(_, _, let index):
            for (key, entries) in index.entries {
                var utf8 = key
                utf8.withUTF8 { bytes in body(UnsafeRawBufferPointer(bytes), { key }, { entries }) }
            }
        case .compiled(let compiled):
            compiled.forEachKey { key, read in body(key, { String(decoding: key, as: UTF8.self) }, read) }
        }
    }

    /// The curated places of `gazetteer/`, compiled into the binary, and the place records of `sources`.
    public static func embedded(adding sources: GazetteerSources = GazetteerSources()) throws(GazetteerError) -> Gazetteer {
        Gazetteer(places: try PlaceLoader.places(from: EmbeddedRecords.records(in: "places") + sources.placeRecords))
    }

    /// The curated places, the world's countries, continents, cities and regions (`gazetteer/world/`),
    /// and `sources`: their place records, then their GeoNames dumps, leaving out every GeoNames
    /// place an earlier source already has (curated and world places link their GeoNames ids).
    public static func world(adding sources: GazetteerSources = GazetteerSources()) throws(GazetteerError) -> Gazetteer {
        // Without extra place records the curated places and the world are the built-in ones, read and indexed once per process.
        let base = sources.placeRecords.isEmpty ? try builtInWorld.get() : Gazetteer(places: try knownPlaces(adding: sources))
        guard !sources.geonamesFiles.isEmpty else { return base }
        var reader = GeoNamesReader(skipping: Set(base.places.compactMap { $0.links["geonames"].flatMap { Int($0) } }))
        for file in sources.geonamesFiles { try reader.readGeonames(at: file) }
        for file in sources.alternateNameFiles { try reader.readAlternateNames(at: file) }
        return base.adding(reader.places)
    }

    /// The same gazetteer with `more` places after its own, their names indexed onto a copy of its index.
    func adding(_ more: [Place]) -> Gazetteer {
        guard case .memory(let places, var byId, var index) = storage else { return Gazetteer(places: self.places + more) }
        for (offset, place) in more.enumerated() where byId[place.id] == nil { byId[place.id] = places.count + offset }
        index.add(more, startingAt: places.count)
        return Gazetteer(storage: .memory(places: places + more, byId: byId, index: index))
    }

    /// The curated places and the world with nothing added, loaded once per process: 177,000 places take
    /// seconds to read and index, and every caller gets the same immutable places and index.
    private static let builtInPlaces = Result { () throws(GazetteerError) -> [Place] in try knownPlaces(reading: GazetteerSources()) }
    private static let builtInWorld = Result { () throws(GazetteerError) -> Gazetteer in Gazetteer(places: try builtInPlaces.get()) }

    /// The curated places and `sources`' place records, then the world's: every place but the GeoNames dumps'.
    static func knownPlaces(adding sources: GazetteerSources) throws(GazetteerError) -> [Place] {
        sources.placeRecords.isEmpty ? try builtInPlaces.get() : try knownPlaces(reading: sources)
    }

    /// A record's parent may be a world place (a GeoNames city or region), so the world is loaded
    /// beside the records (curated ones go first, to win over the world's copy of the same place)
    /// before their parents are checked.
    private static func knownPlaces(reading sources: GazetteerSources) throws(GazetteerError) -> [Place] {
        let records = EmbeddedRecords.records(in: "places") + sources.placeRecords
        var unchecked: [Place] = []
        for record in records { unchecked.append(try PlaceLoader.place(fromJSON: record.json, path: record.path)) }
        let world = try WorldPlaces.places(besides: unchecked)
        return try PlaceLoader.places(from: records, parentsAmong: world) + world
    }

    /// The place with this id, if any.
    public func place(id: String) -> Place? {
        switch storage {
        case .memory(let places, let byId, _): byId[id].map { places[$0] }
        case .compiled(let index): index.placeIndex(id: id).flatMap(index.place(at:))
        }
    }

    /// The chain of containing places, nearest first (Yelabuga → Tatarstan → Russia).
    public func ancestors(of place: Place) -> [Place] {
        var chain: [Place] = []
        var current = place
        while let parentId = current.parent, let parent = self.place(id: parentId), !chain.contains(parent) {
            chain.append(parent)
            current = parent
        }
        return chain
    }
}
