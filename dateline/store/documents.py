"""Reading stored documents back: listings, one document by any reference, its spans, search, errors."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from dateline.core.errors import NotFoundError, QuerySyntaxError
from dateline.core.filters import NO_FILTER, Filter
from dateline.core.views import Document, IngestError, SearchHit, Span
from dateline.store.sql import Query, order_by

DOCUMENT_ORDERS = {
    "id": "id", "-id": "id DESC",
    # What needs a date first: undated, then ambiguous, then the rest (the web app's documents page).
    "undated": "CASE date_source WHEN 'unknown' THEN 0 WHEN 'ambiguous' THEN 1 ELSE 2 END, id",
    "published": "published IS NULL, published, id", "-published": "published IS NULL, published DESC, id",
    "title": "coalesce(title, path) COLLATE NOCASE, id", "-title": "coalesce(title, path) COLLATE NOCASE DESC, id",
    "outlet": "outlet IS NULL, outlet COLLATE NOCASE, id", "-outlet": "outlet IS NULL, outlet COLLATE NOCASE DESC, id",
}  # fmt: skip


def document_conditions(where: Filter) -> Query:
    """The WHERE of :func:`list_documents` and :func:`count_documents`."""
    where.check("documents", ("date_source", "date_from", "date_to", "text", "doc_id", "sort"))
    query = Query()
    if where.date_source:
        query.add("date_source = ?", where.date_source)
    if where.date_from:
        query.add("published >= ?", where.date_from.isoformat())
    if where.date_to:
        query.add("published <= ?", where.date_to.isoformat())
    if where.doc_id is not None:
        query.add("id = ?", where.doc_id)
    if where.text:
        query.add("(instr(lower(coalesce(title, '')), lower(?)) > 0 OR instr(lower(path), lower(?)) > 0)", where.text, where.text)
    return query


def count_documents(conn: sqlite3.Connection, where: Filter = NO_FILTER) -> int:
    """How many documents :func:`list_documents` would list without its page."""
    query = document_conditions(where)
    return int(conn.execute(query.count_sql("documents"), query.params).fetchone()[0])


def list_documents(conn: sqlite3.Connection, where: Filter = NO_FILTER) -> list[Document]:
    """Documents in id order, or ``where.sort``: ``id``, ``undated``, ``published``, ``title``,
    ``outlet``, most with ``-`` for the reverse (``text``: a substring of the title or path)."""
    query = document_conditions(where)
    order = order_by("documents", where.sort, DOCUMENT_ORDERS, "id")
    sql = query.sql("SELECT * FROM documents", order, limit=where.limit, offset=where.offset)
    return [document_from_row(row) for row in conn.execute(sql, query.params)]


def document_by_id(conn: sqlite3.Connection, doc_id: int) -> Document:
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no document {doc_id}")
    return document_from_row(row)


def find_document(conn: sqlite3.Connection, ref: str | int) -> Document:
    """A document by id, key (or its prefix), path, file name or file stem."""
    ref = str(ref).strip()
    rows: list[sqlite3.Row] = []
    if ref.isdigit():
        rows = conn.execute("SELECT * FROM documents WHERE id = ?", (int(ref),)).fetchall()
    if not rows:
        rows = conn.execute(
            "SELECT * FROM documents WHERE doc_key LIKE ? || '%' OR path = ? OR record_id = ? ORDER BY id",
            (ref, ref, ref),
        ).fetchall()
    if not rows:
        candidates = conn.execute("SELECT * FROM documents ORDER BY id").fetchall()
        rows = [r for r in candidates if Path(r["path"]).name == ref or Path(r["path"]).stem == ref]
    if not rows:
        raise NotFoundError(f"no document matches {ref!r} (give an id, key, path or file name)")
    if len(rows) > 1:
        ids = ", ".join(str(r["id"]) for r in rows[:10])
        raise NotFoundError(f"{ref!r} matches several documents ({ids}); give an id")
    return document_from_row(rows[0])


def document_spans(conn: sqlite3.Connection, doc_id: int, *, kind: str | None = None) -> list[Span]:
    text_row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if text_row is None:
        raise NotFoundError(f"no document with id {doc_id}")
    text = text_row[0]
    sql = "SELECT * FROM spans WHERE doc_id = ?" + (" AND kind = ?" if kind else "") + " ORDER BY start, end, id"
    params: tuple[Any, ...] = (doc_id, kind) if kind else (doc_id,)
    return [
        Span(r["id"], r["doc_id"], r["stage"], r["kind"], r["start"], r["end"], r["label"], r["value"],
             json.loads(r["attrs"] or "{}"), text[r["start"] : r["end"]])
        for r in conn.execute(sql, params)
    ]  # fmt: skip


def search(conn: sqlite3.Connection, query: str, *, limit: int = 20) -> list[SearchHit]:
    """Full-text search (SQLite FTS5 syntax) with highlighted snippets, best first."""
    if not query.strip():
        raise QuerySyntaxError("empty search query")
    # Two steps: rank every match by BM25 alone, then make snippets (and join documents) for the
    # page only. In one query SQLite computes each match's snippet before sorting, which costs
    # more than the ranking when a term matches tens of thousands of articles.
    try:
        best = conn.execute(
            "SELECT rowid, bm25(documents_fts) AS rank FROM documents_fts WHERE documents_fts MATCH ? "
            "ORDER BY rank, rowid LIMIT ?",
            (query, limit),
        ).fetchall()
        marks = ", ".join("?" * len(best))
        rows = {r[0]: r for r in conn.execute(
            "SELECT d.id, d.title, d.published, d.outlet, snippet(documents_fts, 1, '[', ']', '…', 12) "
            f"FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid WHERE documents_fts MATCH ? "
            f"AND documents_fts.rowid IN ({marks})",
            (query, *(r[0] for r in best)),
        )} if best else {}  # fmt: skip
    except sqlite3.OperationalError as exc:
        raise QuerySyntaxError(
            f"cannot search for {query!r}: {exc}. Quote phrases with double quotes; "
            "operators are AND, OR, NOT, NEAR()"
        ) from exc
    return [SearchHit(i, rows[i][1], rows[i][2], rows[i][3], rows[i][4], round(rank, 4)) for i, rank in best if i in rows]


def list_errors(conn: sqlite3.Connection) -> list[IngestError]:
    return [IngestError(r["id"], r["source"], r["problem"], r["at"]) for r in conn.execute("SELECT * FROM ingest_errors ORDER BY id")]


def document_from_row(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"], doc_key=row["doc_key"], path=row["path"], record_id=row["record_id"], url=row["url"],
        title=row["title"], summary=row["summary"], outlet=row["outlet"], place=row["place"],
        dateline=row["dateline_text"], published=row["published"], date_source=row["date_source"],
        date_confidence=row["date_confidence"], date_candidates=json.loads(row["date_candidates"] or "[]"),
        date_evidence=json.loads(row["date_evidence"] or "[]"), duplicate_of=row["duplicate_of"],
        duplicate_kind=row["duplicate_kind"], similarity=row["similarity"], n_words=row["n_words"],
        body_start=row["body_start"], text=row["text"],
    )  # fmt: skip
