#ifndef ROUTEMAP_CPROJ_SHIM_H
#define ROUTEMAP_CPROJ_SHIM_H
#include <proj.h>
#include <geodesic.h>
#endif
