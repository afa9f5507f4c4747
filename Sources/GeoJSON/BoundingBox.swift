/// A GeoJSON bbox `[west, south, east, north]`; east < west when it crosses ±180° (RFC 7946 §5.2).
public struct BoundingBox: Equatable, Sendable {
    public let west: Double
    public let south: Double
    public let east: Double
    public let north: Double

    /// A box with the given edges.
    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// The smallest box covering `parts`, each a run of positions that does not itself cross ±180°.
    init?(covering parts: [[Position]]) {
        var intervals: [(Double, Double)] = []
        var south = Double.infinity, north = -Double.infinity
        for part in parts where !part.isEmpty {
            var west = Double.infinity, east = -Double.infinity
            for p in part {
                south = min(south, p.latitude)
                north = max(north, p.latitude)
                west = min(west, p.longitude)
                east = max(east, p.longitude)
            }
            intervals.append((west, east))
        }
        guard !intervals.isEmpty else { return nil }
        (west, east) = Self.smallestCover(intervals)
        self.south = south
        self.north = north
    }

    /// The smallest box covering every box in `boxes`, any of which may cross ±180°.
    init?(union boxes: [BoundingBox]) {
        guard !boxes.isEmpty else { return nil }
        var intervals: [(Double, Double)] = []
        intervals.reserveCapacity(boxes.count)
        for box in boxes {
            if box.crossesAntimeridian {
                intervals.append((box.west, 180))
                intervals.append((-180, box.east))
            } else {
                intervals.append((box.west, box.east))
            }
        }
        (west, east) = Self.smallestCover(intervals)
        south = boxes.lazy.map(\.south).min()!
        north = boxes.lazy.map(\.north).max()!
    }

    /// The smallest box covering `points`, as a FeatureCollection of them would have it.
    public init?(points: [Position]) {
        self.init(union: points.map { BoundingBox(west: $0.longitude, south: $0.latitude, east: $0.longitude, north: $0.latitude) })
    }

    /// True when the box crosses ±180° longitude.
    public var crossesAntimeridian: Bool { east < west }

    /// The four numbers in GeoJSON order.
    public var array: [Double] { [west, south, east, north] }

    /// West and east of the shortest arc of longitude that covers every interval: the complement of the widest gap.
    ///
    /// A box across ±180° is chosen only when it is at least a degree narrower than the plain one,
    /// so data spread round the whole globe keeps the plain `[-180…, …180]` box readers expect.
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
        for (a, b) in zip(merged, merged.dropFirst()) where b.0 - a.1 > best.gap + 1 {
            best = (b.0 - a.1 - 1, b.0, a.1)
        }
        return (best.west, best.east)
    }
}
