#!/usr/bin/env python3
"""Generate data/gazetteer/countries.json from Debian's iso-codes.

Every ISO 3166-1 entry becomes one country actor (id = alpha-3). Names come
from iso-codes (name, common_name, official_name); the hand-kept
data/gazetteer/src/country_extras.json adds the common English label, short
names, demonyms and metonyms. Output is deterministic (sorted by id, one
entry a line) so CI can diff a regenerated copy with the committed one.

Usage: gen_countries.py [--iso FILE] [--extras FILE] [-o OUT]
Standard library only.
"""
import argparse
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
DEFAULT_EXTRAS = os.path.join(ROOT, "data", "gazetteer", "src", "country_extras.json")
DEFAULT_OUT = os.path.join(ROOT, "data", "gazetteer", "countries.json")
EXTRA_KEYS = {"label", "aliases", "demonyms", "metonyms", "drop"}


def fold(s):
    """ASCII spelling of s: accents dropped (Côte -> Cote, Türkiye -> Turkiye)."""
    nfkd = unicodedata.normalize("NFKD", s)
    return "".join(c for c in nfkd if not unicodedata.combining(c))


def strip_the(s):
    # Aliases never start with "the": the recognizer absorbs an article.
    for art in ("the ", "The "):
        if s.startswith(art):
            return s[len(art):]
    return s


def inverted(s):
    # iso-codes' sorted forms ("Korea, Republic of") and qualified forms
    # ("Saint Martin (French part)") are not how text writes a name.
    return "," in s or "(" in s


def uniq(seq, skip=()):
    seen = set(skip)
    out = []
    for s in seq:
        s = " ".join(s.split())
        if s and s not in seen:
            seen.add(s)
            out.append(s)
    return out


def with_folded(names):
    out = []
    for n in names:
        out.append(n)
        f = fold(n)
        if f != n:
            out.append(f)
    return out


def build(iso, extras):
    entries = []
    codes = set()
    for c in iso["3166-1"]:
        a3 = c["alpha_3"]
        codes.add(a3)
        x = extras.get(a3, {})
        bad = set(x) - EXTRA_KEYS
        if bad:
            raise SystemExit("country_extras.json: %s: unknown keys %s" % (a3, sorted(bad)))
        drop = set(x.get("drop", []))
        label = x.get("label") or c.get("common_name") or c["name"]
        if "label" not in x and inverted(label):
            raise SystemExit("%s: iso-codes name %r needs a label in country_extras.json" % (a3, label))
        iso_names = [c.get("common_name", ""), c["name"], c.get("official_name", "")]
        iso_names = [strip_the(n) for n in iso_names if n and not inverted(n) and n not in drop]
        aliases = uniq(with_folded([strip_the(a) for a in x.get("aliases", [])] + iso_names),
                       skip={label})
        demonyms = uniq(with_folded(x.get("demonyms", [])))
        metonyms = uniq(with_folded([strip_the(m) for m in x.get("metonyms", [])]))
        entries.append({
            "id": a3,
            "label": label,
            "kind": "country",
            "aliases": aliases,
            "demonyms": demonyms,
            "metonyms": metonyms,
            "country": a3,
        })
    unknown = sorted(k for k in extras if not k.startswith("_") and k not in codes)
    if unknown:
        raise SystemExit("country_extras.json: codes not in iso-codes: %s" % unknown)
    entries.sort(key=lambda e: e["id"])
    return entries


def dump(entries):
    lines = [json.dumps(e, ensure_ascii=False, separators=(", ", ": ")) for e in entries]
    return "[\n" + ",\n".join(lines) + "\n]\n"


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iso", default=DEFAULT_ISO)
    ap.add_argument("--extras", default=DEFAULT_EXTRAS)
    ap.add_argument("-o", "--output", default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    with open(args.iso, encoding="utf-8") as f:
        iso = json.load(f)
    with open(args.extras, encoding="utf-8") as f:
        extras = json.load(f)
    text = dump(build(iso, extras))
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
