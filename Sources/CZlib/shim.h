// zlib's C API (Debian's zlib1g-dev): the embedded gazetteer's large tables are deflated at build time and inflated on first use.
#include <zlib.h>
