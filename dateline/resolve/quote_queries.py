"""Reading quotes back, with the speaker's canonical actor (code, sector and office learnt across
the corpus) and the document's outlet and publication date."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Collection
from typing import Any

QUOTE_COLUMNS = ("date", "speaker", "office", "code", "sector", "outlet", "direct", "quote", "doc_id")


def list_quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    speaker_ids: Collection[str] | None = None,
    code: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int | None = None,
    offset: int = 0,
    doc_id: int | None = None,
) -> list[dict[str, Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if doc_id is not None:
        clauses.append("q.doc_id = ?")
        params.append(doc_id)
    if speaker:
        from dateline.resolve.actor_queries import find_actor

        clauses.append("q.actor_id = ?")
        params.append(find_actor(conn, speaker, with_documents=False)["id"])
    if speaker_ids is not None:
        ids = sorted(speaker_ids)
        clauses.append(f"q.actor_id IN ({','.join('?' * len(ids))})")
        params.extend(ids)
    if code:
        clauses.append("COALESCE(NULLIF(a.code, ''), q.code) = ?")
        params.append(code.upper())
    if date_from:
        clauses.append("q.date >= ?")
        params.append(date_from.isoformat())
    if date_to:
        clauses.append("q.date <= ?")
        params.append(date_to.isoformat())
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = conn.execute(
        "SELECT q.*, d.outlet, d.published, d.title, substr(d.text, q.start + 1, q.end - q.start) AS quote, "
        "a.name AS actor_name, a.code AS actor_code, a.sector AS actor_sector, a.office AS actor_office "
        f"FROM quotes q JOIN documents d ON d.id = q.doc_id LEFT JOIN actors a ON a.id = q.actor_id {where} "
        "ORDER BY q.date IS NULL, q.date, q.doc_id, q.start" + (" LIMIT ? OFFSET ?" if limit is not None else ""),
        [*params, *((limit, offset) if limit is not None else ())],
    ).fetchall()
    out = []
    for r in rows:
        out.append({
            "id": r["id"], "doc_id": r["doc_id"], "date": r["date"], "date_source": r["date_source"],
            "speaker": r["actor_name"] or r["speaker_name"] or r["speaker_text"], "speaker_text": r["speaker_text"],
            "actor_id": r["actor_id"], "office": r["actor_office"] or r["office"], "code": r["actor_code"] or r["code"],
            "sector": r["actor_sector"] or r["sector"], "outlet": r["outlet"], "published": r["published"],
            "direct": bool(r["direct"]), "cue": r["cue_lemma"], "quote": r["quote"],
            "start": r["start"], "end": r["end"], "speaker_span": [r["speaker_start"], r["speaker_end"]],
            "pieces": json.loads(r["pieces"]),
        })  # fmt: skip
    return out
