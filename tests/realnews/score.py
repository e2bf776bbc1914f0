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
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
# Which conflicts tune the rules and which only measure them (README.md).
SPLIT = {
    "drc": "dev", "gaza": "dev", "libya": "dev", "myanmar": "dev", "ukraine": "dev", "yemen": "dev",
    "tigray": "test", "venezuela": "test",
    # Gathered and annotated on 2026-12-06 and scored blind that day before any rule
    # changed (blind-2026-12-06.md); development conflicts from the second session of
    # 2026-12-06 on, so their later figures are tuned ones.
    "afghan": "dev", "caucasus": "dev",
    # Gathered and annotated in the second session of 2026-12-06 and scored blind
    # before any rule of that session reached them (blind-2026-12-06b.md).
    "sahel": "test3", "syria": "test3",
    # Gathered at the end of that session and scored blind with its start and
    # end binaries (blind-2026-12-06c.md); development conflicts after that.
    "korea": "dev", "colombia": "dev",
    # Gathered and annotated on 2026-12-06 (third session) and scored blind with
    # that session's start binary before anything else (blind-2026-12-06d.md);
    # `iran` stays a test conflict, `kosovo` became a development conflict
    # right after its blind score.
    "iran": "test4", "kosovo": "dev",
    # Gathered in the same session while its rules were written, by helpers
    # who saw neither rules nor output, and scored blind (blind-2026-12-06d.md);
    # `cyprus` became a development conflict after its blind score, `lebanon`
    # is scored with the session's start and end binaries only, never read.
    "cyprus": "dev", "lebanon": "test5",
    # Gathered at the end of that session and scored blind with its start and
    # end binaries (blind-2026-12-06d.md); never read.
    "somalia": "test6", "taiwan": "test6",
    # Gathered and annotated on 2026-12-06 (fourth session) by helpers who saw
    # neither rules nor output, scored blind with that session's start binary
    # before anyone read them (blind-2026-12-06e.md); `bosnia` and `iraq`
    # became development conflicts right after, `haiti` and `wsahara` are
    # never read.
    "bosnia": "dev", "iraq": "dev", "nireland": "dev", "gerd": "dev", "moldova": "dev",
    "haiti": "test7", "wsahara": "test7",
    # Gathered in the middle of that session, scored blind with its start
    # binary and a mid-session one, then only with its end binary; never read.
    "bangsamoro": "test8", "pakistan": "test8",
    # Gathered at the end of that session: `moldova` scored blind and then
    # read (development); `mozambique` scored blind with the start and end
    # binaries, never read.
    "mozambique": "test9",
    # Gathered and annotated on 2026-12-06 (fifth session) by helpers who saw
    # neither rules nor output, scored blind with that session's start binary
    # before anyone read them (blind-2026-12-06f.md); `southsudan` and
    # `srilanka` became development conflicts right after, `prespa` and
    # `belarus` are never read.
    "southsudan": "dev", "srilanka": "dev", "prespa": "test10", "belarus": "test10",
    # Gathered in the middle of that session, scored blind with its start
    # binary and a mid-session one (`93ba20e`); `car` and `cameroon` are
    # never read, `nepal` became a development conflict after.
    "car": "test11", "cameroon": "test11", "nepal": "dev",
    # Gathered later in that session, scored blind with its start binary and
    # a later one; `chad` and `thailand` became development conflicts after,
    # `burundi` is never read.
    "chad": "dev", "thailand": "dev", "burundi": "test12",
    # Gathered and annotated on 2026-12-06 (sixth session) by helpers who saw
    # neither rules nor output, scored blind with that session's start binary
    # before anyone read them (blind-2026-12-06g.md); `turkeypkk`, `qatar`,
    # `catalonia` and `ivorycoast` became development conflicts right after,
    # `gambia` and `zimbabwe` are never read.
    "turkeypkk": "dev", "qatar": "dev", "catalonia": "dev", "ivorycoast": "dev",
    "gambia": "test13", "zimbabwe": "test13",
    # Gathered and annotated on 2026-12-06 (seventh session) by helpers who
    # saw neither rules nor output, scored blind with that session's start
    # binary before anyone read them (blind-2026-12-06h.md); `kyrgyztajik`
    # and `nicaragua` became development conflicts right after,
    # `bougainville` and `georgia` are never read.
    "kyrgyztajik": "dev", "nicaragua": "dev",
    "bougainville": "test14", "georgia": "test14",
    # Gathered in the middle of that session, scored blind with its start
    # binary and the binary of the moment they arrived, then only with its
    # end binary; never read.
    "kenya2008": "test15", "madagascar": "test15",
}


def present_only(folder, docs, name):
    """The rows of FOLDER/NAME whose article text is in DOCS.

    A text that could not be re-created (README.md) is left out of the
    score rather than counted as missed facts and mentions."""
    present = set(os.listdir(docs))
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        lines = f.readlines()
    kept = [l for i, l in enumerate(lines) if i == 0 or l.split("\t", 1)[0] in present]
    missing = sorted({l.split("\t", 1)[0] for l in lines[1:]} - present)
    if missing and name == "gold.tsv":
        print(f"score.py: {os.path.basename(folder)}: {len(missing)} article(s) without text, left out: "
              + " ".join(missing), file=sys.stderr)
    tmp = tempfile.NamedTemporaryFile("w", suffix="-" + name, delete=False, encoding="utf-8")
    tmp.writelines(kept)
    tmp.close()
    return tmp


def evaluate(binary, conflict):
    folder = os.path.join(HERE, conflict)
    docs = os.path.join(HERE, "docs", conflict)
    if not os.path.isdir(docs) or not os.listdir(docs):
        sys.exit(f"score.py: no article texts in {docs}; re-create them first (see README.md)")
    gold, mentions = present_only(folder, docs, "gold.tsv"), present_only(folder, docs, "mentions.tsv")
    cmd = [binary, "--ontology", folder, "eval", "--format", "json",
           "--aliases", os.path.join(folder, "aliases.tsv"),
           "--gold", gold.name, "--mentions", mentions.name, docs + "/"]
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
    for split in sorted(set(SPLIT.values()), key=lambda s: (s != "dev", s)):
        part = [r for c, r in reports.items() if SPLIT.get(c) == split]
        if len(part) > 1:
            print(row(f"all {split}", pooled(part)).replace(f"| all {split} |  |", f"| **all {split}** | {split} |"))
    # Every conflict never read to write rules, pooled.
    unseen = [r for c, r in reports.items() if SPLIT.get(c, "dev") != "dev"]
    if len(unseen) > 1 and len(unseen) < len(reports):
        print(row("all unseen", pooled(unseen)).replace("| all unseen |  |", "| **all unseen** | test* |"))
    if args.details:
        for c, r in reports.items():
            print(f"\n## {c}")
            for x in r["missed"]:
                print("missed  ", x["doc"], x["subject"], x["predicate"], x["object"], x.get("kind") or "", sep="\t")
            for x in r["spurious"]:
                print("spurious", x["doc"], x["subject"], x["predicate"], x["object"], ",".join(x.get("rules", [])), x.get("evidence", "")[:160], sep="\t")
            for d, e in r["missed_mentions"]:
                print("no mention ", d, e, sep="\t")
            for d, e in r["spurious_mentions"]:
                print("bad mention", d, e, sep="\t")
            for d in r["duplicate_entities"]:
                print("duplicate  ", d, sep="\t")


if __name__ == "__main__":
    main()
