import Coordinates
import Geodesy

/// Natural Earth's 1:50m countries, asked where a point is and which countries a path crosses.
///
/// The outlines are compiled into the binary (`worldgeometry/countries50.tsv`, public domain) and
/// read on first use. A point is in a country when it is inside one of its outer rings and outside
/// its holes; at sea (and on lakes that no country's outline covers, such as the Caspian) it is in none.
public final class WorldGeometry: Sendable {
    /// Every country, in the table's order (by Natural Earth's three-letter code).
    public let countries: [Country]
    private let index: LatitudeBandIndex
    private let byCode: [String: Int]

    /// Natural Earth 1:50m admin-0 countries, read once from the copy compiled into routemap.
    public static let naturalEarth50m = WorldGeometry(countries: CountryTable.parse(embeddedCountriesText))

    /// The digest of the compiled-in table, for caches derived from it.
    public static var dataDigest: UInt64 { embeddedCountriesTextDigest }

    /// A world made of `countries`.
    public init(countries: [Country]) {
        self.countries = countries
        self.index = LatitudeBandIndex(countries: countries)
        var byCode: [String: Int] = [:]
        for (i, c) in countries.enumerated() {
            byCode[c.code] = i
            if let iso2 = c.iso2, byCode[iso2] == nil { byCode[iso2] = i }
        }
        self.byCode = byCode
    }

    /// The country with this ISO alpha-2 or alpha-3 code (or Natural Earth's own code), if any.
    public func country(code: String) -> Country? {
        byCode[code.uppercased()].map { countries[$0] }
    }

    /// The country whose land holds the coordinate, or nil at sea.
    public func country(containing point: Coordinate) -> Country? {
        var scratch = LatitudeBandIndex.Scratch(countries: countries.count)
        return index.country(longitude: point.longitude, latitude: point.latitude, scratch: &scratch).map { countries[$0] }
    }

    /// Whether the coordinate is on any country's land.
    public func isLand(_ point: Coordinate) -> Bool {
        country(containing: point) != nil
    }

    /// What a path crosses: `path`'s points joined by WGS84 geodesics, walked in steps of at most
    /// `step` metres, each step counted in the country its midpoint lies in (or at sea). Lengths are
    /// good to about one step at each coast or border.
    public func crossings(along path: [Coordinate], step: Double = 250) -> PathCrossings {
        var scratch = LatitudeBandIndex.Scratch(countries: countries.count)
        var runs: [PathCrossings.Run] = []
        var travelled = 0.0
        for (a, b) in zip(path, path.dropFirst()) {
            let line = GeodesicPath(from: a, to: b)
            let pieces = max(1, Int((line.length / step).rounded(.up)))
            let piece = line.length / Double(pieces)
            for k in 0..<pieces {
                let middle = line.point(atDistance: piece * (Double(k) + 0.5))
                var longitude = middle.unrolledLongitude.truncatingRemainder(dividingBy: 360)
                if longitude > 180 { longitude -= 360 } else if longitude < -180 { longitude += 360 }
                let found = index.country(longitude: longitude, latitude: middle.latitude, scratch: &scratch).map { countries[$0] }
                if let last = runs.last, last.country == found {
                    runs[runs.count - 1] = PathCrossings.Run(country: found, start: last.start, length: last.length + piece)
                } else {
                    runs.append(PathCrossings.Run(country: found, start: travelled, length: piece))
                }
                travelled += piece
            }
        }
        return PathCrossings(runs: runs, length: travelled)
    }
}

/// The countries a path crosses, in order, and how far it runs in each.
public struct PathCrossings: Sendable {
    /// A stretch of the path on one country's land, or at sea (`country` nil).
    public struct Run: Sendable, Equatable {
        public let country: Country?
        /// Metres from the start of the path to the start of the run.
        public let start: Double
        /// Metres.
        public let length: Double
    }

    /// The stretches, in path order; consecutive runs differ in country.
    public let runs: [Run]
    /// The whole path's length in metres.
    public let length: Double

    /// Metres on any country's land.
    public var landLength: Double { runs.filter { $0.country != nil }.reduce(0) { $0 + $1.length } }

    /// Each country crossed, with the metres on its land, in the order the path first enters them.
    public var countries: [(country: Country, length: Double)] {
        var order: [Country] = []
        var lengths: [Country: Double] = [:]
        for run in runs {
            guard let c = run.country else { continue }
            if lengths[c] == nil { order.append(c) }
            lengths[c, default: 0] += run.length
        }
        return order.map { ($0, lengths[$0]!) }
    }

    /// The land runs, dropping those of `exceptAtEnds` metres or less that touch the path's start or end
    /// (a port or city a little inland of the water it sails from).
    public func landRuns(exceptAtEnds allowance: Double = 0) -> [Run] {
        runs.filter { run in
            guard run.country != nil else { return false }
            let atEnd = run.start <= 0.5 || run.start + run.length >= length - 0.5
            return !(atEnd && run.length <= allowance)
        }
    }
}
