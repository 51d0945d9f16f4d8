// Debian's libhttp-parser (no pkg-config file) as ShareSim's HostRuntime sees it.
// Only HostRuntime imports this module.
#ifndef SHARESIM_CHTTPPARSER_SHIM_H
#define SHARESIM_CHTTPPARSER_SHIM_H

#include <http_parser.h>

#endif
