/* test_core.c: status texts, buffers, slugs, allocation failure injection, arenas, byte scanners. */
#include "actornet/error.h"
#include "actornet/actornet.h"
#include "core/core.h"
#include "core/scan.h"
#include "harness.h"
#include "scan_cases.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static void test_status_texts(void) {
  for (int c = 0; c < AN_STATUS_COUNT_; c++) {
    const char *s = an_status_str((an_status)c);
    CHECK(s && *s && strcmp(s, "unknown status") != 0);
  }
  CHECK_STR(an_status_str((an_status)999), "unknown status");
}

static void test_error_set(void) {
  an_error e;
  an_error_clear(&e);
  CHECK_INT(e.code, AN_OK);
  CHECK_INT(an_error_set(&e, AN_EDATA, "a.jsonl", 3, 17, "bad %s", "line"), AN_EDATA);
  CHECK_STR(e.path, "a.jsonl");
  CHECK_STR(e.msg, "bad line");
  CHECK_INT(e.line, 3);
  CHECK_INT(e.offset, 17);
  CHECK_INT(an_error_set(NULL, AN_EIO, NULL, 0, -1, "x"), AN_EIO);
}

static void test_buf(void) {
  an_buf b;
  an_buf_init(&b);
  for (int i = 0; i < 1000; i++) CHECK_INT(an_buf_printf(&b, "%d,", i), AN_OK);
  CHECK(b.len > 1000 && strncmp(b.data, "0,1,2,", 6) == 0);
  size_t n;
  char *s = an_buf_steal(&b, &n);
  CHECK(s && n == strlen(s));
  CHECK(b.data == NULL && b.len == 0);
  an_free(s);
}

static void test_slug(void) {
  char out[64];
  CHECK_INT(an_slugify("Ali Akbar Velayati", out, sizeof out), AN_OK);
  CHECK_STR(out, "ali-akbar-velayati");
  CHECK_INT(an_slugify("  Ziad al-Nakhala! ", out, sizeof out), AN_OK);
  CHECK_STR(out, "ziad-al-nakhala");
  CHECK_INT(an_slugify("António Guterres", out, sizeof out), AN_OK);
  CHECK_STR(out, "antonio-guterres");
  CHECK_INT(an_slugify("a very long label indeed", out, 8), AN_ELIMIT);
}

static void test_alloc_injection(void) {
  an_alloc_fail_after(1);
  void *a = an_malloc(4);
  void *b = an_malloc(4);
  CHECK(a != NULL);
  CHECK(b == NULL);
  an_alloc_fail_after(-1);
  an_free(a);
  an_buf buf;
  an_buf_init(&buf);
  an_alloc_fail_after(0);
  CHECK_INT(an_buf_puts(&buf, "x"), AN_ENOMEM);
  an_alloc_fail_after(-1);
  an_buf_free(&buf);
}

static void test_version(void) {
  CHECK_INT(AN_VERSION >> 16, AN_VERSION_MAJOR);
  CHECK(strlen(AN_VERSION_STRING) >= 5);
  CHECK_INT(an_version(), AN_VERSION);
  CHECK_STR(an_version_string(), AN_VERSION_STRING);
}

/* The arena hands out aligned, separate pieces, large ones included, and
 * reports a failed block allocation. */
static void test_arena(void) {
  an_arena a;
  an_arena_init(&a);
  char *first = an_arena_strdup(&a, "first");
  CHECK_STR(first, "first");
  char *prev = NULL;
  for (int i = 0; i < 3000; i++) { /* many blocks */
    char *p = an_arena_alloc(&a, (size_t)(i % 37) + 1);
    CHECK(p != NULL && ((uintptr_t)p % _Alignof(max_align_t)) == 0);
    if (!p) break;
    memset(p, 'x', (size_t)(i % 37) + 1);
    if (prev) CHECK(p != prev);
    prev = p;
  }
  char big[20000];
  memset(big, 'b', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  char *b = an_arena_strdup(&a, big); /* a block of its own */
  CHECK(b && strcmp(b, big) == 0);
  char *after = an_arena_strndup(&a, "after the big one", 5);
  CHECK_STR(after, "after");
  CHECK_STR(first, "first"); /* nothing was overwritten */
  CHECK(an_arena_strdup(&a, NULL) == NULL);
  an_arena_free(&a);
  /* a failed block: NULL, and the arena stays usable */
  an_alloc_fail_after(0);
  CHECK(an_arena_alloc(&a, 10) == NULL);
  an_alloc_fail_after(-1);
  CHECK_STR(an_arena_strdup(&a, "ok"), "ok");
  an_arena_free(&a);
  an_arena_free(&a); /* twice is fine */
}

int main(void) {
  test_status_texts();
  test_error_set();
  test_buf();
  test_slug();
  test_alloc_injection();
  test_version();
  test_arena();
  test_scan();
  return TEST_DONE();
}
