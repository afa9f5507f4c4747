/// A problem in gazetteer data, located by file (and line where one is known).
public struct GazetteerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file, or `file:line`, that holds the problem.
    public let location: String
    /// What is wrong and how to fix it.
    public let message: String
    /// True when the problem is in keeping files (the index cache: a folder that cannot be written,
    /// a full disk), not in the data: routemap then answers from the sources, with a warning.
    public let isStorage: Bool

    /// A problem at `location`; `isStorage` for a failure to keep files rather than bad data.
    public init(location: String, message: String, isStorage: Bool = false) {
        self.location = location
        self.message = message
        self.isStorage = isStorage
    }

    public var description: String { "\(location): \(message)" }
}
