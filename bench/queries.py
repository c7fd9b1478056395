"""Query latency on a synthesised corpus of a million events.

Builds (once; reused if present) a database in dateline's real schema — documents with full text
in FTS5, events with their actor index, quotes, actors, and a timeline with its sources and actor
index — by resampling the actors, event types and sentences of the example corpus, then times the
queries an analyst (or the web UI) makes, each with the function the CLI calls:

* timeline by actor: ``Corpus.timeline(Filter(actor=..., limit=100))`` (one page)
* quotes by speaker: ``Corpus.quotes(Filter(speaker=..., limit=100))``
* search: ``Corpus.search(term, limit=20)``
* a web UI page: 50 rows at a random offset (sorted, text-filtered) and its ``Corpus.count``

Actors are drawn from the database's own, so an ingested corpus (``--db`` of an existing database
is used as it is) is timed on names it holds.

Usage: ``python bench/queries.py [--events 1000000] [--db /tmp/dateline-1m.db] [--runs 200]``
Prints one JSON object: p50/p95/max in milliseconds per query, and the database's size.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateline import Corpus, Filter  # noqa: E402
from dateline.corpus import Listing  # noqa: E402
from dateline.store.db import connect  # noqa: E402

EVENTS = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "REJECT", "ACCUSE",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]  # fmt: skip


def seed_material() -> tuple[list[str], list[tuple[str, str, str, str, str]]]:
    """Sentences of the example corpus, and the actors its words name (resampled below)."""
    sentences = []
    for path in sorted((ROOT / "examples" / "seeds").glob("*.txt")):
        sentences += [s.strip() + "." for s in path.read_text(encoding="utf-8").replace("\n", " ").split(". ") if len(s) > 40]
    import pycountry

    actors = [(c.alpha_3, c.name, "country", c.alpha_3, "GOV") for c in pycountry.countries]
    for i in range(20_000):  # people and organisations, so that actors are as many as a big corpus has
        code = actors[i % len(actors)][0]
        actors.append((f"person:p{i}", f"Person {i} of {code}", "person", code, "GOV"))
    return sentences, actors


def build(path: Path, n_events: int, rng: random.Random) -> None:
    sentences, actors = seed_material()
    n_docs = n_events // 10
    conn = connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO actors (id, name, kind, code, sector, office, aliases, n_mentions, n_documents) VALUES (?, ?, ?, ?, ?, '', '[]', 0, 0)",
        actors,
    )
    doc_rows = []
    for d in range(1, n_docs + 1):
        text = " ".join(rng.choice(sentences) for _ in range(12))
        day = f"{2000 + d % 25:04d}-{1 + d % 12:02d}-{1 + d % 28:02d}"
        doc_rows.append((d, f"k{d}", f"synthetic/{d}.txt", f"Article {d}", text, f"h{d}", len(text), len(text.split()), day))
    conn.executemany(
        "INSERT INTO documents (id, doc_key, path, title, text, content_hash, n_chars, n_words, published, date_source, "
        "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'metadata', '2026-01-01')",
        doc_rows,
    )
    events, event_actors, entries, sources, entry_actors, quotes = [], [], [], [], [], []
    for e in range(1, n_events + 1):
        doc = 1 + (e - 1) // 10
        a, b = rng.choice(actors), rng.choice(actors)
        day = doc_rows[doc - 1][8]
        kind = rng.choice(EVENTS)
        who = json.dumps([{"actor_id": a[0], "name": a[1], "code": a[3], "sector": a[4]}])
        whom = json.dumps([{"actor_id": b[0], "name": b[1], "code": b[3], "sector": b[4]}])
        events.append((e, doc, 0, 60, 0, 5, "meet", kind, who, whom, day, "day", "trigger", 0.8, 0))
        event_actors += [(e, doc, a[0], "actor", a[3]), (e, doc, b[0], "recipient", b[3])]
        # Two reports of the same event in every five: entries are 80% of events.
        entry = e if e % 5 else e - 1
        if entry == e:
            entries.append((entry, day, "day", "news", kind, who, whom, f"{a[1]} {kind.lower()} {b[1]}", 1, 1, "[]"))
            entry_actors += [(entry, a[0], a[3], "actor"), (entry, b[0], b[3], "recipient")]
        sources.append((entry, e, doc, day, 0, 60))
        if e % 3 == 0:
            quotes.append((doc, 0, 60, "say", a[1], a[0], a[1], a[3], a[4], 1, day, "text", 0, 60))
    conn.executemany(
        "INSERT INTO events (id, doc_id, start, end, trigger_start, trigger_end, trigger_lemma, event, actors, recipients, "
        "date, date_granularity, date_source, confidence, rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        events,
    )
    conn.executemany("INSERT INTO event_actors (event_id, doc_id, actor_id, role, code) VALUES (?, ?, ?, ?, ?)", event_actors)
    conn.executemany(
        "INSERT INTO timeline_entries (id, date, granularity, kind, event, actors, recipients, headline, n_sources, "
        "n_documents, contradictions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entries,
    )
    conn.executemany("INSERT INTO timeline_sources (entry_id, event_id, doc_id, date, start, end) VALUES (?, ?, ?, ?, ?, ?)", sources)
    conn.executemany("INSERT INTO timeline_actors (entry_id, actor_id, code, role) VALUES (?, ?, ?, ?)", entry_actors)
    conn.executemany(
        "INSERT INTO quotes (doc_id, start, end, cue_lemma, speaker_text, actor_id, speaker_name, code, sector, direct, date, "
        "date_source, sentence_start, sentence_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        quotes,
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def timed(fn: object, runs: list[object]) -> dict[str, float]:
    times = []
    for arg in runs:
        start = time.perf_counter()
        fn(arg)  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
            "max_ms": round(times[-1], 2), "runs": len(times)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/dateline-1m.db"))
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(20261123)
    if not args.db.exists():
        start = time.perf_counter()
        build(args.db, args.events, rng)
        print(f"built {args.db} in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    with Corpus(args.db, readonly=True) as corpus:
        conn = corpus.connect()
        n_events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        actors = [r[0] for r in conn.execute("SELECT name FROM actors ORDER BY id")]
        names = [rng.choice(actors) for _ in range(args.runs)]
        terms = [rng.choice(["Lavrov", "ceasefire", "Minsk Group", "Karabakh AND Baku", "\"foreign ministers\"",
                             "escalation", "Azerbaijan NOT Armenia", "talks", "Moscow", "sovereignty"])
                 for _ in range(args.runs)]  # fmt: skip
        result = {
            "events": n_events,
            "database_mb": round(args.db.stat().st_size / 1e6),
            "timeline_by_actor": timed(lambda n: corpus.timeline(Filter(actor=n, limit=100)), names),  # type: ignore[arg-type]
            "quotes_by_speaker": timed(lambda n: corpus.quotes(Filter(speaker=n, limit=100)), names),  # type: ignore[arg-type]
            "search": timed(lambda t: corpus.search(t, limit=20), terms),  # type: ignore[arg-type]
        }
        # What a page of the web UI asks: 50 rows at an offset, sorted, filtered by text, and its total.
        offsets = [rng.randrange(0, 5000) for _ in range(args.runs)]
        words = [rng.choice(["talks", "minister", "Person 1", "Rus", "ceasefire"]) for _ in range(args.runs)]

        def paged(listing: Listing, where: Callable[[int, str], Filter]) -> dict[str, float]:
            listings = {"quotes": corpus.quotes, "actors": corpus.actors, "documents": corpus.documents, "timeline": corpus.timeline}
            return timed(lambda i: (corpus.count(listing, where(i, words[i])),  # type: ignore[arg-type]
                                    listings[listing](replace(where(i, words[i]), limit=50, offset=offsets[i]))), range(args.runs))  # fmt: skip

        result |= {
            "page_quotes": paged("quotes", lambda i, w: Filter(sort="-date")),
            "page_quotes_text": paged("quotes", lambda i, w: Filter(text=w)),
            "page_actors_by_name": paged("actors", lambda i, w: Filter(text=w, sort="name")),
            "page_documents": paged("documents", lambda i, w: Filter(text=w, sort="undated")),
            "page_timeline": paged("timeline", lambda i, w: Filter(text=w)),
            "canvas_timeline": timed(lambda i: corpus.timeline(Filter(sort="importance", limit=2000)), range(min(args.runs, 20))),
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
