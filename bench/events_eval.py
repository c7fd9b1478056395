#!/usr/bin/env python3
"""PLOVER event coding quality with the shared scorer.

    python bench/events_eval.py [--eval ../shared/eval]

Runs `dateline extract events` on the gold sentences of plover/gsr-dev.jsonl (id and text only) and
scores the output with `scorers/score_plover.py GOLD SYSTEM --json`.
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
    args = parser.parse_args()
    gold = Path(args.eval) / "plover" / "gsr-dev.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in.jsonl"
        inputs.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n"
                                  for r in map(json.loads, gold.read_text(encoding="utf-8").splitlines()) if r), encoding="utf-8")  # fmt: skip
        system = Path(tmp) / "system.jsonl"
        with system.open("w", encoding="utf-8") as handle:
            subprocess.run([sys.executable, "-m", "dateline.cli.main", "extract", "events", str(inputs)], stdout=handle, check=True, cwd=ROOT)
        scorer = Path(args.eval) / "scorers" / "score_plover.py"
        run = subprocess.run([sys.executable, str(scorer), str(gold), str(system), "--json"], capture_output=True, text=True, check=True)
    print(run.stdout.strip())


if __name__ == "__main__":
    main()
