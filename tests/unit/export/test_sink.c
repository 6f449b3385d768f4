/* test_sink.c: an_xsink (export_internal.h): what goes through it, in
 * pieces of any size, lands in the file byte for byte after what the FILE
 * wrote before and before what it writes after, whether the output is
 * small (plain writes), large (aligned O_DIRECT blocks from the writer
 * thread, the first after a lead), a pipe or a full device. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"
#include "export/export_internal.h"
#include "harness.h"

/* Deterministic bytes: byte i of the stream. */
static char byte_at(size_t i) { return (char)('a' + (i * 7919 + i / 4099) % 26); }

/* head bytes through f, then body bytes through the sink in pieces of
 * varying sizes, then tail bytes through f again; the file read back. */
static void round_trip(size_t head, size_t body, size_t tail) {
  char path[] = "/tmp/actornet-sink-XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  if (fd < 0) return;
  FILE *f = fdopen(fd, "w+b");
  CHECK(f != NULL);
  size_t total = head + body + tail, at = 0;
  char *want = malloc(total + 1), *piece = malloc(3 << 20);
  for (size_t i = 0; i < total; i++) want[i] = byte_at(i);
  CHECK_INT(fwrite(want, 1, head, f), head);
  at = head;
  an_xsink s;
  CHECK_INT(an_xsink_begin(&s, f), AN_OK);
  for (size_t k = 0; at < head + body; k++) {
    size_t n = (k * 104729) % (3 << 20) + 1; /* 1 byte .. 3 MB */
    if (n > head + body - at) n = head + body - at;
    memcpy(piece, want + at, n);
    CHECK_INT(an_xsink_write(&s, piece, n), AN_OK);
    at += n;
  }
  CHECK_INT(an_xsink_end(&s), AN_OK);
  CHECK_INT(fwrite(want + at, 1, tail, f), tail);
  CHECK_INT(fflush(f), 0);
  CHECK_INT(ftello(f), total);
  char *got = malloc(total + 1);
  CHECK_INT(pread(fileno(f), got, total + 1, 0), total);
  CHECK(memcmp(got, want, total) == 0);
  fclose(f);
  unlink(path);
  free(want), free(piece), free(got);
}

/* A pipe is no regular file: through the FILE, as before. */
static void through_pipe(void) {
  int p[2];
  CHECK_INT(pipe(p), 0);
  FILE *w = fdopen(p[1], "w");
  an_xsink s;
  CHECK_INT(an_xsink_begin(&s, w), AN_OK);
  CHECK_INT(s.fd, -1);
  CHECK_INT(an_xsink_write(&s, "hello ", 6), AN_OK);
  CHECK_INT(an_xsink_write(&s, "pipe", 4), AN_OK);
  CHECK_INT(an_xsink_end(&s), AN_OK);
  fclose(w);
  char buf[32] = {0};
  CHECK_INT(read(p[0], buf, sizeof buf - 1), 10);
  CHECK_STR(buf, "hello pipe");
  close(p[0]);
}

/* /dev/full: the failure shows (AN_EIO, errno ENOSPC) by the end. */
static void full_device(void) {
  FILE *f = fopen("/dev/full", "w");
  if (!f) return; /* no such device here */
  an_xsink s;
  CHECK_INT(an_xsink_begin(&s, f), AN_OK);
  char buf[65536];
  memset(buf, 'x', sizeof buf);
  an_status st = AN_OK;
  for (int k = 0; k < 64 && st == AN_OK; k++) st = an_xsink_write(&s, buf, sizeof buf);
  an_status es = an_xsink_end(&s);
  CHECK(st == AN_EIO || es == AN_EIO || fflush(f) != 0);
  fclose(f);
}

int main(void) {
  round_trip(0, 0, 0);
  round_trip(100, 5000, 10);                       /* under a block: plain writes */
  round_trip(0, AN_XSINK_BLOCK, 3);                /* one whole block, aligned start */
  round_trip(4095, 3 * AN_XSINK_BLOCK + 12345, 7); /* a lead, blocks from the thread, a tail */
  round_trip(4097, 7 * AN_XSINK_BLOCK - 1, 0);     /* more blocks than buffers */
  through_pipe();
  full_device();
  return TEST_DONE();
}
