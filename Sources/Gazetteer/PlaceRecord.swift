import Coordinates

/// The on-disk shape of a place: one JSON object per file under `gazetteer/places/`.
struct PlaceRecord: Decodable {
    let id: String
    let name: String
    let kind: String
    let country: String?
    let parent: String?
    let lat: Double
    let lon: Double
    let bbox: [Double]?
    let names: [String: [String]]
    let abbreviations: [String: [String]]?
    let links: [String: String]?
    let sources: [String: String]?
}
