/* dates.c: date phrases and their resolution (dates.h). */
#include "extract/dates.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int month_of(const an_lexicon *lex, const char *w) {
  for (int m = 0; m < 12; m++)
    for (int k = 0; k < 4 && lex->months[m][k]; k++)
      if (strcmp(lex->months[m][k], w) == 0) return m + 1;
  return 0;
}

/* The same for a token, by its word id (lexicon.h). */
static int month_at(const an_lexicon *lex, const an_xview *v, uint32_t i) { return lex->wmonth[v->wid[i]]; }
static int weekday_at(const an_lexicon *lex, const an_xview *v, uint32_t i) { return lex->wday[v->wid[i]]; }
static int dflag(const an_lexicon *lex, const an_xview *v, uint32_t i, unsigned f) {
  return (lex->wdflag[v->wid[i]] & f) != 0;
}

static int all_digits(const char *w, size_t min, size_t max) {
  size_t n = strlen(w);
  if (n < min || n > max) return 0;
  for (size_t i = 0; i < n; i++)
    if (!isdigit((unsigned char)w[i])) return 0;
  return 1;
}

static int day_num(const char *w) {
  char buf[8];
  size_t n = strlen(w);
  if (n == 0 || n > 4) return 0;
  size_t k = 0;
  while (k < n && isdigit((unsigned char)w[k])) k++;
  if (k == 0 || k > 2) return 0;
  if (k < n && strcmp(w + k, "st") && strcmp(w + k, "nd") && strcmp(w + k, "rd") && strcmp(w + k, "th")) return 0;
  memcpy(buf, w, k);
  buf[k] = 0;
  int d = atoi(buf);
  return d >= 1 && d <= 31 ? d : 0;
}

static int year_num(const char *w) {
  if (!all_digits(w, 4, 4)) return 0;
  int y = atoi(w);
  return y >= 1900 && y <= 2099 ? y : 0;
}

static int cap(const an_xview *v, uint32_t i) { return (v->tok[i].shape & AN_SHAPE_UPPER_INITIAL) != 0; }
static int wis(const an_xview *v, uint32_t i, uint32_t b, const char *s) { return i < b && strcmp(v->w[i], s) == 0; }


size_t an_dates_scan(const an_lexicon *lex, const an_xview *v, uint32_t a, uint32_t b, an_datephrase *out,
                     size_t cap_) {
  size_t n = 0;
  const char *const *w = (const char *const *)v->w;
  for (uint32_t i = a; i < b && n < cap_;) {
    /* Most tokens start nothing: without a lead word here (so j == i
     * below), a phrase needs a capitalized weekday or month, "mid-", a
     * digit, or a word that starts a relative or vague date. (Other words
     * in m, "minister", "met", would only find "mid-" missing below.) */
    if (!lex->date_wild) {
      uint32_t id = v->wid[i];
      unsigned char c0 = (unsigned char)w[i][0];
      const char *wi = w[i];
      if (!(lex->wdflag[id] & AN_WDATE_LEAD) && !lex->wdate_lists[id] &&
          !(c0 == 'm' && wi[1] == 'i' && wi[2] == 'd' && wi[3] == '-') && !(c0 >= '0' && c0 <= '9') &&
          !(cap(v, i) && (lex->wday[id] || lex->wmonth[id]))) {
        i++;
        continue;
      }
    }
    an_datephrase p;
    memset(&p, 0, sizeof p);
    uint32_t lead = i;
    /* lead words: "on", "in late", "this", "last" */
    uint32_t j = i;
    while (j < b && dflag(lex, v, j, AN_WDATE_LEAD) && j - i < 2) j++;
    int last = j > i && dflag(lex, v, j - 1, AN_WDATE_PAST);
    int next = j > i && dflag(lex, v, j - 1, AN_WDATE_NEXT);
    /* Can token j be a weekday, a month, "mid-..." or a number? If not,
     * only a relative or vague phrase at i is left to try (below). */
    unsigned char cj = j < b ? (unsigned char)w[j][0] : 0;
    int cand = j < b && ((cap(v, j) && (lex->wday[v->wid[j]] || lex->wmonth[v->wid[j]])) || cj == 'm' ||
                         (cj >= '0' && cj <= '9'));
    int wd = cand && cap(v, j) ? weekday_at(lex, v, j) : 0;
    int mo = cand && cap(v, j) ? month_at(lex, v, j) : 0;
    /* "in mid-May": one token, the month capitalized after the hyphen */
    if (!mo && !wd && cand && strncmp(w[j], "mid-", 4) == 0 && v->tok[j].len > 4 &&
        isupper((unsigned char)v->s[v->tok[j].start + 4]))
      mo = month_of(lex, w[j] + 4);
    int mid = mo && strncmp(w[j], "mid-", 4) == 0;
    uint32_t e = 0;
    if (wd) {
      p.kind = AN_DATE_WEEKDAY;
      p.weekday = wd - 1;
      p.rel = last ? -1 : next ? 1 : 0;
      e = j + 1;
      uint32_t dp = e < b ? an_phrases_match_id(&lex->day_parts, v->wid, e, b) : 0;
      if (dp) e = dp;
      /* "Friday (20)" */
      if (wis(v, e, b, "(") && e + 2 < b && day_num(w[e + 1]) && wis(v, e + 2, b, ")")) e += 3;
    } else if (mo) {
      p.kind = AN_DATE_ABS;
      p.v.m = mo;
      e = j + 1;
      int d = e < b ? day_num(w[e]) : 0;
      if (d) {
        p.v.d = d;
        e++;
        if (wis(v, e, b, ",") && e + 1 < b && year_num(w[e + 1])) e++;
      }
      if (e < b && year_num(w[e])) {
        p.v.y = year_num(w[e]);
        e++;
      }
      /* "May" and "March" are also words: want a number or a lead word. */
      if (!d && !p.v.y && j == i && !mid) e = 0;
    } else if (cand && day_num(w[j]) && j + 1 < b && cap(v, j + 1) && month_at(lex, v, j + 1)) {
      p.kind = AN_DATE_ABS;
      p.v.d = day_num(w[j]);
      p.v.m = month_at(lex, v, j + 1);
      e = j + 2;
      if (e < b && year_num(w[e])) {
        p.v.y = year_num(w[e]);
        e++;
      }
    } else if (cand && j > i && year_num(w[j])) {
      p.kind = AN_DATE_ABS;
      p.v.y = year_num(w[j]);
      e = j + 1;
    } else if (lex->date_wild ||
               (lex->wdate_lists[v->wid[i]] &&
                (i + 1 >= b || ((lex->wdate_next[v->wid[i]] >> (v->wid[i + 1] & 63)) & 1)))) {
      /* only the lists that can start with this word are tried, in their
       * order (rel_day 0..7, rel_month/rel_year 0..2 in turn, vague) */
      uint32_t r = 0;
      unsigned m = lex->date_wild ? 0x7fffu : lex->wdate_lists[v->wid[i]];
      while (m && !r) {
        int k = __builtin_ctz(m);
        m &= m - 1;
        if (k < 8) {
          r = an_phrases_match_id(&lex->rel_day[k], v->wid, i, b);
          if (r) p.kind = AN_DATE_REL, p.rel = k - 4;
        } else if (k < 14) {
          int y = (k - 8) & 1, q = (k - 8) >> 1;
          r = an_phrases_match_id(y ? &lex->rel_year[q] : &lex->rel_month[q], v->wid, i, b);
          if (r) p.kind = y ? AN_DATE_REL_YEAR : AN_DATE_REL_MONTH, p.rel = q - 1;
        } else {
          r = an_phrases_match_id(&lex->vague_dates, v->wid, i, b);
          if (r) p.kind = AN_DATE_VAGUE;
        }
      }
      if (r) {
        e = r;
        lead = i;
      }
    }
    if (e) {
      p.first = lead;
      p.end = e;
      out[n++] = p;
      i = e;
    } else {
      i++;
    }
  }
  return n;
}

/* printf("%0*d", width, v) into o; returns the length. */
static size_t fmt_int(char *o, int v, int width) {
  char d[16];
  size_t n = 0, k = 0;
  unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
  do d[n++] = (char)('0' + u % 10);
  while ((u /= 10) > 0);
  if (v < 0) o[k++] = '-', width--;
  for (int z = (int)n; z < width; z++) o[k++] = '0';
  while (n) o[k++] = d[--n];
  return k;
}

/* snprintf(iso, 11, "%04d[-%02d[-%02d]]", y, m, d): parts < 0 left out. */
static void put_iso(char *iso, int y, int m, int d) {
  char tmp[48];
  size_t n = fmt_int(tmp, y, 4);
  if (m >= 0) tmp[n++] = '-', n += fmt_int(tmp + n, m, 2);
  if (d >= 0) tmp[n++] = '-', n += fmt_int(tmp + n, d, 2);
  if (n > 10) n = 10;
  memcpy(iso, tmp, n);
  iso[n] = '\0';
}

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static int mdays(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static long days_from(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from(long z, an_ymd *o) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp + (mp < 10 ? 3 : -9);
  o->y = (int)(y + (m <= 2));
  o->m = (int)m;
  o->d = (int)d;
}

int an_date_resolve(const an_datephrase *p, const an_ymd *doc, char *iso) {
  int full = doc && doc->y && doc->m && doc->d;
  iso[0] = 0;
  switch (p->kind) {
  case AN_DATE_VAGUE:
    return 0;
  case AN_DATE_REL_MONTH: {
    if (!doc || !doc->y || !doc->m) return 0;
    int y = doc->y, m = doc->m + p->rel;
    if (m < 1) {
      m += 12;
      y--;
    } else if (m > 12) {
      m -= 12;
      y++;
    }
    if (y < 1 || y > 9999) return 0;
    put_iso(iso, y % 10000, m % 100, -1);
    return 1;
  }
  case AN_DATE_REL_YEAR:
    if (!doc || !doc->y) return 0;
    if (doc->y + p->rel < 1 || doc->y + p->rel > 9999) return 0;
    put_iso(iso, (doc->y + p->rel) % 10000, -1, -1);
    return 1;
  case AN_DATE_REL:
  case AN_DATE_WEEKDAY: {
    if (!full) return 0;
    long z = days_from(doc->y, doc->m, doc->d);
    if (p->kind == AN_DATE_REL) {
      z += p->rel;
    } else {
      if (p->rel > 0) return 0; /* "next Monday": a plan, not an event date */
      int wd = (int)(((z % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday (3, Monday = 0) */
      int delta = (wd - p->weekday + 7) % 7;
      if (p->rel < 0 && delta == 0) delta = 7;
      z -= delta;
    }
    an_ymd o;
    civil_from(z, &o);
    put_iso(iso, o.y, o.m, o.d);
    return 1;
  }
  case AN_DATE_ABS: {
    int y = p->v.y, m = p->v.m, d = p->v.d;
    if (!y) {
      if (!m || !doc || !doc->y) return 0;
      y = doc->y;
      /* a month-day later than the document belongs to the year before */
      if (doc->m && (m > doc->m || (m == doc->m && d && doc->d && d > doc->d))) y--;
    }
    if (d && m) {
      if (d > mdays(y, m)) return 0;
      put_iso(iso, y, m, d);
    } else if (m) {
      put_iso(iso, y, m, -1);
    } else {
      put_iso(iso, y, -1, -1);
    }
    return 1;
  }
  }
  return 0;
}

int an_ymd_parse_iso(const char *s, an_ymd *out) {
  memset(out, 0, sizeof *out);
  if (!s) return 0;
  int y = 0, m = 0, d = 0;
  size_t n = strlen(s);
  /* plain digits (every date the reader passes on): what sscanf reads */
#define DG(i) (s[i] >= '0' && s[i] <= '9')
  int y4 = n >= 4 && DG(0) && DG(1) && DG(2) && DG(3);
  int m2 = y4 && n >= 7 && s[4] == '-' && DG(5) && DG(6);
  int d2 = m2 && n >= 10 && s[7] == '-' && DG(8) && DG(9);
#undef DG
  if (y4) y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  if (m2) m = (s[5] - '0') * 10 + (s[6] - '0');
  if (d2) d = (s[8] - '0') * 10 + (s[9] - '0');
  if ((n == 4 && y4) || (n == 7 && m2) || (n >= 10 && d2)) {
  } else if (n == 4 && sscanf(s, "%4d", &y) == 1) {
  } else if (n == 7 && sscanf(s, "%4d-%2d", &y, &m) == 2) {
  } else if (n >= 10 && sscanf(s, "%4d-%2d-%2d", &y, &m, &d) == 3) {
  } else {
    return 0;
  }
  if (y < 1 || m < 0 || m > 12 || d < 0 || (d && (!m || d > mdays(y, m)))) return 0;
  out->y = y;
  out->m = m;
  out->d = d;
  return 1;
}

int an_ymd_parse_text(const an_lexicon *lex, const char *s, an_ymd *out) {
  memset(out, 0, sizeof *out);
  if (an_ymd_parse_iso(s, out) && out->d) return 1;
  /* words: letters runs and digit runs */
  char words[6][24];
  int nw = 0;
  for (const char *p = s; *p && nw < 6;) {
    if (isalpha((unsigned char)*p) || isdigit((unsigned char)*p)) {
      int digit = isdigit((unsigned char)*p) != 0;
      size_t k = 0;
      while (*p && (digit ? isdigit((unsigned char)*p) : isalpha((unsigned char)*p)) && k < 23)
        words[nw][k++] = (char)tolower((unsigned char)*p++);
      words[nw][k] = 0;
      while (*p && (digit ? isdigit((unsigned char)*p) : isalpha((unsigned char)*p))) p++;
      nw++;
    } else {
      p++;
    }
  }
  int y = 0, m = 0, d = 0;
  for (int i = 0; i < nw; i++) {
    int mo = month_of(lex, words[i]);
    if (mo && !m) m = mo;
    else if (year_num(words[i]) && !y) y = year_num(words[i]);
    else if (day_num(words[i]) && !d) d = day_num(words[i]);
  }
  if (!y || !m || !d || d > mdays(y, m)) return 0;
  out->y = y;
  out->m = m;
  out->d = d;
  return 1;
}
