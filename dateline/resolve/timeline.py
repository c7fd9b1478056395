"""The corpus timeline: the same event reported by several articles (or several times in one)
becomes one entry with every source kept.

Sources are PLOVER events and dated facts (the history background paragraphs repeat); how they are
matched is :mod:`dateline.resolve.timeline_model`. Negated and hypothetical events are left out:
they did not happen.

An entry is *background* when a source marks it historical or it lies more than a year before the
articles that report it, *news* otherwise. Contradictions: sources that date an entry differently at
the same granularity, and durations that disagree with a start date
(:mod:`dateline.resolve.timeline_dates`, which also proposes dates for undated articles).

The timeline is built one year at a time (:mod:`dateline.resolve.timeline_sources`), and each entry
is written as soon as nothing more can join it, so memory holds the busiest year, not the corpus.
Entries are written to temporary tables as they are finished and copied, in timeline order, into
the real ones at the end, so that ids follow the timeline whatever order they were finished in.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from dateline.core.concepts import Concept, load_concepts
from dateline.core.settings import Settings
from dateline.resolve import resolver
from dateline.resolve.importance import Weakness, rank
from dateline.resolve.timeline_dates import Proposer, attach_durations, reference
from dateline.resolve.timeline_matching import build_entries
from dateline.resolve.timeline_matching import whats as what_keys
from dateline.resolve.timeline_model import (
    _claim,
    _date_contradictions,
    _Entry,
    _Source,
    compatible,
    duration_years,
    entry_date,
    entry_headline,
    granularity_of,
    settle,
    timeline_order,
)
from dateline.resolve.timeline_sources import Reader, context, documents

__all__ = ["_Source", "build_entries", "compatible", "duration_years", "granularity_of", "resolve_timeline"]

_ORDER_COLUMNS = ("k_date", "k_value", "k_doc", "k_start", "k_rank", "k_plain", "k_sdoc", "k_sstart", "k_event", "k_fact")
_ENTRY_COLUMNS = ("date", "date_end", "granularity", "kind", "event", "mode", "concepts", "actors", "recipients",
                  "headline", "n_sources", "n_documents", "contradictions")  # fmt: skip
_SOURCE_COLUMNS = ("event_id", "fact_id", "doc_id", "date", "claim", "start", "end")


class _Writer:
    """Sources as they join (the Sink of build_entries) and finished entries into ``temp`` tables
    under a provisional number, then into the timeline tables numbered in timeline order."""

    def __init__(self, conn: sqlite3.Connection, concepts: dict[str, Concept]) -> None:
        self.conn = conn
        self.concepts = concepts
        self.count = 0
        self.weak: dict[int, Weakness] = {}  # by provisional number: what the ranking discounts
        self.rows: list[tuple[Any, ...]] = []
        for table in ("timeline_new_entries", "timeline_new_sources", "timeline_new_actors", "timeline_new_ids"):
            conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
        conn.execute(f"CREATE TEMP TABLE timeline_new_entries (pid INTEGER PRIMARY KEY, {', '.join(_ORDER_COLUMNS)}, "
                     f"{', '.join(_ENTRY_COLUMNS)})")  # fmt: skip
        conn.execute(f"CREATE TEMP TABLE timeline_new_sources (pid INTEGER NOT NULL, {', '.join(_SOURCE_COLUMNS)})")
        conn.execute("CREATE TEMP TABLE timeline_new_actors (pid INTEGER NOT NULL, actor_id, code, role)")

    def number(self) -> int:
        self.count += 1
        return self.count

    def add(self, entry: _Entry, source: _Source) -> None:
        self.rows.append((entry.number, source.event_id, source.fact_id, source.doc_id,
                          source.date if source.shape != "duration" else source.duration, _claim(source),
                          source.start, source.end))  # fmt: skip
        if len(self.rows) >= 10_000:
            self._flush()

    def _flush(self) -> None:
        self.conn.executemany(
            f"INSERT INTO temp.timeline_new_sources (pid, {', '.join(_SOURCE_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            self.rows,
        )
        self.rows = []

    def write(self, entry: _Entry, order: tuple[Any, ...], refs: Callable[[int], str | None]) -> None:
        self.weak[entry.number] = Weakness(guessed=entry.guessed, state_only=not entry.told)
        (k_date, k_value, (k_doc, k_start), creator) = order
        date = entry_date(entry)
        written = sorted(r for r in map(refs, entry.docs) if r)
        background = entry.historical or bool(
            date and written and date[:4].isdigit() and int(date[:4]) < int(written[0][:4]) - 1
        )
        values = (date, entry.range_end, "range" if entry.ranged else entry.best_any[2],
                  "background" if background else "news", entry.event, entry.mode,
                  json.dumps([c for c, _ in sorted(entry.concepts.items(), key=lambda kv: (-kv[1], kv[0]))]),
                  json.dumps(list(entry.actors.values()), sort_keys=True), json.dumps(list(entry.recipients.values()), sort_keys=True),
                  entry_headline(entry, self.concepts), entry.n_sources, len(entry.docs),
                  json.dumps(_date_contradictions(entry) + entry.contradictions, sort_keys=True))  # fmt: skip
        columns = ("pid", *_ORDER_COLUMNS, *_ENTRY_COLUMNS)
        self.conn.execute(f"INSERT INTO temp.timeline_new_entries ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                          (entry.number, k_date, k_value, k_doc, k_start, *creator, *values))  # fmt: skip
        self.conn.executemany(
            "INSERT INTO temp.timeline_new_actors (pid, actor_id, code, role) VALUES (?, ?, ?, ?)",
            [(entry.number, p.get("actor_id"), (p.get("code") or "").upper(), role)
             for role, group in (("actor", entry.actors), ("recipient", entry.recipients)) for p in group.values()],
        )  # fmt: skip

    def publish(self) -> None:
        """Replace the timeline tables with the entries written."""
        self._flush()
        conn = self.conn
        conn.execute("CREATE TEMP TABLE timeline_new_ids (pid INTEGER PRIMARY KEY, id INTEGER NOT NULL)")
        conn.execute(f"INSERT INTO temp.timeline_new_ids SELECT pid, ROW_NUMBER() OVER (ORDER BY {', '.join(_ORDER_COLUMNS)}) "
                     "FROM temp.timeline_new_entries")  # fmt: skip
        for table in ("timeline_actors", "timeline_sources", "timeline_entries"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute(f"INSERT INTO timeline_entries (id, {', '.join(_ENTRY_COLUMNS)}) SELECT i.id, "
                     f"{', '.join('e.' + c for c in _ENTRY_COLUMNS)} FROM temp.timeline_new_entries e "
                     "JOIN temp.timeline_new_ids i USING (pid) ORDER BY i.id")  # fmt: skip
        conn.execute("INSERT INTO timeline_actors (entry_id, actor_id, code, role) SELECT i.id, a.actor_id, a.code, a.role "
                     "FROM temp.timeline_new_actors a JOIN temp.timeline_new_ids i USING (pid) ORDER BY i.id, a.rowid")  # fmt: skip
        conn.execute(f"INSERT INTO timeline_sources (entry_id, {', '.join(_SOURCE_COLUMNS)}) SELECT i.id, "
                     f"{', '.join('s.' + c for c in _SOURCE_COLUMNS)} FROM temp.timeline_new_sources s "
                     "JOIN temp.timeline_new_ids i USING (pid) ORDER BY i.id, s.rowid")  # fmt: skip

    def weaknesses(self) -> dict[int, Weakness]:
        """What the ranking discounts of each entry, by the id it was published under."""
        ids = self.conn.execute("SELECT pid, id FROM temp.timeline_new_ids")
        return {int(entry_id): self.weak[pid] for pid, entry_id in ids if pid in self.weak}

    def published(self, pid: int) -> tuple[int, str]:
        """The id and headline an entry was published under."""
        row = self.conn.execute("SELECT i.id, e.headline FROM temp.timeline_new_ids i JOIN temp.timeline_new_entries e "
                                "USING (pid) WHERE pid = ?", (pid,)).fetchone()  # fmt: skip
        return int(row[0]), str(row[1])

    def close(self) -> None:
        for table in ("timeline_new_entries", "timeline_new_sources", "timeline_new_actors", "timeline_new_ids"):
            self.conn.execute(f"DROP TABLE IF EXISTS temp.{table}")


def _may_join(entry: _Entry, whats: set[str], whos: set[str]) -> bool:
    """Whether a coarse source of the decade could join this entry: it would share with it what
    happened and who (the index's keys), which joining other entries cannot change."""
    return bool(set(what_keys(entry.event, entry.concepts)) & whats) and bool((entry.actor_ids | entry.actor_codes | entry.recipient_ids | entry.context) & whos)


@resolver("timeline")
def resolve_timeline(conn: sqlite3.Connection, settings: Settings) -> int:
    concepts = load_concepts(settings.concept_files)
    reader = Reader(conn, concepts)
    docs = documents(conn)
    ctx = context(conn)
    conn.execute("BEGIN IMMEDIATE")
    writer = _Writer(conn, concepts)
    try:
        reader.mark_told()
        proposer = Proposer(docs, reader.undated_news(docs))
        held: list[tuple[tuple[Any, ...], _Entry]] = []  # entries whose row waits for the proposals
        count = 0

        def dated(doc_id: int) -> bool:
            return doc_id in docs and bool(docs[doc_id].published)

        def finish(entry: _Entry) -> None:
            nonlocal count
            count += 1
            settle(entry, concepts)
            order = timeline_order(entry)
            proposer.consider(entry, order)
            if proposer.involves(entry) or entry.since_docs:
                held.append((order, entry))
            else:
                writer.write(entry, order, lambda doc_id: docs[doc_id].published if doc_id in docs else None)

        years = reader.years()
        for decade in sorted({y[:3] for y in years} | set(reader.decades())):
            coarse = reader.coarse(decade)
            whats = {w for s in coarse for w in what_keys(s.event, s.concepts)}
            whos = {w for s in coarse for w in (*s.actors, *s.codes, *s.recipients, *ctx.get(s.doc_id, ()))}
            kept: list[_Entry] = []
            for year in (y for y in years if y[:3] == decade):
                for entry in build_entries(reader.fine(year), ctx, sink=writer, dated=dated, ordered=True):
                    if coarse and _may_join(entry, whats, whos):
                        kept.append(entry)
                    else:
                        finish(entry)
            if coarse:
                for entry in build_entries(coarse, ctx, seed=kept, sink=writer, dated=dated, ordered=True):
                    finish(entry)
        proposals = proposer.best
        proposed = {doc_id: p.date for doc_id, p in proposals.items()}

        def refs(doc_id: int) -> str | None:
            return reference(docs.get(doc_id), proposed.get(doc_id))

        held.sort(key=lambda item: item[0])
        attach_durations([entry for _, entry in held], reader.durations(), refs, writer)
        for order, entry in held:
            writer.write(entry, order, refs)
        writer.publish()
        rank(conn, writer.weaknesses())
        conn.execute("DELETE FROM date_proposals")
        for doc_id, p in sorted(proposals.items()):
            entry_id, headline = writer.published(p.entry)
            evidence = [{"entry_id": entry_id, "headline": headline, "own": [[s.start, s.end] for s in p.matched],
                         "their": {"doc_id": p.their.doc_id, "start": p.their.start, "end": p.their.end}}]  # fmt: skip
            conn.execute(
                "INSERT INTO date_proposals (doc_id, date, granularity, score, evidence) VALUES (?, ?, ?, ?, ?)",
                (doc_id, p.date, granularity_of(p.date), p.key[0], json.dumps(evidence, sort_keys=True)),
            )
        writer.close()
        reader.drop_told()
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return count
