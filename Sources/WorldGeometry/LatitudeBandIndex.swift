/// Every outline edge filed under the bands of latitude it spans, so that a point's countries are
/// found by casting a ray east through one band's edges (even-odd rule, holes included).
struct LatitudeBandIndex: Sendable {
    /// An outline edge and the country it bounds.
    struct Edge: Sendable {
        let x1, y1, x2, y2: Double
        let country: Int32
    }

    /// Height of a band in degrees.
    static let bandHeight = 0.1
    private static let bandCount = Int(180 / bandHeight)
    /// Edges of band b are `edges[starts[b]..<starts[b + 1]]`.
    private let starts: [Int]
    private let edges: [Edge]
    let countryCount: Int

    /// Files the edges of every ring of `countries`: counted per band, then placed (one array, no per-band arrays).
    init(countries: [Country]) {
        var counts = [Int](repeating: 0, count: Self.bandCount + 1)
        for country in countries {
            for polygon in country.polygons {
                for ring in polygon {
                    for (a, b) in zip(ring, ring.dropFirst()) where a.latitude != b.latitude {
                        for band in Self.band(min(a.latitude, b.latitude))...Self.band(max(a.latitude, b.latitude)) { counts[band] += 1 }
                    }
                }
            }
        }
        var starts = [Int](repeating: 0, count: Self.bandCount + 1)
        for band in 0..<Self.bandCount { starts[band + 1] = starts[band] + counts[band] }
        var fill = starts
        let placeholder = Edge(x1: 0, y1: 0, x2: 0, y2: 0, country: -1)
        var edges = [Edge](repeating: placeholder, count: starts[Self.bandCount])
        edges.withUnsafeMutableBufferPointer { out in
            for (number, country) in countries.enumerated() {
                for polygon in country.polygons {
                    for ring in polygon {
                        for (a, b) in zip(ring, ring.dropFirst()) where a.latitude != b.latitude {
                            let edge = Edge(x1: a.longitude, y1: a.latitude, x2: b.longitude, y2: b.latitude, country: Int32(number))
                            for band in Self.band(min(a.latitude, b.latitude))...Self.band(max(a.latitude, b.latitude)) {
                                out[fill[band]] = edge
                                fill[band] += 1
                            }
                        }
                    }
                }
            }
        }
        self.starts = starts
        self.edges = edges
        self.countryCount = countries.count
    }

    private static func band(_ latitude: Double) -> Int {
        min(bandCount - 1, max(0, Int(((latitude + 90) / bandHeight).rounded(.down))))
    }

    /// Per-query working memory, reused across queries: a parity bit per country and the countries touched.
    struct Scratch {
        var parity: [UInt8]
        var touched: [Int32] = []
        init(countries: Int) { parity = [UInt8](repeating: 0, count: countries) }
    }

    /// The number of the country whose outline holds the point, or nil at sea. Where outlines
    /// overlap (they do not in Natural Earth's admin-0), the lowest number wins.
    func country(longitude x: Double, latitude y: Double, scratch: inout Scratch) -> Int? {
        let band = Self.band(y)
        scratch.touched.removeAll(keepingCapacity: true)
        for i in starts[band]..<starts[band + 1] {
            let e = edges[i]
            guard (e.y1 > y) != (e.y2 > y) else { continue }
            let crossing = e.x1 + (y - e.y1) / (e.y2 - e.y1) * (e.x2 - e.x1)
            if crossing > x {
                if scratch.parity[Int(e.country)] == 0 { scratch.touched.append(e.country) }
                scratch.parity[Int(e.country)] ^= 1
            }
        }
        var found: Int?
        for c in scratch.touched {
            if scratch.parity[Int(c)] == 1, found == nil || Int(c) < found! { found = Int(c) }
            scratch.parity[Int(c)] = 0
        }
        return found
    }
}
