#!/usr/bin/env python3
"""News events (type, participants, status, date) with the shared scorer, on each fixed half of the
dev set and on all.

    python bench/news_events_eval.py [--eval ../shared/eval] [--gold FILE] [--system-out FILE]

Gives `dateline extract events` each gold sentence alone as {"id", "text", "date": published} and
scores the output with `scorers/score_news_events.py GOLD SYSTEM --json`, once per half (first half:
ids whose `zlib.crc32(id) % 2 == 0`) and once on the whole set. Prints one JSON object keyed
"first", "second", "all". ``--system-out`` keeps the system output for reading.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

from events_eval import ROOT, extract_events, read_jsonl, score_halves


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--gold", default=None, help="gold JSONL (default: EVAL/newsevents/dev.jsonl)")
    parser.add_argument("--system-out", default=None, help="also write the system output here")
    args = parser.parse_args()
    gold_path = Path(args.gold) if args.gold else Path(args.eval) / "newsevents" / "dev.jsonl"
    gold = read_jsonl(gold_path)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = [{"id": g["id"], "text": g["text"], "date": g.get("published")} for g in gold]
        system = extract_events(inputs, Path(tmp))
        if args.system_out:
            shutil.copy(Path(tmp) / "system.jsonl", args.system_out)
        result = score_halves(Path(args.eval) / "scorers" / "score_news_events.py", gold, system, Path(tmp))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
