"""Reading canonical actors back: listings, one actor with its articles, and its network neighbours."""

from __future__ import annotations

import json
import sqlite3

from dateline.core.errors import NotFoundError
from dateline.core.filters import NO_FILTER, Filter
from dateline.core.views import Actor, ActorDocument, Neighbour
from dateline.store.sql import Query

ACTOR_COLUMNS = ("id", "name", "kind", "code", "sector", "office", "n_mentions", "n_documents", "first_seen", "last_seen")


def _actor(row: sqlite3.Row) -> Actor:
    return Actor(row["id"], row["name"], row["kind"], row["code"], row["sector"], row["office"], json.loads(row["aliases"]),
                 row["n_mentions"], row["n_documents"], row["first_seen"], row["last_seen"])  # fmt: skip


def list_actors(conn: sqlite3.Connection, where: Filter = NO_FILTER) -> list[Actor]:
    """Actors, most mentioned first (``text``: a substring of the name or an alias)."""
    where.check("actors", ("code", "sector", "kind", "text"))
    query = Query()
    if where.code:
        query.add("code = ?", where.code.upper())
    if where.sector:
        query.add("sector = ?", where.sector.upper())
    if where.kind:
        query.add("kind = ?", where.kind)
    if where.text:
        query.add("(instr(lower(name), lower(?)) > 0 OR instr(lower(aliases), lower(?)) > 0)", where.text, where.text)
    sql = query.sql("SELECT * FROM actors", "n_mentions DESC, id", limit=where.limit, offset=where.offset)
    return [_actor(r) for r in conn.execute(sql, query.params)]


def find_actor(conn: sqlite3.Connection, name: str) -> Actor:
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

        names = [(alias, actor.id) for actor in list_actors(conn) for alias in [actor.name, *actor.aliases]]
        best = process.extractOne(name, [n for n, _ in names], scorer=fuzz.WRatio, score_cutoff=85)
        if best is None:
            raise NotFoundError(f"no actor matches {name!r} (see `dateline actors`)")
        row = conn.execute("SELECT * FROM actors WHERE id = ?", (names[best[2]][1],)).fetchone()
    return _actor(row)


def actor_by_id(conn: sqlite3.Connection, actor_id: str) -> Actor:
    """The actor with exactly this id."""
    row = conn.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no actor {actor_id!r}")
    return _actor(row)


def actor_documents(conn: sqlite3.Connection, actor_id: str) -> list[ActorDocument]:
    """The documents that mention the actor, oldest first, with how often."""
    return [ActorDocument(r["id"], r["title"], r["path"], r["published"], r["mentions"]) for r in conn.execute(
        "SELECT d.id, d.title, d.path, d.published, COUNT(*) AS mentions FROM spans s JOIN documents d ON d.id = s.doc_id "
        "WHERE s.kind = 'actor_mention' AND s.value = ? GROUP BY d.id ORDER BY d.published, d.id",
        (actor_id,),
    )]  # fmt: skip


def neighbours(conn: sqlite3.Connection, actor_id: str) -> list[Neighbour]:
    """Actors this one acted on or was acted on by, with event counts and types."""
    rows = conn.execute(
        "SELECT other.actor_id AS id, a.name, a.code, a.sector, me.role AS my_role, e.event, COUNT(*) AS n "
        "FROM event_actors me JOIN event_actors other ON other.event_id = me.event_id AND other.role != me.role "
        "JOIN events e ON e.id = me.event_id LEFT JOIN actors a ON a.id = other.actor_id "
        "WHERE me.actor_id = ? AND other.actor_id != ? AND e.negated = 0 AND e.hypothetical = 0 "
        "GROUP BY other.actor_id, me.role, e.event ORDER BY other.actor_id, me.role, e.event",
        (actor_id, actor_id),
    ).fetchall()
    found: dict[str, tuple[sqlite3.Row, dict[str, int], dict[str, int]]] = {}
    for r in rows:
        _, outgoing, incoming = found.setdefault(r["id"], (r, {}, {}))
        (outgoing if r["my_role"] == "actor" else incoming)[r["event"]] = r["n"]
    out = [Neighbour(i, first["name"] or i, first["code"], first["sector"], outgoing, incoming,
                     sum(outgoing.values()) + sum(incoming.values()))
           for i, (first, outgoing, incoming) in found.items()]  # fmt: skip
    return sorted(out, key=lambda n: (-n.weight, n.id))
