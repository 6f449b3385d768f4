/* par.c: the exporters' records formatted in chunks on worker threads and
 * written in order (export_internal.h, an_par_run). */
#include <pthread.h>
#include <string.h>

#include "export/export_internal.h"

typedef struct slot {
  an_buf buf;
  size_t chunk; /* the chunk it holds when ready */
  int ready;
  an_status st;
} slot;

typedef struct par {
  const an_par_job *job;
  size_t n_chunks, n_slots;
  slot *slots;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  size_t next;    /* next chunk to claim */
  size_t written; /* chunks written */
  int stop;
} par;

typedef struct worker {
  par *p;
  size_t index;
} worker;

static void chunk_range(const an_par_job *j, size_t c, size_t *b, size_t *e) {
  *b = c * j->chunk;
  *e = *b + j->chunk < j->n ? *b + j->chunk : j->n;
  *b += j->first, *e += j->first;
}

static void *work(void *arg) {
  worker *w = arg;
  par *p = w->p;
  for (;;) {
    pthread_mutex_lock(&p->mu);
    /* a chunk may be claimed once its slot has been written out */
    while (!p->stop && p->next < p->n_chunks && p->next >= p->written + p->n_slots) pthread_cond_wait(&p->cv, &p->mu);
    if (p->stop || p->next >= p->n_chunks) {
      pthread_mutex_unlock(&p->mu);
      return NULL;
    }
    size_t c = p->next++;
    pthread_mutex_unlock(&p->mu);
    slot *s = &p->slots[c % p->n_slots];
    size_t b, e;
    chunk_range(p->job, c, &b, &e);
    an_buf_clear(&s->buf);
    an_status st = p->job->format(p->job->ctx, w->index, b, e, &s->buf);
    pthread_mutex_lock(&p->mu);
    s->st = st, s->chunk = c, s->ready = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
  }
}

/* One thread: the same chunks, formatted and written in turn. */
static an_status run_serial(const an_par_job *j) {
  an_buf b;
  an_buf_init(&b);
  an_status st = AN_OK;
  size_t n_chunks = (j->n + j->chunk - 1) / j->chunk;
  for (size_t c = 0; st == AN_OK && c < n_chunks; c++) {
    size_t lo, hi;
    chunk_range(j, c, &lo, &hi);
    an_buf_clear(&b);
    if ((st = j->format(j->ctx, 0, lo, hi, &b)) == AN_OK) st = j->write(j->ctx, b.data ? b.data : "", b.len);
  }
  an_buf_free(&b);
  return st;
}

an_status an_par_run(const an_par_job *j) {
  if (!j->n) return AN_OK;
  size_t n_chunks = (j->n + j->chunk - 1) / j->chunk;
  size_t jobs = j->jobs < n_chunks ? j->jobs : n_chunks;
  if (jobs <= 1) return run_serial(j);
  par p;
  memset(&p, 0, sizeof p);
  p.job = j;
  p.n_chunks = n_chunks;
  p.n_slots = 2 * jobs;
  p.slots = an_calloc(p.n_slots, sizeof *p.slots);
  pthread_t *threads = an_calloc(jobs, sizeof *threads);
  worker *ws = an_calloc(jobs, sizeof *ws);
  if (!p.slots || !threads || !ws) {
    an_free(p.slots), an_free(threads), an_free(ws);
    return AN_ENOMEM;
  }
  for (size_t i = 0; i < p.n_slots; i++) an_buf_init(&p.slots[i].buf);
  if (pthread_mutex_init(&p.mu, NULL) != 0) {
    an_free(p.slots), an_free(threads), an_free(ws);
    return run_serial(j);
  }
  if (pthread_cond_init(&p.cv, NULL) != 0) {
    pthread_mutex_destroy(&p.mu);
    an_free(p.slots), an_free(threads), an_free(ws);
    return run_serial(j);
  }
  size_t started = 0;
  for (; started < jobs; started++) {
    ws[started].p = &p, ws[started].index = started;
    if (pthread_create(&threads[started], NULL, work, &ws[started]) != 0) break;
  }
  an_status st = AN_OK;
  if (!started) st = AN_ENOMEM; /* no thread at all: nothing would be formatted */
  for (size_t c = 0; st == AN_OK && c < n_chunks; c++) {
    slot *s = &p.slots[c % p.n_slots];
    pthread_mutex_lock(&p.mu);
    while (!(s->ready && s->chunk == c)) pthread_cond_wait(&p.cv, &p.mu);
    pthread_mutex_unlock(&p.mu);
    st = s->st;
    if (st == AN_OK) st = j->write(j->ctx, s->buf.data ? s->buf.data : "", s->buf.len);
    pthread_mutex_lock(&p.mu);
    s->ready = 0;
    p.written = c + 1;
    pthread_cond_broadcast(&p.cv);
    pthread_mutex_unlock(&p.mu);
  }
  pthread_mutex_lock(&p.mu);
  p.stop = 1;
  pthread_cond_broadcast(&p.cv);
  pthread_mutex_unlock(&p.mu);
  for (size_t i = 0; i < started; i++) pthread_join(threads[i], NULL);
  pthread_cond_destroy(&p.cv);
  pthread_mutex_destroy(&p.mu);
  for (size_t i = 0; i < p.n_slots; i++) an_buf_free(&p.slots[i].buf);
  an_free(p.slots), an_free(threads), an_free(ws);
  if (!started && st == AN_ENOMEM) return run_serial(j);
  return st;
}
