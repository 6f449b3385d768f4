/* dates.h: date phrases in a sentence ("on Monday", "3 March 2024", "in
 * June", "last week") and their ISO value at the precision the text gives,
 * resolved against the document date when the phrase is relative. Words
 * come from data/lexicon/dates.json. */
#ifndef AN_EXTRACT_DATES_H
#define AN_EXTRACT_DATES_H

#include <stddef.h>
#include <stdint.h>

#include "extract/lexicon.h"
#include "extract/rules.h"

typedef struct an_ymd {
  int y, m, d; /* 0 = unknown part */
} an_ymd;

typedef enum an_date_kind {
  AN_DATE_ABS = 0,     /* y / m / d as given (missing year filled from the document) */
  AN_DATE_WEEKDAY = 1, /* a weekday: the latest such day on or before the document date */
  AN_DATE_REL = 2,     /* yesterday/today: document date + rel */
  AN_DATE_VAGUE = 3,   /* "last week": text only */
  AN_DATE_REL_MONTH = 4, /* "last month": the document's month + rel, YYYY-MM */
  AN_DATE_REL_YEAR = 5,  /* "last year": the document's year + rel, YYYY */
} an_date_kind;

typedef struct an_datephrase {
  uint32_t first, end; /* token span, lead word ("on", "in") included */
  an_date_kind kind;
  an_ymd v;            /* ABS: parts given */
  int weekday;         /* WEEKDAY: 0 = Monday */
  int rel;             /* REL: days; WEEKDAY: -1 "last", +1 "next" */
} an_datephrase;

/* Date phrases in tokens [a, b) of the view, in text order. Returns how
 * many were written to out (at most cap). */
size_t an_dates_scan(const an_lexicon *lex, const an_xview *v, uint32_t a, uint32_t b, an_datephrase *out,
                     size_t cap);

/* ISO value of p ("YYYY", "YYYY-MM" or "YYYY-MM-DD") into iso (>= 11 bytes);
 * doc is the document date (parts 0 if unknown). Returns 0 when the text
 * and the document date do not determine one. */
int an_date_resolve(const an_datephrase *p, const an_ymd *doc, char *iso);

/* Parses an ISO date "YYYY[-MM[-DD]]". Returns 0 if it is not one. */
int an_ymd_parse_iso(const char *s, an_ymd *out);

/* Parses a written date ("March 1, 2024", "1 March 2024", "2024-03-01")
 * with the lexicon's month names. Returns 0 if none. */
int an_ymd_parse_text(const an_lexicon *lex, const char *s, an_ymd *out);

#endif
