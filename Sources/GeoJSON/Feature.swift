/// An RFC 7946 Feature: a geometry (or none) and properties, with an optional id.
public struct Feature: Sendable {
    public var id: String?
    public var geometry: Geometry?
    /// Properties in the order they are written.
    public var properties: [(String, JSONValue)]
    /// Members beside `type`, `geometry` and `properties`, written only when asked for.
    public var foreignMembers: [(String, JSONValue)]

    /// A feature; `properties` keep their order in the output.
    public init(id: String? = nil, geometry: Geometry?, properties: [(String, JSONValue)] = [], foreignMembers: [(String, JSONValue)] = []) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
        self.foreignMembers = foreignMembers
    }

    /// The feature's bounding box, nil without a geometry.
    public var bbox: BoundingBox? {
        switch geometry {
        case nil: nil
        case .point(let p): BoundingBox(west: p.longitude, south: p.latitude, east: p.longitude, north: p.latitude)
        case let geometry?: BoundingBox(covering: geometry.allPositions)
        }
    }
}

/// An RFC 7946 FeatureCollection.
public struct FeatureCollection: Sendable {
    public var features: [Feature]
    /// Members beside `type`, `features` and `bbox`, written only when asked for.
    public var foreignMembers: [(String, JSONValue)]

    /// A collection of `features`.
    public init(features: [Feature], foreignMembers: [(String, JSONValue)] = []) {
        self.features = features
        self.foreignMembers = foreignMembers
    }

    /// The box covering every feature; east < west when the smallest such box crosses ±180°.
    public var bbox: BoundingBox? {
        BoundingBox(union: features.compactMap(\.bbox))
    }
}
