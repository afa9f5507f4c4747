#if canImport(Glibc)
import Glibc
#endif
import Gazetteer

extension NameAutomaton {
    /// The automaton of a compiled gazetteer, kept beside its index (`gazetteer-….names` beside
    /// `gazetteer-….idx`): opened when it was built from this very index (it records the index's
    /// fingerprint and identity), else built from the index's places under the index's build lock
    /// (`waiting` is called if another process holds it), written there whole and opened. A block
    /// that fails its checksum is rebuilt (the same index gives the same bytes), with a warning.
    public static func cached(
        beside index: CompiledIndex, gazetteer: Gazetteer, cache: GazetteerIndexCache = GazetteerIndexCache(),
        waiting: () -> Void = {}, progress: (Int, Int) -> Void = { _, _ in }
    ) throws(GazetteerError) -> NameAutomaton {
        let path = companionPath(of: index.path)
        let builtFrom = (index.fingerprint, index.identity)
        let repair: @Sendable () -> String? = {
            do {
                return try cache.withBuildLock(forIndexAt: index.path, waiting: {}) { () throws(GazetteerError) -> String in
                    CheckedFile.report("\(path): the name automaton is damaged (a block fails its checksum); rebuilding it from the index")
                    try build(gazetteer, into: path, builtFrom: builtFrom, progress: { _, _ in })
                    return path
                }
            } catch {
                return nil
            }
        }
        if let automaton = try? open(path, repair: repair), automaton.builtFrom == builtFrom { return automaton }
        return try cache.withBuildLock(forIndexAt: index.path, waiting: waiting) { () throws(GazetteerError) -> NameAutomaton in
            if let automaton = try? open(path, repair: repair), automaton.builtFrom == builtFrom { return automaton }
            try build(gazetteer, into: path, builtFrom: builtFrom, progress: progress)
            return try open(path, repair: repair)
        }
    }

    /// Compiles `gazetteer`'s names into the file at `path`.
    private static func build(_ gazetteer: Gazetteer, into path: String, builtFrom: (UInt64, UInt64), progress: (Int, Int) -> Void) throws(GazetteerError) {
        var builder = NameAutomatonBuilder()
        for i in 0..<gazetteer.count {
            builder.add(gazetteer.place(at: i), index: i)
            if i % 8192 == 0 { progress(i, gazetteer.count) }
        }
        progress(gazetteer.count, gazetteer.count)
        let writer = try CheckedFileWriter(path: path, headerSize: headerSize)
        try builder.write(to: writer, identity: builtFrom)
    }

    /// The automaton file at `path`, which must be a regular file of this user's.
    public static func open(_ path: String, repair: (@Sendable () -> String?)? = nil) throws(GazetteerError) -> NameAutomaton {
        let file: CheckedFile
        do {
            file = try CheckedFile(path: path, headerSize: headerSize, owner: geteuid(), repair: repair)
        } catch {
            throw GazetteerError(location: path, message: "cannot open the name automaton: \(error)")
        }
        return try NameAutomaton(file: file)
    }

    /// Where the automaton of the index at `indexPath` is kept.
    public static func companionPath(of indexPath: String) -> String {
        (indexPath.hasSuffix(".idx") ? String(indexPath.dropLast(4)) : indexPath) + ".names"
    }
}
