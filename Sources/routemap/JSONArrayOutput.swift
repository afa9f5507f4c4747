import GeoJSON

/// A JSON array written to the results one element at a time, as `JSONValue.array(…).rendered`
/// would print it whole: a long stream of answers never stands in memory.
struct JSONArrayOutput {
    private var count = 0

    /// Writes the next element.
    mutating func append(_ element: JSONValue) throws(OutputError) {
        try results.write(utf8: (count == 0 ? "[\n  " : ",\n  ") + element.rendered(indent: "  "))
        count += 1
    }

    /// Closes the array.
    func finish() throws(OutputError) {
        try results.write(utf8: count == 0 ? "[]\n" : "\n]\n")
    }
}
