/// Finds where bytes stop being valid UTF-8, so a bad document gets a located error, not a crash or mojibake.
public enum UTF8Check {
    /// The offset of the first byte that is not part of a valid UTF-8 sequence, or nil.
    public static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let length: Int
            let minimum: UInt32
            switch b0 {
            case 0xC2...0xDF: (length, minimum) = (2, 0x80)
            case 0xE0...0xEF: (length, minimum) = (3, 0x800)
            case 0xF0...0xF4: (length, minimum) = (4, 0x10000)
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            var value = UInt32(b0) & (0xFF >> (length + 1))
            for k in 1..<length {
                guard bytes[i + k] & 0xC0 == 0x80 else { return i }
                value = value << 6 | UInt32(bytes[i + k] & 0x3F)
            }
            guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return i }
            i += length
        }
        return nil
    }
}
