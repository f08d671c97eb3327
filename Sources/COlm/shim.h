#ifndef COLM_SHIM_H
#define COLM_SHIM_H
// libolm 3.2 (Debian libolm-dev): Olm, Megolm and the Ed25519 signing keys used for cross-signing.
#include <olm/olm.h>
#include <olm/pk.h>
#endif
