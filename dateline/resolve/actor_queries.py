"""Reading canonical actors back: listings, one actor with its articles, and its network neighbours."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass

from dateline.core.errors import NotFoundError
from dateline.core.filters import NO_FILTER, Filter
from dateline.core.knowledge import Knowledge, load
from dateline.core.views import Actor, ActorDocument, Neighbour
from dateline.store.sql import Query, order_by

ACTOR_COLUMNS = ("id", "name", "kind", "code", "sector", "office", "n_mentions", "n_documents", "first_seen", "last_seen")


def _actor(row: sqlite3.Row) -> Actor:
    return Actor(row["id"], row["name"], row["kind"], row["code"], row["sector"], row["office"], json.loads(row["aliases"]),
                 row["n_mentions"], row["n_documents"], row["first_seen"], row["last_seen"])  # fmt: skip


ACTOR_ORDERS = {
    "mentions": "n_mentions DESC, id", "-mentions": "n_mentions, id",
    "documents": "n_documents DESC, n_mentions DESC, id", "-documents": "n_documents, n_mentions, id",
    "name": "name COLLATE NOCASE, id", "-name": "name COLLATE NOCASE DESC, id",
    "code": "code = '', code, sector, n_mentions DESC, id", "-code": "code = '', code DESC, sector, n_mentions DESC, id",
}  # fmt: skip


def actor_conditions(where: Filter) -> Query:
    """The WHERE of :func:`list_actors` and :func:`count_actors`."""
    where.check("actors", ("code", "sector", "kind", "text", "sort"))
    query = Query()
    if where.code:
        query.add("code = ?", where.code.upper())
    if where.sector:
        query.add("sector = ?", where.sector.upper())
    if where.kind:
        query.add("kind = ?", where.kind)
    if where.text:
        query.add("(instr(lower(name), lower(?)) > 0 OR instr(lower(aliases), lower(?)) > 0)", where.text, where.text)
    return query


def count_actors(conn: sqlite3.Connection, where: Filter = NO_FILTER) -> int:
    """How many actors :func:`list_actors` would list without its page."""
    query = actor_conditions(where)
    return int(conn.execute(query.count_sql("actors"), query.params).fetchone()[0])


def list_actors(conn: sqlite3.Connection, where: Filter = NO_FILTER) -> list[Actor]:
    """Actors, most mentioned first, or ``where.sort``: ``mentions``, ``documents``, ``name``,
    ``code``, each with ``-`` for the reverse (``text``: a substring of the name or an alias)."""
    query = actor_conditions(where)
    order = order_by("actors", where.sort, ACTOR_ORDERS, "mentions")
    sql = query.sql("SELECT * FROM actors", order, limit=where.limit, offset=where.offset)
    return [_actor(r) for r in conn.execute(sql, query.params)]


def find_actor(conn: sqlite3.Connection, name: str) -> Actor:
    """An actor by id, name or alias (case-insensitive), else the closest name (rapidfuzz)."""
    wanted = name.strip()
    row = conn.execute("SELECT * FROM actors WHERE id = ?", (wanted,)).fetchone()
    if row is None:
        # By name or alias, the most mentioned: "Bush" is George W. Bush, whose alias it is, before
        # the "Bush" of one article that named two Bushes and left its short form to itself.
        row = conn.execute(
            "SELECT a.* FROM actors a WHERE a.name = ? COLLATE NOCASE OR EXISTS "
            "(SELECT 1 FROM json_each(a.aliases) j WHERE lower(j.value) = lower(?)) ORDER BY a.n_mentions DESC, a.id LIMIT 1",
            (wanted, wanted),
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


@dataclass(frozen=True, slots=True)
class OfficeHolder:
    """A person who held a post on a day, and where that is known from."""

    actor_id: str
    name: str
    code: str
    sector: str
    office: str
    source: str  # "the actor dictionary" | "the knowledge file" | "this corpus (N articles)"


def office_holders(conn: sqlite3.Connection | None, code: str, sector: str, day: dt.date, office: str = "",
                   knowledge: Knowledge | None = None) -> list[OfficeHolder]:  # fmt: skip
    """Who held the post (``code``, ``sector``, and ``office`` where given) on ``day``: "who was
    Syria's foreign minister in 2012" is ``office_holders(conn, "SYR", "GOV", date(2012, 6, 1),
    "Foreign Minister")``. From the dated roles of the knowledge (dictionary and knowledge file) and,
    with a corpus, from the roles its dated articles state (a titled mention in an article of that
    year)."""
    kb = knowledge or load()
    out: dict[str, OfficeHolder] = {}
    for actor in kb.dictionary.holders(code, sector, day, office):
        role = actor.role_at(day)
        assert role is not None
        source = "the actor dictionary" if role.source == "phoenix" else "the knowledge file"
        out[actor.actor_id] = OfficeHolder(actor.actor_id, actor.name, code, sector, role.office, source)
    if conn is not None:
        counts: dict[tuple[str, str, str], int] = {}
        for actor_id, attrs in conn.execute(
            "SELECT s.value, s.attrs FROM spans s JOIN documents d ON d.id = s.doc_id "
            "WHERE s.kind = 'actor_mention' AND substr(d.published, 1, 4) = ?", (f"{day.year:04d}",)
        ):
            data = json.loads(attrs)
            if data.get("via") != "role" or data.get("kind") != "person" or data.get("code") != code or data.get("sector") != sector:
                continue
            if office and office.lower() not in str(data.get("office", "")).lower():
                continue
            key = (actor_id, str(data.get("name", "")), str(data.get("office", "")))
            counts[key] = counts.get(key, 0) + 1
        for (actor_id, name, stated), n in sorted(counts.items()):
            if actor_id not in out:
                out[actor_id] = OfficeHolder(actor_id, name, code, sector, stated, f"this corpus ({n} mentions in {day.year})")
    return sorted(out.values(), key=lambda h: (h.name, h.actor_id))
