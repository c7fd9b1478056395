"""Reading events back, filtered by type, actor, code and date."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Collection
from typing import Any

EVENT_COLUMNS = ("date", "event", "mode", "actors", "recipients", "flags", "outlet", "evidence", "doc_id")


def list_events(
    conn: sqlite3.Connection,
    *,
    event_type: str | None = None,
    actor: str | None = None,
    actor_ids: Collection[str] | None = None,
    code: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    include_hypothetical: bool = True,
    doc_id: int | None = None,
) -> list[dict[str, Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if doc_id is not None:
        clauses.append("e.doc_id = ?")
        params.append(doc_id)
    if event_type:
        clauses.append("e.event = ?")
        params.append(event_type.upper())
    if actor:
        from dateline.resolve.actor_queries import find_actor

        clauses.append("e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ?)")
        params.append(find_actor(conn, actor, with_documents=False)["id"])
    if actor_ids is not None:  # any of these as the actor (not the recipient)
        ids = sorted(actor_ids)
        clauses.append(f"e.id IN (SELECT event_id FROM event_actors WHERE role = 'actor' AND actor_id IN ({','.join('?' * len(ids))}))")
        params.extend(ids)
    if code:
        clauses.append("e.id IN (SELECT event_id FROM event_actors WHERE code = ?)")
        params.append(code.upper())
    if date_from:
        clauses.append("e.date >= ?")
        params.append(date_from.isoformat())
    if date_to:
        clauses.append("substr(e.date, 1, 10) <= ?")
        params.append(date_to.isoformat())
    if not include_hypothetical:
        clauses.append("e.hypothetical = 0 AND e.negated = 0")
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = conn.execute(
        "SELECT e.*, d.outlet, d.published, substr(d.text, e.start + 1, e.end - e.start) AS sentence "
        f"FROM events e JOIN documents d ON d.id = e.doc_id {where} ORDER BY e.date IS NULL, e.date, e.doc_id, e.start, e.rank",
        params,
    ).fetchall()
    out = []
    for r in rows:
        actors, recipients = json.loads(r["actors"]), json.loads(r["recipients"])
        flags = [f for f in ("negated", "hypothetical", "future", "historical") if r[f]]
        out.append({
            "id": r["id"], "doc_id": r["doc_id"], "date": r["date"], "date_granularity": r["date_granularity"],
            "date_source": r["date_source"], "event": r["event"], "mode": r["mode"], "context": json.loads(r["context"]),
            "actor": actors, "recipient": recipients,
            "actors": "; ".join(f"{a['name']} ({a['code']} {a['sector']})".replace(" )", ")") for a in actors),
            "recipients": "; ".join(f"{a['name']} ({a['code']} {a['sector']})".replace(" )", ")") for a in recipients),
            "flags": ",".join(flags), "location": r["location"], "confidence": r["confidence"], "outlet": r["outlet"],
            "published": r["published"], "evidence": r["sentence"], "trigger": [r["trigger_start"], r["trigger_end"]],
        })  # fmt: skip
    return out


def as_plover(event: dict[str, Any]) -> dict[str, Any]:
    """One event in the PLOVER JSON shape (as the shared scorer and POLECAT records use)."""
    def role(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{"code": a["code"], "sector": a["sector"], "entity_text": a.get("entity_text", a.get("name", ""))} for a in items]

    return {"event": event["event"], "mode": event["mode"], "context": event["context"], "actor": role(event["actor"]),
            "recipient": role(event["recipient"]), "date": event["date"], "evidence": event["evidence"]}  # fmt: skip
