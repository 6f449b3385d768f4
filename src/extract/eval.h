/* eval.h: score a system's events against gold annotations, exactly as
 * ../shared/tools/score.py does (annotation.md §5): the same label
 * normalization, key matching, tuples, counts, rounding, and the same JSON
 * and text reports byte for byte, so `actornet eval` and score.py agree.
 *
 * A gold set is actors.json (actor id -> keys) plus events.jsonl; only the
 * documents that appear in the gold events are scored. Predictions are
 * events JSONL (records without a gold "doc" are skipped, so extractor
 * output with its document records can be scored as is). */
#ifndef AN_EXTRACT_EVAL_H
#define AN_EXTRACT_EVAL_H

#include <stddef.h>
#include <stdio.h>

#include "actornet/error.h"
#include "core/core.h"

typedef struct an_eval_gold an_eval_gold;
typedef struct an_eval_report an_eval_report;

/* Loads DIR/actors.json and DIR/events.jsonl.
 * Owns: *out on AN_OK (an_eval_gold_free); NULL otherwise. Immutable. */
an_status an_eval_gold_load(const char *dir, an_eval_gold **out, an_error *err);

/* The same from strings (unit tests bring their own tiny gold). `name` is
 * used in error messages. Owns: *out on AN_OK. */
an_status an_eval_gold_parse(const char *actors_json, const char *events_jsonl,
                             const char *name, an_eval_gold **out, an_error *err);
void an_eval_gold_free(an_eval_gold *gold);

/* Number of gold documents (documents named by a gold event). */
size_t an_eval_gold_doc_count(const an_eval_gold *gold);

/* annotation.md §5.1: NFKC, look-alike letters folded to Latin, accents
 * dropped, lowercase, every run of other characters one space; the result
 * starts and ends with a space (" hamas leader ismail haniyeh ") so keys
 * match as whole words by substring search. Invalid UTF-8 counts as U+FFFD.
 * Appends to out. */
an_status an_eval_normalize(const char *label, size_t len, an_buf *out);

/* annotation.md §5.2: the gold actor a label resolves to (the matching key
 * that ends last; a key inside a longer key's match does not count), or
 * NULL when none matches; *n_matched (if not NULL) gets how many distinct
 * gold actors match. Borrows: *id lives as long as gold. */
an_status an_eval_resolve(const an_eval_gold *gold, const char *label, const char **id,
                          size_t *n_matched, an_error *err);

/* Scores the events JSONL read from `in` (`name` for messages).
 * Owns: *out on AN_OK (an_eval_report_free). */
an_status an_eval_score(const an_eval_gold *gold, FILE *in, const char *name,
                        an_eval_report **out, an_error *err);

/* Adds the actor-resolution check of a node-link graph (JSON with "nodes",
 * each with a "label", "name" or "id") read from `in`. */
an_status an_eval_graph(const an_eval_gold *gold, FILE *in, const char *name,
                        an_eval_report *rep, an_error *err);

void an_eval_report_free(an_eval_report *rep);

/* One row of the report: "all", "core" or a type name. Rates are rounded
 * to 3 decimals as score.py rounds them. */
typedef struct an_eval_row {
  size_t tp, fp, fn;
  double precision, recall, f1;
} an_eval_row;

/* Fills *row for "all", "core" or a type; AN_ENOTFOUND if the report has
 * no such row (a type neither gold nor predicted). */
an_status an_eval_report_row(const an_eval_report *rep, const char *name, an_eval_row *row);

/* The report as score.py --json prints it (json.dumps, indent 2, ASCII
 * escapes), with the final newline. Appends to out. */
an_status an_eval_report_json(const an_eval_report *rep, an_buf *out);

/* The report as score.py prints it without --json. Appends to out. */
an_status an_eval_report_text(const an_eval_report *rep, an_buf *out);

#endif
