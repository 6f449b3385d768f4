#!/usr/bin/env python3
"""gen_events.py: a synthetic events JSONL (the input of `actornet build`)
with N events, for measuring build's time and memory (issue 7).

Deterministic by seed. Documents carry ~10 events each over a pool of
actors (persons with given name + surname, organizations, countries), so
the cross-document join and the aggregation both do real work.

  bench/gen_events.py --events 200000 --actors 5000 --seed 1 -o ev.jsonl
"""
import argparse
import itertools
import json
import random
import sys

GIVEN = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hassan", "Ines", "Jonas",
         "Karim", "Lena", "Mateo", "Nadia", "Omar", "Paula", "Quentin", "Rosa", "Samir", "Tara",
         "Umar", "Vera", "Walid", "Xenia", "Yusuf", "Zara"]
SUR_A = ["Ab", "Bel", "Cor", "Dan", "Er", "Fal", "Gor", "Hal", "Ist", "Jor", "Kel", "Lom", "Mar",
         "Nor", "Ol", "Pet", "Ruv", "Sal", "Tor", "Ul", "Var", "Wen", "Yel", "Zor"]
SUR_B = ["ani", "berg", "chenko", "dottir", "escu", "field", "gard", "hoff", "ides", "jian", "kov",
         "lund", "mann", "nova", "opoulos", "quist", "rossi", "sson", "tani", "vic", "wright"]
ORG_A = ["North", "South", "United", "Free", "National", "People's", "Central", "Eastern", "Western"]
ORG_B = ["Alliance", "Front", "Council", "Party", "Union", "Movement", "Authority", "Bank", "Agency"]
TYPES = [("call", "041", "CONSULT", False), ("meet", "043", "CONSULT", False),
         ("praise", "051", "COOPERATE", True), ("accuse", "112", "ACCUSE", True),
         ("criticize", "111", "DISAPPROVE", True), ("threaten", "138", "THREATEN", True),
         ("support", "052", "SUPPORT", True), ("message", "040", "CONSULT", True),
         ("brief", "042", "CONSULT", True), ("attack", "190", "ASSAULT", True)]
OUTLETS = ["Harbor Post", "Daily Ledger", "Evening Wire", "Coast Times", "Metro Herald"]


def slug(s):
    out, dash = [], False
    for ch in s.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def make_actors(n, rnd):
    actors, seen = [], set()
    while len(actors) < n:
        r = rnd.random()
        if r < 0.7:
            given, sur = rnd.choice(GIVEN), rnd.choice(SUR_A) + rnd.choice(SUR_B) + rnd.choice(["", "a", "o", "i", "en", "ar"])
            label, kind, key = f"{given} {sur}", "person", f"{sur.lower()}|{given.lower()}"
            aliases = [label, sur]
        elif r < 0.95:
            label = f"{rnd.choice(ORG_A)} {rnd.choice(SUR_A)}{rnd.choice(SUR_B)} {rnd.choice(ORG_B)}"
            kind, key, aliases = "organization", None, [label]
        else:
            label = rnd.choice(SUR_A) + rnd.choice(SUR_B) + "land"
            kind, key, aliases = "country", None, [label]
        aid = slug(label)
        if aid in seen:
            continue
        seen.add(aid)
        actors.append({"id": aid, "label": label, "kind": kind, "key": key, "aliases": aliases})
    return actors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=200000)
    ap.add_argument("--actors", type=int, default=0, help="default: events / 40, at least 50, at most 50000")
    ap.add_argument("--per-doc", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", default="-")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    # The name pools give about 120000 distinct actors: more would never be
    # drawn (make_actors would not end).
    if a.actors > 100000:
        sys.exit("gen_events.py: at most 100000 actors")
    actors = make_actors(a.actors or min(50000, max(50, a.events // 40)), rnd)
    out = sys.stdout if a.output == "-" else open(a.output, "w", encoding="utf-8")
    # Popularity is skewed (a few actors are in many documents), as in news.
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(actors))]
    # Cumulative once: choices() would sum all weights per document (same draws).
    cum = list(itertools.accumulate(weights))
    done, d = 0, 0
    while done < a.events:
        d += 1
        doc = f"b{d:08d}"
        date = f"20{20 + d % 6:02d}-{1 + d % 12:02d}-{1 + d % 28:02d}"
        outlet = OUTLETS[d % len(OUTLETS)]
        k = min(a.per_doc, a.events - done)
        cast = rnd.choices(actors, cum_weights=cum, k=min(len(actors), 2 + k // 2))
        cast = list({c["id"]: c for c in cast}.values())
        if len(cast) < 2:
            cast = actors[:2]
        recs = [{"id": c["id"], "label": c["label"], "kind": c["kind"], "country": None,
                 "aliases": c["aliases"], "mentions": rnd.randint(1, 6), "key": c["key"]} for c in cast]
        affs = []
        persons = [c for c in cast if c["kind"] == "person"]
        orgs = [c for c in cast if c["kind"] == "organization"]
        if persons and orgs and rnd.random() < 0.3:
            affs.append({"person": persons[0]["id"], "org": orgs[0]["id"], "role": "leader"})
        out.write(json.dumps({"record": "document", "id": doc, "date": date, "outlet": outlet,
                              "url": f"https://example.org/{doc}", "title": f"Story {doc}",
                              "actors": recs, "affiliations": affs}) + "\n")
        for j in range(k):
            s, t = rnd.sample(cast, 2)
            typ, cameo, plover, directed = rnd.choice(TYPES)
            off = 40 + 120 * j
            sentence = f"{s['label']} {typ} {t['label']} in sentence {j} of {doc}."
            out.write(json.dumps({
                "record": "event", "id": f"{d:010x}{j:06x}", "doc": doc, "type": typ,
                "source": {"id": s["id"], "label": s["label"], "kind": s["kind"]},
                "target": {"id": t["id"], "label": t["label"], "kind": t["kind"]},
                "directed": directed, "date": date, "date_text": None, "outlet": outlet, "url": None,
                "attributed_to": None if j % 3 else "Agency Wire", "sentence": sentence,
                "offsets": [off, off + len(sentence)], "trigger": typ, "confidence": 0.8,
                "cameo": cameo, "plover": plover}) + "\n")
            done += 1
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
