"""The Python API: a :class:`Corpus` is one SQLite file of articles and everything derived from them.

Every CLI command is a thin wrapper over a method here::

    corpus = Corpus("dateline.db")
    report = corpus.ingest(["examples/seeds"])
    for doc in corpus.documents():
        print(doc.id, doc.published, doc.date_source, doc.title)
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TextIO, TypeVar

from dateline.annotate.stages import STAGES, stage_order
from dateline.core.dates import parse_date, today
from dateline.core.errors import DateError, InputError, NotFoundError, QuerySyntaxError
from dateline.core.records import Result, Task
from dateline.core.settings import Settings
from dateline.engines import run as run_engine
from dateline.ingest.dedup import DEFAULT_THRESHOLD, NearDuplicateIndex, minhash, to_blob
from dateline.ingest.prepare import Prepared, date_columns, prepare
from dateline.ingest.pubdate import Candidate, DateDecision
from dateline.ingest.readers import DEFAULT_MAX_BYTES, Skipped, read_inputs
from dateline.store import writer
from dateline.store.db import DEFAULT_DB, connect
from dateline.store.state import mark_changed

log = logging.getLogger(__name__)
Progress = Callable[[int], None]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Document:
    id: int
    doc_key: str
    path: str
    record_id: str | None
    url: str | None
    title: str | None
    summary: str | None
    outlet: str | None
    place: str | None
    dateline: str | None
    published: str | None
    date_source: str
    date_confidence: float
    date_candidates: list[dict[str, Any]]
    date_evidence: list[str]
    duplicate_of: int | None
    duplicate_kind: str | None
    similarity: float | None
    n_words: int
    body_start: int
    text: str = field(repr=False)

    def as_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        data = asdict(self)
        if not with_text:
            data.pop("text")
        return data


@dataclass(frozen=True, slots=True)
class Span:
    id: int
    doc_id: int
    stage: str
    kind: str
    start: int
    end: int
    label: str
    value: str | None
    attrs: dict[str, Any]
    text: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SearchHit:
    doc_id: int
    title: str | None
    published: str | None
    outlet: str | None
    snippet: str
    rank: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class IngestReport:
    seen: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    annotated: int = 0
    words: int = 0
    exact_duplicates: list[tuple[str, int]] = field(default_factory=list)  # (source, original id)
    near_duplicates: list[tuple[str, int, float]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, problem)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # files in folders that are not articles
    warnings: list[str] = field(default_factory=list)
    annotation_errors: list[tuple[int, str, str]] = field(default_factory=list)  # (document id, source, problem)
    doc_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Corpus:
    """One corpus database. Opening it creates and migrates the file when needed."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, readonly: bool = False, settings: Settings | None = None) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.settings = settings if settings is not None else Settings.from_env()
        self._conn: sqlite3.Connection | None = None

    def connect(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = connect(self.path, readonly=self.readonly)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ ingest
    def ingest(
        self,
        paths: Sequence[str],
        *,
        published: dt.date | None = None,
        dates: Mapping[str, dt.date] | None = None,
        jobs: int = 1,
        stages: Sequence[str] | None = None,
        near_threshold: float = DEFAULT_THRESHOLD,
        max_bytes: int = DEFAULT_MAX_BYTES,
        stdin: TextIO | None = None,
        model: str | None = None,
        progress: Progress | None = None,
        engine: str = "local",
        scheduler: str | None = None,
    ) -> IngestReport:
        """Store every article under ``paths`` and annotate what is new or stale.

        ``published`` dates every input of this call; ``dates`` maps a path, file name, stem or
        record id to its date. Problems with single inputs land in the report, never raise.
        ``engine`` runs the annotation on ``local`` worker processes, ``dask`` or ``ray``
        (``scheduler``: a cluster address; without one a local cluster of ``jobs`` workers).
        """
        conn = self.connect()
        report = IngestReport()
        selected = [s.name for s in stage_order(stages)]
        state = _IngestState(conn, near_threshold)
        now = today()

        def tasks() -> Iterator[Task]:
            pending: list[Prepared] = []
            for item in read_inputs(paths, stdin=stdin, max_bytes=max_bytes):
                if isinstance(item, Skipped):
                    report.skipped.append((item.source, item.reason))
                    continue
                report.seen += 1
                if isinstance(item, InputError):
                    _fail(conn, report, item.source, item.problem)
                    continue
                try:
                    user_date = published or _lookup_date(dates, item.path, item.record_id)
                    pending.append(prepare(item, user_date=user_date, now=now))
                except InputError as exc:
                    _fail(conn, report, exc.source, exc.problem)
                except Exception as exc:  # a bug on one input must not abort the batch
                    log.debug("prepare failed", exc_info=True)
                    _fail(conn, report, item.source, f"{type(exc).__name__}: {exc}")
                if len(pending) >= 64:
                    yield from self._store(state, pending, selected, report)
                    pending = []
            yield from self._store(state, pending, selected, report)

        self._annotate(tasks(), jobs=jobs, model=model, report=report, progress=progress, engine=engine, scheduler=scheduler)
        self._resolve()
        return report

    def _store(self, state: _IngestState, batch: list[Prepared], selected: list[str], report: IngestReport) -> list[Task]:
        conn = state.conn
        out: list[Task] = []
        conn.execute("BEGIN IMMEDIATE")
        try:
            for prep in batch:
                report.warnings.extend(prep.warnings)
                task = _one_document(conn, report, prep.source, partial(state.store, prep, selected, report))
                if task is not None:
                    out.append(task)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return out

    def _annotate(
        self, tasks: Iterator[Task] | list[Task], *, jobs: int, model: str | None, report: IngestReport,
        progress: Progress | None = None, engine: str = "local", scheduler: str | None = None,
    ) -> None:  # fmt: skip
        conn = self.connect()
        stages = STAGES.as_dict()
        buffer: list[Result] = []

        def flush() -> None:
            if not buffer:
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                for result in buffer:
                    _one_document(conn, report, _source(conn, result.doc_id), partial(_write_result, conn, result, stages, report))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            buffer.clear()

        options: dict[str, Any] = {"scheduler": scheduler} if scheduler else {}
        settings = self.settings.with_model(model)
        for result in run_engine(tasks, engine=engine, jobs=jobs, settings=settings, **options):
            buffer.append(result)
            if progress is not None:
                progress(1)
            if len(buffer) >= 32:
                flush()
        flush()

    def _resolve(self) -> None:
        from dateline.resolve import run_resolvers

        run_resolvers(self.connect(), self.settings)

    # ------------------------------------------------------------------ read
    def documents(self, *, where: str = "", params: Sequence[Any] = ()) -> list[Document]:
        sql = "SELECT * FROM documents" + (f" WHERE {where}" if where else "") + " ORDER BY id"
        return [_document(row) for row in self.connect().execute(sql, params)]

    def document(self, ref: str | int) -> Document:
        """A document by id, key (or its prefix), path, file name or file stem."""
        conn = self.connect()
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
        return _document(rows[0])

    def spans(self, doc_id: int, *, kind: str | None = None) -> list[Span]:
        conn = self.connect()
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

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search (SQLite FTS5 syntax) with highlighted snippets, best first."""
        if not query.strip():
            raise QuerySyntaxError("empty search query")
        # Two steps: rank every match by BM25 alone, then make snippets (and join documents) for the
        # page only. In one query SQLite computes each match's snippet before sorting, which costs
        # more than the ranking when a term matches tens of thousands of articles.
        conn = self.connect()
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

    def errors(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.connect().execute("SELECT * FROM ingest_errors ORDER BY id")]

    # ------------------------------------------------------------------ write
    def set_date(self, ref: str | int, date: dt.date | str, *, model: str | None = None) -> Document:
        """Settle a document's publication date and re-run everything anchored to it."""
        if isinstance(date, str):
            date = parse_date(date)
        if not dt.date(1000, 1, 1) <= date <= dt.date(9999, 12, 31):
            raise DateError(f"date out of range: {date}")
        doc = self.document(ref)
        conn = self.connect()
        decision = DateDecision(date, "user", 1.0, (Candidate(date, 1.0, "set by the user"),), ("set by the user",))
        conn.execute("BEGIN IMMEDIATE")
        writer.update_document(conn, doc.id, date_columns(decision))
        mark_changed(conn)
        conn.execute("COMMIT")
        stages = [name for name, s in STAGES.items() if s.depends_on_date]
        targets = [doc.id] + [r[0] for r in conn.execute("SELECT id FROM documents WHERE duplicate_of = ? AND duplicate_kind = 'exact'", (doc.id,))]
        if len(targets) > 1:
            conn.execute("BEGIN IMMEDIATE")
            for dup in targets[1:]:
                writer.update_document(conn, dup, date_columns(decision))
            conn.execute("COMMIT")
        if stages and doc.duplicate_kind != "exact":
            task = Task(doc.id, doc.text, date.isoformat(), "user", doc.body_start, tuple(stages))
            self._annotate([task], jobs=1, model=model, report=IngestReport())
        self._resolve()
        return self.document(doc.id)

    def reannotate(
        self, *, jobs: int = 1, stages: Sequence[str] | None = None, model: str | None = None, engine: str = "local",
        scheduler: str | None = None,
    ) -> IngestReport:  # fmt: skip
        """Run the stages whose version or date changed on every stored document."""
        conn = self.connect()
        report = IngestReport()
        selected = [s.name for s in stage_order(stages)]
        tasks = []
        for row in conn.execute("SELECT * FROM documents WHERE duplicate_kind IS NOT 'exact' ORDER BY id").fetchall():
            stale = _stale_stages(conn, row["id"], row["published"], selected)
            if stale:
                tasks.append(Task(row["id"], row["text"], row["published"], row["date_source"], row["body_start"], stale))
        self._annotate(tasks, jobs=jobs, model=model, report=report, engine=engine, scheduler=scheduler)
        self._resolve()
        return report


class _IngestState:
    """What the ingest of one call knows about the store: keys, hashes, the LSH index."""

    def __init__(self, conn: sqlite3.Connection, threshold: float) -> None:
        self.conn = conn
        self.threshold = threshold
        self._index: NearDuplicateIndex | None = None

    @property
    def index(self) -> NearDuplicateIndex:
        # Built on the first new article: re-ingesting an unchanged corpus never pays for it.
        if self._index is None:
            self._index = NearDuplicateIndex(self.conn, self.threshold)
        return self._index

    def store(self, prep: Prepared, selected: list[str], report: IngestReport) -> Task | None:
        conn = self.conn
        values = dict(prep.values)
        values["ingested_at"] = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        existing = conn.execute(
            "SELECT id, content_hash, published, date_source, duplicate_kind FROM documents WHERE doc_key = ?",
            (values["doc_key"],),
        ).fetchone()
        report.words += int(values["n_words"])
        if existing is not None:
            doc_id = int(existing["id"])
            report.doc_ids.append(doc_id)
            if existing["content_hash"] == values["content_hash"]:
                report.unchanged += 1
                if prep.decision.source == "user" or (
                    existing["date_source"] != "user" and prep.decision.source != existing["date_source"]
                ):
                    writer.update_document(conn, doc_id, date_columns(prep.decision))
                    mark_changed(conn)
                published = conn.execute("SELECT published FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
                if existing["duplicate_kind"] == "exact":
                    return None
                stale = _stale_stages(conn, doc_id, published, selected)
                return Task(doc_id, values["text"], published, prep.decision.source, int(values["body_start"]), stale) if stale else None
            # Same input, new content: replace it and everything derived from it.
            report.updated += 1
            signature = minhash(values["text"])
            values["minhash"] = to_blob(signature)
            self.index.replace(doc_id, signature, indexed=existing["duplicate_kind"] != "exact")
            if existing["date_source"] == "user" and prep.decision.source != "user":
                for column in ("published", "date_source", "date_confidence", "date_candidates", "date_evidence"):
                    values.pop(column)
            writer.update_document(conn, doc_id, values)
            mark_changed(conn)
            conn.execute("DELETE FROM spans WHERE doc_id = ?", (doc_id,))
            conn.execute("DELETE FROM stage_runs WHERE doc_id = ?", (doc_id,))
            published = conn.execute("SELECT published FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
            return Task(doc_id, values["text"], published, prep.decision.source, int(values["body_start"]), tuple(selected))
        original = conn.execute(
            "SELECT id FROM documents WHERE content_hash = ? ORDER BY id LIMIT 1", (values["content_hash"],)
        ).fetchone()
        # Signatures are computed only here, for new documents: unchanged re-ingests skip the cost.
        signature = minhash(values["text"])
        values["minhash"] = to_blob(signature)
        if original is not None:
            values.update(duplicate_of=original[0], duplicate_kind="exact", similarity=1.0)
        else:
            near = self.index.query(signature)
            if near is not None:
                values.update(duplicate_of=near.doc_id, duplicate_kind="near", similarity=round(near.similarity, 3))
        doc_id = writer.insert_document(conn, values)
        mark_changed(conn)
        report.new += 1
        report.doc_ids.append(doc_id)
        if values.get("duplicate_kind") == "exact":
            report.exact_duplicates.append((prep.source, int(values["duplicate_of"])))
            return None
        if values.get("duplicate_kind") == "near":
            report.near_duplicates.append((prep.source, int(values["duplicate_of"]), float(values["similarity"])))
        self.index.add(doc_id, signature)
        return Task(doc_id, values["text"], values["published"], values["date_source"], int(values["body_start"]), tuple(selected))


def _stale_stages(conn: sqlite3.Connection, doc_id: int, published: str | None, selected: Sequence[str]) -> tuple[str, ...]:
    stages = STAGES.as_dict()
    done = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT stage, version, published FROM stage_runs WHERE doc_id = ?", (doc_id,))}
    # ``selected`` is in dependency order. A stage reads what the stages it requires produced (a new
    # parse moves sentences, subjects and so every quote and event): it is stale when any of them is.
    stale: set[str] = set()
    for name in selected:
        stage = stages[name]
        ran = done.get(name)
        if (ran is None or ran[0] != stage.version or (stage.depends_on_date and ran[1] != published)
                or any(dep in stale for dep in stage.requires)):  # fmt: skip
            stale.add(name)
    return tuple(name for name in selected if name in stale)


def _one_document(conn: sqlite3.Connection, report: IngestReport, source: str, write: Callable[[], T]) -> T | None:
    """``write`` one document's part of a transaction; if the store refuses it, roll back that part
    only and name the document: one article the store cannot take never costs the others."""
    conn.execute("SAVEPOINT document")
    try:
        done = write()
    except Exception as exc:
        log.debug("storing %s failed", source, exc_info=True)
        conn.execute("ROLLBACK TO document")
        conn.execute("RELEASE document")
        _fail(conn, report, source, f"cannot store: {type(exc).__name__}: {exc}")
        return None
    conn.execute("RELEASE document")
    return done


def _source(conn: sqlite3.Connection, doc_id: int) -> str:
    path = conn.execute("SELECT path FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return f"{path[0] if path else doc_id}"


def _write_result(conn: sqlite3.Connection, result: Result, stages: Mapping[str, Any], report: IngestReport) -> None:
    for problem in result.errors:
        source = _source(conn, result.doc_id)
        report.annotation_errors.append((result.doc_id, source, problem))
        writer.record_error(conn, source, problem, _now())
    if result.versions or result.errors:
        mark_changed(conn)
    if result.versions:
        report.annotated += 1
    for name, version in result.versions.items():
        writer.clear_stage(conn, result.doc_id, name, stages[name].produces)
        rows = [r for r in result.rows.get(name, []) if r.doc_id == result.doc_id]
        writer.write_rows(conn, rows)
        writer.record_stage(conn, result.doc_id, name, version, result.published, len(rows))


def _fail(conn: sqlite3.Connection, report: IngestReport, source: str, problem: str) -> None:
    report.failed.append((source, problem))
    writer.record_error(conn, source, problem, _now())


def _lookup_date(dates: Mapping[str, dt.date] | None, path: str, record_id: str | None) -> dt.date | None:
    if not dates:
        return None
    p = Path(path.split(":")[0])
    for key in (path, str(p), p.name, p.stem, record_id or "\0"):
        if key in dates:
            return dates[key]
    return None


def _document(row: sqlite3.Row) -> Document:
    return Document(
        id=row["id"], doc_key=row["doc_key"], path=row["path"], record_id=row["record_id"], url=row["url"],
        title=row["title"], summary=row["summary"], outlet=row["outlet"], place=row["place"],
        dateline=row["dateline_text"], published=row["published"], date_source=row["date_source"],
        date_confidence=row["date_confidence"], date_candidates=json.loads(row["date_candidates"] or "[]"),
        date_evidence=json.loads(row["date_evidence"] or "[]"), duplicate_of=row["duplicate_of"],
        duplicate_kind=row["duplicate_kind"], similarity=row["similarity"], n_words=row["n_words"],
        body_start=row["body_start"], text=row["text"],
    )  # fmt: skip


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
