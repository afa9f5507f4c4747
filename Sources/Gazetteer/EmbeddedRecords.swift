/// The JSON records of `gazetteer/`, compiled into the binary by the EmbedGazetteer plugin.
public enum EmbeddedRecords {
    /// Every record, as (path such as `gazetteer/places/moscow.json`, JSON text).
    public static var all: [(path: String, json: String)] { embeddedGazetteerRecords }

    /// The records in one folder of `gazetteer/`: `places`, `sites` or `routes`.
    public static func records(in folder: String) -> [(path: String, json: String)] {
        embeddedGazetteerRecords.filter { $0.path.hasPrefix("gazetteer/\(folder)/") }
    }

    /// The polygon of a place as GeoJSON text (`gazetteer/shapes/<id>.geojson`), when the gazetteer holds one.
    public static func shape(placeID: String) -> String? {
        embeddedGazetteerRecords.first { $0.path == "gazetteer/shapes/\(placeID).geojson" }?.json
    }
}
