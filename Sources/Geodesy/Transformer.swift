import CProj
import Coordinates

/// A coordinate transform between two CRSs by PROJ, always in x = longitude or easting,
/// y = latitude or northing order (`proj_normalize_for_visualization`), whatever the CRSs'
/// official axis order. Create one and reuse it: creation costs milliseconds, a transform
/// nanoseconds. A transformer owns its PROJ context, so use one per thread.
public final class Transformer {
    /// The CRS coordinates come from.
    public let source: CoordinateReferenceSystem
    /// The CRS coordinates go to.
    public let target: CoordinateReferenceSystem
    private let context: ProjContext
    private let operation: OpaquePointer

    /// The definition of WGS84 longitude/latitude that `project` and `unproject` use.
    public static let wgs84 = "EPSG:4326"

    /// Makes the transform from `source` to `target`, each an EPSG code, PROJ string, WKT or PROJJSON.
    public init(from source: String = Transformer.wgs84, to target: String) throws(ProjError) {
        let context = ProjContext()
        let sourceCRS = try Self.crs(source, context: context)
        defer { proj_destroy(sourceCRS) }
        let targetCRS = try Self.crs(target, context: context)
        defer { proj_destroy(targetCRS) }
        context.reset()
        guard let raw = proj_create_crs_to_crs_from_pj(context.handle, sourceCRS, targetCRS, nil, nil) else {
            throw .badCRS(definition: "\(source) → \(target)", reason: context.reason(fallback: "PROJ knows no transform between them"))
        }
        defer { proj_destroy(raw) }
        guard let normalized = proj_normalize_for_visualization(context.handle, raw) else {
            throw .badCRS(definition: "\(source) → \(target)", reason: context.reason(fallback: "cannot put the axes in x/y order"))
        }
        self.context = context
        self.operation = normalized
        self.source = CoordinateReferenceSystem(sourceCRS, definition: source, context: context.handle)
        self.target = CoordinateReferenceSystem(targetCRS, definition: target, context: context.handle)
    }

    deinit { proj_destroy(operation) }

    /// Transforms one point; throws when PROJ cannot, or the result is no point on Earth.
    public func forward(x: Double, y: Double) throws(ProjError) -> (x: Double, y: Double) {
        try apply(x: x, y: y, direction: PJ_FWD, from: source, to: target, label: "(\(x), \(y))")
    }

    /// Transforms one point from the target CRS back to the source.
    public func inverse(x: Double, y: Double) throws(ProjError) -> (x: Double, y: Double) {
        try apply(x: x, y: y, direction: PJ_INV, from: target, to: source, label: "(\(x), \(y))")
    }

    /// Projects a WGS84 coordinate (the transformer's source must be WGS84 longitude/latitude).
    public func project(_ coordinate: Coordinate) throws(ProjError) -> (x: Double, y: Double) {
        try apply(x: coordinate.longitude, y: coordinate.latitude, direction: PJ_FWD, from: source, to: target, label: coordinate.decimalString())
    }

    /// Whether the target CRS is meant for this WGS84 point (false outside its area of use, where
    /// results are valid arithmetic but distorted; true when PROJ gives no area).
    public func targetAreaContains(_ coordinate: Coordinate) -> Bool {
        target.areaOfUse?.contains(longitude: coordinate.longitude, latitude: coordinate.latitude) ?? true
    }

    /// Transforms a point and checks the answer: a point no CRS on Earth can hold (a projected
    /// coordinate beyond 10⁸ m, a latitude beyond ±90°) is an error, and so is a result that does
    /// not transform back to the point (PROJ clamps some, so that 1e300 in Web Mercator would read
    /// as longitude -180, latitude 90).
    private func apply(x: Double, y: Double, direction: PJ_DIRECTION, from input: CoordinateReferenceSystem, to crs: CoordinateReferenceSystem, label point: String) throws(ProjError) -> (x: Double, y: Double) {
        guard x.isFinite, y.isFinite else { throw .outOfDomain(point: point, crs: crs.label, reason: "the point is not finite") }
        if input.isGeographic, abs(y) > 90 {
            throw .outOfDomain(point: point, crs: crs.label, reason: "latitude \(y) is beyond ±90° in \(input.label); is the point in another CRS?")
        }
        if !input.isGeographic, max(abs(x), abs(y)) * input.unitToSI > 1e8 {
            throw .outOfDomain(point: point, crs: crs.label, reason: "the point lies \(Self.metres(max(abs(x), abs(y)) * input.unitToSI)) from the origin of \(input.label), further than any point on Earth; is it in another CRS or unit?")
        }
        let result = try transform(x: x, y: y, direction: direction, crs: crs, point: point)
        let back = try? transform(x: result.x, y: result.y, direction: direction == PJ_FWD ? PJ_INV : PJ_FWD, crs: input, point: point)
        if !Self.same(back, (x, y), in: input) {
            let reason = back.map { "it transforms back to (\($0.x), \($0.y)), not to the point: the point lies outside what the CRSs can map" } ?? "it does not transform back to the point: the point lies outside what the CRSs can map"
            throw .outOfDomain(point: point, crs: crs.label, reason: reason + Self.areaHint(input.isGeographic ? crs : input))
        }
        return result
    }

    /// Whether a round trip came back to the point: within 1 cm in a projected CRS, or 1e-7° (longitudes
    /// modulo 360°, and any longitude at a pole) in a geographic one.
    private static func same(_ back: (x: Double, y: Double)?, _ point: (x: Double, y: Double), in crs: CoordinateReferenceSystem) -> Bool {
        guard let back else { return false }
        guard crs.isGeographic else {
            let tolerance = max(0.01 / crs.unitToSI, 1e-9 * max(abs(point.x), abs(point.y)))
            return abs(back.x - point.x) <= tolerance && abs(back.y - point.y) <= tolerance
        }
        guard abs(back.y - point.y) <= 1e-7 else { return false }
        if abs(point.y) > 90 - 1e-7 { return true }
        let difference = (back.x - point.x).truncatingRemainder(dividingBy: 360)
        return min(abs(difference), 360 - abs(difference)) <= 1e-7
    }

    /// "1e+300 m", "242528680 m".
    private static func metres(_ value: Double) -> String {
        value < 1e15 ? "\(Int(value)) m" : "\(value) m"
    }

    private func transform(x: Double, y: Double, direction: PJ_DIRECTION, crs: CoordinateReferenceSystem, point: String) throws(ProjError) -> (x: Double, y: Double) {
        proj_errno_reset(operation)
        context.reset()
        let result = proj_trans(operation, direction, proj_coord(x, y, 0, 0)).xy
        let code = proj_errno(operation)
        if code != 0 || !result.x.isFinite || !result.y.isFinite || result.x == .greatestFiniteMagnitude {
            let reason = code != 0 ? String(cString: proj_context_errno_string(context.handle, code)) : "PROJ returned no finite coordinate"
            throw .outOfDomain(point: point, crs: crs.label, reason: reason)
        }
        // A conformal projection near its singularity (Web Mercator at a pole) returns a finite
        // number far larger than the Earth: no point has a projected coordinate beyond 10⁸ m.
        if !crs.isGeographic, max(abs(result.x), abs(result.y)) * crs.unitToSI > 1e8 {
            throw .outOfDomain(point: point, crs: crs.label, reason: "the result lies \(Self.metres(max(abs(result.x), abs(result.y)) * crs.unitToSI)) from the origin, further than any point on Earth\(Self.areaHint(crs))")
        }
        return (result.x, result.y)
    }

    private static func areaHint(_ crs: CoordinateReferenceSystem) -> String {
        guard let area = crs.areaOfUse else { return "" }
        return "; the CRS is meant for latitudes \(fixed(area.south, 2)) to \(fixed(area.north, 2)), longitudes \(fixed(area.west, 2)) to \(fixed(area.east, 2))"
    }

    private static func crs(_ definition: String, context: ProjContext) throws(ProjError) -> OpaquePointer {
        let trimmed = definition.trimmingCharactersInSet()
        guard !trimmed.isEmpty else { throw .badCRS(definition: "''", reason: "empty CRS") }
        // A bare PROJ string (`+proj=utm +zone=39`) describes an operation; `+type=crs` makes it a CRS.
        let text = trimmed.hasPrefix("+proj=") && !trimmed.contains("+type=crs") ? trimmed + " +type=crs" : trimmed
        context.reset()
        guard let object = proj_create(context.handle, text) else {
            if context.lacksDatabase { throw .noDatabase(reason: context.reason(fallback: "proj.db not found")) }
            throw .badCRS(definition: definition, reason: context.reason(fallback: "PROJ does not accept it"))
        }
        guard proj_is_crs(object) != 0 else {
            proj_destroy(object)
            throw .badCRS(definition: definition, reason: "this is a coordinate operation, not a CRS")
        }
        return object
    }
}

private extension String {
    func trimmingCharactersInSet() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
