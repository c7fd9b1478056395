"""Reading quotes back, with the speaker's canonical actor (code, sector and office learnt across
the corpus) and the document's outlet and publication date."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection

from dateline.core.filters import NO_FILTER, Filter
from dateline.core.views import Quote
from dateline.resolve.actor_queries import find_actor

QUOTE_COLUMNS = ("date", "speaker", "office", "code", "sector", "outlet", "direct", "quote", "doc_id")


def list_quotes(conn: sqlite3.Connection, where: Filter = NO_FILTER, *, speaker_ids: Collection[str] | None = None) -> list[Quote]:
    """Quotes by date (``speaker_ids``: only these speakers' own, as :func:`statements` asks)."""
    where.check("quotes", ("speaker", "code", "date_from", "date_to", "doc_id", "text"))
    clauses: list[str] = []
    params: list[object] = []
    if where.doc_id is not None:
        clauses.append("q.doc_id = ?")
        params.append(where.doc_id)
    if where.speaker:
        clauses.append("q.actor_id = ?")
        params.append(find_actor(conn, where.speaker).id)
    if speaker_ids is not None:
        ids = sorted(speaker_ids)
        clauses.append(f"q.actor_id IN ({','.join('?' * len(ids))})")
        params.extend(ids)
    if where.code:
        clauses.append("COALESCE(NULLIF(a.code, ''), q.code) = ?")
        params.append(where.code.upper())
    if where.date_from:
        clauses.append("q.date >= ?")
        params.append(where.date_from.isoformat())
    if where.date_to:
        clauses.append("q.date <= ?")
        params.append(where.date_to.isoformat())
    if where.text:
        clauses.append("instr(lower(substr(d.text, q.start + 1, q.end - q.start)), lower(?)) > 0")
        params.append(where.text)
    sql = (
        "SELECT q.*, d.outlet, d.published, substr(d.text, q.start + 1, q.end - q.start) AS quote, "
        "a.name AS actor_name, a.code AS actor_code, a.sector AS actor_sector, a.office AS actor_office "
        "FROM quotes q JOIN documents d ON d.id = q.doc_id LEFT JOIN actors a ON a.id = q.actor_id "
        + (f"WHERE {' AND '.join(clauses)} " if clauses else "")
        + "ORDER BY q.date IS NULL, q.date, q.doc_id, q.start"
    )
    if where.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params.extend([where.limit, where.offset])
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
