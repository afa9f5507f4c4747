import Coordinates
import Foundation
import Geodesy

/// The water network routemap routes `--mode sea` and `--mode river` on: nodes on the water,
/// edges that are WGS84 geodesics (so a path's length is its length on the ellipsoid), and a grid
/// of nodes by degree square for snapping places to the water.
///
/// It is compiled into the binary as text (`waterways/network.tsv`) and turned on first use into a
/// flat file in the cache folder (edge lengths by PROJ, adjacency lists, the grid), which later
/// runs map with `mmap` and read in place: nothing is parsed or allocated per node.
public final class WaterNetwork: @unchecked Sendable {
    /// The straits, canals and rivers, by number (index 0 is unused: number 0 is the open sea).
    public let waterways: [Waterway]
    /// Where the flat form lives: the mapped cache file, or nil when it was built in memory.
    public let cachePath: String?
    let storage: NetworkStorage

    /// The network compiled into routemap, mapped from `cacheDirectory` (built there on first use,
    /// or in memory when the folder cannot be written; `cacheFailed` hears why).
    public static func embedded(cacheDirectory: String?, cacheFailed: (String) -> Void = { _ in }) throws(WaterwaysError) -> WaterNetwork {
        let waterways = NetworkText.waterways(embeddedNetworkText)
        guard let cacheDirectory else {
            return WaterNetwork(waterways: waterways, storage: try NetworkStorage(building: NetworkText(embeddedNetworkText), digest: embeddedNetworkTextDigest), cachePath: nil)
        }
        let path = "\(cacheDirectory)/waterways-\(String(embeddedNetworkTextDigest, radix: 16)).net"
        if let mapped = try? NetworkStorage(mapping: path, digest: embeddedNetworkTextDigest) {
            return WaterNetwork(waterways: waterways, storage: mapped, cachePath: path)
        }
        let built = try NetworkStorage(building: NetworkText(embeddedNetworkText), digest: embeddedNetworkTextDigest)
        do {
            try built.write(to: path, directory: cacheDirectory)
            if let mapped = try? NetworkStorage(mapping: path, digest: embeddedNetworkTextDigest) {
                return WaterNetwork(waterways: waterways, storage: mapped, cachePath: path)
            }
        } catch {
            cacheFailed(error.description)
        }
        return WaterNetwork(waterways: waterways, storage: built, cachePath: nil)
    }

    /// A network from text in the network file's format, held in memory (for tests and tools).
    public convenience init(text: String) throws(WaterwaysError) {
        let parsed = try NetworkText(text)
        self.init(waterways: parsed.waterways, storage: try NetworkStorage(building: parsed, digest: 0), cachePath: nil)
    }

    init(waterways: [Waterway], storage: NetworkStorage, cachePath: String?) {
        var byNumber = [Waterway](repeating: Waterway(number: 0, id: "sea", name: "open sea", kind: .sea, anchors: ""), count: (waterways.map(\.number).max() ?? 0) + 1)
        for w in waterways { byNumber[w.number] = w }
        self.waterways = byNumber
        self.storage = storage
        self.cachePath = cachePath
    }

    /// How many nodes the network has.
    public var nodeCount: Int { storage.nodeCount }
    /// How many edges (each counted once, not once per direction).
    public var edgeCount: Int { storage.edgeCount / 2 }

    /// Where node `n` is.
    public func coordinate(of node: Int) -> Coordinate {
        Coordinate(uncheckedLatitude: storage.latitudes[node], longitude: storage.longitudes[node])
    }

    /// The kinds of water the edges at node `n` run over.
    public func kinds(at node: Int) -> Set<WaterwayKind> {
        Set(WaterwayKind.allCases.filter { storage.nodeKinds[node] & $0.bit != 0 })
    }

    /// The waterway numbered `number` (0: the open sea).
    public func waterway(number: Int) -> Waterway? {
        number < waterways.count ? waterways[number] : nil
    }

    /// The waterway with this id, such as `volga`.
    public func waterway(id: String) -> Waterway? {
        waterways.first { $0.id == id }
    }

    /// The nodes within `radius` metres of `point` that touch one of `kinds`, nearest first, with
    /// the geodesic to each (its length and initial azimuth).
    public func nodes(near point: Coordinate, within radius: Double, kinds: Set<WaterwayKind>, limit: Int = .max) -> [(node: Int, distance: Double, azimuth: Double)] {
        let mask = kinds.reduce(UInt8(0)) { $0 | $1.bit }
        let latitudeReach = Int((radius / 110_574).rounded(.up)) + 1
        let row = NetworkStorage.row(point.latitude)
        var found: [(node: Int, distance: Double, azimuth: Double)] = []
        for r in max(0, row - latitudeReach)...min(179, row + latitudeReach) {
            let parallel = cos(Double(max(abs(r - 90), abs(r + 1 - 90))) * .pi / 180)
            let longitudeReach = parallel < 0.02 ? 180 : Int((radius / (111_320 * parallel)).rounded(.up)) + 1
            let column = NetworkStorage.column(point.longitude)
            let columns = longitudeReach >= 180 ? Array(0..<360) : (column - longitudeReach...column + longitudeReach).map { ($0 % 360 + 360) % 360 }
            for c in Set(columns) {
                for n in storage.cellNodes(row: r, column: c) where storage.nodeKinds[Int(n)] & mask != 0 {
                    let g = Geodesic.wgs84.inverse(from: point, to: coordinate(of: Int(n)))
                    if g.distance <= radius { found.append((Int(n), g.distance, g.initialAzimuth)) }
                }
            }
        }
        found.sort { $0.distance < $1.distance }
        return Array(found.prefix(limit))
    }
}
