"""Reading events back, filtered by type, actor, code and date."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from typing import Any

from dateline.core.errors import ConfigError
from dateline.core.filters import NO_FILTER, Filter
from dateline.core.views import Event
from dateline.resolve.actor_queries import find_actor
from dateline.store.sql import Query

EVENT_COLUMNS = ("date", "event", "mode", "actors", "recipients", "flags", "outlet", "evidence", "doc_id")
FLAGS = ("negated", "hypothetical", "future", "historical")


STATUSES = ("asserted", "negated", "hypothetical", "future", "generic")


def list_events(conn: sqlite3.Connection, where: Filter = NO_FILTER, *, actor_ids: Collection[str] | None = None) -> list[Event]:
    """Events by date (``actor_ids``: only those with one of these as the actor, not the recipient)."""
    where.check("events", ("event_type", "actor", "code", "date_from", "date_to", "doc_id", "text", "status"))
    query = Query()
    if where.status is not None:
        if where.status not in STATUSES:
            raise ConfigError(f"an event's status is one of {', '.join(STATUSES)}, not {where.status!r}")
        query.add("e.status = ?", where.status)
    if where.doc_id is not None:
        query.add("e.doc_id = ?", where.doc_id)
    if where.event_type:
        query.add("e.event = ?", where.event_type.upper())
    if where.actor:
        query.add("e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)", find_actor(conn, where.actor).id)
    if actor_ids is not None:
        ids = sorted(actor_ids)
        query.add(f"e.id IN (SELECT event_id FROM event_actors WHERE role = 'actor' AND actor_id IN ({','.join('?' * len(ids))}))", *ids)
    if where.code:
        query.add("e.id IN (SELECT event_id FROM event_actors WHERE code = ?)", where.code.upper())
    if where.date_from:
        query.add("e.date >= ?", where.date_from.isoformat())
    if where.date_to:
        query.add("substr(e.date, 1, 10) <= ?", where.date_to.isoformat())
    if where.text:
        query.add("instr(lower(substr(d.text, e.start + 1, e.end - e.start)), lower(?)) > 0", where.text)
    sql = query.sql(
        "SELECT e.*, d.outlet, d.published, substr(d.text, e.start + 1, e.end - e.start) AS sentence "
        "FROM events e JOIN documents d ON d.id = e.doc_id", "e.date IS NULL, e.date, e.doc_id, e.start, e.rank",
        limit=where.limit, offset=where.offset,
    )  # fmt: skip
    out = []
    for r in conn.execute(sql, query.params):
        actors, recipients = json.loads(r["actors"]), json.loads(r["recipients"])
        out.append(Event(
            id=r["id"], doc_id=r["doc_id"], date=r["date"], date_granularity=r["date_granularity"],
            date_source=r["date_source"], event=r["event"], mode=r["mode"], context=json.loads(r["context"]),
            actor=actors, recipient=recipients, actors=_written(actors), recipients=_written(recipients),
            flags=",".join(f for f in FLAGS if r[f]), location=r["location"], confidence=r["confidence"],
            outlet=r["outlet"], published=r["published"], evidence=r["sentence"],
            trigger=[r["trigger_start"], r["trigger_end"]], status=r["status"],
        ))  # fmt: skip
    return out


def _written(participants: list[dict[str, Any]]) -> str:
    return "; ".join(f"{a['name']} ({a['code']} {a['sector']})".replace(" )", ")") for a in participants)
