// The libuv API as ShareSim's HostRuntime sees it. Only HostRuntime imports this module.
#ifndef SHARESIM_CLIBUV_SHIM_H
#define SHARESIM_CLIBUV_SHIM_H

#include <uv.h>

#endif
