/// Reads `worldgeometry/countries50.tsv` (see worldgeometry/tools/derive_countries.py): `C` lines
/// name a country, `R` lines give one ring of the country numbered on the line. The table is
/// compiled in and checked by the tests, so a malformed line is a programming error.
enum CountryTable {
    /// The countries of `text`, in file order.
    static func parse(_ text: String) -> [Country] {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> [Country] {
        var heads: [(iso2: String?, code: String, name: String)] = []
        var rings: [[(hole: Bool, ring: [LonLat])]] = []
        var i = 0
        let end = bytes.count
        /// The bytes up to the next tab or newline, and the index after the separator.
        func field() -> String {
            let start = i
            while i < end, bytes[i] != 0x09, bytes[i] != 0x0A { i += 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            if i < end { i += 1 }
            return text
        }
        /// A decimal such as -69.89912 (no exponent), skipping one space or newline after it.
        func number() -> Double {
            var negative = false
            if bytes[i] == 0x2D { negative = true; i += 1 }
            var mantissa = 0.0, scale = 1.0, fraction = false
            while i < end {
                let b = bytes[i]
                if b == 0x2E { fraction = true } else if b >= 0x30, b <= 0x39 {
                    mantissa = mantissa * 10 + Double(b - 0x30)
                    if fraction { scale *= 10 }
                } else { break }
                i += 1
            }
            if i < end, bytes[i] == 0x20 { i += 1 }
            let value = mantissa / scale
            return negative ? -value : value
        }
        while i < end {
            switch bytes[i] {
            case UInt8(ascii: "C"):
                i += 2
                let iso2 = field(), code = field(), name = field()
                heads.append((iso2.isEmpty ? nil : iso2, code, name))
                rings.append([])
            case UInt8(ascii: "R"):
                i += 2
                guard let country = Int(field()), country < rings.count else { preconditionFailure("countries50.tsv: a ring of an unknown country") }
                let hole = field() == "1"
                var ring: [LonLat] = []
                while i < end, bytes[i] != 0x0A {
                    let longitude = number()
                    let latitude = number()
                    ring.append(LonLat(longitude: longitude, latitude: latitude))
                }
                i += 1
                rings[country].append((hole, ring))
            default:
                while i < end, bytes[i] != 0x0A { i += 1 }
                i += 1
            }
        }
        return zip(heads, rings).map { head, rings in
            var polygons: [[[LonLat]]] = []
            for ring in rings {
                if ring.hole, !polygons.isEmpty { polygons[polygons.count - 1].append(ring.ring) } else { polygons.append([ring.ring]) }
            }
            return Country(iso2: head.iso2, code: head.code, name: head.name, polygons: polygons)
        }
    }
}
