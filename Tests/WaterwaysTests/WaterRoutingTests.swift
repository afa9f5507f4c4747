import Coordinates
import Foundation
import Geodesy
import Testing
import Waterways
import TestScratch

/// The router and the mapped network on a small network whose edge lengths GeographicLib gives:
///   printf '36 50 36 51\n36 51 37 51\n36 50 37 51\n' | GeodSolve -i -p 9
///   → 90163.292436136, 110968.304439956, 142618.087156811 (metres)
@Suite struct WaterRoutingTests {
    /// A square's three corners: a sea edge A–B, a river edge B–C, and a direct canal edge A–C.
    static let text = """
    # test network
    W\t1\tshortcut\tThe Shortcut\tcanal\ta test canal
    W\t2\tlong\tLong River\triver\ta test river
    N\t36.0\t50.0
    N\t36.0\t51.0
    N\t37.0\t51.0
    E\t0\t1\ts\t0
    E\t1\t2\tr\t2
    E\t0\t2\tc\t1
    """

    func point(_ lat: Double, _ lon: Double) -> Coordinate { Coordinate(uncheckedLatitude: lat, longitude: lon) }

    /// A router whose ends join only nodes within 20 km, so that paths must follow the edges.
    func router(_ network: WaterNetwork) -> WaterRouter {
        var router = WaterRouter(network: network)
        router.snapRadius = 20_000
        return router
    }

    @Test func edgeLengthsAreGeodesics() throws {
        let network = try WaterNetwork(text: Self.text)
        #expect(network.nodeCount == 3)
        #expect(network.edgeCount == 3)
        let viaRiver = try router(network).route(from: point(36, 50), to: point(37, 51), over: [.sea, .river])
        #expect(abs(viaRiver.length - (90163.292436136 + 110968.304439956)) < 1e-3)
        #expect(viaRiver.waterways.map(\.id) == ["long"])
        #expect(viaRiver.start.distance == 0 && viaRiver.end.distance == 0)
        let viaCanal = try router(network).route(from: point(36, 50), to: point(37, 51), over: [.sea, .river, .canal])
        #expect(abs(viaCanal.length - 142618.087156811) < 1e-3)
        #expect(viaCanal.waterways.map(\.id) == ["shortcut"])
        #expect(viaCanal.points.count == 4)  // the place, two nodes, the place
    }

    @Test func kindsNotAllowedAreNotSailed() throws {
        let network = try WaterNetwork(text: Self.text + "\nN\t40.0\t50.0\nN\t40.0\t51.0\nE\t3\t4\ts\t0\n")
        #expect(throws: WaterRouteFailure.notConnected) {
            try router(network).route(from: point(36, 50), to: point(40, 50), over: [.sea])
        }
        #expect(throws: WaterRouteFailure.noWaterNear(end: 1, radius: 20_000)) {
            try router(network).route(from: point(36, 50), to: point(37, 51), over: [.sea])  // C has no sea edge
        }
        #expect(throws: WaterRouteFailure.noWaterNear(end: 0, radius: 20_000)) {
            try router(network).route(from: point(30, 40), to: point(37, 51), over: [.sea, .canal])
        }
    }

    @Test func placesSnapToTheirNearestReachableNode() throws {
        let network = try WaterNetwork(text: Self.text)
        // 36.1, 50.0 is nearest A (GeodSolve -i: 36.1 50 36 50 → 11095.993 m); the access cost may forbid it
        let near = try router(network).route(from: point(36.1, 50), to: point(37, 51), over: [.sea, .river, .canal])
        #expect(abs(near.start.distance - 11_095.993) < 0.001)
        var wide = WaterRouter(network: network)
        wide.snapRadius = 200_000
        let avoiding = try wide.route(from: point(36.1, 50), to: point(37, 51), over: [.sea, .river, .canal]) { place, node in
            node.longitude == 50 && place.latitude == 36.1 ? nil : Geodesic.wgs84.inverse(from: place, to: node).distance
        }
        #expect(avoiding.start.water != point(36, 50))
    }

    @Test func theEmbeddedNetworkIsCachedAndMapped() throws {
        let folder = ScratchSpace.path("water").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let built = try WaterNetwork.embedded(cacheDirectory: folder)
        let path = try #require(built.cachePath)
        #expect(FileManager.default.fileExists(atPath: path))
        let mapped = try WaterNetwork.embedded(cacheDirectory: folder)
        #expect(mapped.nodeCount == built.nodeCount && mapped.edgeCount == built.edgeCount)
        #expect(mapped.coordinate(of: mapped.nodeCount - 1) == built.coordinate(of: built.nodeCount - 1))
        #expect(mapped.waterway(id: "volga")?.name == "Volga")
        // a truncated cache file is rebuilt, not read
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(truncate(path, off_t(size / 2)) == 0)
        let rebuilt = try WaterNetwork.embedded(cacheDirectory: folder)
        #expect(rebuilt.nodeCount == built.nodeCount)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == size)
    }

    @Test func malformedNetworkTextSaysWhichLine() {
        #expect(throws: WaterwaysError.self) { try WaterNetwork(text: "N\t91\t0\n") }
        do {
            _ = try WaterNetwork(text: "N\t1\t2\nE\t0\t5\ts\t0\n")
            Issue.record("an edge to a missing node was accepted")
        } catch {
            #expect(error.description.contains("edge 0 joins node 5"))
        }
    }
}

