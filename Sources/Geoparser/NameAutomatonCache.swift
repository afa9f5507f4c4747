import Gazetteer

extension NameAutomaton {
    /// The automaton of a compiled gazetteer, kept beside its index (`gazetteer-….names` beside
    /// `gazetteer-….idx`): opened when it was built from this very index, else built from the
    /// index's places, written there (atomically) and opened. It is rebuilt whenever the index is,
    /// since it records the index's fingerprint and identity.
    public static func cached(beside index: CompiledIndex, gazetteer: Gazetteer, progress: (Int, Int) -> Void = { _, _ in }) throws(GazetteerError) -> NameAutomaton {
        let path = companionPath(of: index.path)
        if let automaton = try? open(path), automaton.builtFrom == (index.fingerprint, index.identity) { return automaton }
        var builder = NameAutomatonBuilder()
        for i in 0..<gazetteer.count {
            builder.add(gazetteer.place(at: i), index: i)
            if i % 4096 == 0 { progress(i, gazetteer.count) }
        }
        progress(gazetteer.count, gazetteer.count)
        let writer = try CheckedFileWriter(path: path, headerSize: headerSize)
        try builder.write(to: writer, identity: (index.fingerprint, index.identity))
        return try open(path)
    }

    /// The automaton file at `path`.
    public static func open(_ path: String) throws(GazetteerError) -> NameAutomaton {
        let file: CheckedFile
        do {
            file = try CheckedFile(path: path, headerSize: headerSize)
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
