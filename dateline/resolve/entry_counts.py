"""How many timeline entries a filter selects, by SQL ``COUNT(*)`` (a page's "of N").

The conditions repeat those of :func:`dateline.resolve.timeline_queries.list_timeline` clause for
clause, because that module is being changed on another branch at the same time; the test
``test_every_count_is_its_listing_length`` holds the two together on every field the timeline takes.
Once both branches are merged, ``list_timeline`` can build its WHERE with :func:`timeline_conditions`.
"""

from __future__ import annotations

import sqlite3

from dateline.core.errors import ConfigError
from dateline.core.filters import NO_FILTER, Filter
from dateline.resolve.actor_queries import find_actor
from dateline.store.sql import Query


def timeline_conditions(conn: sqlite3.Connection, where: Filter) -> Query:
    """The WHERE of the timeline's entries (``t`` is ``timeline_entries``)."""
    where.check("the timeline", ("actor", "code", "event_type", "date_from", "date_to", "kind", "text", "sort"))
    query = Query()
    if where.event_type:
        query.add("t.event = ?", where.event_type.upper())
    if where.kind in ("news", "background"):
        query.add("t.kind = ?", where.kind)
    elif where.kind not in (None, "all"):
        raise ConfigError(f"a timeline entry's kind is news or background, not {where.kind!r}")
    if where.date_from:
        query.add("substr(t.date, 1, 10) >= substr(?, 1, length(t.date))", where.date_from.isoformat())
    if where.date_to:
        query.add("substr(t.date, 1, 10) <= ?", where.date_to.isoformat())
    if where.actor:
        query.add("t.id IN (SELECT entry_id FROM timeline_actors WHERE actor_id = ?)", find_actor(conn, where.actor).id)
    if where.code:
        query.add("t.id IN (SELECT entry_id FROM timeline_actors WHERE code = ?)", where.code.upper())
    if where.text:
        query.add("instr(lower(t.headline), lower(?)) > 0", where.text)
    return query


def count_timeline(conn: sqlite3.Connection, where: Filter = NO_FILTER) -> int:
    """How many entries the timeline lists for ``where`` without its page."""
    query = timeline_conditions(conn, where)
    return int(conn.execute(query.count_sql("timeline_entries t"), query.params).fetchone()[0])
