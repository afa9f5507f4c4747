import Coordinates
import Geodesy

/// Where a place meets the network: the place, the node it was joined to, and how far apart they are.
public struct Snap: Sendable, Equatable {
    /// The place as given.
    public let place: Coordinate
    /// The network node the route leaves from or arrives at.
    public let water: Coordinate
    /// The geodesic from the place to that node, in metres.
    public let distance: Double
}

/// A path over the network from one place to another.
public struct WaterRoute: Sendable, Equatable {
    /// The place, the network nodes in order, the other place: consecutive points are joined by geodesics.
    public let points: [Coordinate]
    /// The sum of those geodesics, snaps included, in metres.
    public let length: Double
    /// How the start and the end were joined to the network.
    public let start: Snap
    public let end: Snap
    /// The straits, canals and rivers the path follows, in order (the open sea is not listed).
    public let waterways: [Waterway]
    /// Metres over each kind of water, snaps not included.
    public let lengthByKind: [WaterwayKind: Double]
    /// The kind of water of each step between consecutive network points (`networkPoints`).
    public let stepKinds: [WaterwayKind]

    /// The path between the two snaps: the part drawn on the network.
    public var networkPoints: ArraySlice<Coordinate> { points.dropFirst().dropLast() }
}

/// Why no route was found.
public enum WaterRouteFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// No node of the allowed kinds within reach of this end (0 start, 1 end).
    case noWaterNear(end: Int, radius: Double)
    /// Both ends meet the network, but in parts it does not join.
    case notConnected

    public var description: String {
        switch self {
        case .noWaterNear(let end, let radius):
            return "the \(end == 0 ? "start" : "end") is more than \(Int(radius / 1000)) km from the network's water"
        case .notConnected:
            return "the two ends meet water that the network does not join"
        }
    }
}
