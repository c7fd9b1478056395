#!/usr/bin/env python3
"""How many of a timeline's most important entries fall on a date of a Timeline17 topic's gold
timelines, and how many gold dates they cover: a check of the ranking that needs no judge (an
entry on a gold date may still be wrong; an analyst's reading says that).

    dateline ingest ../shared/eval/t17/MJ_bbc/articles.jsonl --db /tmp/mj.db
    python bench/timeline_top.py /tmp/mj.db ../shared/eval/t17/MJ_bbc --top 30
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateline import Corpus, Filter  # noqa: E402


def gold_dates(topic: Path) -> set[str]:
    dates: set[str] = set()
    for line in (topic / "timelines.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            dates.update(day for day, _ in json.loads(line))
    return dates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("topic", type=Path, help="a Timeline17 topic folder (with timelines.jsonl)")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    gold = gold_dates(args.topic)
    with Corpus(args.db, readonly=True) as corpus:
        top = corpus.timeline(Filter(top=args.top, sort="importance"))
    days = [(e.date or "")[:10] for e in top]
    on_gold = sum(d in gold for d in days)
    covered = len({d for d in days if d in gold})
    print(f"{args.topic.name}: {on_gold}/{len(top)} of the top entries on a gold date; "
          f"{covered} of {len(gold)} gold dates covered")


if __name__ == "__main__":
    main()
