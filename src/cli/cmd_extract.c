/* cmd_extract.c: `actornet extract`: documents in, JSON Lines out (events,
 * or with --sentences the normalized sentences for inspection).
 *
 * Each document becomes a job whose output and warnings are kept in memory
 * until it is written, so with -j N workers run ahead while the output (and
 * the per-document warnings) stays in input order, byte for byte the same
 * as with -j 1. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "actornet/actornet.h"
#include "actornet/store.h"
#include "cli/cli.h"
#include "core/core.h"
#include "core/scan.h"
#include "extract/result.h"

/* Larger documents are skipped with a warning: a mistaken input (a log, a
 * dump) should not take all memory; news articles are far below. */
#define DEFAULT_MAX_DOC ((size_t)256 << 20)
#define MAX_REPAIR_WARNINGS 10 /* per document; then one line with the rest */

typedef struct settings {
  const an_cli *cli;
  int sentences, tokens;
  int verbose; /* one line per document on stderr */
  unsigned opts; /* AN_OPT_* */
  const an_resources *res;
} settings;

/* A batch of documents handed to one worker: with many small documents,
 * one hand-over per document would cost more than the work. */
typedef struct job_doc {
  an_doc *doc;
  size_t end;                          /* its records end here in job.out */
  char hash[AN_STORE_HASH_LEN + 1];    /* content hash, with --db */
} job_doc;

typedef struct job {
  job_doc *docs;
  size_t ndocs, cap_docs, bytes;
  const an_doc *doc; /* the one being worked on */
  an_buf out;        /* records to write */
  an_buf notes;      /* warning lines for stderr */
  size_t records;    /* events or sentences of the current document */
  size_t ok, skipped, total_records;
  an_status st;      /* fatal: stop the run */
  an_error err;
  int done;
} job;

#define BATCH_DOCS 64
#define BATCH_BYTES (1u << 20)

static void usage(FILE *out) {
  fprintf(out,
          "Usage: actornet extract [OPTIONS] INPUT... [-o FILE]\n"
          "\n"
          "Reads news documents and writes, as JSON Lines, one document record\n"
          "(its actors) followed by one record per event (who did what to whom).\n"
          "\n"
          "INPUT is a .txt file (one document; id = file name without extension),\n"
          "a .jsonl file (one document a line: \"id\", \"text\", optional \"date\",\n"
          "\"outlet\", \"url\", \"title\"), a folder (every .txt and .jsonl inside,\n"
          "recursively, in sorted order) or - for standard input (JSONL if the\n"
          "first non-blank character is '{', else one text document \"stdin\").\n"
          "\n"
          "Options:\n"
          "  -o, --output FILE   write to FILE (default - : standard output); FILE is\n"
          "                      replaced only when the run succeeds\n"
          "      --meta FILE     JSONL of {\"id\",\"date\",\"outlet\",\"url\",\"title\"}:\n"
          "                      fills those fields of documents by id\n"
          "      --actors FILE   extra actors (JSON array, same format as\n"
          "                      data/gazetteer); entries override built-ins by id\n"
          "      --data-dir DIR  data directory (default: $ACTORNET_DATA, else the\n"
          "                      installed one)\n"
          "      --keep-modal    also emit negated, planned and hypothetical events\n"
          "      --sentences     write, instead of events, a document record (id,\n"
          "                      date, outlet, url, title, bytes) and its normalized\n"
          "                      sentences: {\"record\":\"sentence\",\"doc\",\"index\",\n"
          "                      \"text\",\"offsets\":[start,end] (bytes of the\n"
          "                      original),\"paragraph\",\"flags\"}\n"
          "      --tokens        with --sentences, add each sentence's tokens\n"
          "  -j, --jobs N        worker threads (default 1; 0 = one per CPU); the\n"
          "                      output is the same whatever N is\n"
          "  -q, --quiet         no progress or summary on stderr\n"
          "  -v, --verbose       one line per document on stderr\n"
          "      --progress      show progress even when stderr is not a terminal\n"
          "      --max-doc-size SIZE\n"
          "                      skip larger documents with a warning (default 256M;\n"
          "                      K, M, G suffixes; 0 = no limit)\n"
          "      --db FILE       store documents and events in the SQLite store FILE\n"
          "                      instead of writing JSONL; documents stored with the\n"
          "                      same content are not extracted again\n"
          "  -h, --help          show this help and exit\n"
          "\n"
          "Progress (documents, MB, docs/s) is shown on stderr when it is a terminal.\n"
          "\n"
          "Exit status: 0 ok; 1 bad input or usage: some input was skipped (a\n"
          "broken JSONL line, an empty or UTF-16 document; the output holds the\n"
          "rest), or a missing input file; 2 internal or I/O error (a read or\n"
          "write failure): no output file is written.\n");
}

/* ---- JSON writing (records are built here, not with cJSON, so that a
 * 20 MB sentence costs one pass and invalid UTF-8 can never leak out) ---- */

static int utf8_len(const unsigned char *p, size_t n) {
  unsigned char c = p[0];
  int k;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) k = 2;
  else if (c >= 0xE0 && c <= 0xEF) k = 3;
  else if (c >= 0xF0 && c <= 0xF4) k = 4;
  else return 0;
  if ((size_t)k > n) return 0;
  for (int i = 1; i < k; i++)
    if ((p[i] & 0xC0) != 0x80) return 0;
  if (c == 0xE0 && p[1] < 0xA0) return 0; /* overlong */
  if (c == 0xED && p[1] > 0x9F) return 0; /* surrogate */
  if (c == 0xF0 && p[1] < 0x90) return 0; /* overlong */
  if (c == 0xF4 && p[1] > 0x8F) return 0; /* beyond U+10FFFF */
  return k;
}

/* Offset of the first invalid UTF-8 byte, or n if the text is valid. */
static size_t first_invalid_utf8(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    /* the run of ASCII up to the next NUL or high byte (nearly every
     * document is all ASCII) */
    i += an_find_outside(s + i, n - i, 1, 0x7F);
    if (i >= n) break;
    if (p[i] < 0x80) {
      i++;
      continue;
    }
    int k = utf8_len(p + i, n - i);
    if (!k) return i;
    i += (size_t)k;
  }
  return n;
}

static an_status json_str(an_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  const unsigned char *p = (const unsigned char *)s;
  if (an_buf_reserve(b, n + 2) != AN_OK) return AN_ENOMEM;
  an_status st = an_buf_putc(b, '"');
  size_t run = 0; /* bytes copied as they are, in one append */
  for (size_t i = 0; i < n && st == AN_OK;) {
    unsigned char c = p[i];
    const char *esc = NULL;
    char u[7];
    int k = 1;
    if (c == '"') esc = "\\\"";
    else if (c == '\\') esc = "\\\\";
    else if (c == '\n') esc = "\\n";
    else if (c == '\r') esc = "\\r";
    else if (c == '\t') esc = "\\t";
    else if (c < 0x20 || c == 0x7F) {
      u[0] = '\\', u[1] = 'u', u[2] = '0', u[3] = '0', u[4] = hex[c >> 4], u[5] = hex[c & 15], u[6] = 0;
      esc = u;
    } else if (c >= 0x80 && !(k = utf8_len(p + i, n - i))) {
      esc = "\xEF\xBF\xBD"; /* U+FFFD */
      k = 1;
    }
    if (!esc) {
      run += (size_t)k;
      i += (size_t)k;
      continue;
    }
    if (run) st = an_buf_append(b, p + i - run, run);
    run = 0;
    if (st == AN_OK) st = an_buf_puts(b, esc);
    i += (size_t)k;
  }
  if (st == AN_OK && run) st = an_buf_append(b, p + n - run, run);
  if (st == AN_OK) st = an_buf_putc(b, '"');
  return st;
}

static an_status json_cstr(an_buf *b, const char *s) { return json_str(b, s, strlen(s)); }

/* Decimal without printf: sentence and token records hold many numbers. */
static an_status put_uint(an_buf *b, size_t v) {
  char tmp[24];
  size_t n = sizeof tmp;
  do tmp[--n] = (char)('0' + v % 10);
  while ((v /= 10) > 0);
  return an_buf_append(b, tmp + n, sizeof tmp - n);
}

/* ,"offsets":[a,b] */
static an_status put_offsets(an_buf *b, size_t a, size_t e) {
  an_status st = an_buf_puts(b, ",\"offsets\":[");
  if (st == AN_OK) st = put_uint(b, a);
  if (st == AN_OK) st = an_buf_putc(b, ',');
  if (st == AN_OK) st = put_uint(b, e);
  if (st == AN_OK) st = an_buf_putc(b, ']');
  return st;
}

static const struct {
  unsigned bit;
  const char *name;
} shape_names[] = {
    {AN_SHAPE_UPPER_INITIAL, "upper_initial"}, {AN_SHAPE_ALL_UPPER, "all_upper"},
    {AN_SHAPE_ALL_LOWER, "all_lower"},         {AN_SHAPE_HAS_DIGIT, "digit"},
    {AN_SHAPE_ALPHA, "alpha"},                 {AN_SHAPE_PUNCT, "punct"},
    {AN_SHAPE_SENT_INITIAL, "sent_initial"},   {AN_SHAPE_HYPHENATED, "hyphenated"},
    {AN_SHAPE_ABBREV, "abbrev"},               {AN_SHAPE_POSSESSIVE, "possessive"},
    {AN_SHAPE_HEADLINE, "headline"},           {AN_SHAPE_QUOTE, "quote"},
};

static an_status json_bits(an_buf *b, uint32_t bits, int sentence) {
  static const struct {
    unsigned bit;
    const char *name;
  } sent_names[] = {{AN_SENT_HEADLINE, "headline"}, {AN_SENT_BULLET, "bullet"}, {AN_SENT_CREDIT, "credit"}};
  an_status st = an_buf_putc(b, '[');
  int first = 1;
  size_t n = sentence ? sizeof sent_names / sizeof sent_names[0] : sizeof shape_names / sizeof shape_names[0];
  for (size_t i = 0; i < n && st == AN_OK; i++) {
    unsigned bit = sentence ? sent_names[i].bit : shape_names[i].bit;
    if (!(bits & bit)) continue;
    if (!first) st = an_buf_putc(b, ',');
    if (st == AN_OK) st = an_buf_putc(b, '"');
    if (st == AN_OK) st = an_buf_puts(b, sentence ? sent_names[i].name : shape_names[i].name);
    if (st == AN_OK) st = an_buf_putc(b, '"');
    first = 0;
  }
  if (st == AN_OK) st = an_buf_putc(b, ']');
  return st;
}

/* ---- per-document work ---- */

static void note(job *j, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Adds "PATH[:LINE]: warning: MSG" for the job's document. */
static void note(job *j, const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  const an_doc *d = j->doc;
  if (d->line > 0) an_buf_printf(&j->notes, "actornet: %s:%ld: warning: %s\n", d->path, d->line, msg);
  else an_buf_printf(&j->notes, "actornet: %s: warning: %s\n", d->path, msg);
}

static void report_repairs(job *j, const an_text *t) {
  size_t n;
  const an_repair *r = an_text_repairs(t, &n);
  for (size_t i = 0; i < n && i < MAX_REPAIR_WARNINGS; i++)
    note(j, "document \"%s\": invalid UTF-8 at byte %zu (%zu byte%s) replaced with U+FFFD", j->doc->id,
         r[i].orig_offset, r[i].len, r[i].len == 1 ? "" : "s");
  if (n > MAX_REPAIR_WARNINGS)
    note(j, "document \"%s\": %zu more invalid UTF-8 sequences replaced with U+FFFD", j->doc->id,
         n - MAX_REPAIR_WARNINGS);
}

/* A problem with this document only: drop it with a warning. */
static int doc_level(an_status st) { return st == AN_EDATA || st == AN_ELIMIT; }

static an_status write_sentences(const settings *set, job *j, const an_text *t) {
  size_t ns, nt;
  const char *norm = an_text_str(t, NULL);
  const an_sentence *sents = an_text_sentences(t, &ns);
  const an_token *toks = an_text_tokens(t, &nt);
  an_buf *b = &j->out;
  const an_doc *d = j->doc;
  /* A document record first, so that --meta and JSONL fields show. */
  an_status st = an_buf_puts(b, "{\"record\":\"document\",\"id\":");
  const char *keys[] = {"date", "outlet", "url", "title"};
  const char *vals[] = {d->date, d->outlet, d->url, d->title};
  if (st == AN_OK) st = json_cstr(b, d->id);
  for (size_t k = 0; k < 4 && st == AN_OK; k++) {
    st = an_buf_puts(b, ",\"");
    if (st == AN_OK) st = an_buf_puts(b, keys[k]);
    if (st == AN_OK) st = an_buf_puts(b, "\":");
    if (st == AN_OK) st = vals[k] ? json_cstr(b, vals[k]) : an_buf_puts(b, "null");
  }
  if (st == AN_OK) st = an_buf_puts(b, ",\"bytes\":");
  if (st == AN_OK) st = put_uint(b, d->len);
  if (st == AN_OK) st = an_buf_puts(b, ",\"sentences\":");
  if (st == AN_OK) st = put_uint(b, ns);
  if (st == AN_OK) st = an_buf_puts(b, "}\n");
  for (size_t i = 0; i < ns && st == AN_OK; i++) {
    const an_sentence *s = &sents[i];
    st = an_buf_puts(b, "{\"record\":\"sentence\",\"doc\":");
    if (st == AN_OK) st = json_cstr(b, j->doc->id);
    if (st == AN_OK) st = an_buf_puts(b, ",\"index\":");
    if (st == AN_OK) st = put_uint(b, i);
    if (st == AN_OK) st = an_buf_puts(b, ",\"paragraph\":");
    if (st == AN_OK) st = put_uint(b, s->paragraph);
    if (st == AN_OK) st = an_buf_puts(b, ",\"text\":");
    if (st == AN_OK) st = json_str(b, norm + s->start, s->end - s->start);
    size_t oa, ob;
    an_text_orig_span(t, s->start, s->end, &oa, &ob);
    if (st == AN_OK) st = put_offsets(b, oa, ob);
    if (st == AN_OK) st = an_buf_puts(b, ",\"flags\":");
    if (st == AN_OK) st = json_bits(b, s->flags, 1);
    if (set->tokens && st == AN_OK) {
      st = an_buf_puts(b, ",\"tokens\":[");
      for (uint32_t k = 0; k < s->tok_count && st == AN_OK; k++) {
        size_t ti = (size_t)s->tok_first + k;
        if (ti >= nt) break;
        const an_token *tk = &toks[ti];
        st = an_buf_puts(b, k ? ",{\"text\":" : "{\"text\":");
        if (st == AN_OK) st = json_str(b, norm + tk->start, tk->len);
        an_text_orig_span(t, tk->start, (size_t)tk->start + tk->len, &oa, &ob);
        if (st == AN_OK) st = put_offsets(b, oa, ob);
        if (st == AN_OK) st = an_buf_puts(b, ",\"shape\":");
        if (st == AN_OK) st = json_bits(b, tk->shape, 0);
        if (st == AN_OK) st = an_buf_putc(b, '}');
      }
      if (st == AN_OK) st = an_buf_putc(b, ']');
    }
    if (st == AN_OK) st = an_buf_puts(b, "}\n");
  }
  j->records = ns;
  return st;
}

static an_status write_events(const settings *set, an_workspace *ws, job *j) {
  an_result *r = NULL;
  an_status st = an_extract_doc(set->res, ws, j->doc, set->opts, &r, &j->err);
  if (st != AN_OK) return st;
  /* straight into the job's output: no stream, no copy */
  st = an_result_write_buf(r, &j->out, &j->err);
  j->records = an_result_event_count(r);
  an_result_free(r);
  return st;
}

static an_status run_doc(const settings *set, an_workspace *ws, job *j) {
  an_error_clear(&j->err);
  j->records = 0;
  size_t out_mark = j->out.len;
  an_status st = AN_OK;
  an_text *t = NULL;
  /* Sentences need the text anyway; for events the extractor builds its
   * own, so the text is only built here to report repairs when the bytes
   * are not valid UTF-8. */
  if (set->sentences || first_invalid_utf8(j->doc->text, j->doc->len) < j->doc->len) {
    st = an_text_new(j->doc->text, j->doc->len, &t, &j->err);
    if (st == AN_OK) report_repairs(j, t);
  }
  if (st == AN_OK) st = set->sentences ? write_sentences(set, j, t) : write_events(set, ws, j);
  an_text_free(t);
  if (st != AN_OK && doc_level(st)) {
    note(j, "document \"%s\": %s; skipped", j->doc->id, j->err.msg[0] ? j->err.msg : an_status_str(st));
    j->out.len = out_mark; /* drop its partial records */
    if (j->out.data) j->out.data[out_mark] = '\0';
    j->skipped++;
    return AN_OK;
  }
  if (st == AN_ENOMEM && !j->err.msg[0]) an_error_set(&j->err, st, NULL, 0, -1, "out of memory");
  if (st != AN_OK) return st;
  j->ok++;
  j->total_records += j->records;
  if (set->verbose) {
    const an_doc *d = j->doc;
    char where[32] = "";
    if (d->line > 0) snprintf(where, sizeof where, ":%ld", d->line);
    an_buf_printf(&j->notes, "actornet: %s%s: document \"%s\": %zu %s\n", d->path, where, d->id, j->records,
                  set->sentences ? "sentences" : "events");
  }
  return AN_OK;
}

static void run_job(const settings *set, an_workspace *ws, job *j) {
  an_status st = AN_OK;
  for (size_t i = 0; i < j->ndocs && st == AN_OK; i++) {
    j->doc = j->docs[i].doc;
    st = run_doc(set, ws, j);
    j->docs[i].end = j->out.len;
  }
  j->doc = NULL;
  j->st = st;
}

/* Empties a job for reuse, keeping its buffers' memory. */
static void job_clear(job *j) {
  for (size_t i = 0; i < j->ndocs; i++) an_doc_free(j->docs[i].doc);
  j->ndocs = j->bytes = 0;
  j->doc = NULL;
  an_buf_clear(&j->out);
  an_buf_clear(&j->notes);
  j->records = j->ok = j->skipped = j->total_records = 0;
  j->st = AN_OK;
  j->done = 0;
}

static void job_free(job *j) {
  job_clear(j);
  an_free(j->docs);
  an_buf_free(&j->out);
  an_buf_free(&j->notes);
}

/* ---- workers (-j N) ---- */

typedef struct pool {
  const settings *set;
  job *ring;
  size_t cap;
  size_t head, tail, next; /* write, fill, work positions (ever increasing) */
  int stop;
  size_t idle;      /* workers waiting for work: signal only then */
  int main_waiting; /* the writer waits for the head job */
  pthread_mutex_t mu;
  pthread_cond_t work, done;
  an_workspace **ws;
  pthread_t *threads;
  size_t n_threads;
} pool;

typedef struct worker_arg {
  pool *p;
  an_workspace *ws;
} worker_arg;

static void *worker(void *arg) {
  worker_arg *wa = arg;
  pool *p = wa->p;
  for (;;) {
    pthread_mutex_lock(&p->mu);
    while (!p->stop && p->next == p->tail) {
      p->idle++;
      pthread_cond_wait(&p->work, &p->mu);
      p->idle--;
    }
    if (p->next == p->tail) { /* stopping and nothing left */
      pthread_mutex_unlock(&p->mu);
      return NULL;
    }
    job *j = &p->ring[p->next++ % p->cap];
    pthread_mutex_unlock(&p->mu);
    run_job(p->set, wa->ws, j);
    pthread_mutex_lock(&p->mu);
    j->done = 1;
    if (p->main_waiting) pthread_cond_signal(&p->done);
    pthread_mutex_unlock(&p->mu);
  }
}

/* ---- progress ---- */

typedef struct progress {
  int on;
  double start, last;
  int shown;
} progress;

static void progress_show(progress *pg, size_t docs, size_t bytes, int force) {
  if (!pg->on) return;
  double t = an_cli_wall_now();
  if (!force && t - pg->last < 0.25) return; /* a few refreshes a second */
  pg->last = t;
  double el = t - pg->start;
  fprintf(stderr, "\r\033[K%zu documents, %.1f MB, %.0f docs/s", docs, (double)bytes / 1e6,
          el > 0 ? (double)docs / el : 0.0);
  fflush(stderr);
  pg->shown = 1;
}

static void progress_clear(progress *pg) {
  if (pg->shown) fputs("\r\033[K", stderr);
  pg->shown = 0;
}

/* ---- interruption: remove the temporary output file, then die of the
 * signal as usual. unlink() is async-signal-safe; the path is copied in
 * before the handlers go up and cleared after they come down. ---- */

static char signal_tmp[4096];
static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define N_CLEANUP_SIGNALS (sizeof cleanup_signals / sizeof cleanup_signals[0])

static void on_signal(int sig) {
  if (signal_tmp[0]) unlink(signal_tmp);
  signal(sig, SIG_DFL);
  raise(sig);
}

static void cleanup_on_signals(const char *tmp, struct sigaction *saved) {
  if (!tmp || strlen(tmp) >= sizeof signal_tmp) return;
  memcpy(signal_tmp, tmp, strlen(tmp) + 1);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  for (size_t i = 0; i < N_CLEANUP_SIGNALS; i++) sigaction(cleanup_signals[i], &sa, &saved[i]);
}

static void cleanup_off(struct sigaction *saved) {
  if (!signal_tmp[0]) return;
  for (size_t i = 0; i < N_CLEANUP_SIGNALS; i++) sigaction(cleanup_signals[i], &saved[i], NULL);
  signal_tmp[0] = '\0';
}

/* ---- the command ---- */

typedef struct warn_ctx {
  const an_cli *cli;
  progress *pg;
  job *filling; /* the job being filled: its warnings go out with it */
} warn_ctx;

/* Reader warnings join the job being filled, so that stderr keeps input
 * order with workers too; before there is one, they go out at once. */
static void reader_warn(void *ctx, const an_error *w) {
  warn_ctx *wc = ctx;
  if (wc->filling) {
    an_buf *b = &wc->filling->notes;
    an_buf_printf(b, "actornet: ");
    if (w->path[0]) {
      an_buf_puts(b, w->path);
      if (w->line > 0) an_buf_printf(b, ":%ld", w->line);
      an_buf_puts(b, ": ");
    }
    an_buf_printf(b, "warning: %s\n", w->msg[0] ? w->msg : an_status_str(w->code));
    return;
  }
  progress_clear(wc->pg);
  an_cli_warn(wc->cli, w);
}

typedef struct totals {
  size_t docs, records, skipped;
  size_t inserted, replaced, unchanged; /* --db */
} totals;

/* --db: documents go into the store, a transaction per DB_BATCH of them
 * (the store keeps each document whole inside it: a killed run leaves every
 * document stored or absent, and a re-run adds what is missing). */
#define DB_BATCH 500
typedef struct db_sink {
  an_store *st;
  size_t in_batch;
  /* Mixed into each document's hash: a stored document is extracted again
   * when what shapes its events changed (version, options, --actors). */
  char salt[128];
} db_sink;

static an_status db_add(db_sink *db, job *j, totals *tot, progress *pg, an_error *err) {
  for (size_t i = 0; i < j->ndocs; i++) {
    size_t start = i ? j->docs[i - 1].end : 0, end = j->docs[i].end;
    if (end <= start) continue; /* skipped document */
    an_status st;
    if (!db->in_batch && (st = an_store_begin(db->st, err)) != AN_OK) return st;
    an_store_added added = AN_STORE_UNCHANGED;
    an_error e;
    an_error_clear(&e);
    st = an_store_add_doc(db->st, j->docs[i].hash, j->out.data + start, end - start, &added, &e);
    if (st == AN_EDATA) { /* records the store refuses: that document only */
      const an_doc *d = j->docs[i].doc;
      progress_clear(pg);
      fprintf(stderr, "actornet: %s: warning: document \"%s\" not stored: %s\n", d->path, d->id, e.msg);
      tot->skipped++;
      tot->docs--;
      continue;
    }
    if (st != AN_OK) {
      *err = e;
      return st;
    }
    if (added == AN_STORE_INSERTED) tot->inserted++;
    else if (added == AN_STORE_REPLACED) tot->replaced++;
    else tot->unchanged++;
    if (++db->in_batch >= DB_BATCH) {
      if ((st = an_store_commit(db->st, err)) != AN_OK) return st;
      db->in_batch = 0;
    }
  }
  return AN_OK;
}

/* Writes a finished job; returns its fatal status, if any. */
static an_status flush_job(job *j, FILE *out, db_sink *db, totals *tot, progress *pg, an_error *err) {
  if (j->notes.len) {
    progress_clear(pg);
    fwrite(j->notes.data, 1, j->notes.len, stderr);
  }
  if (j->st != AN_OK) {
    *err = j->err;
    return j->st;
  }
  tot->skipped += j->skipped;
  tot->docs += j->ok;
  tot->records += j->total_records;
  if (db) return db_add(db, j, tot, pg, err);
  if (j->out.len && fwrite(j->out.data, 1, j->out.len, out) != j->out.len)
    return an_error_set(err, AN_EIO, NULL, 0, -1, "write error: %s", strerror(errno));
  return AN_OK;
}

/* "123", "500K", "64M", "2G" (powers of 1024) to bytes; 0 if valid. */
static int parse_size(const char *s, size_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s || *s == '-') return -1;
  unsigned shift = 0;
  if (*end == 'K' || *end == 'k') shift = 10, end++;
  else if (*end == 'M' || *end == 'm') shift = 20, end++;
  else if (*end == 'G' || *end == 'g') shift = 30, end++;
  if (*end || (shift && v > (SIZE_MAX >> shift))) return -1;
  *out = (size_t)(v << shift);
  return 0;
}

int an_cmd_extract(const an_cli *cli, int argc, char **argv) {
  enum { OPT_META = 256, OPT_ACTORS, OPT_DATA_DIR, OPT_SENTENCES, OPT_TOKENS, OPT_KEEP_MODAL, OPT_PROGRESS, OPT_DB, OPT_MAX_DOC };
  static const struct option longopts[] = {
      {"output", required_argument, NULL, 'o'},
      {"meta", required_argument, NULL, OPT_META},
      {"actors", required_argument, NULL, OPT_ACTORS},
      {"data-dir", required_argument, NULL, OPT_DATA_DIR},
      {"sentences", no_argument, NULL, OPT_SENTENCES},
      {"tokens", no_argument, NULL, OPT_TOKENS},
      {"keep-modal", no_argument, NULL, OPT_KEEP_MODAL},
      {"jobs", required_argument, NULL, 'j'},
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"progress", no_argument, NULL, OPT_PROGRESS},
      {"db", required_argument, NULL, OPT_DB},
      {"max-doc-size", required_argument, NULL, OPT_MAX_DOC},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0},
  };
  int force_progress = 0, output_given = 0;
  const char *db_path = NULL;
  size_t max_doc = DEFAULT_MAX_DOC;
  const char *output = "-", *meta = NULL, *actors = NULL, *data_dir = NULL;
  settings set = {0};
  set.cli = cli;
  set.verbose = cli->verbose;
  int quiet = cli->quiet;
  long jobs = 1;
  int c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":o:j:qvh", longopts, NULL)) != -1) {
    switch (c) {
    case 'o': output = optarg, output_given = 1; break;
    case OPT_DB: db_path = optarg; break;
    case OPT_MAX_DOC:
      if (parse_size(optarg, &max_doc) != 0) {
        an_cli_usage_error(cli, "extract", "--max-doc-size wants a size such as 500K, 64M or 0, not '%s'", optarg);
        return AN_EXIT_INPUT;
      }
      break;
    case OPT_META: meta = optarg; break;
    case OPT_ACTORS: actors = optarg; break;
    case OPT_DATA_DIR: data_dir = optarg; break;
    case OPT_SENTENCES: set.sentences = 1; break;
    case OPT_TOKENS: set.tokens = 1; break;
    case OPT_KEEP_MODAL: set.opts |= AN_OPT_KEEP_MODAL; break;
    case 'q': quiet = 1; break;
    case 'v': set.verbose = 1; break;
    case OPT_PROGRESS: force_progress = 1; break;
    case 'j':
      if (an_cli_parse_jobs(cli, "extract", optarg, &jobs) != 0) return AN_EXIT_INPUT;
      break;
    case 'h':
      usage(stdout);
      return fflush(stdout) == 0 ? AN_EXIT_OK : AN_EXIT_INTERNAL;
    case ':':
      an_cli_usage_error(cli, "extract", "option '%s' needs an argument", argv[optind - 1]);
      return AN_EXIT_INPUT;
    default:
      if (optopt) an_cli_usage_error(cli, "extract", "unknown option '-%c'", optopt);
      else an_cli_usage_error(cli, "extract", "unknown option '%s'", argv[optind - 1]);
      return AN_EXIT_INPUT;
    }
  }
  if (optind >= argc) {
    an_cli_usage_error(cli, "extract", "no input (give files, folders or - for standard input)");
    return AN_EXIT_INPUT;
  }
  if (set.tokens && !set.sentences) {
    an_cli_usage_error(cli, "extract", "--tokens goes with --sentences");
    return AN_EXIT_INPUT;
  }
  if (db_path && (output_given || set.sentences)) {
    an_cli_usage_error(cli, "extract", "--db stores the events: it goes without -o and --sentences");
    return AN_EXIT_INPUT;
  }

  an_error err;
  an_error_clear(&err);
  an_reader *rd = NULL;
  an_resources *res = NULL;
  an_outfile *of = NULL;
  pool p = {0};
  int pool_started = 0;
  int code = AN_EXIT_OK;
  an_status st;
  progress pg = {0};
  struct sigaction saved_sigs[N_CLEANUP_SIGNALS];
  warn_ctx wctx = {cli, &pg, NULL};
  db_sink dbs = {0}, *db = NULL;
  an_reader_opts ropts = {0};
  ropts.warn = reader_warn;
  ropts.warn_ctx = &wctx;
  ropts.max_doc_bytes = max_doc;
  totals tot = {0};

  if ((st = an_reader_new(&ropts, &rd, &err)) != AN_OK) goto fail;
  for (int i = optind; i < argc; i++)
    if ((st = an_reader_add_path(rd, argv[i], &err)) != AN_OK) goto fail;
  if (meta && (st = an_reader_load_meta(rd, meta, &err)) != AN_OK) goto fail;
  /* Re-running with -o inside an input folder must not read the last
   * output back as documents. */
  if ((st = an_reader_exclude(rd, output, &err)) != AN_OK) goto fail;
  if (!set.sentences) {
    /* A mistyped --actors or --data-dir is bad usage (exit 1), as a missing
     * input is, not an I/O failure. */
    struct stat sb;
    if (actors && stat(actors, &sb) != 0 && errno == ENOENT) {
      st = an_error_set(&err, AN_ENOTFOUND, actors, 0, -1, "no such file (--actors)");
      goto fail;
    }
    if (data_dir && (stat(data_dir, &sb) != 0 || !S_ISDIR(sb.st_mode))) {
      st = an_error_set(&err, AN_ENOTFOUND, data_dir, 0, -1, "no such folder (--data-dir)");
      goto fail;
    }
    if ((st = an_resources_load(data_dir ? data_dir : an_default_data_dir(), actors, &res, &err)) != AN_OK)
      goto fail;
    set.res = res;
  }
  FILE *out = NULL;
  int to_stdout = 0;
  if (db_path) {
    if ((st = an_store_open(db_path, 0, &dbs.st, &err)) != AN_OK) goto fail;
    char actors_sum[AN_STORE_HASH_LEN + 1] = "-";
    if (actors) {
      char *text = NULL;
      size_t n = 0;
      if ((st = an_file_slurp(actors, &text, &n, &err)) != AN_OK) goto fail;
      an_doc whole = {.text = text, .len = n};
      an_store_doc_hash(&whole, actors_sum);
      an_free(text);
    }
    snprintf(dbs.salt, sizeof dbs.salt, "actornet %s|opts %u|actors %.64s", an_version_string(),
             set.opts, actors_sum);
    db = &dbs;
  } else {
    /* signals held from the temporary file's creation until its handler is
     * in place: an interrupt in between would leave the file behind */
    sigset_t held;
    an_cli_hold_signals(output, &held);
    st = an_outfile_open(output, &of, &err);
    if (st == AN_OK) cleanup_on_signals(an_outfile_temp_path(of), saved_sigs);
    an_cli_release_signals(&held);
    if (st != AN_OK) goto fail;
    out = an_outfile_stream(of);
    to_stdout = strcmp(output, "-") == 0;
  }

  p.set = &set;
  p.n_threads = (size_t)jobs;
  p.cap = jobs > 1 ? (size_t)jobs * 4 : 1;
  p.ring = an_calloc(p.cap, sizeof *p.ring);
  p.ws = an_calloc(p.n_threads, sizeof *p.ws);
  if (!p.ring || !p.ws) {
    st = an_error_set(&err, AN_ENOMEM, NULL, 0, -1, "out of memory");
    goto fail;
  }
  if (!set.sentences)
    for (size_t i = 0; i < p.n_threads; i++)
      if ((st = an_workspace_new(res, &p.ws[i], &err)) != AN_OK) goto fail;

  pg.on = !quiet && (force_progress || isatty(2));
  pg.start = pg.last = an_cli_wall_now();
  worker_arg *wargs = NULL;
  if (jobs > 1) {
    p.threads = an_calloc(p.n_threads, sizeof *p.threads);
    wargs = an_calloc(p.n_threads, sizeof *wargs);
    if (!p.threads || !wargs) {
      an_free(wargs);
      st = an_error_set(&err, AN_ENOMEM, NULL, 0, -1, "out of memory");
      goto fail;
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    pool_started = 1;
    for (size_t i = 0; i < p.n_threads; i++) {
      wargs[i].p = &p;
      wargs[i].ws = p.ws[i];
      if (pthread_create(&p.threads[i], NULL, worker, &wargs[i]) != 0) {
        p.n_threads = i; /* join the ones that started */
        st = an_error_set(&err, AN_EINTERNAL, NULL, 0, -1, "cannot start threads");
        break;
      }
    }
  }

  int eof = st != AN_OK;
  while (st == AN_OK) {
    /* Write every finished job at the head, in input order. */
    while (p.head < p.tail) {
      job *j = &p.ring[p.head % p.cap];
      if (jobs > 1) {
        pthread_mutex_lock(&p.mu);
        int full = p.tail - p.head == p.cap || eof;
        while (full && !j->done) {
          p.main_waiting = 1;
          pthread_cond_wait(&p.done, &p.mu);
          p.main_waiting = 0;
        }
        int done = j->done;
        pthread_mutex_unlock(&p.mu);
        if (!done) break; /* not blocked on it: read more meanwhile */
      }
      st = flush_job(j, out, db, &tot, &pg, &err);
      if (st == AN_EIO && !err.path[0] && output) /* a failed write: name the output */
        snprintf(err.path, sizeof err.path, "%s", output);
      /* As a filter (stdin to stdout, e.g. Spark's RDD.pipe or GNU parallel
       * --pipe) each document's records leave at once. */
      if (st == AN_OK && to_stdout && fflush(out) != 0)
        st = an_error_set(&err, AN_EIO, "-", 0, -1, "write error: %s", strerror(errno));
      job_clear(j);
      p.head++;
      progress_show(&pg, tot.docs, an_reader_bytes(rd), 0);
      if (st != AN_OK) break;
    }
    if (st != AN_OK || (eof && p.head == p.tail)) break;
    if (eof) continue;
    /* Fill the job at the tail (the write loop above left it free). */
    job *j = &p.ring[p.tail % p.cap];
    an_doc *doc = NULL;
    wctx.filling = j;
    st = an_reader_next(rd, &doc, &err);
    wctx.filling = NULL;
    if (st != AN_OK) {
      if (j->notes.len) fwrite(j->notes.data, 1, j->notes.len, stderr);
      break;
    }
    char hash[AN_STORE_HASH_LEN + 1] = "";
    if (doc && db) { /* stored with the same content: nothing to do */
      an_store_state state = AN_STORE_ABSENT;
      an_store_doc_hash_salted(doc, db->salt, hash);
      if ((st = an_store_has_doc(db->st, doc->id, hash, &state, &err)) != AN_OK) {
        an_doc_free(doc);
        break;
      }
      if (state == AN_STORE_SAME) {
        tot.unchanged++;
        tot.docs++;
        an_doc_free(doc);
        doc = NULL;
        if (j->notes.len && !j->ndocs) { /* keep reader warnings in order */
          progress_clear(&pg);
          fwrite(j->notes.data, 1, j->notes.len, stderr);
          an_buf_clear(&j->notes);
        }
        continue;
      }
    }
    if (doc) {
      if (an_grow((void **)&j->docs, &j->cap_docs, j->ndocs + 1, sizeof *j->docs) != AN_OK) {
        an_doc_free(doc);
        st = an_error_set(&err, AN_ENOMEM, NULL, 0, -1, "out of memory");
        break;
      }
      j->docs[j->ndocs].doc = doc;
      j->docs[j->ndocs].end = 0;
      if (db) memcpy(j->docs[j->ndocs].hash, hash, sizeof hash); /* computed for the check above */
      j->ndocs++;
      j->bytes += doc->len;
    } else {
      eof = 1;
    }
    /* One document at a time without workers (a filter answers each line
     * at once); batches with them. */
    if (!(j->ndocs || (eof && j->notes.len)) ||
        !(eof || jobs == 1 || j->ndocs >= BATCH_DOCS || j->bytes >= BATCH_BYTES))
      continue;
    if (jobs > 1) {
      pthread_mutex_lock(&p.mu);
      p.tail++;
      if (p.idle) pthread_cond_signal(&p.work);
      pthread_mutex_unlock(&p.mu);
    } else {
      p.tail++;
      run_job(&set, p.ws[0], j);
    }
  }
  if (pool_started) {
    pthread_mutex_lock(&p.mu);
    p.stop = 1;
    if (st != AN_OK) p.tail = p.next; /* drop queued work on failure */
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.mu);
    for (size_t i = 0; i < p.n_threads; i++) pthread_join(p.threads[i], NULL);
  }
  an_free(wargs);
  if (pg.shown) progress_show(&pg, tot.docs, an_reader_bytes(rd), 1);
  progress_clear(&pg);
  if (st != AN_OK) goto fail;
  if (db) {
    if (dbs.in_batch && (st = an_store_commit(dbs.st, &err)) != AN_OK) goto fail;
    dbs.in_batch = 0;
  } else {
    st = an_outfile_commit(of, &err);
    of = NULL;
    cleanup_off(saved_sigs);
    if (st != AN_OK) goto fail;
  }
  tot.skipped += an_reader_skipped(rd);
  if (!quiet && db)
    fprintf(stderr, "%zu document%s (%zu new, %zu replaced, %zu unchanged), %zu %s, %zu skipped\n", tot.docs,
            tot.docs == 1 ? "" : "s", tot.inserted, tot.replaced, tot.unchanged, tot.records,
            tot.records == 1 ? "event" : "events", tot.skipped);
  else if (!quiet)
    fprintf(stderr, "%zu document%s, %zu %s, %zu skipped\n", tot.docs, tot.docs == 1 ? "" : "s", tot.records,
            set.sentences ? (tot.records == 1 ? "sentence" : "sentences") : (tot.records == 1 ? "event" : "events"),
            tot.skipped);
  code = tot.skipped ? AN_EXIT_INPUT : AN_EXIT_OK;
  goto done;
fail:
  progress_clear(&pg);
  an_cli_report(cli, &err);
  code = an_cli_exit_code(st);
  an_outfile_abort(of);
  cleanup_off(saved_sigs);
done:
  if (p.ring)
    for (size_t i = 0; i < p.cap; i++) job_free(&p.ring[i]);
  an_free(p.ring);
  if (p.ws)
    for (size_t i = 0; i < (size_t)jobs; i++) an_workspace_free(p.ws[i]);
  an_free(p.ws);
  an_free(p.threads);
  if (pool_started) {
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
  }
  an_store_free(dbs.st); /* rolls back a batch left open by a failure */
  an_resources_free(res);
  an_reader_free(rd);
  return code;
}
