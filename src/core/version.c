/* version.c: run-time version (style.md C4). */
#include "actornet/actornet.h"

int an_version(void) { return AN_VERSION; }
const char *an_version_string(void) { return AN_VERSION_STRING; }
