/// What can go wrong loading the water network (a data error, exit 1).
public enum WaterwaysError: Error, Sendable, CustomStringConvertible {
    /// The network text is malformed: the line (0 when not one line) and what is wrong.
    case badNetwork(line: Int, reason: String)
    /// A mapped network file is too short or not a network: the path and why.
    case badCache(path: String, reason: String)

    public var description: String {
        switch self {
        case .badNetwork(let line, let reason):
            return "water network (waterways/network.tsv)\(line > 0 ? ":\(line)" : ""): \(reason); rebuild it with waterways/tools/build_network.py"
        case .badCache(let path, let reason):
            return "water network cache \(path): \(reason); delete it and routemap rebuilds it"
        }
    }
}
