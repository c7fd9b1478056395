#!/usr/bin/env python3
"""PLOVER event coding quality with the shared scorer.

    python bench/events_eval.py [--eval ../shared/eval] [--set plover|newsevents] [--half 1|2|all]

Runs `dateline extract events` on the gold sentences of plover/gsr-dev.jsonl (id and text only; for
``--set newsevents``, newsevents/dev.jsonl as id, text and publication date) and scores the output
with the set's scorer (`scorers/score_plover.py` or `scorers/score_news_events.py`, `--json`).
``--half`` keeps one fixed half of the set by id (see bench/halves.py).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--set", choices=("plover", "newsevents"), default="plover")
    parser.add_argument("--half", choices=("1", "2", "all"), default="all")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from halves import keep

    source = Path(args.eval) / ("plover/gsr-dev.jsonl" if args.set == "plover" else "newsevents/dev.jsonl")
    records = [r for r in map(json.loads, source.read_text(encoding="utf-8").splitlines()) if r and keep(r["id"], args.half)]
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold.jsonl"
        gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        inputs = Path(tmp) / "in.jsonl"
        fields = ("id", "text") if args.set == "plover" else ("id", "text", "date")
        inputs.write_text("".join(json.dumps({k: r.get("published") if k == "date" else r[k] for k in fields}) + "\n"
                                  for r in records), encoding="utf-8")  # fmt: skip
        system = Path(tmp) / "system.jsonl"
        with system.open("w", encoding="utf-8") as handle:
            subprocess.run([sys.executable, "-m", "dateline.cli.main", "extract", "events", str(inputs)], stdout=handle, check=True, cwd=ROOT)
        scorer = Path(args.eval) / "scorers" / ("score_plover.py" if args.set == "plover" else "score_news_events.py")
        run = subprocess.run([sys.executable, str(scorer), str(gold), str(system), "--json"], capture_output=True, text=True, check=True)
    print(run.stdout.strip())


if __name__ == "__main__":
    main()
