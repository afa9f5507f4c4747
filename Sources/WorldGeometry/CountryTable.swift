import DecimalText

/// Reads `worldgeometry/countries50.tsv` (see worldgeometry/tools/derive_countries.py): `C` lines
/// name a country, `R` lines give one ring of the country numbered on the line.
enum CountryTable {
    /// The countries of `text`, in file order; a malformed line stops with its number.
    static func parse(_ text: String) -> [Country] {
        var heads: [(iso2: String?, code: String, name: String)] = []
        var rings: [[(hole: Bool, ring: [LonLat])]] = []
        var lineNumber = 0
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true) {
            lineNumber += 1
            let fields = line.split(separator: 0x09, maxSplits: 3, omittingEmptySubsequences: false)
            switch fields.first.map({ String(decoding: $0, as: UTF8.self) }) {
            case "C":
                precondition(fields.count == 4, "countries50.tsv:\(lineNumber): a C line has 4 fields")
                let iso2 = String(decoding: fields[1], as: UTF8.self)
                heads.append((iso2.isEmpty ? nil : iso2, String(decoding: fields[2], as: UTF8.self), String(decoding: fields[3], as: UTF8.self)))
                rings.append([])
            case "R":
                precondition(fields.count == 4, "countries50.tsv:\(lineNumber): an R line has 4 fields")
                guard let country = Int(String(decoding: fields[1], as: UTF8.self)), country < rings.count else {
                    preconditionFailure("countries50.tsv:\(lineNumber): ring of an unknown country")
                }
                var numbers: [Double] = []
                for field in fields[3].split(separator: 0x20) {
                    guard let value = DecimalText.plain(Array(field)[...]) else { preconditionFailure("countries50.tsv:\(lineNumber): not a number") }
                    numbers.append(value)
                }
                let ring = stride(from: 0, to: numbers.count - 1, by: 2).map { LonLat(longitude: numbers[$0], latitude: numbers[$0 + 1]) }
                rings[country].append((fields[2].first == 0x31, ring))
            default:
                continue
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
