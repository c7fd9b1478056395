"""Reading the timeline back, and what an actor said and did about another."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from dateline.core.errors import ConfigError, NotFoundError
from dateline.core.filters import NO_FILTER, Filter
from dateline.core.views import (
    Actor,
    DateProposal,
    EntryQuote,
    Reporter,
    Statement,
    TimelineEntry,
    TimelineSource,
)
from dateline.resolve.actor_queries import find_actor
from dateline.resolve.event_queries import list_events
from dateline.resolve.quote_queries import list_quotes

TIMELINE_FILTERS = ("actor", "code", "event_type", "date_from", "date_to", "kind", "text", "min_sources", "top", "sort")


def list_timeline(conn: sqlite3.Connection, where: Filter = NO_FILTER) -> list[TimelineEntry]:
    """Timeline entries with their sources and quotes: in date order (a date of any granularity by
    the first day it covers), or the most important first (``sort="importance"``); ``top`` keeps
    the N most important of those that match; ``limit`` gives one page."""
    where.check("the timeline", TIMELINE_FILTERS)
    clauses, params = timeline_clauses(conn, where)
    if where.sort not in (None, "date", "importance"):
        raise ConfigError(f"the timeline sorts by date or importance, not {where.sort!r}")
    if where.top is not None:
        chosen = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        clauses = [f"t.id IN (SELECT t.id FROM timeline_entries t {chosen} ORDER BY t.importance DESC, t.id LIMIT ?)"]
        params = [*params, where.top]
    order = "t.importance DESC, t.id" if where.sort == "importance" else "t.id"
    return _entries(conn, clauses, params, where.limit, where.offset, order=order)


def count_timeline(conn: sqlite3.Connection, where: Filter = NO_FILTER) -> int:
    """How many entries :func:`list_timeline` gives for ``where`` without its page: one ``COUNT(*)``
    over the same conditions, so the two cannot disagree; ``top`` caps the count as it caps the listing."""
    where.check("the timeline", TIMELINE_FILTERS)
    clauses, params = timeline_clauses(conn, where)
    condition = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    found = int(conn.execute(f"SELECT COUNT(*) FROM timeline_entries t{condition}", params).fetchone()[0])
    return found if where.top is None else min(found, where.top)


def timeline_clauses(conn: sqlite3.Connection, where: Filter) -> tuple[list[str], list[Any]]:
    """The SQL conditions (on ``timeline_entries t``) and their parameters for ``where``."""
    clauses: list[str] = []
    params: list[Any] = []
    if where.event_type:
        clauses.append("t.event = ?")
        params.append(where.event_type.upper())
    if where.kind in ("news", "background"):
        clauses.append("t.kind = ?")
        params.append(where.kind)
    elif where.kind not in (None, "all"):
        raise ConfigError(f"a timeline entry's kind is news or background, not {where.kind!r}")
    # A period keeps the entries whose dates overlap it: "2012-W05", "2012-Q1" and "the 2010s" are in 2012.
    if where.date_from:
        clauses.append("t.end_day >= ?")
        params.append(where.date_from.isoformat())
    if where.date_to:
        clauses.append("t.start_day <= ?")
        params.append(where.date_to.isoformat())
    if where.min_sources:
        clauses.append("t.n_sources >= ?")
        params.append(where.min_sources)
    if where.actor:
        clauses.append("t.id IN (SELECT entry_id FROM timeline_actors WHERE actor_id = ?)")
        params.append(find_actor(conn, where.actor).id)
    if where.code:
        clauses.append("t.id IN (SELECT entry_id FROM timeline_actors WHERE code = ?)")
        params.append(where.code.upper())
    if where.text:
        clauses.append("instr(lower(t.headline), lower(?)) > 0")
        params.append(where.text)
    return clauses, params


def timeline_entry(conn: sqlite3.Connection, entry_id: int) -> TimelineEntry:
    """One timeline entry by its id."""
    found = _entries(conn, ["t.id = ?"], [entry_id], None, 0)
    if not found:
        raise NotFoundError(f"no timeline entry {entry_id}")
    return found[0]


def _entries(conn: sqlite3.Connection, clauses: list[str], params: list[Any], limit: int | None, offset: int,
             *, order: str = "t.id") -> list[TimelineEntry]:  # fmt: skip
    # Ids follow the timeline order (the resolver numbers entries by date), so "t.id" is date order.
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    page = " LIMIT ? OFFSET ?" if limit is not None else ""
    entries = conn.execute(
        f"SELECT * FROM timeline_entries t {where} ORDER BY {order}{page}",
        [*params, *((limit, offset) if limit is not None else ())],
    ).fetchall()
    by_entry: dict[int, list[TimelineSource]] = {}
    quotes_by_doc: dict[int, list[sqlite3.Row]] = {}
    seen_quotes: set[int] = set()  # a quote's document can be fetched again for the next chunk of entries
    ids = [e["id"] for e in entries]
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        marks = ",".join("?" * len(chunk))
        for s in conn.execute(
            "SELECT s.*, d.outlet, d.published, d.title, d.path, substr(d.text, s.start + 1, s.end - s.start) AS sentence "
            f"FROM timeline_sources s JOIN documents d ON d.id = s.doc_id WHERE s.entry_id IN ({marks}) "
            "ORDER BY s.entry_id, d.published, s.doc_id, s.start",
            chunk,
        ):
            by_entry.setdefault(s["entry_id"], []).append(TimelineSource(
                doc_id=s["doc_id"], outlet=s["outlet"], published=s["published"], title=s["title"], path=s["path"],
                date=s["date"], claim=s["claim"], sentence=s["sentence"], start=s["start"], end=s["end"],
                event_id=s["event_id"], fact_id=s["fact_id"],
            ))  # fmt: skip
        for q in conn.execute(
            "SELECT q.id, q.doc_id, q.sentence_start, q.sentence_end, q.speaker_name, q.actor_id, q.direct, q.date, "
            "substr(d.text, q.start + 1, q.end - q.start) AS quote FROM quotes q JOIN documents d ON d.id = q.doc_id "
            f"WHERE q.doc_id IN (SELECT doc_id FROM timeline_sources WHERE entry_id IN ({marks}) AND event_id IS NOT NULL) "
            "ORDER BY q.doc_id, q.start",
            chunk,
        ):
            if q["id"] not in seen_quotes:
                seen_quotes.add(q["id"])
                quotes_by_doc.setdefault(q["doc_id"], []).append(q)
    return [
        TimelineEntry(
            id=e["id"], date=e["date"], date_end=e["date_end"], granularity=e["granularity"], kind=e["kind"],
            event=e["event"], mode=e["mode"], concepts=json.loads(e["concepts"]), actors=json.loads(e["actors"]),
            recipients=json.loads(e["recipients"]), headline=e["headline"], n_sources=e["n_sources"],
            n_documents=e["n_documents"], sources=by_entry.get(e["id"], []),
            contradictions=json.loads(e["contradictions"]), quotes=_quotes(by_entry.get(e["id"], []), quotes_by_doc),
            n_outlets=e["n_outlets"], importance=e["importance"],
        )
        for e in entries
    ]


def _quotes(sources: list[TimelineSource], quotes_by_doc: dict[int, list[sqlite3.Row]]) -> list[EntryQuote]:
    """The quotes of an entry's evidence sentences: where a statement is the event, what was said."""
    seen: set[int] = set()
    out = []
    for s in sources:
        if s.event_id is None:
            continue
        for q in quotes_by_doc.get(s.doc_id, []):
            if q["id"] not in seen and q["sentence_start"] < s.end and s.start < q["sentence_end"]:
                seen.add(q["id"])
                out.append(EntryQuote(q["id"], q["doc_id"], q["speaker_name"], q["actor_id"], bool(q["direct"]), q["date"], q["quote"]))
    return out


def statements(conn: sqlite3.Connection, *, actor: str, about: str | None = None) -> list[Statement]:
    """What ``actor`` said (quotes) and did (events as actor), by date, optionally about another actor."""
    me = find_actor(conn, actor)
    target = find_actor(conn, about) if about else None
    names = [target.name, *target.aliases] if target else []
    voices = _voices(conn, me)
    rows: list[Statement] = []
    for q in list_quotes(conn, speaker_ids=voices):
        if target and not any(n and n.lower() in q.quote.lower() for n in names):
            continue
        rows.append(Statement(q.date, "quote" if q.direct else "reported", "", q.speaker, q.quote, q.outlet, q.doc_id))
    for e in list_events(conn, Filter(status="asserted"), actor_ids=voices):
        acting = [a for a in e.actor if a.get("actor_id") in voices]
        if not acting:  # the actor index is rebuilt by the resolver; the event's own list decides
            continue
        if target and not any(p.get("actor_id") == target.id for p in e.recipient) and not any(
            n and n.lower() in e.evidence.lower() for n in names
        ):
            continue
        rows.append(Statement(e.date, "event", e.event, _names(acting), e.evidence, e.outlet, e.doc_id))
    return sorted(rows, key=lambda r: (r.date is None, r.date or "", r.doc_id))


# Sectors through which a state speaks and acts (PLOVER): its government, forces, police, courts,
# intelligence and legislature -- not its civilians, parties, opposition or businesses.
STATE_SECTORS = ("GOV", "MIL", "COP", "JUD", "SPY", "LEG")


def _voices(conn: sqlite3.Connection, me: Actor) -> set[str]:
    """The actors whose words and acts are ``me``'s: a country's are also its state's ("what has
    Russia said" includes its Foreign Ministry, its ministers and its spokeswoman); anyone else's are
    their own."""
    if me.kind != "country" or not me.code:
        return {me.id}
    marks = ",".join("?" * len(STATE_SECTORS))
    state = conn.execute(f"SELECT id FROM actors WHERE code = ? AND sector IN ({marks})", (me.code, *STATE_SECTORS))
    return {me.id, *(r["id"] for r in state)}


def _names(actors: list[dict[str, Any]]) -> str:
    return ", ".join(dict.fromkeys(str(a.get("name") or a.get("entity_text") or "") for a in actors))


def list_proposals(conn: sqlite3.Connection) -> list[DateProposal]:
    """Dates proposed for undated and ambiguous articles, with the sentences that support them."""
    out = []
    for p in conn.execute(
        "SELECT p.*, d.path, d.title, d.date_source, d.date_candidates, d.text FROM date_proposals p "
        "JOIN documents d ON d.id = p.doc_id ORDER BY p.doc_id"
    ):
        evidence = json.loads(p["evidence"])
        reporters = []
        for item in evidence:
            their = item["their"]
            row = conn.execute(
                "SELECT id, path, published, substr(text, ? + 1, ? - ?) AS sentence FROM documents WHERE id = ?",
                (their["start"], their["end"], their["start"], their["doc_id"]),
            ).fetchone()
            reporters.append(Reporter(row["id"], row["path"], row["published"], row["sentence"].strip()))
        out.append(DateProposal(
            doc_id=p["doc_id"], path=p["path"], title=p["title"], date_source=p["date_source"],
            candidates=[c["date"] for c in json.loads(p["date_candidates"] or "[]")], proposed=p["date"],
            granularity=p["granularity"], score=p["score"], because="; ".join(item["headline"] for item in evidence),
            entry_ids=[item["entry_id"] for item in evidence],
            own=[p["text"][a:b].strip() for item in evidence for a, b in item["own"]], reported_by=reporters,
        ))  # fmt: skip
    return out
