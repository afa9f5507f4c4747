// The system SQLite (Debian libsqlite3-dev), for writing GeoPackages.
#include <sqlite3.h>
