"""Every stored table as sorted rows: what two runs must agree on (engines, speed changes)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# Columns that record when, not what.
VOLATILE = {"documents": {"ingested_at"}}
TABLES = ("documents", "spans", "quotes", "events", "facts", "actors", "event_actors", "timeline_entries",
          "timeline_sources", "date_proposals", "stage_runs")  # fmt: skip


def dump(path: str | Path) -> dict[str, list[tuple[object, ...]]]:
    """Each table's rows, without volatile columns, ordered by all the others."""
    with sqlite3.connect(path) as conn:
        out = {}
        for table in TABLES:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in VOLATILE.get(table, set())]
            out[table] = conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {', '.join(cols)}").fetchall()
        return out
