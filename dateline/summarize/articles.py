"""Inputs to summarisation: an articles JSONL (``{id, time, text}`` a line) or the database."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from dateline.core.errors import DatelineError
from dateline.summarize.timeline_summary import Article


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_articles_jsonl(path: str | Path) -> list[Article]:
    out: list[Article] = []
    with Path(path).open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise DatelineError(f"{path}:{n}: not JSON: {e}") from e
            out.append(Article(str(rec.get("id", n)), _date(rec.get("time")), str(rec.get("text") or "")))
    return out


def read_articles_db(conn: sqlite3.Connection) -> list[Article]:
    cols = {r[1] for r in conn.execute("PRAGMA table_info(documents)")}
    pub = "published" if "published" in cols else "NULL"
    rows = conn.execute(f"SELECT id, {pub}, text FROM documents ORDER BY id").fetchall()
    return [Article(str(i), _date(p), t or "") for i, p, t in rows]
