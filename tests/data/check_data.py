#!/usr/bin/env python3
"""Validate every file under data/ (gazetteer and the lexicons this test owns).

Usage: check_data.py SRCDIR
Prints one line per problem and exits 1 if there is any. Standard library only.
The rules are the ones data/README.md documents; keep them in step.
"""
import glob
import json
import os
import re
import sys

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
KINDS = {"person", "organization", "country"}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ALPHA3 = re.compile(r"^[A-Z]{3}$")
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
ENTRY_KEYS = {"id", "label", "kind", "aliases", "demonyms", "metonyms", "country",
              "parent", "gender", "roles"}
# Aliases carry names, not titles: the recognizer strips these (titles.json).
# Titles kept where the rest alone is ambiguous ("King Salman") are allowed.
TITLE_PREFIXES = ("President ", "Ayatollah ", "Grand Ayatollah ", "Dr ", "Dr. ", "Sir ", "General ",
                  "Gen. ", "Crown Prince ", "Sayyed ", "Seyed ", "Sayyid ", "Seyyed ", "Cardinal ",
                  "Emperor ", "Mawlawi ", "Mr. ", "Mrs. ", "Ms. ", "Prime Minister ")

problems = []


def bad(where, msg):
    problems.append("%s: %s" % (where, msg))


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        bad(path, "not readable JSON: %s" % e)
        return None


def strings(where, v, field, allow_empty=True):
    if not isinstance(v, list):
        bad(where, "%s is not a list" % field)
        return []
    out = []
    for s in v:
        if not isinstance(s, str) or not s.strip() or s != " ".join(s.split()):
            bad(where, "%s: bad string %r" % (field, s))
        else:
            out.append(s)
    if len(set(out)) != len(out):
        bad(where, "%s has duplicates" % field)
    if not allow_empty and not out:
        bad(where, "%s is empty" % field)
    return out


def iso_codes(root):
    if os.path.exists(ISO):
        with open(ISO, encoding="utf-8") as f:
            return {c["alpha_3"] for c in json.load(f)["3166-1"]}
    # Without iso-codes, the generated countries.json is the reference.
    data = load(os.path.join(root, "data", "gazetteer", "countries.json")) or []
    return {e.get("id") for e in data}


def check_gazetteer(root, codes, roles_ok, names):
    files = sorted(glob.glob(os.path.join(root, "data", "gazetteer", "*.json")))
    if not files:
        bad("data/gazetteer", "no gazetteer files")
    entries = []
    for path in files:
        rel = os.path.relpath(path, root)
        data = load(path)
        if data is None:
            continue
        if not isinstance(data, list):
            bad(rel, "top level is not an array")
            continue
        # One entry a line keeps diffs readable.
        with open(path, encoding="utf-8") as f:
            lines = [l for l in f.read().splitlines() if l.strip() not in ("[", "]")]
        if len(lines) != len(data):
            bad(rel, "expected one entry per line (%d lines, %d entries)" % (len(lines), len(data)))
        for i, e in enumerate(data):
            where = "%s[%d]" % (rel, i)
            if not isinstance(e, dict):
                bad(where, "entry is not an object")
                continue
            where = "%s:%s" % (rel, e.get("id"))
            for k in sorted(set(e) - ENTRY_KEYS):
                bad(where, "unknown field %r" % k)
            for k in ("id", "label", "kind"):
                if not isinstance(e.get(k), str) or not e.get(k):
                    bad(where, "missing or empty %r" % k)
            if e.get("kind") not in KINDS:
                bad(where, "kind %r not one of %s" % (e.get("kind"), sorted(KINDS)))
            eid = e.get("id") or ""
            if e.get("kind") == "country":
                if eid not in codes:
                    bad(where, "country id is not an ISO 3166-1 alpha-3 code")
                if e.get("country") != eid:
                    bad(where, "country entry's country must equal its id")
            elif not SLUG.match(eid):
                bad(where, "id is not a lowercase slug")
            c = e.get("country")
            if c is not None and c not in codes:
                bad(where, "country %r not in iso-codes" % c)
            if isinstance(e.get("label"), str) and e["label"].startswith("the "):
                bad(where, "label starts with lowercase 'the'")
            for field in ("aliases", "demonyms", "metonyms"):
                if field in e:
                    for s in strings(where, e[field], field):
                        if s.lower().startswith("the "):
                            bad(where, "%s %r starts with 'the' (the recognizer absorbs articles)" % (field, s))
                        if field == "aliases" and s.startswith(TITLE_PREFIXES):
                            bad(where, "alias %r starts with a title" % s)
            if "aliases" not in e:
                bad(where, "missing 'aliases' (use [])")
            if e.get("label") in e.get("aliases", []):
                bad(where, "label repeated in aliases")
            if "gender" in e and (e["kind"] != "person" or e["gender"] not in ("m", "f")):
                bad(where, "gender must be 'm' or 'f' on a person")
            if "roles" in e:
                if e["kind"] != "person" or not isinstance(e["roles"], list):
                    bad(where, "roles must be a list on a person")
                else:
                    for r in e["roles"]:
                        if not isinstance(r, dict) or set(r) - {"role", "of", "from", "to"}:
                            bad(where, "bad role %r" % (r,))
                            continue
                        if r.get("role") not in roles_ok:
                            bad(where, "role %r is not a canonical role of titles.json" % r.get("role"))
                        for d in ("from", "to"):
                            if d in r and not (isinstance(r[d], str) and DATE.match(r[d])):
                                bad(where, "role %s date %r is not YYYY[-MM[-DD]]" % (d, r[d]))
                        if "from" in r and "to" in r and r["from"] > r["to"]:
                            bad(where, "role %r ends before it starts" % r["role"])
            entries.append((where, e))

    ids = {}
    for where, e in entries:
        eid = e.get("id")
        if eid in ids:
            bad(where, "id %r also used at %s" % (eid, ids[eid]))
        ids[eid] = where
    for where, e in entries:
        for ref in [e.get("parent")] + [r.get("of") for r in e.get("roles", []) if isinstance(r, dict)]:
            if ref is not None and ref not in ids:
                bad(where, "refers to unknown actor id %r" % ref)
        if e.get("parent") == e.get("id"):
            bad(where, "is its own parent")

    # A surface form (label, alias, demonym, metonym; case-folded) names one actor,
    # unless names.json lists it under ambiguous_aliases with exactly those actors.
    forms = {}
    for where, e in entries:
        for s in [e.get("label", "")] + e.get("aliases", []) + e.get("demonyms", []) + e.get("metonyms", []):
            if isinstance(s, str):
                forms.setdefault(s.casefold(), set()).add(e.get("id"))
    declared = {}
    for a in (names or {}).get("ambiguous_aliases", []):
        declared[a.get("alias", "").casefold()] = set(a.get("actors", []))
    for form, owners in sorted(forms.items()):
        if len(owners) > 1 and declared.get(form) != owners:
            bad("gazetteer", "%r names several actors %s; list it in names.json ambiguous_aliases or fix it"
                % (form, sorted(owners)))
    for form, owners in sorted(declared.items()):
        if forms.get(form, set()) != owners:
            bad("names.json", "ambiguous alias %r is declared for %s but the gazetteer has %s"
                % (form, sorted(owners), sorted(forms.get(form, set()))))
    # A given name is a person cue: it must not be the name of a country or organization.
    other = {}
    for _, e in entries:
        if e.get("kind") != "person":
            for s in [e.get("label", "")] + e.get("aliases", []) + e.get("demonyms", []) + e.get("metonyms", []):
                if isinstance(s, str):
                    other[s.casefold()] = e.get("id")
    gn = (names or {}).get("given_names", {})
    for g in (gn.get("m", []) + gn.get("f", [])) if isinstance(gn, dict) else []:
        if isinstance(g, str) and g.casefold() in other:
            bad("names.json", "given name %r is also a name of %s" % (g, other[g.casefold()]))
    # A title or stop word that is also an actor's name would hide the actor.
    tdoc = load(os.path.join(root, "data", "lexicon", "titles.json"))
    tforms = {f for t in (tdoc or {}).get("titles", []) for f in t.get("forms", [])} if isinstance(tdoc, dict) else set()
    stop = (names or {}).get("stop", {})
    swords = {w for v in stop.values() if isinstance(v, list) for w in v} if isinstance(stop, dict) else set()
    for where, e in entries:
        for s in [e.get("label", "")] + e.get("aliases", []) + e.get("demonyms", []) + e.get("metonyms", []):
            if s in tforms:
                bad(where, "%r is also a title form in titles.json" % s)
            if s in swords:
                bad(where, "%r is also a stop word in names.json" % s)
    for r in (names or {}).get("risky_aliases", []):
        if r.casefold() not in forms:
            bad("names.json", "risky alias %r is not in the gazetteer" % r)
    counts = {}
    for _, e in entries:
        counts[e.get("kind")] = counts.get(e.get("kind"), 0) + 1
    return counts


def check_titles(root):
    rel = "data/lexicon/titles.json"
    d = load(os.path.join(root, rel))
    if not isinstance(d, dict):
        bad(rel, "top level is not an object")
        return set()
    roles = set()
    seen = {}
    for i, t in enumerate(d.get("titles", [])):
        where = "%s titles[%d]" % (rel, i)
        if set(t) - {"forms", "kind", "role", "complement", "preps", "position", "gender"}:
            bad(where, "unknown fields %s" % sorted(set(t) - {"forms", "kind", "role", "complement", "preps", "position", "gender"}))
        for f in strings(where, t.get("forms"), "forms", allow_empty=False):
            if f in seen:
                bad(where, "form %r already in titles[%d]" % (f, seen[f]))
            seen[f] = i
        kind = t.get("kind")
        if kind not in ("courtesy", "honorific", "rank", "role"):
            bad(where, "kind %r" % kind)
        if kind in ("courtesy", "honorific"):
            if t.get("role") is not None or t.get("complement") != "none":
                bad(where, "a %s title has no role and no complement" % kind)
        elif not isinstance(t.get("role"), str) or not t["role"]:
            bad(where, "a %s needs a canonical role" % kind)
        else:
            roles.add(t["role"])
        if t.get("complement") not in ("country", "org", "any", "person", "none"):
            bad(where, "complement %r" % t.get("complement"))
        strings(where, t.get("preps", []), "preps")
        if t.get("position") not in ("pre", "post", "both"):
            bad(where, "position %r" % t.get("position"))
        if "gender" in t and t["gender"] not in ("m", "f"):
            bad(where, "gender %r" % t["gender"])
    for w in strings(rel, d.get("weak_forms", []), "weak_forms"):
        if w not in seen:
            bad(rel, "weak form %r is not a title form" % w)
    prefixes = []
    for i, p in enumerate(d.get("role_prefixes", [])):
        strings("%s role_prefixes[%d]" % (rel, i), p.get("forms"), "forms", allow_empty=False)
        if not isinstance(p.get("role_prefix"), str):
            bad(rel, "role_prefixes[%d] needs role_prefix" % i)
        else:
            prefixes.append(p["role_prefix"])
    for i, m in enumerate(d.get("modifiers", [])):
        strings("%s modifiers[%d]" % (rel, i), m.get("forms"), "forms", allow_empty=False)
        if m.get("time") not in ("past", "current", "future", None):
            bad(rel, "modifiers[%d] time %r" % (i, m.get("time")))
    for i, x in enumerate(d.get("descriptions", [])):
        where = "%s descriptions[%d]" % (rel, i)
        strings(where, x.get("forms"), "forms", allow_empty=False)
        for r in strings(where, x.get("roles"), "roles", allow_empty=False):
            if r not in roles:
                bad(where, "role %r is not a canonical role" % r)
    cue_seen = {}
    for i, o in enumerate(d.get("org_cues", [])):
        where = "%s org_cues[%d]" % (rel, i)
        for f in strings(where, o.get("forms"), "forms", allow_empty=False):
            if f in cue_seen:
                bad(where, "form %r already in org_cues[%d]" % (f, cue_seen[f]))
            cue_seen[f] = i
        if not isinstance(o.get("category"), str):
            bad(where, "missing category")
        w = o.get("where")
        if not isinstance(w, list) or not w or set(w) - {"start", "end"}:
            bad(where, "where must list 'start' and/or 'end'")
    strings(rel, d.get("state_nouns", []), "state_nouns", allow_empty=False)
    names_doc = load(os.path.join(root, "data", "lexicon", "names.json"))
    for ph in (names_doc or {}).get("place_heads", []) if isinstance(names_doc, dict) else []:
        if ph in cue_seen:
            bad(rel, "org cue %r is also a place head in names.json" % ph)
    strings(rel, d.get("anonymous_agents", []), "anonymous_agents", allow_empty=False)
    # A role may also be written with a prefix: "deputy head of political bureau".
    return roles | {"%s %s" % (p, r) for p in prefixes for r in roles} | {"%s%s" % (p, r) for p in prefixes if p.endswith("-") for r in roles}


def check_names(root):
    rel = "data/lexicon/names.json"
    d = load(os.path.join(root, rel))
    if not isinstance(d, dict):
        bad(rel, "top level is not an object")
        return None
    seen = set()
    for i, p in enumerate(d.get("particles", [])):
        where = "%s particles[%d]" % (rel, i)
        if not isinstance(p.get("form"), str) or not p["form"]:
            bad(where, "missing form")
        elif p["form"] in seen:
            bad(where, "duplicate particle %r" % p["form"])
        seen.add(p.get("form"))
        if p.get("attach") not in ("space", "hyphen", "infix", "apostrophe", "prefix", "family"):
            bad(where, "attach %r" % p.get("attach"))
    strings(rel, d.get("name_suffixes", []), "name_suffixes")
    pforms = set()
    for i, p in enumerate(d.get("pronouns", [])):
        where = "%s pronouns[%d]" % (rel, i)
        f = p.get("form")
        if not isinstance(f, str) or f != f.lower() or f in pforms:
            bad(where, "form must be a unique lowercase word")
        pforms.add(f)
        if p.get("gender") not in ("m", "f", "n", None):
            bad(where, "gender %r" % p.get("gender"))
        if p.get("number") not in ("sg", "pl", None):
            bad(where, "number %r" % p.get("number"))
        for k in p.get("kinds", []):
            if k not in KINDS:
                bad(where, "kind %r" % k)
    for need in ("he", "him", "his", "she", "her", "they", "them", "their", "it", "its", "who", "whom", "whose"):
        if need not in pforms:
            bad(rel, "pronoun %r missing" % need)
    stop = d.get("stop")
    if not isinstance(stop, dict) or not stop:
        bad(rel, "stop must be an object of word lists")
    else:
        for k, v in stop.items():
            strings("%s stop.%s" % (rel, k), v, k, allow_empty=False)
        allstop = {w for v in stop.values() if isinstance(v, list) for w in v}
        for w in ("Monday", "May", "Source", "Read", "Photo", "Updated", "Breaking", "Exclusive", "Video", "Advertisement", "The", "President"):
            if w not in allstop:
                bad(rel, "stop list lacks %r" % w)
    strings(rel, d.get("bare_heads", []), "bare_heads")
    # The stop lists cut capitalized runs: an organization head word there would
    # split "Foreign Ministry" (those belong in bare_heads).
    if isinstance(stop, dict):
        for w in d.get("bare_heads", []):
            for k, v in stop.items():
                if isinstance(v, list) and w in v:
                    bad(rel, "bare head %r is also in stop.%s" % (w, k))
    gn = d.get("given_names", {})
    if not isinstance(gn, dict) or set(gn) - {"m", "f"}:
        bad(rel, "given_names must be an object with lists m and f")
    else:
        m = set(strings(rel, gn.get("m", []), "given_names.m"))
        f = set(strings(rel, gn.get("f", []), "given_names.f"))
        for n in sorted(m & f):
            bad(rel, "given name %r listed as both m and f" % n)
    strings(rel, d.get("place_heads", []), "place_heads")
    for i, a in enumerate(d.get("ambiguous_aliases", [])):
        if not isinstance(a.get("alias"), str) or len(a.get("actors", [])) < 2:
            bad(rel, "ambiguous_aliases[%d] needs an alias and two or more actors" % i)
    strings(rel, d.get("risky_aliases", []), "risky_aliases")
    for i, c in enumerate(d.get("country_descriptions", [])):
        where = "%s country_descriptions[%d]" % (rel, i)
        if not isinstance(c, dict) or not c.get("forms"):
            bad(where, "needs forms")
            continue
        strings(where, c["forms"], "forms", allow_empty=False)
        for code in c.get("countries", []):
            if not isinstance(code, str) or len(code) != 3 or not code.isupper():
                bad(where, "country %r is not an ISO alpha-3 code" % code)
    return d


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    codes = iso_codes(root)
    roles = check_titles(root)
    names = check_names(root)
    counts = check_gazetteer(root, codes, roles, names)
    for p in problems:
        print("FAIL", p)
    if problems:
        print("%d problem(s)" % len(problems))
        return 1
    print("ok: %s" % ", ".join("%d %s" % (v, k) for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
