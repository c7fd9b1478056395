"""Reading canonical actors back: listings and one actor with its articles."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from dateline.core.errors import NotFoundError

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


def find_actor(conn: sqlite3.Connection, name: str, *, with_documents: bool = True) -> dict[str, Any]:
    """An actor by id, name or alias (case-insensitive), else the closest name (rapidfuzz)."""
    wanted = name.strip()
    row = conn.execute(
        "SELECT * FROM actors WHERE id = ? OR name = ? COLLATE NOCASE ORDER BY id = ? DESC, n_mentions DESC, id LIMIT 1",
        (wanted, wanted, wanted),
    ).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT a.* FROM actors a, json_each(a.aliases) j WHERE lower(j.value) = lower(?) "
            "ORDER BY a.n_mentions DESC, a.id LIMIT 1",
            (wanted,),
        ).fetchone()
    if row is None:
        from rapidfuzz import fuzz, process

        actors = list_actors(conn)
        names = [(alias, actor["id"]) for actor in actors for alias in [actor["name"], *actor["aliases"]]]
        best = process.extractOne(name, [n for n, _ in names], scorer=fuzz.WRatio, score_cutoff=85)
        if best is None:
            raise NotFoundError(f"no actor matches {name!r} (see `dateline actors`)")
        row = conn.execute("SELECT * FROM actors WHERE id = ?", (names[best[2]][1],)).fetchone()
    actor = {**dict(row), "aliases": json.loads(row["aliases"])}
    return _with_documents(conn, actor) if with_documents else actor


def _with_documents(conn: sqlite3.Connection, actor: dict[str, Any]) -> dict[str, Any]:
    docs = conn.execute(
        "SELECT d.id, d.title, d.path, d.published, COUNT(*) AS mentions FROM spans s JOIN documents d ON d.id = s.doc_id "
        "WHERE s.kind = 'actor_mention' AND s.value = ? GROUP BY d.id ORDER BY d.published, d.id",
        (actor["id"],),
    ).fetchall()
    return {**actor, "documents": [dict(r) for r in docs]}
