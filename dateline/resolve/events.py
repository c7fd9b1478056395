"""Corpus-level event index: who took part in which event, rebuilt from the events table."""

from __future__ import annotations

import sqlite3

from dateline.core.settings import Settings
from dateline.resolve import resolver


@resolver("events")
def index_event_actors(conn: sqlite3.Connection, settings: Settings) -> int:
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM event_actors")
        for role, column in (("actor", "actors"), ("recipient", "recipients")):
            conn.execute(
                "INSERT INTO event_actors (event_id, doc_id, actor_id, role, code) "
                "SELECT e.id, e.doc_id, json_extract(j.value, '$.actor_id'), ?, COALESCE(json_extract(j.value, '$.code'), '') "
                f"FROM events e, json_each(e.{column}) j WHERE json_extract(j.value, '$.actor_id') IS NOT NULL",
                (role,),
            )
        count = conn.execute("SELECT COUNT(*) FROM event_actors").fetchone()[0]
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return int(count)
