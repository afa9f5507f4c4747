/// A GeoJSON bbox `[west, south, east, north]`; east < west when it crosses ±180° (RFC 7946 §5.2).
public struct BoundingBox: Equatable, Sendable {
    public let west: Double
    public let south: Double
    public let east: Double
    public let north: Double

    /// The smallest box covering `parts`, each a run of positions that does not itself cross ±180°.
    ///
    /// With `intervalsFromPairs`, each part is a (west, south)–(east, north) pair whose west may exceed east.
    init?(covering parts: [[Position]], intervalsFromPairs: Bool = false) {
        var intervals: [(Double, Double)] = []
        var south = Double.infinity, north = -Double.infinity
        for part in parts where !part.isEmpty {
            for p in part {
                south = min(south, p.latitude)
                north = max(north, p.latitude)
            }
            if intervalsFromPairs, part.count == 2, part[0].longitude > part[1].longitude {
                intervals.append((part[0].longitude, 180))
                intervals.append((-180, part[1].longitude))
            } else {
                let lons = part.map(\.longitude)
                intervals.append((lons.min()!, lons.max()!))
            }
        }
        guard !intervals.isEmpty else { return nil }
        (west, east) = Self.smallestCover(intervals)
        self.south = south
        self.north = north
    }

    /// The four numbers in GeoJSON order.
    public var array: [Double] { [west, south, east, north] }

    /// West and east of the shortest arc of longitude that covers every interval: the complement of the widest gap.
    private static func smallestCover(_ intervals: [(Double, Double)]) -> (Double, Double) {
        var merged: [(Double, Double)] = []
        for (lo, hi) in intervals.sorted(by: { $0.0 < $1.0 }) {
            if let last = merged.last, lo <= last.1 {
                merged[merged.count - 1].1 = max(last.1, hi)
            } else {
                merged.append((lo, hi))
            }
        }
        // The gap that wraps round ±180°, from the last interval's east to the first's west.
        var best = (gap: merged[0].0 + 360 - merged[merged.count - 1].1, west: merged[0].0, east: merged[merged.count - 1].1)
        for (a, b) in zip(merged, merged.dropFirst()) where b.0 - a.1 > best.gap {
            best = (b.0 - a.1, b.0, a.1)
        }
        return (best.west, best.east)
    }
}
