#!/usr/bin/env python3
"""Synthetic predictions for the score.py parity test.

Usage: synth.py GOLD_DIR OUT_DIR SEED

Writes OUT_DIR/{exact,noisy,variants,wrong,empty}.jsonl (events JSONL) and
OUT_DIR/{noisy,variants}.graph.json (node-link graphs) derived from the gold:
dropped events, wrong ones, label variants (titles, case, accents, NFKC
forms, Cyrillic and Greek look-alikes, possessives, several names in one
label), swapped directions, right and wrong dates, duplicates, records of
other documents and document records. Deterministic for a given SEED.
Also writes OUT_DIR/edge/ : a small gold set of its own with the corner
cases of key matching, and OUT_DIR/edge.jsonl, edge.graph.json against it.
"""
import json
import os
import random
import sys

CYR = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у",
       "i": "і", "s": "ѕ", "A": "А", "E": "Е", "O": "О", "P": "Р", "C": "С",
       "H": "Н", "K": "К", "M": "М", "T": "Т", "B": "В"}
GREEK = {"o": "ο", "a": "α", "i": "ι", "v": "ν", "A": "Α", "E": "Ε", "O": "Ο",
         "N": "Ν", "T": "Τ"}
ACCENT = {"a": "á", "e": "é", "o": "ö", "u": "ü", "i": "í", "n": "ñ", "c": "ç",
          "g": "ğ", "s": "ş"}
TYPES = ["call", "meet", "praise", "accuse", "criticize", "threaten", "support",
         "message", "brief", "attack"]
TITLES = ["Foreign Minister", "President", "the leader of", "Prime Minister",
          "spokesman", "Gen.", "Sheikh"]


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def variant(rng, actors, aid, style):
    keys = actors[aid]["keys"]
    key = rng.choice(keys)
    if style == "key":
        return key
    if style == "title":
        return " ".join(w.capitalize() for w in key.split())
    if style == "upper":
        return key.upper()
    if style == "cyr":
        return "".join(CYR.get(c, c) for c in key.title())
    if style == "greek":
        return "".join(GREEK.get(c, c) for c in key.title())
    if style == "accent":
        return "".join(ACCENT.get(c, c) if rng.random() < 0.5 else c for c in key)
    if style == "fullwidth":
        return fullwidth(key.title())
    if style == "role":
        return rng.choice(TITLES) + " " + key.title()
    if style == "poss":
        return key.title() + "'s government"
    if style == "punct":
        return "«" + key.title() + "»,\u00a0(" + key + ")!"
    if style == "combo":  # another actor first: the last key should win
        other = rng.choice(list(actors))
        return actors[other]["keys"][0].title() + " leader " + key.title()
    if style == "combo_rev":
        other = rng.choice(list(actors))
        return key.title() + " and " + actors[other]["keys"][0].title()
    if style == "hyphen":
        return key.replace(" ", "-").title()
    if style == "object_name":
        return {"name": key.title()}
    if style == "object_id":
        return {"id": key, "kind": "person"}
    if style == "object_label":
        return {"label": key.title(), "id": "x-" + aid, "kind": "country"}
    raise ValueError(style)


STYLES = ["key", "title", "upper", "cyr", "greek", "accent", "fullwidth", "role",
          "poss", "punct", "combo", "combo_rev", "hyphen", "object_name", "object_id",
          "object_label"]


def event(doc, etype, src, dst, date=None, **extra):
    e = {"record": "event", "doc": doc, "type": etype,
         "source": src if isinstance(src, dict) else {"label": src, "kind": "person"},
         "target": dst if isinstance(dst, dict) else dst,
         "directed": etype not in ("call", "meet"), "date": date}
    e.update(extra)
    return e


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def wrong_date(rng, date):
    if not date:
        return rng.choice([None, "2024-01-01", "2023"])
    return rng.choice([date[:4], date[:7], "1999-01-01", date, None])


def graph_of(rng, events, actors, extra_nodes):
    seen, nodes = set(), []
    for e in events:
        for side in ("source", "target"):
            lab = e[side]
            if isinstance(lab, dict):
                lab = lab.get("label") or lab.get("name") or lab.get("id")
            if lab in seen:
                continue
            seen.add(lab)
            nodes.append({"id": "n%d" % len(nodes), "label": lab, "kind": "person"})
    ids = list(actors)
    for _ in range(extra_nodes):
        a, b = rng.choice(ids), rng.choice(ids)
        nodes.append({"id": "m%d" % len(nodes),
                      "label": actors[a]["keys"][0].title() + " / " + actors[b]["keys"][-1]})
    nodes.append({"name": "Nobody Known"})
    nodes.append({"id": ids[0]})
    nodes.append("Ünïcode Ωmega\u00a0tab\there 'quoted'")
    nodes.append({"label": 'say "hi" it\'s'})
    nodes.append({"label": None, "name": 42})
    rng.shuffle(nodes)
    return {"directed": True, "multigraph": True, "graph": {}, "nodes": nodes,
            "links": []}


def main():
    gold_dir, out, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    actors = json.load(open(os.path.join(gold_dir, "actors.json"), encoding="utf-8"))
    gold = [json.loads(l) for l in open(os.path.join(gold_dir, "events.jsonl"),
                                        encoding="utf-8") if l.strip()]
    ids = list(actors)
    docs = sorted({g["doc"] for g in gold})
    docrecs = [{"record": "document", "id": d, "date": None, "actors": []} for d in docs]

    # exact: every gold event (optional ones too) with a key as label
    write_jsonl(os.path.join(out, "exact.jsonl"), docrecs + [
        event(g["doc"], g["type"], actors[g["source"]]["keys"][0],
              actors[g["target"]]["keys"][0], g.get("date")) for g in gold])

    # noisy: drops, swaps, variants, wrong events, dates, duplicates
    noisy = list(docrecs)
    for g in gold:
        if rng.random() < 0.3:
            continue
        s, t = g["source"], g["target"]
        if g["type"] in ("call", "meet") and rng.random() < 0.4:
            s, t = t, s
        elif rng.random() < 0.1:
            s, t = t, s
        style = rng.choice(STYLES)
        e = event(g["doc"], g["type"], variant(rng, actors, s, style),
                  variant(rng, actors, t, rng.choice(STYLES)), wrong_date(rng, g.get("date")))
        noisy.append(e)
        if rng.random() < 0.2:
            noisy.append(dict(e, date=g.get("date")))
    for _ in range(25):
        d = rng.choice(docs)
        a, b = rng.choice(ids), rng.choice(ids)
        noisy.append(event(d, rng.choice(TYPES), variant(rng, actors, a, rng.choice(STYLES)),
                           variant(rng, actors, b, "key"), rng.choice([None, "2024-03-04"])))
    for _ in range(6):
        d = rng.choice(docs)
        noisy.append(event(d, rng.choice(TYPES), rng.choice(["the Kenyan leader", "Officials",
                                                            "", "???", "Zxqvw Group"]),
                           variant(rng, actors, rng.choice(ids), "key")))
    noisy.append(event("not-a-gold-doc", "meet", actors[ids[0]]["keys"][0],
                       actors[ids[-1]]["keys"][0]))
    noisy.append(event(docs[0], "Meet", actors[ids[0]]["keys"][0], actors[ids[-1]]["keys"][0]))
    noisy.append({"doc": docs[0], "type": "praise", "source": 17, "target": ["x"]})
    noisy.append({"doc": docs[-1], "type": "accuse", "source": {"label": 5, "name": ids[1]},
                  "target": {}, "date": 20240101})
    rng.shuffle(noisy)
    write_jsonl(os.path.join(out, "noisy.jsonl"), noisy)
    with open(os.path.join(out, "noisy.graph.json"), "w", encoding="utf-8") as f:
        json.dump(graph_of(rng, [e for e in noisy if e.get("record") == "event"
                                 and isinstance(e.get("source"), (str, dict))
                                 and isinstance(e.get("target"), (str, dict))],
                           actors, 8), f, ensure_ascii=False)

    # variants: every required event, every label style in turn
    var = []
    for i, g in enumerate(g for g in gold if not g.get("optional")):
        var.append(event(g["doc"], g["type"],
                         variant(rng, actors, g["source"], STYLES[i % len(STYLES)]),
                         variant(rng, actors, g["target"], STYLES[(i * 7 + 3) % len(STYLES)]),
                         g.get("date")))
    write_jsonl(os.path.join(out, "variants.jsonl"), var)
    with open(os.path.join(out, "variants.graph.json"), "w", encoding="utf-8") as f:
        json.dump(graph_of(rng, var, actors, 3), f, ensure_ascii=True)

    # wrong: only spurious events; empty: no events at all
    write_jsonl(os.path.join(out, "wrong.jsonl"), [
        event(rng.choice(docs), rng.choice(TYPES), "Unknown Person %d" % i,
              actors[rng.choice(ids)]["keys"][0]) for i in range(10)])
    write_jsonl(os.path.join(out, "empty.jsonl"), docrecs)

    # edge: a gold set of its own for the corner cases of matching
    edge = os.path.join(out, "edge")
    os.makedirs(edge, exist_ok=True)
    with open(os.path.join(edge, "actors.json"), "w", encoding="utf-8") as f:
        json.dump({
            "iran": {"keys": ["iran", "islamic republic", "tehran"], "kind": "country"},
            "irna": {"keys": ["islamic republic news agency", "irna"], "kind": "organization"},
            "twin_a": {"keys": ["twin"], "kind": "person"},
            "twin_b": {"keys": ["twin"], "kind": "person"},
            "wang_yi": {"keys": ["wang yi", "wang"], "kind": "person"},
            "yi": {"keys": ["yi"], "kind": "person"},
            "us": {"keys": ["u.s.", "united states", "washington"], "kind": "country"},
            "erdogan": {"keys": ["Erdoğan"], "kind": "person"},
            "aa": {"keys": ["a a"], "kind": "person"},
            "zeta": {"keys": ["ζeta", "zeta"], "kind": "person"},
            # one actor per Latin letter, for the look-alike sweep below
            **{"fold_" + c: {"keys": ["q%sq" % c], "kind": "person"}
               for c in "abcdefghijklmnopqrstuvwxyz"},
        }, f, ensure_ascii=False, indent=1)
    write_jsonl(os.path.join(edge, "events.jsonl"), [
        {"doc": "e1", "type": "call", "source": "iran", "target": "irna", "optional": False,
         "date": "2024-03-04"},
        {"doc": "e1", "type": "call", "source": "irna", "target": "iran", "optional": False,
         "date": "2024-03-05"},
        {"doc": "e1", "type": "meet", "source": "twin_a", "target": "wang_yi", "optional": True},
        {"doc": "e1", "type": "meet", "source": "wang_yi", "target": "twin_a", "optional": False},
        {"doc": "e1", "type": "praise", "source": "us", "target": "erdogan", "optional": 0,
         "date": 2024},
        {"doc": "e2", "type": "accuse", "source": "aa", "target": "yi", "optional": "yes"},
        {"doc": "e2", "type": "threaten", "source": "zeta", "target": "us", "optional": None,
         "date": "2023-11"},
        {"doc": "e2", "type": "attack", "source": "us", "target": "zeta", "optional": False,
         "date": ""},
        {"doc": "e3", "type": "brief", "source": "iran", "target": "us", "optional": True},
    ])
    write_jsonl(os.path.join(out, "edge.jsonl"), [
        event("e1", "call", "Islamic Republic News Agency", "Tehran", "2024-03-04"),
        event("e1", "call", "IRNA", "the Islamic Republic", "2024-03-05"),
        event("e1", "meet", "Twin", "Wang Yi", None),
        event("e1", "meet", "Wang", "TWIN", None),
        event("e1", "praise", "U.S.", "President Erdogan", "2024"),
        event("e1", "praise", "the U S", "ERDOĞAN", None),
        event("e2", "accuse", "A A A", "Yi", None),
        event("e2", "threaten", "Ζeta", "Washington, D.C.", "2023-11"),
        event("e2", "threaten", "zeta", "Washington", "2023-11-02"),
        event("e2", "attack", "United States", "ZETA", None),
        event("e2", "attack", "Wang Yi Yi", "Iran Irna", None),
        event("e3", "brief", "Iran", "US", None),
        event("e3", "support", "", "Iran", None),
        {"doc": "e3", "type": "support", "source": "Iran"},
    ])
    with open(os.path.join(out, "edge.graph.json"), "w", encoding="utf-8") as f:
        json.dump({"nodes": [{"label": l} for l in [
            "Iran", "Tehran", "Islamic Republic News Agency", "IRNA and Tehran", "Twin",
            "Wang Yi", "Yi", "Wang Yi Yi", "a a a", "Washington", "U.S.", "Erdoğan's party",
            "ζeta", "Nobody"]] +
            # every Greek and Cyrillic code point between two q's: which of
            # them fold to a Latin letter shows in the fragmented lists
            [{"label": "q%sq" % chr(cp)} for cp in range(0x370, 0x530)]},
            f, ensure_ascii=False)


if __name__ == "__main__":
    main()
