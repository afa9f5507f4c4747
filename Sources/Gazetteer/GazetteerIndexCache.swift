import Foundation

/// Where compiled gazetteer indexes are kept (one per set of sources) and whether one is fresh.
///
/// An index is fresh when its fingerprint matches: the index format, the digest of the data
/// compiled into this binary, the binary itself (its size and modification time: a rebuilt
/// routemap may load the same data differently), and every source file's path, size and
/// modification time. Checking that takes a `stat` per file and reads none, so a fresh index
/// opens in microseconds.
public struct GazetteerIndexCache: Sendable {
    /// The environment variable that names the cache folder.
    public static let environmentVariable = "ROUTEMAP_CACHE"

    /// The folder the index files live in.
    public let directory: String

    /// `$ROUTEMAP_CACHE`, else `$XDG_CACHE_HOME/routemap`, else `~/.cache/routemap`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let folder = environment[Self.environmentVariable], !folder.isEmpty {
            directory = folder
        } else if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            directory = cache + "/routemap"
        } else if let home = environment["HOME"], !home.isEmpty {
            directory = home + "/.cache/routemap"
        } else {
            directory = "/tmp/routemap-cache-\(getuid())"
        }
    }

    /// A cache in `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// The index file for these sources: named by their paths, so each set of sources keeps its own.
    public func path(for sources: GazetteerSources) -> String {
        let key = Self.digest(sources.files.map(Self.absolute).joined(separator: "\n"))
        return "\(directory)/gazetteer-\(String(key, radix: 16)).idx"
    }

    /// What an index of these sources must have been built from.
    public static func fingerprint(for sources: GazetteerSources) -> UInt64 {
        var text = "format \(CompiledIndex.formatVersion)\nembedded \(String(embeddedGazetteerDigest, radix: 16))\nprogram \(programStamp)\n"
        for file in sources.files {
            var status = stat()
            if stat(file, &status) == 0 {
                text += "\(absolute(file)) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)\n"
            } else {
                text += "\(absolute(file)) missing\n"
            }
        }
        return digest(text)
    }

    /// The running program's size and modification time, or "unknown" where the system does not say.
    static let programStamp: String = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return "unknown" }
        return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }()

    /// The index of these sources when it exists, is whole and is fresh; nil otherwise.
    public func freshIndex(for sources: GazetteerSources) -> CompiledIndex? {
        guard let index = try? CompiledIndex(path: path(for: sources)), index.fingerprint == Self.fingerprint(for: sources) else { return nil }
        return index
    }

    /// Compiles the curated places, the world and `sources` into this cache, replacing any older
    /// index of the same sources. GeoNames dumps stream through (`GeoNamesReader.stream`): their
    /// places are encoded as they are read and their names sorted on disk (`CompiledIndexBuilder`),
    /// never all held. The file is written under a temporary name and renamed. Bad data is an
    /// error, as when the sources are loaded in memory.
    @discardableResult
    public func write(for sources: GazetteerSources) throws(GazetteerError) -> CompiledIndex {
        try makeDirectory()
        let known = try Gazetteer.knownPlaces(adding: sources)
        let builder = try CompiledIndexBuilder(scratchIn: directory)
        for place in known { try builder.add(place) }
        try GeoNamesReader.stream(geonames: sources.geonamesFiles, alternateNames: sources.alternateNameFiles,
                                  skipping: Set(known.compactMap { $0.links["geonames"].flatMap { Int($0) } })) { (place) throws(GazetteerError) in try builder.add(place) }
        let path = path(for: sources)
        let description = (["the gazetteer compiled into routemap (digest \(String(embeddedGazetteerDigest, radix: 16)))"] + sources.files.map(Self.absolute))
            .joined(separator: "\n")
        do {
            try builder.write(fingerprint: Self.fingerprint(for: sources), builtAt: Date().timeIntervalSince1970, description: description, to: path)
        } catch {
            throw GazetteerError(location: error.location, message: "cannot keep the gazetteer index: " + error.message + "; set \(Self.environmentVariable) to a writable folder")
        }
        return try CompiledIndex(path: path)
    }

    /// `mkdir -p` of the cache folder, with the system's reason when it fails.
    func makeDirectory() throws(GazetteerError) {
        var path = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o755) != 0, errno != EEXIST {
                throw GazetteerError(location: path, message: "cannot keep the gazetteer index: cannot make the folder: \(String(cString: strerror(errno))); set \(Self.environmentVariable) to a writable folder")
            }
        }
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// FNV-1a, 64 bits.
    static func digest(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}

extension Gazetteer {
    /// The curated and world places and `sources`, mapped from the cached compiled index when it is
    /// fresh; otherwise compiled from the sources into the cache. When the cache folder cannot be
    /// made, `cacheFailed` hears why and the places are loaded into memory instead.
    public static func indexedWorld(
        adding sources: GazetteerSources = GazetteerSources(), cache: GazetteerIndexCache = GazetteerIndexCache(),
        cacheFailed: (GazetteerError) -> Void = { _ in }
    ) throws(GazetteerError) -> Gazetteer {
        if let index = cache.freshIndex(for: sources) { return Gazetteer(compiled: index) }
        do {
            try cache.makeDirectory()
        } catch {
            cacheFailed(error)
            return try Gazetteer.world(adding: sources)
        }
        return Gazetteer(compiled: try cache.write(for: sources))
    }
}
