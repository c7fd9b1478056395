#!/usr/bin/env python3
"""Ingest inputs into a fresh database and write every table as sorted rows: run it before and after
a change that must not change the output, then ``diff`` the two files.

    head -150 ../shared/eval/t17/bpoil_bbc/articles.jsonl > /tmp/bp.jsonl
    python bench/db_dump.py before.tsv examples/seeds /tmp/bp.jsonl --published 2010-06-01
    python bench/db_dump.py after.tsv examples/seeds /tmp/bp.jsonl --published 2010-06-01
    diff before.tsv after.tsv && echo identical
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateline import Corpus  # noqa: E402
from dateline.store.dump import dump  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--published", type=dt.date.fromisoformat, help="date every input (else as ingest dates them)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "dump.db"
        with Corpus(db) as corpus:
            corpus.ingest(args.inputs, jobs=1, published=args.published)
        tables = dump(db)
    with args.out.open("w", encoding="utf-8") as fh:
        for table, rows in tables.items():
            fh.writelines(f"{table}\t{row!r}\n" for row in rows)
    print(f"{sum(map(len, tables.values()))} rows written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
