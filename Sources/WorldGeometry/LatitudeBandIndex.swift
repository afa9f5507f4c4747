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

    /// Files the edges of every ring of `countries`.
    init(countries: [Country]) {
        var buckets = [[Edge]](repeating: [], count: Self.bandCount)
        for (number, country) in countries.enumerated() {
            for polygon in country.polygons {
                for ring in polygon {
                    for (a, b) in zip(ring, ring.dropFirst()) where a.latitude != b.latitude {
                        let edge = Edge(x1: a.longitude, y1: a.latitude, x2: b.longitude, y2: b.latitude, country: Int32(number))
                        for band in Self.band(min(a.latitude, b.latitude))...Self.band(max(a.latitude, b.latitude)) {
                            buckets[band].append(edge)
                        }
                    }
                }
            }
        }
        var starts = [0]
        starts.reserveCapacity(Self.bandCount + 1)
        for bucket in buckets { starts.append(starts.last! + bucket.count) }
        self.starts = starts
        self.edges = Array(buckets.joined())
        self.countryCount = countries.count
    }

    private static func band(_ latitude: Double) -> Int {
        min(bandCount - 1, max(0, Int(((latitude + 90) / bandHeight).rounded(.down))))
    }

    /// The number of the country whose outline holds the point, or nil at sea. Where outlines
    /// overlap (they do not in Natural Earth's admin-0), the lowest number wins.
    func country(longitude x: Double, latitude y: Double, parity: inout [UInt8]) -> Int? {
        let band = Self.band(y)
        var touched: [Int32] = []
        for i in starts[band]..<starts[band + 1] {
            let e = edges[i]
            guard (e.y1 > y) != (e.y2 > y) else { continue }
            let crossing = e.x1 + (y - e.y1) / (e.y2 - e.y1) * (e.x2 - e.x1)
            if crossing > x {
                if parity[Int(e.country)] == 0 { touched.append(e.country) }
                parity[Int(e.country)] ^= 1
            }
        }
        var found: Int?
        for c in touched {
            if parity[Int(c)] == 1, found == nil || Int(c) < found! { found = Int(c) }
            parity[Int(c)] = 0
        }
        return found
    }
}
