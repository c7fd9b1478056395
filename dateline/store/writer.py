"""Writing documents and annotation rows. Parameterised SQL only; table and column names come
from the schema itself, never from input."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from dateline.core.errors import StoreError
from dateline.core.records import Row, SpanRow, TableRow

DOCUMENT_COLUMNS = (
    "doc_key", "path", "record_id", "url", "title", "summary", "text", "body_start", "content_hash",
    "n_chars", "n_words", "outlet", "place", "dateline_text", "dateline_start", "dateline_end",
    "published", "date_source", "date_confidence", "date_candidates", "date_evidence",
    "duplicate_of", "duplicate_kind", "similarity", "minhash", "ingested_at",
)  # fmt: skip


# A lone UTF-16 surrogate cannot be encoded as UTF-8, so SQLite refuses the whole statement (and a
# batch's transaction with it). The readers replace them with a warning; this is the last guard.
_SURROGATES = re.compile("[\ud800-\udfff]")


def storable(value: Any) -> Any:
    """``value``, with any lone surrogate of a string replaced by U+FFFD (one for one: offsets hold)."""
    if isinstance(value, str) and not value.isascii():
        return _SURROGATES.sub("\ufffd", value)
    return value


def insert_document(conn: sqlite3.Connection, values: dict[str, Any]) -> int:
    cols = [c for c in DOCUMENT_COLUMNS if c in values]
    sql = f"INSERT INTO documents ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
    cur = conn.execute(sql, [storable(values[c]) for c in cols])
    assert cur.lastrowid is not None
    return cur.lastrowid


def update_document(conn: sqlite3.Connection, doc_id: int, values: dict[str, Any]) -> None:
    cols = [c for c in DOCUMENT_COLUMNS if c in values]
    if cols:
        assignments = ", ".join(f"{c} = ?" for c in cols)
        conn.execute(f"UPDATE documents SET {assignments} WHERE id = ?", [*(storable(values[c]) for c in cols), doc_id])


def table_columns(conn: sqlite3.Connection, table: str) -> frozenset[str]:
    known = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if table not in known:
        raise StoreError(f"no table {table!r} in the database; is its migration missing?")
    return frozenset(r[1] for r in conn.execute(f"PRAGMA table_info({table})"))


def clear_stage(conn: sqlite3.Connection, doc_id: int, stage: str, tables: Iterable[str]) -> None:
    """Remove what ``stage`` stored for ``doc_id`` before it is written again."""
    conn.execute("DELETE FROM spans WHERE doc_id = ? AND stage = ?", (doc_id, stage))
    existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in tables:
        if table in existing and table != "spans":
            conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))


def _sql_value(value: Any) -> Any:
    if isinstance(value, dict | list | tuple):
        return storable(json.dumps(value, sort_keys=True, ensure_ascii=False))
    if isinstance(value, bool):
        return int(value)
    return storable(value)


def write_rows(conn: sqlite3.Connection, rows: Sequence[Row]) -> None:
    spans = [r for r in rows if isinstance(r, SpanRow)]
    if spans:
        conn.executemany(
            "INSERT INTO spans (doc_id, stage, kind, start, end, label, value, attrs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(s.doc_id, s.stage, s.kind, s.start, s.end, storable(s.label), storable(s.value), storable(s.attrs_json()))
             for s in spans],
        )
    by_table: dict[str, list[TableRow]] = {}
    for r in rows:
        if isinstance(r, TableRow):
            by_table.setdefault(r.table, []).append(r)
    for table, table_rows in by_table.items():
        allowed = table_columns(conn, table)
        for row in table_rows:
            values = {"doc_id": row.doc_id, **row.values}
            unknown = set(values) - allowed
            if unknown:
                raise StoreError(f"table {table!r} has no column(s) {sorted(unknown)}")
            cols = sorted(values)
            conn.execute(
                f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                [_sql_value(values[c]) for c in cols],
            )


def record_stage(conn: sqlite3.Connection, doc_id: int, stage: str, version: str, published: str | None, n_rows: int) -> None:
    conn.execute(
        "INSERT INTO stage_runs (doc_id, stage, version, published, n_rows) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(doc_id, stage) DO UPDATE SET version = excluded.version, "
        "published = excluded.published, n_rows = excluded.n_rows",
        (doc_id, stage, version, published, n_rows),
    )


def record_error(conn: sqlite3.Connection, source: str, problem: str, at: str) -> None:
    conn.execute("INSERT INTO ingest_errors (source, problem, at) VALUES (?, ?, ?)", (storable(source), storable(problem), at))
