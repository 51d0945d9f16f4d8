// zlib, for reading gzip-compressed trace files (Sources/Scenario/Traces). Debian: zlib1g-dev.
// gzread also reads a file that is not compressed, byte for byte, so one path reads both.
#include <zlib.h>
