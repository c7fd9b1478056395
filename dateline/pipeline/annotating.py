"""Annotating stored documents on an engine and writing their rows back, in input order."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, TypeVar

from dateline.annotate.stages import STAGES
from dateline.core.records import Result, Task
from dateline.core.settings import Settings
from dateline.core.views import IngestReport
from dateline.engines import run as run_engine
from dateline.store import writer
from dateline.store.state import mark_changed

log = logging.getLogger(__name__)
Progress = Callable[[int], None]
T = TypeVar("T")
WRITE_BATCH = 32  # results written per transaction


def annotate_and_write(
    conn: sqlite3.Connection, tasks: Iterable[Task], *, settings: Settings, report: IngestReport, engine: str = "local",
    jobs: int = 1, scheduler: str | None = None, progress: Progress | None = None,
) -> None:  # fmt: skip
    """Run ``tasks`` on ``engine`` and write each result as it comes back (a batch per transaction)."""
    buffer: list[Result] = []

    def flush() -> None:
        if not buffer:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            for result in buffer:
                one_document(conn, report, source_of(conn, result.doc_id), partial(write_result, conn, result, report))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        buffer.clear()

    options: dict[str, Any] = {"scheduler": scheduler} if scheduler else {}
    for result in run_engine(tasks, engine=engine, jobs=jobs, settings=settings, **options):
        buffer.append(result)
        if progress is not None:
            progress(1)
        if len(buffer) >= WRITE_BATCH:
            flush()
    flush()


def one_document(conn: sqlite3.Connection, report: IngestReport, source: str, write: Callable[[], T]) -> T | None:
    """``write`` one document's part of a transaction; if the store refuses it, roll back that part
    only and name the document: one article the store cannot take never costs the others."""
    conn.execute("SAVEPOINT document")
    try:
        done = write()
    except Exception as exc:
        log.debug("storing %s failed", source, exc_info=True)
        conn.execute("ROLLBACK TO document")
        conn.execute("RELEASE document")
        record_failure(conn, report, source, f"cannot store: {type(exc).__name__}: {exc}")
        return None
    conn.execute("RELEASE document")
    return done


def source_of(conn: sqlite3.Connection, doc_id: int) -> str:
    path = conn.execute("SELECT path FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return f"{path[0] if path else doc_id}"


def write_result(conn: sqlite3.Connection, result: Result, report: IngestReport) -> None:
    """Replace what each stage that ran produced for the document; record its problems."""
    for problem in result.errors:
        source = source_of(conn, result.doc_id)
        report.annotation_errors.append((result.doc_id, source, problem))
        writer.record_error(conn, source, problem, now())
    if result.versions or result.errors:
        mark_changed(conn)
    if result.versions:
        report.annotated += 1
    for name, version in result.versions.items():
        writer.clear_stage(conn, result.doc_id, name, STAGES[name].produces)
        rows = [r for r in result.rows.get(name, []) if r.doc_id == result.doc_id]
        writer.write_rows(conn, rows)
        writer.record_stage(conn, result.doc_id, name, version, result.published, len(rows))


def record_failure(conn: sqlite3.Connection, report: IngestReport, source: str, problem: str) -> None:
    """An input that could not be ingested: in the report and in ``dateline errors``."""
    report.failed.append((source, problem))
    writer.record_error(conn, source, problem, now())


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
