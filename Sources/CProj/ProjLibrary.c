// libproj, opened on first use. Each PROJ function routemap calls is defined here with PROJ's own
// signature (the compiler checks it against proj.h and geodesic.h) and forwards to the function
// of the same name in libproj, found with dlsym once libproj is open. The definitions are hidden,
// so libproj's calls to its own functions never land here.
#define _GNU_SOURCE
#define PROJ_DLL __attribute__((visibility("hidden")))
#define GEOD_DLL __attribute__((visibility("hidden")))
#include "CProj.h"

#include <sched.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// Every PROJ function routemap uses: X(return type, name, (parameters), (arguments)).
#define PROJ_FUNCTIONS(X, V) \
    X(PJ_CONTEXT *, proj_context_create, (void), ()) \
    X(PJ_CONTEXT *, proj_context_destroy, (PJ_CONTEXT *ctx), (ctx)) \
    X(int, proj_context_errno, (PJ_CONTEXT *ctx), (ctx)) \
    X(const char *, proj_context_errno_string, (PJ_CONTEXT *ctx, int err), (ctx, err)) \
    V(proj_log_func, (PJ_CONTEXT *ctx, void *app_data, PJ_LOG_FUNCTION logf), (ctx, app_data, logf)) \
    X(PJ_LOG_LEVEL, proj_log_level, (PJ_CONTEXT *ctx, PJ_LOG_LEVEL log_level), (ctx, log_level)) \
    X(PJ_COORD, proj_coord, (double x, double y, double z, double t), (x, y, z, t)) \
    X(PJ *, proj_create, (PJ_CONTEXT *ctx, const char *definition), (ctx, definition)) \
    X(PJ *, proj_create_crs_to_crs_from_pj, \
      (PJ_CONTEXT *ctx, const PJ *source_crs, const PJ *target_crs, PJ_AREA *area, const char *const *options), \
      (ctx, source_crs, target_crs, area, options)) \
    X(PJ *, proj_crs_get_coordinate_system, (PJ_CONTEXT *ctx, const PJ *crs), (ctx, crs)) \
    X(PJ *, proj_crs_get_sub_crs, (PJ_CONTEXT *ctx, const PJ *crs, int index), (ctx, crs, index)) \
    X(int, proj_cs_get_axis_info, \
      (PJ_CONTEXT *ctx, const PJ *cs, int index, const char **out_name, const char **out_abbrev, \
       const char **out_direction, double *out_unit_conv_factor, const char **out_unit_name, \
       const char **out_unit_auth_name, const char **out_unit_code), \
      (ctx, cs, index, out_name, out_abbrev, out_direction, out_unit_conv_factor, out_unit_name, \
       out_unit_auth_name, out_unit_code)) \
    X(PJ *, proj_destroy, (PJ *P), (P)) \
    X(int, proj_errno, (const PJ *P), (P)) \
    X(int, proj_errno_reset, (const PJ *P), (P)) \
    X(int, proj_get_area_of_use, \
      (PJ_CONTEXT *ctx, const PJ *obj, double *out_west_lon_degree, double *out_south_lat_degree, \
       double *out_east_lon_degree, double *out_north_lat_degree, const char **out_area_name), \
      (ctx, obj, out_west_lon_degree, out_south_lat_degree, out_east_lon_degree, out_north_lat_degree, \
       out_area_name)) \
    X(const char *, proj_get_id_auth_name, (const PJ *obj, int index), (obj, index)) \
    X(const char *, proj_get_id_code, (const PJ *obj, int index), (obj, index)) \
    X(const char *, proj_get_name, (const PJ *obj), (obj)) \
    X(PJ_TYPE, proj_get_type, (const PJ *obj), (obj)) \
    X(int, proj_is_crs, (const PJ *obj), (obj)) \
    X(PJ *, proj_normalize_for_visualization, (PJ_CONTEXT *ctx, const PJ *obj), (ctx, obj)) \
    X(PJ_COORD, proj_trans, (PJ *P, PJ_DIRECTION direction, PJ_COORD coord), (P, direction, coord)) \
    V(geod_init, (struct geod_geodesic *g, double a, double f), (g, a, f)) \
    V(geod_direct, \
      (const struct geod_geodesic *g, double lat1, double lon1, double azi1, double s12, double *plat2, \
       double *plon2, double *pazi2), \
      (g, lat1, lon1, azi1, s12, plat2, plon2, pazi2)) \
    V(geod_inverse, \
      (const struct geod_geodesic *g, double lat1, double lon1, double lat2, double lon2, double *ps12, \
       double *pazi1, double *pazi2), \
      (g, lat1, lon1, lat2, lon2, ps12, pazi1, pazi2)) \
    V(geod_inverseline, \
      (struct geod_geodesicline *l, const struct geod_geodesic *g, double lat1, double lon1, double lat2, \
       double lon2, unsigned caps), \
      (l, g, lat1, lon1, lat2, lon2, caps)) \
    X(double, geod_genposition, \
      (const struct geod_geodesicline *l, unsigned flags, double s12_a12, double *plat2, double *plon2, \
       double *pazi2, double *ps12, double *pm12, double *pM12, double *pM21, double *pS12), \
      (l, flags, s12_a12, plat2, plon2, pazi2, ps12, pm12, pM12, pM21, pS12)) \
    V(geod_polygon_init, (struct geod_polygon *p, int polylinep), (p, polylinep)) \
    V(geod_polygon_addpoint, (const struct geod_geodesic *g, struct geod_polygon *p, double lat, double lon), \
      (g, p, lat, lon)) \
    X(unsigned, geod_polygon_compute, \
      (const struct geod_geodesic *g, const struct geod_polygon *p, int reverse, int sign, double *pA, \
       double *pP), \
      (g, p, reverse, sign, pA, pP))

#define POINTER(ret, name, params, args) __typeof__(name) *name;
#define VOID_POINTER(name, params, args) __typeof__(name) *name;
static struct {
    PROJ_FUNCTIONS(POINTER, VOID_POINTER)
} proj;

// The shared library names to try: the one that goes with the PROJ headers compiled against
// (PROJ 9 has soname libproj.so.25, PROJ 8 libproj.so.22), then the development symlink.
#if PROJ_VERSION_MAJOR == 9
#define PROJ_SONAME "libproj.so.25"
#elif PROJ_VERSION_MAJOR == 8
#define PROJ_SONAME "libproj.so.22"
#else
#define PROJ_SONAME "libproj.so"
#endif
static const char *const candidates[] = {PROJ_SONAME, "libproj.so", "libproj.dylib"};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *opened;  // the candidate that opened, or NULL
static char failure[1024];  // why none did, or which function libproj lacks

static void open_library(void) {
    void *handle = NULL;
    for (size_t i = 0; i < sizeof candidates / sizeof *candidates && !handle; i++) {
        handle = dlopen(candidates[i], RTLD_LAZY | RTLD_LOCAL);
        if (handle) opened = candidates[i];
        else if (i == 0) snprintf(failure, sizeof failure, "%s", dlerror());
    }
    if (!handle) return;
#define LOOKUP(name)                                                                                  \
    if (!(proj.name = (__typeof__(name) *)dlsym(handle, #name))) {                                    \
        snprintf(failure, sizeof failure, "%s has no function %s (PROJ " PROJ_SONAME "'s API expected)", \
                 opened, #name);                                                                      \
        opened = NULL;                                                                                \
        return;                                                                                       \
    }
#define LOOKUP_FUNCTION(ret, name, params, args) LOOKUP(name)
#define LOOKUP_VOID_FUNCTION(name, params, args) LOOKUP(name)
    PROJ_FUNCTIONS(LOOKUP_FUNCTION, LOOKUP_VOID_FUNCTION)
}

// Opens libproj once; a process that cannot use PROJ stops here with the reason and the fix.
static void require_library(void) {
    pthread_once(&once, open_library);
    if (opened) return;
    fprintf(stderr,
            "routemap: error: cannot load PROJ's library: %s. Install PROJ "
            "(Debian/Ubuntu: sudo apt-get install libproj-dev) and run again.\n",
            failure);
    exit(1);
}

static void *prefetch_thread(void *unused) {
    (void)unused;
    pthread_once(&once, open_library);
    return NULL;
}

static pthread_t prefetcher;
static int prefetching;  // 1 from cproj_prefetch's thread start until cproj_finish_prefetch joins it

// The loading thread runs on another core than the caller's: left to the scheduler, it often
// starts on the caller's own core and the two take turns instead of overlapping.
void cproj_prefetch(void) {
    if (prefetching) return;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
#ifdef __linux__
    cpu_set_t cpus;
    int here = sched_getcpu();
    if (here >= 0 && sched_getaffinity(0, sizeof cpus, &cpus) == 0 && CPU_COUNT(&cpus) > 1) {
        CPU_CLR(here, &cpus);
        pthread_attr_setaffinity_np(&attr, sizeof cpus, &cpus);
    }
#endif
    prefetching = pthread_create(&prefetcher, &attr, prefetch_thread, NULL) == 0;
    pthread_attr_destroy(&attr);
}

// exit() while the thread is still inside dlopen runs the exit handlers and destructors of
// libraries that are half initialised, and the process crashes after its last word (seen as
// SIGSEGV on an error exit under load). So whoever exits waits for the load to finish first.
void cproj_finish_prefetch(void) {
    if (!prefetching) return;
    pthread_join(prefetcher, NULL);
    prefetching = 0;
}

const char *cproj_library_name(void) {
    require_library();
    return opened;
}

#define FORWARD(ret, name, params, args) \
    ret name params {                    \
        require_library();               \
        return proj.name args;           \
    }
#define FORWARD_VOID(name, params, args) \
    void name params {                   \
        require_library();               \
        proj.name args;                  \
    }
PROJ_FUNCTIONS(FORWARD, FORWARD_VOID)

