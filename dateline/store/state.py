"""The corpus change counter that lets an unchanged re-ingest skip the corpus-level resolution.

Writers call :func:`mark_changed` inside the transaction that changes documents or annotations, so
a crash between the write and the resolution leaves the counter ahead and the next run resolves.
"""

from __future__ import annotations

import sqlite3


def mark_changed(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE corpus_state SET value = value + 1 WHERE key = 'changes'")


def needs_resolution(conn: sqlite3.Connection) -> bool:
    state = dict(conn.execute("SELECT key, value FROM corpus_state").fetchall())
    return bool(state.get("changes", 1) != state.get("resolved", 0))


def mark_resolved(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE corpus_state SET value = (SELECT value FROM corpus_state WHERE key = 'changes') WHERE key = 'resolved'")
