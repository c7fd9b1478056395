"""Reading canonical actors back: listings and one actor with its articles."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from dateline.errors import NotFoundError

ACTOR_COLUMNS = ("id", "name", "kind", "code", "sector", "office", "n_mentions", "n_documents", "first_seen", "last_seen")


def list_actors(
    conn: sqlite3.Connection, *, code: str | None = None, sector: str | None = None, kind: str | None = None
) -> list[dict[str, Any]]:
    clauses, params = [], []
    for column, value in (("code", code), ("sector", sector), ("kind", kind)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value.upper() if column != "kind" else value)
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = conn.execute(f"SELECT * FROM actors{where} ORDER BY n_mentions DESC, id", params).fetchall()
    return [{**dict(r), "aliases": json.loads(r["aliases"])} for r in rows]


def find_actor(conn: sqlite3.Connection, name: str) -> dict[str, Any]:
    """An actor by id, name or alias (case-insensitive), else the closest name (rapidfuzz)."""
    from rapidfuzz import fuzz, process

    actors = list_actors(conn)
    wanted = name.strip().lower()
    for actor in actors:
        if wanted in (actor["id"].lower(), actor["name"].lower()) or wanted in (a.lower() for a in actor["aliases"]):
            return _with_documents(conn, actor)
    names = [(alias, actor["id"]) for actor in actors for alias in [actor["name"], *actor["aliases"]]]
    best = process.extractOne(name, [n for n, _ in names], scorer=fuzz.WRatio, score_cutoff=85)
    if best is None:
        raise NotFoundError(f"no actor matches {name!r} (see `dateline actors`)")
    actor_id = names[best[2]][1]
    return _with_documents(conn, next(a for a in actors if a["id"] == actor_id))


def _with_documents(conn: sqlite3.Connection, actor: dict[str, Any]) -> dict[str, Any]:
    docs = conn.execute(
        "SELECT d.id, d.title, d.path, d.published, COUNT(*) AS mentions FROM spans s JOIN documents d ON d.id = s.doc_id "
        "WHERE s.kind = 'actor_mention' AND s.value = ? GROUP BY d.id ORDER BY d.published, d.id",
        (actor["id"],),
    ).fetchall()
    return {**actor, "documents": [dict(r) for r in docs]}
