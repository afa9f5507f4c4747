import Coordinates
import Geodesy

/// Finds shortest paths over a `WaterNetwork` by A*, with the WGS84 geodesic to the goal as the
/// (admissible) estimate. Each end joins the network through its nearest nodes, each priced by
/// the caller (a land crossing can be made dear), so a port snaps to water it can reach.
public struct WaterRouter: Sendable {
    public let network: WaterNetwork
    /// Which nodes each end may join, and from how far: the nearest `snapCandidates`, and the
    /// nearest `perDirection` in each of `directions` sectors of azimuth. The sea's nodes are the
    /// coastline's corners and the edges between them bitangents (the only ones a shortest path
    /// between corners uses), so an end must reach corners in every direction, near and far:
    /// from Amirabad, the corner at the tip of Absheron, 450 km away, is the one that matters.
    public var snapCandidates = 12
    public var directions = 16
    public var perDirection = 3
    public var snapRadius = 1_000_000.0

    /// Routes over `network`.
    public init(network: WaterNetwork) {
        self.network = network
    }

    /// The shortest path from `start` to `end` over edges of `kinds`. `accessCost(place, node)`
    /// prices joining a place to a node (nil: not allowed); it must be at least the geodesic between them.
    public func route(
        from start: Coordinate, to end: Coordinate, over kinds: Set<WaterwayKind>,
        accessCost: (Coordinate, Coordinate) -> Double? = { a, b in Geodesic.wgs84.inverse(from: a, to: b).distance }
    ) throws(WaterRouteFailure) -> WaterRoute {
        let storage = network.storage
        let mask = kinds.reduce(UInt8(0)) { $0 | $1.bit }
        func access(_ place: Coordinate, end: Int) throws(WaterRouteFailure) -> [(node: Int, cost: Double)] {
            let all = network.nodes(near: place, within: snapRadius, kinds: kinds)
            var taken = [Int](repeating: 0, count: directions)
            var near: [(node: Int, distance: Double, azimuth: Double)] = []
            for (rank, n) in all.enumerated() {
                let sector = min(directions - 1, Int((n.azimuth + 180) / 360 * Double(directions)))
                if rank < snapCandidates || taken[sector] < perDirection {
                    near.append(n)
                    taken[sector] += 1
                }
            }
            let priced = near.compactMap { n -> (node: Int, cost: Double)? in
                accessCost(place, network.coordinate(of: n.node)).map { (n.node, $0) }
            }
            guard !priced.isEmpty else { throw .noWaterNear(end: end, radius: snapRadius) }
            return priced
        }
        let sources = try access(start, end: 0)
        let goals = try access(end, end: 1)
        var goalCost: [Int: Double] = [:]
        for g in goals { goalCost[g.node] = min(goalCost[g.node] ?? .infinity, g.cost) }

        let n = storage.nodeCount
        var cost = [Double](repeating: .infinity, count: n)
        var previous = [Int32](repeating: -1, count: n)
        var estimate = [Double](repeating: -1, count: n)
        func heuristic(_ node: Int) -> Double {
            if estimate[node] < 0 { estimate[node] = Geodesic.wgs84.inverse(from: network.coordinate(of: node), to: end).distance }
            return estimate[node]
        }
        var heap = MinHeap()
        for s in sources where s.cost < cost[s.node] {
            cost[s.node] = s.cost
            heap.push(s.cost + heuristic(s.node), s.node)
        }
        var best = Double.infinity
        var bestGoal = -1
        while let (f, node) = heap.pop() {
            if f >= best { break }
            let g = cost[node]
            if f > g + heuristic(node) + 1e-6 { continue }  // a stale entry
            if let last = goalCost[node], g + last < best {
                best = g + last
                bestGoal = node
            }
            for e in Int(storage.adjacencyStarts[node])..<Int(storage.adjacencyStarts[node + 1]) where storage.edgeKinds[e] & mask != 0 {
                let next = Int(storage.edgeTargets[e])
                let through = g + storage.edgeLengths[e]
                if through < cost[next] {
                    cost[next] = through
                    previous[next] = Int32(node)
                    heap.push(through + heuristic(next), next)
                }
            }
        }
        guard bestGoal >= 0 else { throw .notConnected }

        var nodes = [bestGoal]
        while previous[nodes.last!] >= 0 { nodes.append(Int(previous[nodes.last!])) }
        nodes.reverse()
        return path(start: start, end: end, nodes: nodes)
    }

    /// The route through `nodes`, with its lengths measured edge by edge and the waterways it follows.
    private func path(start: Coordinate, end: Coordinate, nodes: [Int]) -> WaterRoute {
        let storage = network.storage
        let first = network.coordinate(of: nodes.first!), last = network.coordinate(of: nodes.last!)
        let startSnap = Snap(place: start, water: first, distance: Geodesic.wgs84.inverse(from: start, to: first).distance)
        let endSnap = Snap(place: end, water: last, distance: Geodesic.wgs84.inverse(from: last, to: end).distance)
        var length = startSnap.distance + endSnap.distance
        var byKind: [WaterwayKind: Double] = [:]
        var waterways: [Waterway] = []
        var stepKinds: [WaterwayKind] = []
        for (a, b) in zip(nodes, nodes.dropFirst()) {
            // the shortest edge between the two (the builder may join two nodes twice)
            var chosen = -1
            for e in Int(storage.adjacencyStarts[a])..<Int(storage.adjacencyStarts[a + 1]) where Int(storage.edgeTargets[e]) == b {
                if chosen < 0 || storage.edgeLengths[e] < storage.edgeLengths[chosen] { chosen = e }
            }
            length += storage.edgeLengths[chosen]
            let kind = WaterwayKind(bitIndex: storage.edgeKinds[chosen]) ?? .sea
            byKind[kind, default: 0] += storage.edgeLengths[chosen]
            stepKinds.append(kind)
            let number = Int(storage.edgeWaterways[chosen])
            if number > 0, let w = network.waterway(number: number), waterways.last != w { waterways.append(w) }
        }
        let points = [start] + nodes.map { network.coordinate(of: $0) } + [end]
        return WaterRoute(points: points, length: length, start: startSnap, end: endSnap, waterways: waterways, lengthByKind: byKind, stepKinds: stepKinds)
    }
}

/// A binary heap of (priority, node), smallest priority first.
struct MinHeap {
    private var items: [(Double, Int)] = []

    mutating func push(_ priority: Double, _ node: Int) {
        items.append((priority, node))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[i].0 < items[parent].0 else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count, items[l].0 < items[m].0 { m = l }
                if r < items.count, items[r].0 < items[m].0 { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}
