/// Decimal numbers read from and written to UTF-8 bytes, for the bulk paths (CSV points, batch geodesics).
public enum DecimalText {
    private static let exactPowersOfTen: [Double] = (0...22).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }

    /// `[-+]digits[.digits]` read exactly, or nil for anything else (exponents, spaces, too many digits).
    ///
    /// With at most 15 significant digits the integer is exact in a Double and 10^k is exact for k ≤ 22,
    /// so one division rounds correctly (Clinger's fast path): the Double strtod gives, much sooner.
    public static func plain(_ field: ArraySlice<UInt8>) -> Double? {
        var i = field.startIndex
        var negative = false
        if i < field.endIndex, field[i] == 0x2D || field[i] == 0x2B {
            negative = field[i] == 0x2D
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0, fractionDigits = 0, seenPoint = false
        while i < field.endIndex {
            let byte = field[i]
            if byte == 0x2E, !seenPoint {
                seenPoint = true
            } else if byte >= 0x30, byte <= 0x39 {
                mantissa = mantissa &* 10 &+ UInt64(byte - 0x30)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, digits <= 15 else { return nil }
        let value = Double(mantissa) / exactPowersOfTen[fractionDigits]
        return negative ? -value : value
    }

    /// A decimal number, `[-+]digits[.digits][e[-+]digits]` (digits on at least one side of the
    /// point), trying the fast path first; nil for anything else. Strict where Swift's `Double(String)`
    /// is not: no hexadecimal floats (`0x1p4`), no `nan` or `inf`, and no text after a NUL byte
    /// (strtod stops there, so `1\0999` would read as 1).
    public static func number(_ field: ArraySlice<UInt8>) -> Double? {
        if let value = plain(field) { return value }
        guard isDecimal(field), field.count <= 400 else { return nil }
        return Double(String(decoding: field, as: UTF8.self))
    }

    /// `number` of a string.
    public static func number(_ text: some StringProtocol) -> Double? {
        number(ArraySlice(text.utf8))
    }

    /// Whether `field` is written `[-+]digits[.digits][(e|E)[-+]digits]`, with digits before or after the point.
    public static func isDecimal(_ field: ArraySlice<UInt8>) -> Bool {
        var i = field.startIndex
        func digits() -> Int {
            let start = i
            while i < field.endIndex, field[i] >= 0x30, field[i] <= 0x39 { i += 1 }
            return i - start
        }
        if i < field.endIndex, field[i] == 0x2D || field[i] == 0x2B { i += 1 }
        var mantissa = digits()
        if i < field.endIndex, field[i] == 0x2E {
            i += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if i < field.endIndex, field[i] == 0x65 || field[i] == 0x45 {
            i += 1
            if i < field.endIndex, field[i] == 0x2D || field[i] == 0x2B { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == field.endIndex
    }

    /// Appends `value` with exactly `decimals` decimals, no exponent, never "-0.000".
    public static func append(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        guard value.isFinite else {
            out += (value.isNaN ? "nan" : value < 0 ? "-inf" : "inf").utf8
            return
        }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e18 else {
            out += "\(value)".utf8
            return
        }
        var magnitude = UInt64(scaled)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var i = 48, digits = 0
            repeat {
                if digits == decimals, decimals > 0 {
                    i -= 1
                    buffer[i] = 0x2E
                }
                i -= 1
                buffer[i] = UInt8(48 + magnitude % 10)
                magnitude /= 10
                digits += 1
            } while magnitude > 0 || digits <= decimals
            if value < 0, scaled != 0 {
                i -= 1
                buffer[i] = 0x2D
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[i...]))
        }
    }
}
