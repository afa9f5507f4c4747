#ifndef ROUTEMAP_CPROJ_H
#define ROUTEMAP_CPROJ_H
// PROJ's C API (proj.h, geodesic.h) as routemap calls it. The functions are routemap's own
// forwarders (ProjLibrary.c): libproj is opened with dlopen on first use, not by the dynamic
// loader at start-up, so commands that never touch PROJ do not pay for loading it and its
// dozens of shared libraries.
#include <proj.h>
#include <geodesic.h>

/// Starts opening libproj on a background thread, so that it is ready when first called.
void cproj_prefetch(void);

/// Waits for the thread cproj_prefetch started, if any: call it before exit(), which must not
/// run while a library is half loaded.
void cproj_finish_prefetch(void);

/// The file name libproj was opened from ("libproj.so.25"), opening it if need be.
const char *cproj_library_name(void);

#endif
