import Foundation

/// Where compiled gazetteer indexes are kept (one per set of sources), whether one is fresh, and how
/// one is built so that no other user, process or failure can make routemap answer wrongly.
///
/// - **Trust.** The cache folder must be a real folder (not a symbolic link) of the user running
///   routemap and writable by no one else, and an index a regular file of that user's. Anything else
///   is refused with a warning, and the run answers from the sources: another user cannot plant a
///   doctored index, nor point routemap's writes at a folder of their choosing, nor hang it with a FIFO.
/// - **Freshness.** An index is fresh when its fingerprint matches: the index format, the digest of
///   the data compiled into this binary, the binary itself (its size and modification time), and
///   each source file's path and content: the bytes themselves for files up to 1 MiB, and for larger
///   ones their size, modification and change times, inode and device (a change time cannot be set
///   back, so a dump rewritten with the same size and modification time is still seen).
/// - **Integrity.** Indexes are `CheckedFile`s: a block that fails its checksum is rebuilt from the
///   sources (byte for byte the same) while routemap runs, with a warning.
/// - **One build at a time.** A lock file per index: concurrent first runs wait for one build.
/// - **Eviction.** After each build, indexes whose source files are gone are removed.
/// - **Failures are warnings.** A folder that cannot be made or written, a full disk: the run answers
///   from the sources with a warning (`Gazetteer.indexedWorld`).
public struct GazetteerIndexCache: Sendable {
    /// The environment variable that names the cache folder.
    public static let environmentVariable = "ROUTEMAP_CACHE"
    /// Source files up to this size are fingerprinted by their content; larger ones by their metadata.
    public static let contentFingerprintLimit = 1 << 20

    /// The folder the index files live in.
    public let directory: String

    /// `$ROUTEMAP_CACHE`, else `$XDG_CACHE_HOME/routemap`, else `~/.cache/routemap` (the home folder
    /// from `$HOME`, else from the user database), else `/tmp/routemap-cache-UID`, which is trusted
    /// only if it is the user's own private folder.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let folder = environment[Self.environmentVariable], !folder.isEmpty {
            directory = folder
        } else if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            directory = cache + "/routemap"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            directory = home + "/.cache/routemap"
        } else if let entry = getpwuid(geteuid()), let home = entry.pointee.pw_dir.map({ String(cString: $0) }), home.hasPrefix("/"), home != "/" {
            directory = home + "/.cache/routemap"
        } else {
            directory = "/tmp/routemap-cache-\(geteuid())"
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
        for file in sources.files { text += "\(absolute(file)) \(stamp(of: file))\n" }
        return digest(text)
    }

    /// A source file's stamp: its content's checksum when small, else its size, times, inode and device.
    static func stamp(of file: String) -> String {
        var status = stat()
        guard stat(file, &status) == 0 else { return "missing" }
        if status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) <= contentFingerprintLimit, let data = FileManager.default.contents(atPath: file) {
            return "content \(data.count) \(String(data.withUnsafeBytes { BlockChecksum.of($0) }, radix: 16))"
        }
        return "size \(status.st_size) modified \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) changed \(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec) inode \(status.st_ino) device \(status.st_dev)"
    }

    /// The running program's size and modification time, or "unknown" where the system does not say.
    static let programStamp: String = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return "unknown" }
        return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }()

    /// What a build reports while it runs.
    public enum BuildEvent: Sendable {
        /// Another routemap holds the lock: this one waits for its index.
        case waiting(index: String)
        /// The index is being built.
        case building(index: String)
        /// So many places have been compiled.
        case places(Int)
    }

    /// Makes the cache folder if needed (`mkdir -p`, the last folder private) and checks it can be
    /// trusted: a real folder, the user's own, writable by no one else. The error says why not.
    public func prepare() throws(GazetteerError) {
        var path = directory.hasPrefix("/") ? "" : "."
        let components = directory.split(separator: "/")
        for (i, component) in components.enumerated() {
            path += "/" + component
            if mkdir(path, i == components.count - 1 ? 0o700 : 0o755) != 0, errno != EEXIST {
                throw failure("cannot make the folder: \(String(cString: strerror(errno)))", at: path)
            }
        }
        var status = stat()
        guard lstat(directory, &status) == 0 else { throw failure("cannot read the folder: \(String(cString: strerror(errno)))") }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: throw failure("the cache folder is a symbolic link, which routemap does not follow (whoever can change it could send its files anywhere); use the folder itself")
        default: throw failure("not a folder (a file of another kind is in its place); remove it")
        }
        guard status.st_uid == geteuid() else {
            throw failure("the cache folder belongs to another user (uid \(status.st_uid)), who could plant indexes in it; routemap keeps indexes only in a folder of its user's")
        }
        guard status.st_mode & 0o022 == 0 else {
            throw failure("the cache folder can be written by other users (mode \(String(status.st_mode & 0o7777, radix: 8))), who could plant indexes in it; make it private (chmod go-w \(directory))")
        }
    }

    /// A storage problem with the cache, in the words every cache warning uses.
    func failure(_ what: String, at location: String? = nil) -> GazetteerError {
        GazetteerError(location: location ?? directory, message: GazetteerError.storagePrefix + "\(what); set \(Self.environmentVariable) to a writable folder of your own")
    }

    /// The index of these sources when it exists, is whole, is the user's and is fresh; nil when
    /// there is none or it is stale or damaged (build it then). Refuses, as a storage error, a
    /// FIFO, device, folder or symbolic link at its path, or another user's file.
    public func open(for sources: GazetteerSources) throws(GazetteerError) -> CompiledIndex? {
        let path = path(for: sources)
        let file: CheckedFile
        do {
            file = try CheckedFile(path: path, headerSize: CompiledIndex.headerSize, owner: geteuid(), repair: { [self] in repair(path: path, sources: sources) })
        } catch {
            switch error {
            case .missing, .damaged: return nil
            case .notRegular(let what): throw failure("\(path) is \(what), not an index; routemap will not read or replace it: remove it")
            case .foreignOwner(let uid): throw failure("\(path) belongs to another user (uid \(uid)); routemap will not read or replace it: remove it")
            case .system(let reason): throw failure("cannot open \(path): \(reason)")
            }
        }
        guard let index = try? CompiledIndex(file: file), index.fingerprint == Self.fingerprint(for: sources) else { return nil }
        return index
    }

    /// The index of these sources when it is fresh and can be trusted; nil otherwise.
    public func freshIndex(for sources: GazetteerSources) -> CompiledIndex? {
        (try? prepare()).flatMap { try? open(for: sources) }
    }

    /// Rebuilds the index at `path` (called when a block of it fails its checksum); the path of the rebuilt file, or nil.
    private func repair(path: String, sources: GazetteerSources) -> String? {
        do {
            return try withBuildLock(forIndexAt: path, waiting: {}) { () throws(GazetteerError) -> String in
                CheckedFile.report("\(path): the gazetteer index is damaged (a block fails its checksum); rebuilding it from its sources")
                try write(for: sources)
                return path
            }
        } catch {
            return nil
        }
    }

    /// Runs `body` holding the lock of the index at `indexPath` (a `.lock` file beside it, `flock`),
    /// calling `waiting` first if another process holds it: concurrent first runs build one index.
    /// A thread that holds the lock already (a repair of the index while the automaton is rebuilt) runs `body` at once.
    public func withBuildLock<T>(forIndexAt indexPath: String, waiting: () -> Void, _ body: () throws(GazetteerError) -> T) throws(GazetteerError) -> T {
        let lockPath = (indexPath.hasSuffix(".idx") ? String(indexPath.dropLast(4)) : indexPath) + ".lock"
        let held = "routemap.lock:" + lockPath
        if Thread.current.threadDictionary[held] != nil { return try body() }
        Thread.current.threadDictionary[held] = true
        defer { Thread.current.threadDictionary[held] = nil }
        let descriptor = Glibc.open(lockPath, O_CREAT | O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot make the lock file \(lockPath): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid() else {
            throw failure("\(lockPath) is not a lock file of this user's; remove it")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else { throw failure("cannot lock \(lockPath): \(String(cString: strerror(errno)))") }
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Compiles the curated places, the world and `sources` into this cache, replacing any older
    /// index of the same sources, then removes indexes whose sources are gone. GeoNames dumps stream
    /// through (`GeoNamesReader.stream`): their places are encoded as they are read and their names
    /// sorted on disk (`CompiledIndexBuilder`), never all held. The file is written nameless and named
    /// when whole. Bad data is an error, as when the sources are loaded in memory; a failure to keep
    /// files is a storage error (`GazetteerError.isStorage`). Call it holding the build lock.
    @discardableResult
    public func write(for sources: GazetteerSources, progress: (BuildEvent) -> Void = { _ in }) throws(GazetteerError) -> CompiledIndex {
        try prepare()
        let path = path(for: sources)
        progress(.building(index: path))
        let known = try Gazetteer.knownPlaces(adding: sources)
        // Failures to keep scratch files are storage failures; bad rows in the sources stay data errors.
        let builder: CompiledIndexBuilder
        do { builder = try CompiledIndexBuilder(scratchIn: directory) } catch { throw failure(error.message, at: error.location) }
        var count = 0
        func add(_ place: Place) throws(GazetteerError) {
            do { try builder.add(place) } catch { throw failure(error.message, at: error.location) }
            count += 1
            if count % 8192 == 0 { progress(.places(count)) }
        }
        for place in known { try add(place) }
        try GeoNamesReader.stream(geonames: sources.geonamesFiles, alternateNames: sources.alternateNameFiles,
                                  skipping: Set(known.compactMap { $0.links["geonames"].flatMap { Int($0) } })) { (place) throws(GazetteerError) in try add(place) }
        progress(.places(count))
        let description = (["the gazetteer compiled into routemap (digest \(String(embeddedGazetteerDigest, radix: 16)))"] + sources.files.map(Self.absolute))
            .joined(separator: "\n")
        do {
            try builder.write(fingerprint: Self.fingerprint(for: sources), builtAt: Date().timeIntervalSince1970, description: description, to: path)
        } catch {
            throw failure(error.message, at: error.location)
        }
        evictOrphans(keeping: path)
        do {
            return try CompiledIndex(file: try CheckedFile(path: path, headerSize: CompiledIndex.headerSize, owner: geteuid(), repair: { [self] in repair(path: path, sources: sources) }))
        } catch let error as GazetteerError {
            throw error
        } catch {
            throw failure("cannot read back the index it wrote at \(path): \(error)")
        }
    }

    /// Removes the indexes (and the files beside them) whose source files no longer exist, and
    /// temporary files a killed build left more than a day ago; only the user's own regular files.
    func evictOrphans(keeping kept: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let now = Date().timeIntervalSince1970
        for name in names {
            let path = "\(directory)/\(name)"
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid() else { continue }
            if name.hasPrefix(".gazetteer-") || name.hasPrefix(".routemap-scratch-") {
                if now - Double(status.st_mtim.tv_sec) > 86_400 { unlink(path) }
                continue
            }
            guard name.hasPrefix("gazetteer-"), name.hasSuffix(".idx"), path != kept,
                  let file = try? CheckedFile(path: path, headerSize: CompiledIndex.headerSize, owner: geteuid()),
                  let index = try? CompiledIndex(file: file) else { continue }
            let sourcesGone = index.sourceDescription.split(separator: "\n").dropFirst().contains { source in
                var sourceStatus = stat()
                return stat(String(source), &sourceStatus) != 0 && errno == ENOENT
            }
            guard sourcesGone else { continue }
            let stem = String(path.dropLast(4))
            for companion in [path, stem + ".names", stem + ".lock"] { unlink(companion) }
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
    /// The curated and world places and `sources`, read from the cached compiled index when it is
    /// fresh; otherwise compiled from the sources into the cache (waiting for another process that
    /// is building it). When the cache cannot be used (a folder that cannot be made, written or
    /// trusted, a full disk, a FIFO at the index's path), `cacheFailed` hears why and the places are
    /// loaded into memory instead: every cache failure is a warning, and the answer is still given.
    /// Bad data in the sources is an error.
    public static func indexedWorld(
        adding sources: GazetteerSources = GazetteerSources(), cache: GazetteerIndexCache = GazetteerIndexCache(),
        cacheFailed: (GazetteerError) -> Void = { _ in }, progress: (GazetteerIndexCache.BuildEvent) -> Void = { _ in }
    ) throws(GazetteerError) -> Gazetteer {
        // The failure is handed over after the catch, not from inside it: a closure called from the catch of a
        // typed-throws `do` got a freed error in debug builds (Swift 6.3).
        let (gazetteer, failure) = try indexedWorldOrFailure(adding: sources, cache: cache, progress: progress)
        if let failure { cacheFailed(failure) }
        return gazetteer
    }

    /// `indexedWorld`, with the cache's failure (when the places were loaded into memory instead) returned beside the gazetteer.
    static func indexedWorldOrFailure(
        adding sources: GazetteerSources, cache: GazetteerIndexCache, progress: (GazetteerIndexCache.BuildEvent) -> Void
    ) throws(GazetteerError) -> (Gazetteer, GazetteerError?) {
        var failure: GazetteerError?
        do {
            try cache.prepare()
            if let index = try cache.open(for: sources) { return (Gazetteer(compiled: index), nil) }
            let path = cache.path(for: sources)
            let gazetteer = try cache.withBuildLock(forIndexAt: path, waiting: { progress(.waiting(index: path)) }) { () throws(GazetteerError) -> Gazetteer in
                // Another routemap may have built it while this one waited.
                if let index = try cache.open(for: sources) { return Gazetteer(compiled: index) }
                return Gazetteer(compiled: try cache.write(for: sources, progress: progress))
            }
            return (gazetteer, nil)
        } catch {
            failure = GazetteerError(location: error.location, message: error.message)
        }
        guard let failure, failure.isStorage else { throw failure! }
        return (try Gazetteer.world(adding: sources), failure)
    }
}
