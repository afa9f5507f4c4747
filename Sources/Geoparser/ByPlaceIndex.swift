/// Values by place index, kept in blocks of 1,024 places made when one of them is first written: as
/// quick to read as an array, while a session that reads a few places (one short report) pays for few blocks.
struct ByPlaceIndex<Value> {
    private var blocks: [[Value?]?]

    /// An empty table for places 0..<count.
    init(count: Int) {
        blocks = Array(repeating: nil, count: (count + 1023) >> 10)
    }

    subscript(index: Int) -> Value? {
        get { blocks[index >> 10]?[index & 1023] }
        set {
            if blocks[index >> 10] == nil { blocks[index >> 10] = Array(repeating: nil, count: 1024) }
            blocks[index >> 10]![index & 1023] = newValue
        }
    }
}
