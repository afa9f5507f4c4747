/// A problem in gazetteer data, located by file (and line where one is known).
public struct GazetteerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file, or `file:line`, that holds the problem.
    public let location: String
    /// What is wrong and how to fix it.
    public let message: String

    /// The words every failure to keep the index cache's files begins with (`GazetteerIndexCache`).
    public static let storagePrefix = "cannot keep the gazetteer index: "

    /// True when the problem is in keeping files (the index cache: a folder that cannot be written,
    /// a full disk), not in the data: routemap then answers from the sources, with a warning. Told
    /// by the message's first words rather than a field of its own: a third stored field made the
    /// compiler (Swift 6.3) miscompile typed throws of this error in RouteMap's closures.
    public var isStorage: Bool { message.hasPrefix(Self.storagePrefix) }

    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
