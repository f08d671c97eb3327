#ifndef COPENBLAS_SHIM_H
#define COPENBLAS_SHIM_H
// OpenBLAS's own cblas.h (pkg-config openblas puts its folder first), which also declares openblas_set_num_threads.
#include <cblas.h>
#endif
