"""One ingest: read the inputs, prepare and store each article, annotate what is new or stale, resolve."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from dateline.core.dates import today
from dateline.core.errors import InputError
from dateline.core.records import Task
from dateline.core.settings import Settings
from dateline.core.views import IngestReport
from dateline.ingest.dedup import DEFAULT_THRESHOLD
from dateline.ingest.prepare import Prepared, prepare
from dateline.ingest.readers import DEFAULT_MAX_BYTES, Skipped, read_inputs
from dateline.pipeline.annotating import Progress, annotate_and_write, record_failure
from dateline.pipeline.storing import ArticleStore

log = logging.getLogger(__name__)
STORE_BATCH = 64  # articles stored per transaction


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    """What an ingest is asked to do besides reading its inputs (see :meth:`dateline.Corpus.ingest`)."""

    published: dt.date | None = None
    dates: Mapping[str, dt.date] | None = None
    stages: tuple[str, ...] = ()  # in dependency order; every stage when empty
    near_threshold: float = DEFAULT_THRESHOLD
    max_bytes: int = DEFAULT_MAX_BYTES
    engine: str = "local"
    jobs: int = 1
    scheduler: str | None = None


def ingest(
    conn: sqlite3.Connection, paths: Sequence[str], *, options: IngestOptions, settings: Settings,
    stdin: TextIO | None = None, progress: Progress | None = None,
) -> IngestReport:  # fmt: skip
    """Store every article under ``paths`` and annotate what is new or stale (problems with single
    inputs land in the report, never raise)."""
    report = IngestReport()
    store = ArticleStore(conn, options.near_threshold)
    selected = list(options.stages)
    now = today()

    def tasks() -> Iterator[Task]:
        pending: list[Prepared] = []
        for item in read_inputs(paths, stdin=stdin, max_bytes=options.max_bytes):
            if isinstance(item, Skipped):
                report.skipped.append((item.source, item.reason))
                continue
            report.seen += 1
            if isinstance(item, InputError):
                record_failure(conn, report, item.source, item.problem)
                continue
            try:
                user_date = options.published or lookup_date(options.dates, item.path, item.record_id)
                pending.append(prepare(item, user_date=user_date, now=now))
            except InputError as exc:
                record_failure(conn, report, exc.source, exc.problem)
            except Exception as exc:  # a bug on one input must not abort the batch
                log.debug("prepare failed", exc_info=True)
                record_failure(conn, report, item.source, f"{type(exc).__name__}: {exc}")
            if len(pending) >= STORE_BATCH:
                yield from store.store_batch(pending, selected, report)
                pending = []
        yield from store.store_batch(pending, selected, report)

    annotate_and_write(conn, tasks(), settings=settings, report=report, engine=options.engine, jobs=options.jobs,
                       scheduler=options.scheduler, progress=progress)  # fmt: skip
    return report


def lookup_date(dates: Mapping[str, dt.date] | None, path: str, record_id: str | None) -> dt.date | None:
    """The user's date for an input: by path, file name, stem or record id."""
    if not dates:
        return None
    p = Path(path.split(":")[0])
    for key in (path, str(p), p.name, p.stem, record_id or "\0"):
        if key in dates:
            return dates[key]
    return None
