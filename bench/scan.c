/* scan.c: the scan ceiling for bench/run. Reads a file and runs one
 * PCRE2-JIT pass over it (capitalized word sequences, the cheapest pattern
 * a name finder would run), so extraction's throughput can be set against
 * what reading and one regex pass cost on the same machine, in the same run.
 *
 *   cc -O2 scan.c $(pkg-config --cflags --libs libpcre2-8) -o scan
 *   scan FILE [N]  prints: bytes seconds matches cpu_seconds
 *
 * With N > 1 the pass runs N times and the fastest is reported (seconds:
 * wall, cpu_seconds: this process's CPU time): on a shared machine other
 * processes inflate wall time, and the per-core ceiling is CPU time.
 *
 * The file is read in 16 MB blocks cut at a newline, so memory stays flat
 * and no match spans two blocks (JSONL lines are whole). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BLOCK (16u << 20)

static double clock_s(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
static double now(void) { return clock_s(CLOCK_MONOTONIC); }
static double cpu_now(void) { return clock_s(CLOCK_PROCESS_CPUTIME_ID); }

static int scan_once(pcre2_code *re, pcre2_match_data *md, const char *path, size_t *total_out,
                     unsigned long long *matches_out);

int main(int argc, char **argv) {
  if (argc != 2 && argc != 3) {
    fprintf(stderr, "usage: scan FILE [REPEAT]\n");
    return 2;
  }
  int repeat = argc == 3 ? atoi(argv[2]) : 1;
  if (repeat < 1) repeat = 1;
  int ec;
  PCRE2_SIZE eo;
  /* UTF with Unicode properties, as the extractor matches news text. */
  pcre2_code *re = pcre2_compile((PCRE2_SPTR) "\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+)*",
                                 PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &ec, &eo, NULL);
  if (!re || pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) != 0) {
    fprintf(stderr, "scan: cannot compile the pattern with JIT\n");
    return 2;
  }
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
  double best = -1, best_cpu = -1;
  size_t total = 0;
  unsigned long long matches = 0;
  for (int r = 0; r < repeat; r++) {
    double t0 = now(), c0 = cpu_now();
    int rc = scan_once(re, md, argv[1], &total, &matches);
    if (rc) return rc;
    double t = now() - t0, c = cpu_now() - c0;
    if (best < 0 || t < best) best = t;
    if (best_cpu < 0 || c < best_cpu) best_cpu = c;
  }
  pcre2_match_data_free(md);
  pcre2_code_free(re);
  printf("%zu %.6f %llu %.6f\n", total, best, matches, best_cpu);
  return 0;
}

/* One pass over the file: read it in blocks and match. */
static int scan_once(pcre2_code *re, pcre2_match_data *md, const char *path, size_t *total_out,
                     unsigned long long *matches_out) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    return 2;
  }
  char *buf = malloc(BLOCK + 1);
  size_t keep = 0, total = 0;
  unsigned long long matches = 0;
  for (;;) {
    size_t got = fread(buf + keep, 1, BLOCK - keep, f);
    size_t have = keep + got;
    if (!have) break;
    total += got;
    /* Scan up to the last newline; carry the rest to the next block. */
    size_t end = have;
    if (got) {
      while (end > 0 && buf[end - 1] != '\n') end--;
      if (end == 0) { /* a line longer than a block: cut at a character */
        end = have;
        while (end > 0 && ((unsigned char)buf[end] & 0xC0) == 0x80) end--;
      }
    }
    PCRE2_SIZE off = 0;
    /* One UTF-8 validation per block (the first call), then none per
     * match (style.md P3); pcre2_match runs the JIT code. */
    uint32_t opts = 0;
    while (off < end) {
      int rc = pcre2_match(re, (PCRE2_SPTR)buf, end, off, opts, md, NULL);
      if (rc == PCRE2_ERROR_NOMATCH) break;
      if (rc < 0) {
        if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21) {
          fprintf(stderr, "scan: invalid UTF-8 in the input\n");
          return 2;
        }
        fprintf(stderr, "scan: match error %d\n", rc);
        return 2;
      }
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
      matches++;
      off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
      opts = PCRE2_NO_UTF_CHECK;
    }
    keep = have - end;
    memmove(buf, buf + end, keep);
    if (!got) break;
  }
  fclose(f);
  free(buf);
  *total_out = total;
  *matches_out = matches;
  return 0;
}
