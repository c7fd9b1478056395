"""Reading the timeline's sources from the store, one year (or one decade's coarse dates) at a time.

The timeline is built year by year so that memory holds one year's sources, not the corpus's: a
source can only join an entry of its own year, except coarse ones ("the 1980s"), which are matched
per decade after its years (:func:`dateline.resolve.timeline_model.is_coarse`).
"""

from __future__ import annotations

import heapq
import itertools
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dateline.core.concepts import Concept, concepts_of_lemma
from dateline.resolve.timeline_matching import is_coarse, source_order
from dateline.resolve.timeline_model import (
    CONTEXT_ACTORS,
    GRANULARITY_RANK,
    _plain,
    _Shared,
    _Source,
    compatible,
    granularity_of,
)

# The perfect ("has been suspended", "have already agreed"): a state the report's day finds, not
# what happened that day. Read from the words right before the trigger.
_BEFORE = 40
PERFECT = re.compile(r"(?:\b(?:has|have|had)|['’]s(?=.*\bbeen\s*$))(?:\s+(?:not|never|already|now|also|since|long|\w+ly))*(?:\s+been)?\s*$",
                      re.I)  # "'s" is "has" only before "been": "Turkey's imposed" is a possessive
# Of those, the perfect of a state or of the past before the past ("has been suspended", "had
# agreed"): background. The active present perfect ("Russia has banned imports") is how British
# news tells what just happened, and stays news.
STATIVE = re.compile(r"(?:\bhad\b(?:\s+\w+)?|\bbeen)\s*$", re.I)
# The present perfect progressive ("senators have been calling on BP") is an activity going on as
# the paper is written, not a state an earlier act left: news of its day.
_ONGOING = re.compile(r"\b(?:has|have)\b(?:\s+\w+ly)?\s+been\s*$", re.I)
# The plain date ("1994-05-02", "198") in SQL, as timeline_model._plain computes it.
_PLAIN = "rtrim(substr(COALESCE({t}.date, ''), 1, 10), 'X')"
_FINE_GRANULARITIES = ", ".join(f"'{g}'" for g, rank in sorted(GRANULARITY_RANK.items()) if rank > 0)
# is_coarse() in SQL: events carry their granularity, facts get it from the length of their date.
_COARSE_EVENT = f"(COALESCE(e.date_granularity, '') NOT IN ({_FINE_GRANULARITIES}) OR length({_PLAIN.format(t='e')}) < 4)"
_COARSE_FACT = f"(length({_PLAIN.format(t='f')}) NOT IN (4, 7, 10))"
_EVENTS = ("SELECT e.*, substr(d.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) AS claim, "
           f"substr(d.text, max(1, e.trigger_start + 1 - {_BEFORE}), min(e.trigger_start, {_BEFORE})) AS before FROM events e "
           "JOIN documents d ON d.id = e.doc_id WHERE e.status = 'asserted'")  # fmt: skip
# Only what the text says took place: negated, hypothetical, future and generic events stay in
# `dateline events` with their status, never in the history.
_FACTS = ("SELECT f.*, substr(d.text, f.timex_start + 1, f.timex_end - f.timex_start) AS claim FROM facts f "
          "JOIN documents d ON d.id = f.doc_id WHERE f.kind != 'duration' AND f.id NOT IN (SELECT fact_id FROM temp.timeline_told)")  # fmt: skip
_DATED = "e.date IS NOT NULL AND e.date != ''"
# source_order()'s rank in SQL, so that SQLite returns sources in the order they are matched in.
_RANK_EVENT = "CASE COALESCE(e.date_granularity, '') " + " ".join(
    f"WHEN '{g}' THEN {rank}" for g, rank in sorted(GRANULARITY_RANK.items())) + " ELSE -1 END"  # fmt: skip
_RANK_FACT = f"CASE length({_PLAIN.format(t='f')}) " + " ".join(
    f"WHEN {n} THEN {GRANULARITY_RANK[granularity_of('1' * n)]}" for n in (3, 4, 7, 10)) + " ELSE -1 END"  # fmt: skip


@dataclass(slots=True)
class Doc:
    published: str | None
    candidates: tuple[str, ...]
    latest_year: int | None  # the latest year the article names: it was written no earlier


def documents(conn: sqlite3.Connection) -> dict[int, Doc]:
    docs: dict[int, Doc] = {}
    dates: dict[str, str] = {}  # one string per distinct date: a corpus has far fewer dates than articles
    for r in conn.execute("SELECT id, published, date_candidates FROM documents"):
        published = r["published"] if r["published"] is None else dates.setdefault(r["published"], r["published"])
        candidates = () if published else tuple(sorted(c["date"] for c in json.loads(r["date_candidates"] or "[]") if c.get("date")))
        docs[r["id"]] = Doc(published, candidates, None)
    for r in conn.execute(
        "SELECT doc_id, MAX(CAST(substr(value, 1, 4) AS INTEGER)) AS y FROM spans WHERE kind = 'timex' "
        "AND value GLOB '[0-9][0-9][0-9][0-9]*' GROUP BY doc_id"
    ):
        if r["doc_id"] in docs:
            docs[r["doc_id"]].latest_year = r["y"]
    return docs


def context(conn: sqlite3.Connection) -> dict[int, frozenset[str]]:
    """Each article's most-mentioned actors (places aside): what its unattributed history is about."""
    # Many articles share their main actors: one frozenset for each distinct trio, not one per article.
    shared: dict[frozenset[str], frozenset[str]] = {}
    out: dict[int, frozenset[str]] = {}
    doc: int | None = None
    counts: Counter[str] = Counter()
    rows = conn.execute(
        "SELECT doc_id, value, COUNT(*) AS n FROM spans WHERE kind = 'actor_mention' AND value IS NOT NULL "
        "AND COALESCE(json_extract(attrs, '$.kind'), '') != 'place' GROUP BY doc_id, value ORDER BY doc_id"
    )
    for r in itertools.chain(rows, [None]):  # streamed: a list of every row was the resolution's peak
        if r is None or r["doc_id"] != doc:
            if doc is not None:
                top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:CONTEXT_ACTORS]
                actors = frozenset(a for a, _ in top)
                out[doc] = shared.setdefault(actors, actors)
            if r is None:
                break
            doc, counts = r["doc_id"], Counter()
        counts[r["value"]] = r["n"]
    return out


class Reader:
    """The corpus's sources, partitioned by year; facts already told by an event of their sentence
    are left out (one source, not two), which :meth:`mark_told` works out once, streaming."""

    def __init__(self, conn: sqlite3.Connection, concepts: dict[str, Concept]) -> None:
        self.conn = conn
        self.concepts = concepts

    def mark_told(self) -> None:
        """Fill ``temp.timeline_told`` with the facts an event (or an earlier fact) of the same
        sentence already tells at a compatible date."""
        conn = self.conn
        conn.execute("DROP TABLE IF EXISTS temp.timeline_told")
        conn.execute("CREATE TEMP TABLE timeline_told (fact_id INTEGER PRIMARY KEY)")
        events = conn.execute(
            f"SELECT e.doc_id, e.start, e.date, e.event, e.trigger_lemma FROM events e WHERE e.status = 'asserted' "
            f"AND {_DATED} ORDER BY e.doc_id, e.start"
        )
        facts = conn.cursor().execute(
            "SELECT id, doc_id, start, date, event, concepts, kind FROM facts ORDER BY doc_id, start, timex_start"
        )
        told: list[int] = []
        pending = next(events, None)
        sentence: tuple[int, int] | None = None
        said: list[tuple[str | None, str, frozenset[str]]] = []
        for f in facts:
            if (f["doc_id"], f["start"]) != sentence:
                sentence, said = (f["doc_id"], f["start"]), []
                while pending is not None and (pending["doc_id"], pending["start"]) < sentence:
                    pending = next(events, None)
                while pending is not None and (pending["doc_id"], pending["start"]) == sentence:
                    own = frozenset(self._own(pending))
                    said.append((pending["date"], pending["event"], own))
                    pending = next(events, None)
            if f["kind"] == "duration":
                continue
            concepts = frozenset(json.loads(f["concepts"]))
            if any(compatible(date, f["date"]) and (event == f["event"] or concepts & own) for date, event, own in said):
                told.append(f["id"])
            else:
                said.append((f["date"], f["event"], concepts))
            if len(told) >= 10_000:
                conn.executemany("INSERT INTO temp.timeline_told VALUES (?)", ((i,) for i in told))
                told = []
        conn.executemany("INSERT INTO temp.timeline_told VALUES (?)", ((i,) for i in told))

    def drop_told(self) -> None:
        self.conn.execute("DROP TABLE IF EXISTS temp.timeline_told")

    def years(self) -> list[str]:
        """The years (plain-date prefixes) that fine sources give, in order."""
        return self._prefixes(4, coarse=False)

    def decades(self) -> list[str]:
        """The decades (or shorter prefixes) that coarse sources give, in order."""
        return self._prefixes(3, coarse=True)

    def _prefixes(self, length: int, *, coarse: bool) -> list[str]:
        plain_e, plain_f = _PLAIN.format(t="e"), _PLAIN.format(t="f")
        is_ = "" if coarse else "NOT "
        rows = self.conn.execute(
            f"SELECT DISTINCT substr({plain_e}, 1, {length}) FROM events e WHERE e.status = 'asserted' "
            f"AND {_DATED} AND {is_}{_COARSE_EVENT} UNION SELECT DISTINCT substr({plain_f}, 1, {length}) FROM facts f "
            f"WHERE f.kind != 'duration' AND {is_}{_COARSE_FACT}"
        )  # fmt: skip
        return sorted(r[0] for r in rows)

    def fine(self, year: str) -> Iterator[_Source]:
        return (s for s in self._between(year) if not is_coarse(s) and _plain(s.date)[:4] == year)

    def coarse(self, decade: str) -> list[_Source]:
        return [s for s in self._between(decade) if is_coarse(s) and _plain(s.date)[:3] == decade]

    def _between(self, prefix: str) -> Iterator[_Source]:
        """Sources whose date starts with ``prefix`` (by an index range), or that have no date, in
        source_order(): SQLite sorts them (on disk when they are many), so they stream."""
        share = _Shared()
        args: tuple[str, ...] = ()
        if prefix:
            where, args = "AND {t}.date >= ? AND {t}.date < ?", (prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1))
        else:
            where = f"AND {_PLAIN.format(t='{t}')} = ''"
        events = (self._event(r, share) for r in self.conn.execute(
            f"{_EVENTS} AND {_DATED} {where.format(t='e')} ORDER BY {_RANK_EVENT} DESC, {_PLAIN.format(t='e')}, "
            "e.doc_id, e.start, e.id", args))  # fmt: skip
        facts = (self._fact(r, share) for r in self.conn.cursor().execute(
            f"{_FACTS} {where.format(t='f')} ORDER BY {_RANK_FACT} DESC, {_PLAIN.format(t='f')}, f.doc_id, f.start, f.id",
            args))  # fmt: skip
        previous: tuple[Any, ...] | None = None
        for source in heapq.merge(events, facts, key=source_order):
            key = source_order(source)
            if previous is not None and key < previous:
                raise AssertionError(f"timeline sources out of order: {previous} before {key}")
            previous = key
            yield source

    def _own(self, r: sqlite3.Row) -> tuple[str, ...]:
        """The concepts an event's trigger names that agree with its type."""
        return tuple(c for c in concepts_of_lemma(r["trigger_lemma"], self.concepts) if self.concepts[c].event == r["event"])

    def _event(self, r: sqlite3.Row, share: _Shared) -> _Source:
        own = share(self._own(r))
        before = r["before"] or ""
        return _Source(r["id"], None, r["doc_id"], share(r["event"]), "event", share(r["date"]), None,
                       share(r["date_granularity"]), bool(r["historical"]), r["start"], r["end"], share(r["claim"]), own,
                       share.participants(r["actors"]), share.participants(r["recipients"]), mode=share(r["mode"]),
                       approximate=r["date_source"] == "published", lemma=share(r["trigger_lemma"]),
                       stative=told_as_state(before, r["claim"] or ""))  # fmt: skip

    @staticmethod
    def _fact(r: sqlite3.Row, share: _Shared) -> _Source:
        return _Source(None, r["id"], r["doc_id"], share(r["event"]), share(r["kind"]), share(r["date"]),
                       share(r["date_end"]), granularity_of(r["date"]), False, r["start"], r["end"], share(r["claim"]),
                       share(tuple(json.loads(r["concepts"]))), share.participants(r["actors"]), {},
                       duration=share(r["duration"]), mod=share(r["mod"]))  # fmt: skip

    def durations(self) -> Iterator[_Source]:
        """"For almost a decade": facts of a duration, in the order of the text."""
        share = _Shared()
        for r in self.conn.execute(
            "SELECT f.*, substr(d.text, f.timex_start + 1, f.timex_end - f.timex_start) AS claim FROM facts f "
            "JOIN documents d ON d.id = f.doc_id WHERE f.kind = 'duration' ORDER BY f.doc_id, f.start, f.timex_start"
        ):
            yield self._fact(r, share)

    def undated_news(self, docs: dict[int, Doc]) -> dict[int, list[_Source]]:
        """The undated events of articles without a publication date: what a date can be proposed
        from. An undated article's news is what it does not date itself; sentences with an absolute
        date are its history."""
        absolute = {(r[0], r[1]) for r in self.conn.execute(
            "SELECT f.doc_id, f.start FROM facts f JOIN documents d ON d.id = f.doc_id WHERE d.published IS NULL "
            "AND f.kind != 'duration' AND f.id NOT IN (SELECT fact_id FROM temp.timeline_told) UNION "
            f"SELECT e.doc_id, e.start FROM events e JOIN documents d ON d.id = e.doc_id WHERE d.published IS NULL "
            f"AND e.status = 'asserted' AND {_DATED} AND COALESCE(e.date_granularity, '') != ''"
        )}  # fmt: skip
        share = _Shared()
        out: dict[int, list[_Source]] = {}
        for r in self.conn.execute(
            f"{_EVENTS} AND (e.date IS NULL OR e.date = '') AND d.published IS NULL ORDER BY e.doc_id, e.start, e.rank"
        ):
            if r["doc_id"] not in docs or (r["doc_id"], r["start"]) in absolute:
                continue
            out.setdefault(r["doc_id"], []).append(self._event(r, share))
        return out


def told_as_state(before: str, trigger: str) -> bool:
    """Is the event told as a state the report's day finds ("has been suspended", "had agreed"),
    from the words before its trigger and the trigger itself?"""
    if not (PERFECT.search(before) and STATIVE.search(before)):
        return False
    return not (trigger.lower().endswith("ing") and _ONGOING.search(before))
