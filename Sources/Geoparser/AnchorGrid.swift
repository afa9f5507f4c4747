import Coordinates
import Geodesy

/// The places a document names unambiguously, in 3° cells, so "is one within 300 km?" looks at nine
/// cells and not at every anchor: a long document with thousands of anchors stays linear.
struct AnchorGrid {
    private static let cellDegrees = 3.0
    private var cells: [Int: [(index: Int, coordinate: Coordinate)]] = [:]

    init(_ anchors: [(index: Int, coordinate: Coordinate)]) {
        for anchor in anchors { cells[Self.cell(anchor.coordinate), default: []].append(anchor) }
    }

    /// An anchor other than `excluded` within `limit` metres of `point`, by geodesic: the nearest in the first
    /// cell that has one, searching the point's own cell first. The rule needs "one is near", not "which is nearest".
    func anchor(near point: Coordinate, within limit: Double, excluding excluded: Int) -> (index: Int, distance: Double)? {
        guard !cells.isEmpty else { return nil }
        let (row, column) = (Self.row(point.latitude), Self.column(point.longitude))
        // Near the poles a 3° cell of longitude is short, so every column is searched.
        let polar = abs(point.latitude) > 80
        for r in [row, row - 1, row + 1] {
            for k in 0..<(polar ? Int(360 / Self.cellDegrees) : 3) {
                let c = polar ? k : column + (k == 0 ? 0 : k == 1 ? -1 : 1)
                var best: (index: Int, distance: Double)?
                for anchor in cells[Self.key(r, c)] ?? [] where anchor.index != excluded {
                    // A degree of latitude is at least 110.5 km on WGS84: farther in latitude alone is out of reach.
                    guard abs(anchor.coordinate.latitude - point.latitude) * 110_500 <= min(limit, best?.distance ?? limit) else { continue }
                    let d = Geodesic.wgs84.inverse(from: point, to: anchor.coordinate).distance
                    if d <= limit, d < (best?.distance ?? .infinity) { best = (anchor.index, d) }
                }
                if best != nil { return best }
            }
        }
        return nil
    }

    private static func row(_ latitude: Double) -> Int { Int(((latitude + 90) / cellDegrees).rounded(.down)) }
    private static func column(_ longitude: Double) -> Int { Int(((longitude + 180) / cellDegrees).rounded(.down)) }
    private static func cell(_ c: Coordinate) -> Int { key(row(c.latitude), column(c.longitude)) }

    /// Columns wrap round ±180°.
    private static func key(_ row: Int, _ column: Int) -> Int {
        let columns = Int(360 / cellDegrees)
        return row * 1000 + ((column % columns) + columns) % columns
    }
}
