/* export.h: symbol visibility for the public API (the library is built with
 * -fvisibility=hidden; only AN_EXPORT declarations are visible). */
#ifndef ACTORNET_EXPORT_H
#define ACTORNET_EXPORT_H
#if defined(AN_STATIC_DEFINE)
#define AN_EXPORT
#elif defined(__GNUC__)
#define AN_EXPORT __attribute__((visibility("default")))
#else
#define AN_EXPORT
#endif
#endif
