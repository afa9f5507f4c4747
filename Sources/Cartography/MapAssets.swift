/// The files of `cartography/` compiled into the binary by the EmbedMapAssets plugin: the base
/// map's GeoJSON and Leaflet's script and stylesheet.
enum MapAssets {
    /// The text of an asset, by its path under `cartography/` (`basemap/land.geojson`).
    static func text(_ path: String) -> String {
        guard let asset = embeddedMapAssets.first(where: { $0.path == path }) else {
            preconditionFailure("map asset \(path) is not embedded; is it under cartography/?")
        }
        return asset.text
    }
}
