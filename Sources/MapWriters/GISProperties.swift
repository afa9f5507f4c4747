import GeoJSON

/// Properties as every GIS reads them the same way.
///
/// GDAL reads a JSON array of strings (or of numbers) as a StringList (RealList…), which
/// GeoPackage and KML keep only in GDAL's private `(2:a,b)` form, KML drops on reading and
/// FlatGeobuf refuses. Arrays of objects and objects are read as JSON text in a String field,
/// which every driver keeps. So an array of scalars is written as its JSON text (`jq fromjson`
/// reads it back); routemap's own lists are arrays of objects (`waypoints`, `legs`, `citations`).
public enum GISProperties {
    /// `properties` with every array of scalars replaced by its compact JSON text.
    public static func safe(_ properties: [(String, JSONValue)]) -> [(String, JSONValue)] {
        properties.map { key, value in
            if case .array(let items) = value, !items.isEmpty, items.allSatisfy(isScalar) {
                return (key, .string(value.compact))
            }
            return (key, value)
        }
    }

    /// The feature with GIS-safe properties.
    public static func safe(_ feature: Feature) -> Feature {
        var feature = feature
        feature.properties = safe(feature.properties)
        return feature
    }

    private static func isScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .string, .number, .integer, .bool, .null: true
        case .array, .object: false
        }
    }
}
