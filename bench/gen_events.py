#!/usr/bin/env python3
"""gen_events.py: an events JSONL file (the output format of `actornet
extract`) of N events, written directly, for measuring `actornet build` at
sizes extraction would take long to reach (issue 7: 10 million events).

Events are spread over documents of EVENTS_PER_DOC events; their (source,
target) pairs come from a fixed set of PAIRS pairs among ACTORS actors, so
the aggregated graph stops growing while the events keep coming: `build`
memory should follow actors + aggregated edges, not events.
Deterministic by seed. Standard library only.

  gen_events.py --events 10000000 -o /tmp/ev10M.jsonl
"""
import argparse
import json
import random
import sys

TYPES = [("call", "040", "CONSULT", False), ("meet", "043", "CONSULT", False),
         ("praise", "051", "COOPERATE", True), ("accuse", "112", "ACCUSE", True),
         ("criticize", "111", "ACCUSE", True), ("threaten", "130", "THREATEN", True),
         ("support", "050", "COOPERATE", True), ("message", "010", "CONSULT", True),
         ("brief", "010", "CONSULT", True), ("attack", "190", "ASSAULT", True)]
KINDS = ["person", "organization", "country"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=1000000)
    ap.add_argument("--actors", type=int, default=5000)
    ap.add_argument("--pairs", type=int, default=50000)
    ap.add_argument("--per-doc", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", default="-")
    a = ap.parse_args()
    r = random.Random(a.seed)
    actors = [{"id": "actor-%d" % i, "label": "Actor %d" % i, "kind": KINDS[i % 3]} for i in range(a.actors)]
    pairs = []
    while len(pairs) < a.pairs:
        s, t = r.randrange(a.actors), r.randrange(a.actors)
        if s != t:
            pairs.append((s, t))
    out = sys.stdout if a.output == "-" else open(a.output, "w")
    w = out.write
    n = 0
    doc = 0
    while n < a.events:
        did = "g%08d" % doc
        date = "20%02d-%02d-%02d" % (10 + doc % 15, 1 + doc % 12, 1 + doc % 28)
        k = min(a.per_doc, a.events - n)
        evs = [(pairs[r.randrange(a.pairs)], TYPES[r.randrange(len(TYPES))]) for _ in range(k)]
        ids = sorted({x for (p, _) in evs for x in p})
        w(json.dumps({"record": "document", "id": did, "date": date, "outlet": "Gen", "url": None, "title": None,
                      "actors": [dict(actors[i], country=None, aliases=[actors[i]["label"]], mentions=1, key=None)
                                 for i in ids], "affiliations": []}, separators=(",", ":")) + "\n")
        for j, ((s, t), (ty, cameo, plover, directed)) in enumerate(evs):
            w(json.dumps({"record": "event", "id": "%016x" % (n + j), "doc": did, "type": ty,
                          "source": actors[s], "target": actors[t], "directed": directed, "date": date,
                          "date_text": None, "outlet": "Gen", "url": None, "attributed_to": None,
                          "sentence": "%s %s %s." % (actors[s]["label"], ty, actors[t]["label"]),
                          "offsets": [0, 30], "trigger": ty, "confidence": 0.8, "cameo": cameo,
                          "plover": plover}, separators=(",", ":")) + "\n")
        n += k
        doc += 1
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
