#!/usr/bin/env python3
"""Checks `actornet actors --format json` output against a gold directory
the way score.py --graph checks a graph: every gold actor taking part in a
required gold event must match exactly one actor node (no split), and no
node may match several gold actors (no over-merge). Label matching is
score.py's own (imported from SCORE_PY); an organization node is not counted as
a gold person or country it is named after.

Usage: check_actors.py SCORE_PY GOLD_DIR ACTORS.json
Prints the findings; exit 0 when there are no splits and no over-merges."""
import importlib.util
import json
import sys


def main():
    score_py, gold_dir, actors_json = sys.argv[1:4]
    spec = importlib.util.spec_from_file_location("score", score_py)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    table = json.load(open(f"{gold_dir}/actors.json", encoding="utf-8"))
    gold = score.Actors(table)
    required = set()
    for line in open(f"{gold_dir}/events.jsonl", encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        ev = json.loads(line)
        if not ev.get("optional"):
            required.update((ev["source"], ev["target"]))
    nodes = json.load(open(actors_json, encoding="utf-8"))["actors"]
    per_actor, over = {}, []
    for node in nodes:
        found = gold.matches(node["label"])
        best = gold.resolve(node["label"])
        # an organization named after a person or a country ("the Karin Holt
        # Foundation", a "Norway Daily" newspaper) is another actor, not a
        # split of it (score.py --graph on the built graph still checks the
        # nodes that take part in events)
        if best and table[best].get("kind") in ("person", "country") and node.get("kind") == "organization":
            best = None
        if best:
            per_actor.setdefault(best, []).append(node["label"])
        if len(found) > 1:
            over.append((node["label"], sorted(found)))
    split = {a: l for a, l in per_actor.items() if len(l) > 1 and a in required}
    missing = sorted(a for a in required if a not in per_actor)
    for a, labels in sorted(split.items()):
        print(f"split: {a}: {labels}")
    for label, ids in over:
        print(f"over-merged: {label}: {ids}")
    for a in missing:
        print(f"missing: {a}")
    print(f"{len(nodes)} actors; {len(required)} gold actors in required events; "
          f"{len(split)} split, {len(over)} over-merged, {len(missing)} missing")
    return 1 if split or over else 0


if __name__ == "__main__":
    sys.exit(main())
