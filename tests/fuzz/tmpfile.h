/* tmpfile.h: harnesses whose target reads files get a per-process scratch
 * file: $AN_FUZZ_TMP (set by ctest and scripts/fuzz.sh), else $TMPDIR,
 * else /tmp. */
#ifndef AN_FUZZ_TMPFILE_H
#define AN_FUZZ_TMPFILE_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Writes data to <tmp>/fuzz-<pid>-<tag><ext> and puts its path in path. */
static inline void fuzz_write_file(char *path, size_t cap, const char *tag, const char *ext, const void *data,
                                   size_t len) {
  const char *dir = getenv("AN_FUZZ_TMP");
  if (!dir || !*dir) dir = getenv("TMPDIR");
  if (!dir || !*dir) dir = "/tmp";
  mkdir(dir, 0777); /* may exist */
  snprintf(path, cap, "%s/fuzz-%ld-%s%s", dir, (long)getpid(), tag, ext);
  FILE *f = fopen(path, "wb");
  if (!f || (len && fwrite(data, 1, len, f) != len) || fclose(f) != 0) {
    perror(path);
    abort();
  }
}

#endif
