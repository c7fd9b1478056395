"""Reading quotes back, with the speaker's canonical actor (code, sector and office learnt across
the corpus) and the document's outlet and publication date."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection

from dateline.core.filters import NO_FILTER, Filter
from dateline.core.views import Quote
from dateline.resolve.actor_queries import find_actor
from dateline.store.sql import Query, order_by

QUOTE_COLUMNS = ("date", "speaker", "office", "code", "sector", "outlet", "direct", "quote", "doc_id")


# The FROM of a listing and of its count: the filters read the speaker's actor and the document's text.
QUOTES_FROM = "quotes q JOIN documents d ON d.id = q.doc_id LEFT JOIN actors a ON a.id = q.actor_id"
# Undated quotes last in both directions; ties in document order.
QUOTE_ORDERS = {
    "date": "q.date IS NULL, q.date, q.doc_id, q.start",
    "-date": "q.date IS NULL, q.date DESC, q.doc_id DESC, q.start",
    "speaker": "COALESCE(a.name, q.speaker_name, q.speaker_text) COLLATE NOCASE, q.date IS NULL, q.date, q.doc_id, q.start",
    "-speaker": "COALESCE(a.name, q.speaker_name, q.speaker_text) COLLATE NOCASE DESC, q.date IS NULL, q.date, q.doc_id, q.start",
}


def quote_conditions(conn: sqlite3.Connection, where: Filter, speaker_ids: Collection[str] | None = None) -> Query:
    """The WHERE of :func:`list_quotes` and :func:`count_quotes` (one function: they cannot drift apart)."""
    where.check("quotes", ("speaker", "code", "date_from", "date_to", "doc_id", "text", "sort"))
    query = Query()
    if where.doc_id is not None:
        query.add("q.doc_id = ?", where.doc_id)
    if where.speaker:
        query.add("q.actor_id = ?", find_actor(conn, where.speaker).id)
    if speaker_ids is not None:
        query.add_in("q.actor_id", speaker_ids)
    if where.code:
        query.add("COALESCE(NULLIF(a.code, ''), q.code) = ?", where.code.upper())
    if where.date_from:
        query.add("q.date >= ?", where.date_from.isoformat())
    if where.date_to:
        query.add("q.date <= ?", where.date_to.isoformat())
    if where.text:
        query.add("instr(lower(substr(d.text, q.start + 1, q.end - q.start)), lower(?)) > 0", where.text)
    return query


def count_quotes(conn: sqlite3.Connection, where: Filter = NO_FILTER) -> int:
    """How many quotes :func:`list_quotes` would list without its page."""
    query = quote_conditions(conn, where)
    return int(conn.execute(query.count_sql(QUOTES_FROM), query.params).fetchone()[0])


def list_quotes(conn: sqlite3.Connection, where: Filter = NO_FILTER, *, speaker_ids: Collection[str] | None = None) -> list[Quote]:
    """Quotes by date, or ``where.sort``: ``date``, ``speaker``, either with ``-`` for the reverse
    (``speaker_ids``: only these speakers' own, as :func:`statements` asks)."""
    query = quote_conditions(conn, where, speaker_ids)
    order = order_by("quotes", where.sort, QUOTE_ORDERS, "date")
    sql = query.sql(
        "SELECT q.*, d.outlet, d.published, substr(d.text, q.start + 1, q.end - q.start) AS quote, "
        f"a.name AS actor_name, a.code AS actor_code, a.sector AS actor_sector, a.office AS actor_office FROM {QUOTES_FROM}",
        order, limit=where.limit, offset=where.offset,
    )  # fmt: skip
    params = query.params
    return [
        Quote(
            id=r["id"], doc_id=r["doc_id"], date=r["date"], date_source=r["date_source"],
            speaker=r["actor_name"] or r["speaker_name"] or r["speaker_text"], speaker_text=r["speaker_text"],
            actor_id=r["actor_id"], office=r["actor_office"] or r["office"], code=r["actor_code"] or r["code"],
            sector=r["actor_sector"] or r["sector"], outlet=r["outlet"], published=r["published"],
            direct=bool(r["direct"]), cue=r["cue_lemma"], quote=r["quote"], start=r["start"], end=r["end"],
            speaker_span=[r["speaker_start"], r["speaker_end"]], pieces=json.loads(r["pieces"]),
        )
        for r in conn.execute(sql, params)
    ]
