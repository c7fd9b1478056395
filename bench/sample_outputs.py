#!/usr/bin/env python3
"""Print N random results of one stage from a corpus database, each with its evidence, for a reader
to judge as an analyst would (right or wrong, and why). The sample is fixed by ``--seed``.

    dateline ingest ../shared/eval/t17/H1N1_bbc/articles.jsonl --db /tmp/h1n1.db
    python bench/sample_outputs.py /tmp/h1n1.db timeline --n 30 --seed 1 > /tmp/sample.md

Stages: ``timeline`` (entries: date, headline, type, actors, sources), ``events``, ``quotes``
(speaker, date, content), ``actors`` (id, name, code, sector, aliases, an example mention). With
``--top`` the timeline's most important entries are listed instead of a random sample.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateline import Corpus, Filter  # noqa: E402


def _sentence(corpus: Corpus, doc_id: int, start: int, end: int) -> str:
    return " ".join(corpus.document_by_id(doc_id).text[start:end].split())


def timeline(corpus: Corpus, n: int, rng: random.Random, top: bool) -> list[str]:
    if top:
        chosen = corpus.timeline(Filter(top=n, sort="importance"))
    else:
        entries = corpus.timeline()
        chosen = rng.sample(entries, min(n, len(entries)))
    out = []
    for e in chosen:
        lines = [f"## entry {e.id}: {e.date or 'undated'} — {e.headline}",
                 f"type {e.event} {e.mode} · {e.kind} · {e.n_sources} independent source(s), {e.n_documents} document(s), "
                 f"importance {e.importance:.2f}",
                 f"actors: {_people(e.actors)} → {_people(e.recipients)}"]  # fmt: skip
        for s in e.sources[:4]:
            lines.append(f"- [doc {s.doc_id}, {s.published or 'undated'}, {s.outlet or 'outlet?'}] says {s.date}: {' '.join(s.sentence.split())}")
        if len(e.sources) > 4:
            lines.append(f"- … and {len(e.sources) - 4} more sources")
        out.append("\n".join(lines))
    return out


def events(corpus: Corpus, n: int, rng: random.Random, top: bool) -> list[str]:
    found = corpus.events()
    out = []
    for e in rng.sample(found, min(n, len(found))):
        out.append(f"## event {e.id}: {e.date or 'undated'} ({e.date_source}) {e.event} {e.mode} {e.flags}\n"
                   f"actors: {e.actors or '-'} → {e.recipients or '-'}\n"
                   f"[doc {e.doc_id}, published {e.published}] {' '.join(e.evidence.split())}")  # fmt: skip
    return out


def quotes(corpus: Corpus, n: int, rng: random.Random, top: bool) -> list[str]:
    found = corpus.quotes()
    out = []
    for q in rng.sample(found, min(n, len(found))):
        sentence = " ".join(q.quote.split())
        out.append(f"## quote {q.id}: {q.date} ({q.date_source}) · {'direct' if q.direct else 'reported'} · cue {q.cue}\n"
                   f"speaker: {q.speaker} [{q.code} {q.sector} {q.office}] (written: {q.speaker_text})\n"
                   f"[doc {q.doc_id}, published {q.published}] “{sentence}”")  # fmt: skip
    return out


def actors(corpus: Corpus, n: int, rng: random.Random, top: bool) -> list[str]:
    found = corpus.actors()
    chosen = found[:n] if top else rng.sample(found, min(n, len(found)))
    out = []
    for a in chosen:
        detail = corpus.actor_detail(a.id, exact_id=True)
        example = ""
        if detail.documents:
            doc = detail.documents[0]
            mention = next((s for s in corpus.spans(doc.id, kind="actor_mention") if s.value == a.id), None)
            if mention is not None:
                text = corpus.document_by_id(doc.id).text
                example = " ".join(text[max(0, mention.start - 80) : mention.end + 80].split())
        out.append(f"## actor {a.id}: {a.name} [{a.kind} {a.code} {a.sector} {a.office}] · {a.n_mentions} mentions in "
                   f"{a.n_documents} documents\naliases: {', '.join(a.aliases[:12]) or '-'}\nexample: …{example}…")  # fmt: skip
    return out


def _people(items: list[dict[str, Any]]) -> str:
    return ", ".join(f"{p.get('name')} ({p.get('code', '')} {p.get('sector', '')})".replace(" )", ")") for p in items) or "-"


STAGES = {"timeline": timeline, "events": events, "quotes": quotes, "actors": actors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", type=Path)
    parser.add_argument("stage", choices=sorted(STAGES))
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", action="store_true", help="the most important (timeline) or most mentioned (actors) instead of random")
    args = parser.parse_args()
    with Corpus(args.db, readonly=True) as corpus:
        items = STAGES[args.stage](corpus, args.n, random.Random(args.seed), args.top)
    print(f"# {len(items)} {args.stage} results of {args.db.name} (seed {args.seed}{', top' if args.top else ''})\n")
    for number, item in enumerate(items, start=1):
        print(f"{number}. {item}\n")


if __name__ == "__main__":
    main()
