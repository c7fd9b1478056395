#!/usr/bin/env python3
"""How much of each article of a corpus database speaks in the writer's own voice: the share of its
sentences before any readers' comments with an "I" or "we" outside a quotation, as
`dateline/annotate/voice.py` reads it (a page at FIRST_PERSON_SHARE or more is written in the first
person and reports nothing).

    python bench/first_person.py DB [DB ...] [--top 20]

Prints, per database, the highest shares with each document's sentence count, id and opening words.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateline.annotate.model import load_model  # noqa: E402
from dateline.annotate.voice import FIRST_PERSON_SHARE, report_of  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dbs", nargs="+")
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    nlp = load_model()
    for db in args.dbs:
        rows = sqlite3.connect(db).execute("SELECT id, text FROM documents WHERE duplicate_of IS NULL ORDER BY id").fetchall()
        shares = []
        for (doc_id, text), doc in zip(rows, nlp.pipe(text for _, text in rows), strict=True):
            report = report_of(doc)
            shares.append((report.share, report.told, doc_id, " ".join(text[:60].split())))
        shares.sort(reverse=True)
        print(f"{db}: {sum(s >= FIRST_PERSON_SHARE for s, *_ in shares)} of {len(shares)} pages in the first person")
        for share, n, doc_id, opening in shares[: args.top]:
            print(f"  {share:.2f} {n:5d} sentences  doc {doc_id:5d}  {opening}")


if __name__ == "__main__":
    main()
