"""Every event dated by the history of the sentence before it (``date_source`` "narrative"), with
that sentence, for reading by hand: the rule has no gold to be scored against.

Usage:
  .venv/bin/python bench/narrative_dates.py --timeml ../shared/eval/timeml/TimeBank ../shared/eval/timeml/AQUAINT
  .venv/bin/python bench/narrative_dates.py --t17 ../shared/eval/t17/haiti_bbc ../shared/eval/t17/IraqWar_guardian \
      ../shared/eval/t17/MJ_bbc --every 3
Prints one JSON line per event, then a count line; the inputs' publication dates are the TimeML DCT or
the Timeline17 article time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

Record = tuple[str, str, dt.date]


def timeml_records(folder: Path) -> Iterator[Record]:
    from dateline.annotate.time.timeml import parse_timeml

    for path in sorted(folder.glob("*.tml")):
        doc = parse_timeml(str(path), path.read_text(encoding="utf-8"))
        if doc.dct is not None:
            yield path.name, doc.text, doc.dct


def t17_records(folder: Path, every: int) -> Iterator[Record]:
    with (folder / "articles.jsonl").open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n % every == 0:
                rec = json.loads(line)
                yield f"{folder.name}/{rec['id']}", rec["text"], dt.date.fromisoformat(rec["time"][:10])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--timeml", nargs="*", default=[], type=Path, help="TimeML folders (*.tml with a DCT)")
    parser.add_argument("--t17", nargs="*", default=[], type=Path, help="Timeline17 topic folders")
    parser.add_argument("--every", type=int, default=1, help="Timeline17: every N-th article only")
    args = parser.parse_args()

    from dateline.annotate.actors import find_actor_mentions
    from dateline.annotate.events import code_events
    from dateline.annotate.model import load_model
    from dateline.annotate.time import find_timexes

    nlp = load_model()
    records = [r for folder in args.timeml for r in timeml_records(folder)]
    records += [r for folder in args.t17 for r in t17_records(folder, args.every)]
    found = 0
    for doc_id, text, published in records:
        doc = nlp(text)
        timexes = find_timexes(text, published, doc=doc)
        for e in code_events(doc, published=published, mentions=find_actor_mentions(doc), timexes=timexes):
            if e.date_source != "narrative":
                continue
            found += 1
            sentence = doc.char_span(e.sentence_start, e.sentence_end, alignment_mode="expand")
            before = doc[sentence.start - 1].sent.text if sentence is not None and sentence.start else ""
            print(json.dumps({"id": doc_id, "published": published.isoformat(), "date": e.date, "event": e.event,
                              "trigger": text[e.trigger_start : e.trigger_end], "before": before.strip(),
                              "sentence": text[e.sentence_start : e.sentence_end].strip()}, ensure_ascii=False))  # fmt: skip
    print(json.dumps({"articles": len(records), "narrative_dated_events": found}))


if __name__ == "__main__":
    main()
