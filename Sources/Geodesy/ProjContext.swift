import CProj

/// A PROJ context of one's own (PROJ contexts are not shared between threads), with PROJ's
/// log messages captured so errors can quote PROJ's own reason instead of an error code.
final class ProjContext {
    let handle: OpaquePointer
    private let log = ProjLog()

    init() {
        handle = proj_context_create()
        proj_log_level(handle, PJ_LOG_ERROR)
        proj_log_func(handle, Unmanaged.passUnretained(log).toOpaque()) { appData, level, message in
            guard let appData, let message else { return }
            let log = Unmanaged<ProjLog>.fromOpaque(appData).takeUnretainedValue()
            log.messages.append(String(cString: message))
        }
    }

    deinit { proj_context_destroy(handle) }

    /// Forgets earlier log messages before a new call.
    func reset() {
        log.messages.removeAll()
    }

    /// What PROJ said about the last failure: its log lines, else its error text, else `fallback`.
    func reason(fallback: String) -> String {
        let logged = log.messages
            .map { $0.hasPrefix("proj_create: ") ? String($0.dropFirst(13)) : $0 }
            .filter { !$0.isEmpty }
        if !logged.isEmpty { return logged.joined(separator: "; ") }
        let code = proj_context_errno(handle)
        if code != 0, let text = proj_context_errno_string(handle, code) { return String(cString: text) }
        return fallback
    }

    /// Whether the last failure was PROJ not finding its database.
    var lacksDatabase: Bool { log.messages.contains { $0.contains("proj.db") } }
}

/// The messages PROJ logged since the last reset.
private final class ProjLog {
    var messages: [String] = []
}

/// Why PROJ could not make or apply a coordinate transform.
public enum ProjError: Error, Equatable, CustomStringConvertible {
    /// The CRS definition is not one PROJ accepts; `reason` is PROJ's own text.
    case badCRS(definition: String, reason: String)
    /// PROJ cannot find proj.db, so no EPSG code can be looked up.
    case noDatabase(reason: String)
    /// A map distance was asked of a CRS in degrees.
    case notProjected(crs: String)
    /// The point has no image in the target CRS (a pole in Web Mercator, say).
    case outOfDomain(point: String, crs: String, reason: String)

    public var description: String {
        switch self {
        case let .badCRS(definition, reason):
            return "\(definition): \(reason). Give an EPSG code (EPSG:32639), a PROJ string (+proj=utm +zone=39 +datum=WGS84), WKT or PROJJSON; `projinfo EPSG:n` shows what PROJ knows"
        case let .noDatabase(reason):
            return "PROJ cannot find its database proj.db (\(reason)). Install it (apt-get install proj-data) or set PROJ_DATA to the folder that holds proj.db, such as /usr/share/proj"
        case .notProjected(let crs):
            return "\(crs) is geographic (degrees), so it has no map distances; give a projected CRS such as EPSG:3857 (Web Mercator) or utm"
        case let .outOfDomain(point, crs, reason):
            return "\(point) cannot be projected to \(crs): \(reason)"
        }
    }
}
