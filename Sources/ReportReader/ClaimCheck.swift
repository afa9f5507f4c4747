import Coordinates
import Foundation
import Geodesy
import WorldGeometry

/// Checks a stated distance and direction against the geodesic, and says why.
enum ClaimCheck {
    /// How far a figure may miss before the claim is inconsistent: a tenth, and 5 km for the
    /// distance between a place's representative point and the facility the text means.
    static let relativeTolerance = 0.1
    static let absoluteTolerance = 5_000.0
    /// How far a bearing may miss a stated compass point: half the angle between two of the eight.
    static let directionTolerance = 45.0
    /// How much longer than the geodesic a stated road or rail length may be: roads and rail lines seldom run more than twice it, so 2.5 leaves a margin.
    static let maximumDetour = 2.5

    /// The verdict and its reason for a claim measured as `measured` (nil when it could not be).
    static func verdict(stated: StatedDistance, measured: Claim.Measured?, unmeasured reason: String, alongRoute: Bool = false) -> (Claim.Verdict, String) {
        guard let measured else { return (.unverifiable, reason) }
        let statedText = describe(stated)
        // A length along a road or rail line is at least the geodesic, and at most `maximumDetour` times it.
        if alongRoute, let range = stated.distance {
            let text = "stated \(statedText), a length along the way; the geodesic is \(amount(measured.distance, in: stated.unit))"
            let low = measured.distance * (1 - relativeTolerance) - absoluteTolerance, high = measured.distance * maximumDetour
            if range.upperBound < low { return (.inconsistent, text + ": shorter than the straight line") }
            if range.lowerBound > high { return (.inconsistent, text + ": more than \(String(format: "%.1f", maximumDetour)) times the straight line") }
            return (.consistent, text)
        }
        if stated.distance == nil, stated.direction == nil {
            return (.unverifiable, "stated \(statedText), no distance or direction; measured \(amount(measured.distance, in: stated.unit))")
        }
        let measuredText = "measured \(amount(measured.distance, in: stated.unit)) at \(String(format: "%.0f", (measured.azimuth + 360).truncatingRemainder(dividingBy: 360)))° (\(CompassPoint.nearest8(measured.azimuth).rawValue))"
        var problems: [String] = []
        if let range = stated.distance {
            let low = range.lowerBound * (1 - relativeTolerance) - absoluteTolerance
            let high = range.upperBound * (1 + relativeTolerance) + absoluteTolerance
            if measured.distance < low || measured.distance > high { problems.append("the distance is off") }
        }
        if let direction = stated.direction {
            var difference = abs(measured.azimuth - direction.degrees).truncatingRemainder(dividingBy: 360)
            if difference > 180 { difference = 360 - difference }
            if difference > directionTolerance { problems.append("the bearing is \(String(format: "%.0f", difference))° from \(direction.rawValue)") }
        }
        let text = "stated \(statedText); \(measuredText)"
        return problems.isEmpty ? (.consistent, text) : (.inconsistent, text + ": " + problems.joined(separator: " and "))
    }

    /// How far past the middle of a country's extent a place may lie and still be in the part a compass word names.
    static let partTolerance = 0.1
    /// The same for a diagonal part ("north-western"), on each axis.
    static let diagonalTolerance = 0.25

    /// True when the point lies inside the ring (even-odd rule), longitudes unwrapped around the country's point.
    private static func contains(_ ring: [LonLat], longitude: Double, latitude: Double, unwrap: (Double) -> Double) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in ring.indices {
            let (xi, yi, xj, yj) = (unwrap(ring[i].longitude), ring[i].latitude, unwrap(ring[j].longitude), ring[j].latitude)
            if (yi > latitude) != (yj > latitude), longitude < (xj - xi) * (latitude - yi) / (yj - yi) + xi { inside.toggle() }
            j = i
        }
        return inside
    }

    /// The verdict on "in southern Russia", "the eastern Chadian town of Abéché": where the place lies within the country's
    /// south–north and west–east extent (its Natural Earth outline), against the part the compass word names.
    static func partVerdict(_ stated: StatedDistance, place: Coordinate, placeName: String, country: Country, around center: Coordinate) -> (Claim.Verdict, String)? {
        guard let direction = stated.direction else { return nil }
        var south = 90.0, north = -90.0, west = 540.0, east = -540.0
        // Longitudes taken within half a turn of the country's own point, so that Russia's Chukotka lies east of Moscow.
        let unwrap = { (lon: Double) in lon - 360 * ((lon - center.longitude) / 360).rounded() }
        // The part of the country the place lies in (peninsular Malaysia for Kuantan, not Borneo too), else the whole country.
        let rings = country.polygons.compactMap(\.first)
        let home = rings.first { ring in contains(ring, longitude: unwrap(place.longitude), latitude: place.latitude, unwrap: unwrap) }
        for ring in home.map({ [$0] }) ?? rings {
            for point in ring {
                south = min(south, point.latitude); north = max(north, point.latitude)
                let lon = unwrap(point.longitude)
                west = min(west, lon); east = max(east, lon)
            }
        }
        guard north > south, east > west else { return nil }
        let up = (place.latitude - south) / (north - south), across = (unwrap(place.longitude) - west) / (east - west)
        let radians = direction.degrees * .pi / 180
        // "Darwin, in the south of Timor-Leste": a place well beyond the country's extent lies in no part of it.
        if up < -partTolerance || up > 1 + partTolerance || across < -partTolerance || across > 1 + partTolerance {
            return (.inconsistent, "stated \(describe(stated)); \(placeName) lies outside \(country.name)'s south–north and west–east extent (Natural Earth outline)")
        }
        var problems: [String] = []
        // A diagonal part ("north-western Pakistan") of a country drawn on a slant leaves more room on each axis.
        let margin = abs(cos(radians)) > 0.3 && abs(sin(radians)) > 0.3 ? diagonalTolerance : partTolerance
        if cos(radians) > 0.3, up < 0.5 - margin { problems.append("it lies in the south") }
        if cos(radians) < -0.3, up > 0.5 + margin { problems.append("it lies in the north") }
        if sin(radians) > 0.3, across < 0.5 - margin { problems.append("it lies in the west") }
        if sin(radians) < -0.3, across > 0.5 + margin { problems.append("it lies in the east") }
        let text = "stated \(describe(stated)); \(placeName) lies \(Int((up * 100).rounded()))% of the way up \(country.name)'s south–north extent and \(Int((across * 100).rounded()))% across its west–east extent (Natural Earth outline)"
        return problems.isEmpty ? (.consistent, text) : (.inconsistent, text + ": " + problems.joined(separator: " and "))
    }

    /// "200–900 mi E", "9 km S", "SE".
    static func describe(_ stated: StatedDistance) -> String {
        var parts: [String] = []
        if let range = stated.distance {
            parts.append(range.lowerBound == range.upperBound ? amount(range.lowerBound, in: stated.unit)
                         : "\(amount(range.lowerBound, in: stated.unit, withUnit: false))–\(amount(range.upperBound, in: stated.unit))")
        }
        if let direction = stated.direction { parts.append(direction.rawValue) }
        return parts.isEmpty ? "'\(stated.text)'" : "'\(stated.text)' (" + parts.joined(separator: " ") + ")"
    }

    /// Metres in a unit people read: "561 mi", "9.2 km".
    static func amount(_ metres: Double, in unit: String, withUnit: Bool = true) -> String {
        let sizes: [String: Double] = ["mi": 1609.344, "nmi": 1852, "m": 1]
        let size = sizes[unit] ?? 1000
        let value = metres / size
        let text = value >= 100 ? String(format: "%.0f", value) : String(format: "%.1f", value)
        return withUnit ? "\(text) \(unit)" : text
    }
}
