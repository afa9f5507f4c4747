import CProj

/// libproj itself: opened on the first PROJ call rather than at start-up, or earlier with `prefetch()`.
public enum ProjLibrary {
    /// Starts opening libproj on a background thread, for a command that will call PROJ once it has parsed its input.
    public static func prefetch() { cproj_prefetch() }

    /// Waits until the load `prefetch()` started has finished; a process must call it before it exits.
    public static func finishPrefetch() { cproj_finish_prefetch() }

    /// The shared library PROJ was loaded from ("libproj.so.25"), loading it if need be.
    public static var fileName: String { String(cString: cproj_library_name()) }

    /// The PROJ version routemap was compiled against ("9.1.1").
    public static let headerVersion = "\(PROJ_VERSION_MAJOR).\(PROJ_VERSION_MINOR).\(PROJ_VERSION_PATCH)"
}
