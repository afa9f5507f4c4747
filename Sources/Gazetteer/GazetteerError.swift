/// A problem in gazetteer data, located by file (and line where one is known).
public struct GazetteerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file, or `file:line`, that holds the problem.
    public let location: String
    /// What is wrong and how to fix it.
    public let message: String

    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
