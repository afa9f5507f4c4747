import CProj

/// What a user needs to know about a CRS PROJ accepted: its name, code, unit and area of use.
public struct CoordinateReferenceSystem: Equatable, Sendable {
    /// The definition the user gave (`EPSG:32639`, a PROJ string, WKT or PROJJSON).
    public let definition: String
    /// PROJ's name for it, such as "WGS 84 / UTM zone 39N".
    public let name: String
    /// Its authority code, such as "EPSG:32639", when it has one.
    public let identifier: String?
    /// The unit of its first axis: "metre", "degree", "US survey foot"…
    public let unit: String
    /// Metres (or radians, for angles) per unit.
    public let unitToSI: Double
    /// Whether coordinates are longitude and latitude rather than easting and northing.
    public let isGeographic: Bool
    /// Where the CRS is meant to be used, in degrees, when PROJ knows it.
    public let areaOfUse: AreaOfUse?

    /// How to name the CRS in messages: "EPSG:32639 (WGS 84 / UTM zone 39N)".
    public var label: String {
        if let identifier, identifier != name { return "\(identifier) (\(name))" }
        return name == "unknown" ? definition : name
    }

    init(_ crs: OpaquePointer, definition: String, context: OpaquePointer) {
        self.definition = definition
        name = proj_get_name(crs).map { String(cString: $0) } ?? definition
        if let authority = proj_get_id_auth_name(crs, 0), let code = proj_get_id_code(crs, 0) {
            identifier = "\(String(cString: authority)):\(String(cString: code))"
        } else {
            identifier = nil
        }
        let type = proj_get_type(crs)
        isGeographic = [PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS, PJ_TYPE_GEOGRAPHIC_CRS].contains(type)
        (unit, unitToSI) = Self.firstAxisUnit(crs, context: context) ?? ("unknown", 1)
        var west = 0.0, south = 0.0, east = 0.0, north = 0.0
        if proj_get_area_of_use(context, crs, &west, &south, &east, &north, nil) == 1, west > -1000 {
            areaOfUse = AreaOfUse(west: west, south: south, east: east, north: north)
        } else {
            areaOfUse = nil
        }
    }

    private static func firstAxisUnit(_ crs: OpaquePointer, context: OpaquePointer) -> (String, Double)? {
        var horizontal = crs
        var subCRS: OpaquePointer?
        if proj_get_type(crs) == PJ_TYPE_COMPOUND_CRS, let first = proj_crs_get_sub_crs(context, crs, 0) {
            subCRS = first
            horizontal = first
        }
        defer { if let subCRS { proj_destroy(subCRS) } }
        guard let cs = proj_crs_get_coordinate_system(context, horizontal) else { return nil }
        defer { proj_destroy(cs) }
        var factor = 0.0
        var unitName: UnsafePointer<CChar>?
        guard proj_cs_get_axis_info(context, cs, 0, nil, nil, nil, &factor, &unitName, nil, nil) == 1, let unitName else { return nil }
        return (String(cString: unitName), factor)
    }
}

/// A CRS's area of use: a box in degrees, whose west edge is east of its east edge across ±180°.
public struct AreaOfUse: Equatable, Sendable {
    public let west: Double, south: Double, east: Double, north: Double

    /// Whether the point lies in the area (edges included).
    public func contains(longitude: Double, latitude: Double) -> Bool {
        guard latitude >= south, latitude <= north else { return false }
        return west <= east ? (longitude >= west && longitude <= east) : (longitude >= west || longitude <= east)
    }
}
