/// The edges RFC 7946 §3.1.9 cutting adds to a polygon: along ±180° where it is split, and over
/// a pole where a ring around the pole is closed. They are not part of the shape's boundary: a
/// perimeter does not count them and a map does not stroke them.
public enum CutEdges {
    /// Whether the edge from `a` to `b` runs along the antimeridian (both ends on the same ±180°
    /// meridian) or touches a pole.
    public static func isCut(_ a: Position, _ b: Position) -> Bool {
        (abs(a.longitude) == 180 && a.longitude == b.longitude) || abs(a.latitude) == 90 || abs(b.latitude) == 90
    }

    /// The runs of a closed ring's true boundary: its positions split wherever a cut edge is left
    /// out, each run at least two positions long. A ring with no cut edge is one closed run.
    public static func boundaryRuns(_ ring: [Position]) -> [[Position]] {
        guard ring.count > 1 else { return [] }
        let edges = Array(zip(ring, ring.dropFirst()))
        guard let firstCut = edges.firstIndex(where: { isCut($0.0, $0.1) }) else { return [ring] }
        // Start just after a cut edge, so that no run wraps round the ring's first position.
        var runs: [[Position]] = []
        var current: [Position] = []
        for offset in 1...edges.count {
            let (a, b) = edges[(firstCut + offset) % edges.count]
            if isCut(a, b) {
                if current.count > 1 { runs.append(current) }
                current = []
            } else {
                if current.isEmpty { current = [a] }
                current.append(b)
            }
        }
        if current.count > 1 { runs.append(current) }
        return runs
    }
}
