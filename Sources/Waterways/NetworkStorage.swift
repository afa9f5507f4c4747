import Foundation
import Geodesy

/// The network's flat form: one block of bytes, mapped from the cache file or built in memory,
/// read through typed pointers. Layout (little-endian, every array 8-byte aligned), after a
/// 64-byte header (magic, format, text digest, node count, directed edge count):
/// latitudes and longitudes (Float64 × nodes), edge lengths (Float64 × edges), adjacency starts
/// (UInt32 × nodes + 1), edge targets (UInt32 × edges), grid cell starts (UInt32 × 64,801: one
/// cell per degree square, rows from 90°S, columns from 180°W), grid nodes (UInt32 × nodes),
/// edge waterways (UInt16 × edges), edge kinds (UInt8 × edges), node kinds (UInt8 × nodes).
final class NetworkStorage: @unchecked Sendable {
    static let magic: UInt64 = 0x3154_454E_5257_4D52  // "RMWRNET1"
    static let headerSize = 64
    static let cellCount = 180 * 360

    let nodeCount: Int
    let edgeCount: Int
    let latitudes: UnsafePointer<Double>
    let longitudes: UnsafePointer<Double>
    let edgeLengths: UnsafePointer<Double>
    let adjacencyStarts: UnsafePointer<UInt32>
    let edgeTargets: UnsafePointer<UInt32>
    let cellStarts: UnsafePointer<UInt32>
    let cellNodeList: UnsafePointer<UInt32>
    let edgeWaterways: UnsafePointer<UInt16>
    let edgeKinds: UnsafePointer<UInt8>
    let nodeKinds: UnsafePointer<UInt8>
    private let base: UnsafeRawBufferPointer
    private let release: () -> Void

    deinit { release() }

    static func row(_ latitude: Double) -> Int { min(179, max(0, Int((latitude + 90).rounded(.down)))) }
    static func column(_ longitude: Double) -> Int { min(359, max(0, Int((longitude + 180).rounded(.down)))) }

    /// The nodes filed in one degree square.
    func cellNodes(row: Int, column: Int) -> UnsafeBufferPointer<UInt32> {
        let cell = row * 360 + column
        let start = Int(cellStarts[cell])
        return UnsafeBufferPointer(start: cellNodeList + start, count: Int(cellStarts[cell + 1]) - start)
    }

    private static func aligned(_ n: Int) -> Int { (n + 7) & ~7 }

    /// Byte offsets of each array for these counts, and the total size.
    private static func layout(nodes n: Int, edges m: Int) -> [Int] {
        var offsets: [Int] = []
        var at = headerSize
        for size in [8 * n, 8 * n, 8 * m, 4 * (n + 1), 4 * m, 4 * (cellCount + 1), 4 * n, 2 * m, m, n] {
            offsets.append(at)
            at += aligned(size)
        }
        offsets.append(at)
        return offsets
    }

    private init(base: UnsafeRawBufferPointer, release: @escaping () -> Void, expecting digest: UInt64, path: String) throws(WaterwaysError) {
        guard base.count >= Self.headerSize else { throw .badCache(path: path, reason: "shorter than its header") }
        let header = base.baseAddress!.assumingMemoryBound(to: UInt64.self)
        guard header[0] == Self.magic else { throw .badCache(path: path, reason: "not a routemap water network") }
        guard header[1] == digest else { throw .badCache(path: path, reason: "built from other network data") }
        let n = Int(header[2]), m = Int(header[3])
        guard n < 1 << 31, m < 1 << 31 else { throw .badCache(path: path, reason: "impossible counts") }
        let o = Self.layout(nodes: n, edges: m)
        guard base.count >= o.last! else { throw .badCache(path: path, reason: "truncated (\(base.count) bytes of \(o.last!))") }
        let raw = base.baseAddress!
        nodeCount = n
        edgeCount = m
        latitudes = (raw + o[0]).assumingMemoryBound(to: Double.self)
        longitudes = (raw + o[1]).assumingMemoryBound(to: Double.self)
        edgeLengths = (raw + o[2]).assumingMemoryBound(to: Double.self)
        adjacencyStarts = (raw + o[3]).assumingMemoryBound(to: UInt32.self)
        edgeTargets = (raw + o[4]).assumingMemoryBound(to: UInt32.self)
        cellStarts = (raw + o[5]).assumingMemoryBound(to: UInt32.self)
        cellNodeList = (raw + o[6]).assumingMemoryBound(to: UInt32.self)
        edgeWaterways = (raw + o[7]).assumingMemoryBound(to: UInt16.self)
        edgeKinds = (raw + o[8]).assumingMemoryBound(to: UInt8.self)
        nodeKinds = (raw + o[9]).assumingMemoryBound(to: UInt8.self)
        // Every index the router follows must be in range, or a damaged file could send it astray.
        guard adjacencyStarts[n] == UInt32(m), cellStarts[Self.cellCount] == UInt32(n) else {
            throw .badCache(path: path, reason: "inconsistent adjacency or grid")
        }
        for i in 0..<m where edgeTargets[i] >= UInt32(n) { throw .badCache(path: path, reason: "an edge leads outside the network") }
        for i in 0..<n where cellNodeList[i] >= UInt32(n) || adjacencyStarts[i] > adjacencyStarts[i + 1] {
            throw .badCache(path: path, reason: "inconsistent adjacency or grid")
        }
        for i in 0..<Self.cellCount where cellStarts[i] > cellStarts[i + 1] { throw .badCache(path: path, reason: "inconsistent grid") }
        self.base = base
        self.release = release
    }

    /// Maps the cache file at `path`; throws when it is missing, damaged or from other data.
    convenience init(mapping path: String, digest: UInt64) throws(WaterwaysError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .badCache(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_size > 0 else { throw .badCache(path: path, reason: "empty") }
        let size = Int(status.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else {
            throw .badCache(path: path, reason: String(cString: strerror(errno)))
        }
        let buffer = UnsafeRawBufferPointer(start: address, count: size)
        try self.init(base: buffer, release: { munmap(address, size) }, expecting: digest, path: path)
    }

    /// Builds the flat form from the parsed text: each edge's length is its WGS84 geodesic's, by PROJ.
    convenience init(building text: NetworkText, digest: UInt64) throws(WaterwaysError) {
        let n = text.latitudes.count, m = text.edges.count * 2
        let o = Self.layout(nodes: n, edges: m)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: o.last!, alignment: 8)
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: o.last!)
        let header = raw.assumingMemoryBound(to: UInt64.self)
        header[0] = Self.magic
        header[1] = digest
        header[2] = UInt64(n)
        header[3] = UInt64(m)
        let lat = (raw + o[0]).assumingMemoryBound(to: Double.self)
        let lon = (raw + o[1]).assumingMemoryBound(to: Double.self)
        for i in 0..<n { lat[i] = text.latitudes[i]; lon[i] = text.longitudes[i] }
        // adjacency: count per node, prefix sums, then fill
        let starts = (raw + o[3]).assumingMemoryBound(to: UInt32.self)
        var degree = [Int](repeating: 0, count: n + 1)
        for e in text.edges { degree[Int(e.a)] += 1; degree[Int(e.b)] += 1 }
        var running = 0
        for i in 0..<n { starts[i] = UInt32(running); running += degree[i] }
        starts[n] = UInt32(running)
        var fill = (0..<n).map { Int(starts[$0]) }
        let lengths = (raw + o[2]).assumingMemoryBound(to: Double.self)
        let targets = (raw + o[4]).assumingMemoryBound(to: UInt32.self)
        let waterways = (raw + o[7]).assumingMemoryBound(to: UInt16.self)
        let kinds = (raw + o[8]).assumingMemoryBound(to: UInt8.self)
        let nodeKinds = (raw + o[9]).assumingMemoryBound(to: UInt8.self)
        for e in text.edges {
            let length = Geodesic.wgs84.inverse(
                from: .init(uncheckedLatitude: lat[Int(e.a)], longitude: lon[Int(e.a)]),
                to: .init(uncheckedLatitude: lat[Int(e.b)], longitude: lon[Int(e.b)])).distance
            for (from, to) in [(Int(e.a), e.b), (Int(e.b), e.a)] {
                let slot = fill[from]
                fill[from] += 1
                targets[slot] = to
                lengths[slot] = length
                waterways[slot] = e.waterway
                kinds[slot] = e.kind.bit
                nodeKinds[from] |= e.kind.bit
            }
        }
        // the grid: nodes by degree square
        let cellStarts = (raw + o[5]).assumingMemoryBound(to: UInt32.self)
        let cellNodes = (raw + o[6]).assumingMemoryBound(to: UInt32.self)
        let cells = (0..<n).map { Self.row(lat[$0]) * 360 + Self.column(lon[$0]) }
        var perCell = [Int](repeating: 0, count: Self.cellCount)
        for c in cells { perCell[c] += 1 }
        running = 0
        for c in 0..<Self.cellCount { cellStarts[c] = UInt32(running); running += perCell[c] }
        cellStarts[Self.cellCount] = UInt32(running)
        var cellFill = (0..<Self.cellCount).map { Int(cellStarts[$0]) }
        for (node, c) in cells.enumerated() { cellNodes[cellFill[c]] = UInt32(node); cellFill[c] += 1 }
        let size = o.last!
        try self.init(base: UnsafeRawBufferPointer(start: raw, count: size), release: { raw.deallocate() }, expecting: digest, path: "(memory)")
    }

    /// Writes the flat form to `path` under a temporary name in `directory`, renamed when whole.
    func write(to path: String, directory: String) throws(CacheWriteFailure) {
        var made = ""
        for component in directory.split(separator: "/") {
            made += (made.isEmpty && !directory.hasPrefix("/") ? "" : "/") + component
            if mkdir(made, 0o755) != 0, errno != EEXIST { throw CacheWriteFailure("cannot make \(made): \(String(cString: strerror(errno)))") }
        }
        let temporary = "\(path).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CacheWriteFailure("cannot write in \(directory): \(String(cString: strerror(errno)))") }
        var offset = 0
        while offset < base.count {
            let written = Foundation.write(fd, base.baseAddress! + offset, base.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd); unlink(temporary)
                throw CacheWriteFailure("cannot write \(temporary): \(reason)")
            }
            offset += written
        }
        guard close(fd) == 0, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CacheWriteFailure("cannot keep \(path): \(reason)")
        }
    }
}

/// Why the network's cache file could not be written (routemap then keeps it in memory).
struct CacheWriteFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
