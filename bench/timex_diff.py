#!/usr/bin/env python3
"""What a change to the time tagger changes: every expression over a collection, then a diff of two dumps.

    python bench/timex_diff.py dump ../shared/eval/t17 before.jsonl   # on the commit before a change
    python bench/timex_diff.py dump ../shared/eval/t17 after.jsonl    # and on the commit with it
    python bench/timex_diff.py diff before.jsonl after.jsonl          # changed expressions to stdout, counts to stderr

The collection is Timeline17-style: one folder per topic with an ``articles.jsonl`` of ``{id, time,
text}`` records; each article's text is cut as ``dateline summarize`` cuts it (reader comments off)
and tagged against its publication date. A line of the diff is ``-`` (before) or ``+`` (after):
topic, article, publication date, the text, type and value, and the words around it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateline.annotate.time import find_timexes  # noqa: E402
from dateline.summarize.timeline_summary import _news_body  # noqa: E402

Key = tuple[str, str, int]


def dump(collection: Path, out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for topic in sorted(p for p in collection.iterdir() if (p / "articles.jsonl").is_file()):
            for line in (topic / "articles.jsonl").open(encoding="utf-8"):
                record = json.loads(line)
                body = _news_body(record["text"])
                published = dt.date.fromisoformat(record["time"][:10])
                for t in find_timexes(body, published):
                    around = body[max(0, t.start - 60) : t.end + 40].replace("\n", " ")
                    fh.write(json.dumps([topic.name, record["id"], record["time"][:10], t.start, t.end, t.text, t.type, t.value, around]) + "\n")


def _load(path: Path) -> dict[Key, list[object]]:
    rows = (json.loads(line) for line in path.open(encoding="utf-8"))
    return {(str(r[0]), str(r[1]), int(r[3])): r for r in rows}


def diff(before: Path, after: Path) -> Counter[str]:
    a, b = _load(before), _load(after)
    counts: Counter[str] = Counter()
    for key in sorted(set(a) | set(b)):
        old, new = a.get(key), b.get(key)
        if old and new and old[4:8] == new[4:8]:
            continue
        counts["changed" if old and new else "removed" if old else "added"] += 1
        for sign, row in (("-", old), ("+", new)):
            if row:
                print(sign, row[0], row[1], row[2], repr(row[5]), row[6], row[7], "|", row[8])
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("dump")
    p.add_argument("collection", type=Path)
    p.add_argument("out", type=Path)
    p = sub.add_parser("diff")
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.what == "dump":
        dump(args.collection, args.out)
    else:
        print(json.dumps(diff(args.before, args.after)), file=sys.stderr)


if __name__ == "__main__":
    main()
