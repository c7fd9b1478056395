"""Reading events back, filtered by type, actor, code and date."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from typing import Any

from dateline.core.filters import NO_FILTER, Filter
from dateline.core.views import Event
from dateline.resolve.actor_queries import find_actor

EVENT_COLUMNS = ("date", "event", "mode", "actors", "recipients", "flags", "outlet", "evidence", "doc_id")
FLAGS = ("negated", "hypothetical", "future", "historical")


def list_events(
    conn: sqlite3.Connection, where: Filter = NO_FILTER, *, actor_ids: Collection[str] | None = None,
    include_hypothetical: bool = True,
) -> list[Event]:  # fmt: skip
    """Events by date (``actor_ids``: only those with one of these as the actor, not the recipient)."""
    where.check("events", ("event_type", "actor", "code", "date_from", "date_to", "doc_id", "text"))
    clauses: list[str] = []
    params: list[object] = []
    if where.doc_id is not None:
        clauses.append("e.doc_id = ?")
        params.append(where.doc_id)
    if where.event_type:
        clauses.append("e.event = ?")
        params.append(where.event_type.upper())
    if where.actor:
        clauses.append("e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)")
        params.append(find_actor(conn, where.actor).id)
    if actor_ids is not None:
        ids = sorted(actor_ids)
        clauses.append(f"e.id IN (SELECT event_id FROM event_actors WHERE role = 'actor' AND actor_id IN ({','.join('?' * len(ids))}))")
        params.extend(ids)
    if where.code:
        clauses.append("e.id IN (SELECT event_id FROM event_actors WHERE code = ?)")
        params.append(where.code.upper())
    if where.date_from:
        clauses.append("e.date >= ?")
        params.append(where.date_from.isoformat())
    if where.date_to:
        clauses.append("substr(e.date, 1, 10) <= ?")
        params.append(where.date_to.isoformat())
    if where.text:
        clauses.append("instr(lower(substr(d.text, e.start + 1, e.end - e.start)), lower(?)) > 0")
        params.append(where.text)
    if not include_hypothetical:
        clauses.append("e.hypothetical = 0 AND e.negated = 0")
    sql = (
        "SELECT e.*, d.outlet, d.published, substr(d.text, e.start + 1, e.end - e.start) AS sentence "
        "FROM events e JOIN documents d ON d.id = e.doc_id " + (f"WHERE {' AND '.join(clauses)} " if clauses else "")
        + "ORDER BY e.date IS NULL, e.date, e.doc_id, e.start, e.rank"
    )
    if where.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params.extend([where.limit, where.offset])
    out = []
    for r in conn.execute(sql, params):
        actors, recipients = json.loads(r["actors"]), json.loads(r["recipients"])
        out.append(Event(
            id=r["id"], doc_id=r["doc_id"], date=r["date"], date_granularity=r["date_granularity"],
            date_source=r["date_source"], event=r["event"], mode=r["mode"], context=json.loads(r["context"]),
            actor=actors, recipient=recipients, actors=_written(actors), recipients=_written(recipients),
            flags=",".join(f for f in FLAGS if r[f]), location=r["location"], confidence=r["confidence"],
            outlet=r["outlet"], published=r["published"], evidence=r["sentence"],
            trigger=[r["trigger_start"], r["trigger_end"]],
        ))  # fmt: skip
    return out


def _written(participants: list[dict[str, Any]]) -> str:
    return "; ".join(f"{a['name']} ({a['code']} {a['sector']})".replace(" )", ")") for a in participants)
