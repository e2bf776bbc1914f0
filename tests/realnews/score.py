#!/usr/bin/env python3
"""Scores the real-news corpus conflict by conflict, each with its own plain
gazetteer (`--ontology CONFLICT/`), through `actorgraph eval`.

    python3 tests/realnews/score.py                 # every conflict, a table
    python3 tests/realnews/score.py --details gaza  # one conflict, with its errors
    python3 tests/realnews/score.py --json          # the figures as JSON

The article texts must first be re-created in docs/ (see README.md).
Standard library only.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
# Which conflicts tune the rules and which only measure them (README.md).
SPLIT = {
    "drc": "dev", "gaza": "dev", "libya": "dev", "myanmar": "dev", "ukraine": "dev", "yemen": "dev",
    "tigray": "test", "venezuela": "test",
}


def evaluate(binary, conflict):
    folder = os.path.join(HERE, conflict)
    docs = os.path.join(HERE, "docs", conflict)
    if not os.path.isdir(docs) or not os.listdir(docs):
        sys.exit(f"score.py: no article texts in {docs}; re-create them first (see README.md)")
    cmd = [binary, "--ontology", folder, "eval", "--format", "json",
           "--aliases", os.path.join(folder, "aliases.tsv"),
           "--gold", os.path.join(folder, "gold.tsv"),
           "--mentions", os.path.join(folder, "mentions.tsv"), docs + "/"]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"score.py: {' '.join(cmd)} failed:\n{out.stderr}")
    return json.loads(out.stdout)


def row(name, r):
    f, e, m = r["facts"], r["explicit"], r["mentions"]
    return (f"| {name} | {SPLIT.get(name, '')} | {r['documents']} | {f['precision']:.3f} | {e['recall']:.3f} | "
            f"**{e['f1']:.3f}** | {f['f1']:.3f} | {m['f1']:.3f} | {len(r['duplicate_entities'])} |")


def pooled(reports):
    """Micro-averaged figures over several conflicts."""
    def add(key):
        tp = sum(r[key]["tp"] for r in reports)
        fp = sum(r[key]["fp"] for r in reports)
        fn = sum(r[key]["fn_"] if "fn_" in r[key] else r[key]["fn"] for r in reports)
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        return {"precision": p, "recall": rc, "f1": 2 * p * rc / (p + rc) if p + rc else 0.0, "tp": tp, "fp": fp, "fn": fn}
    return {"documents": sum(r["documents"] for r in reports), "facts": add("facts"), "explicit": add("explicit"),
            "mentions": add("mentions"), "duplicate_entities": [d for r in reports for d in r["duplicate_entities"]]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("conflicts", nargs="*", help="default: every conflict")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "actorgraph"))
    ap.add_argument("--details", action="store_true", help="print missed and spurious facts")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    conflicts = args.conflicts or sorted(SPLIT, key=lambda c: (SPLIT[c], c))
    reports = {c: evaluate(args.bin, c) for c in conflicts}
    if args.json:
        print(json.dumps(reports, indent=2))
        return
    print("| conflict | split | docs | precision | explicit R | explicit F1 | all-facts F1 | mention F1 | duplicated |")
    print("|---|---|---|---|---|---|---|---|---|")
    for c, r in reports.items():
        print(row(c, r))
    for split in ("dev", "test"):
        part = [r for c, r in reports.items() if SPLIT.get(c) == split]
        if len(part) > 1:
            print(row(f"all {split}", pooled(part)).replace(f"| all {split} |  |", f"| **all {split}** | {split} |"))
    if args.details:
        for c, r in reports.items():
            print(f"\n## {c}")
            for x in r["missed"]:
                print("missed  ", x["doc"], x["subject"], x["predicate"], x["object"], x.get("kind") or "", sep="\t")
            for x in r["spurious"]:
                print("spurious", x["doc"], x["subject"], x["predicate"], x["object"], x.get("evidence", "")[:160], sep="\t")
            for d, e in r["missed_mentions"]:
                print("no mention ", d, e, sep="\t")
            for d, e in r["spurious_mentions"]:
                print("bad mention", d, e, sep="\t")
            for d in r["duplicate_entities"]:
                print("duplicate  ", d, sep="\t")


if __name__ == "__main__":
    main()
