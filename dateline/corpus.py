"""The Python API: a :class:`Corpus` is one SQLite file of articles and everything derived from them.

It is the one front door: the CLI and the web app call nothing else. Every listing takes one
:class:`~dateline.core.filters.Filter` and returns typed views::

    with Corpus("dateline.db") as corpus:
        report = corpus.ingest(["examples/seeds"])
        for doc in corpus.documents():
            print(doc.id, doc.published, doc.date_source, doc.title)
        for quote in corpus.quotes(Filter(speaker="Lavrov")):
            print(quote.date, quote.quote)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, TextIO

from dateline.annotate.stages import STAGES, stage_order
from dateline.core.dates import parse_date
from dateline.core.errors import ConfigError, DateError, ExportError, InputError
from dateline.core.filters import NO_FILTER, Filter
from dateline.core.records import Task
from dateline.core.settings import Settings
from dateline.core.views import (
    Actor,
    ActorDetail,
    DateProposal,
    Document,
    Event,
    IngestError,
    IngestReport,
    Quote,
    SearchHit,
    Span,
    Statement,
    TimelineEntry,
)
from dateline.engines import check_engine, engine_names
from dateline.ingest.dedup import DEFAULT_THRESHOLD
from dateline.ingest.prepare import date_columns
from dateline.ingest.pubdate import Candidate, DateDecision
from dateline.ingest.readers import DEFAULT_MAX_BYTES, count_inputs
from dateline.ingest.watch import WatchPass
from dateline.pipeline.annotating import Progress, annotate_and_write
from dateline.pipeline.extraction import Extraction, TextInput, extract
from dateline.pipeline.ingesting import IngestOptions, ingest
from dateline.pipeline.storing import stale_stages
from dateline.store import writer
from dateline.store.db import DEFAULT_DB, connect
from dateline.store.documents import (
    count_documents,
    document_by_id,
    document_spans,
    find_document,
    list_documents,
    list_errors,
    search,
)
from dateline.store.state import mark_changed

REPORT_ENTRIES = 200  # the entries a timeline report holds unless asked for more: the most important

Listing = Literal["documents", "actors", "quotes", "timeline"]
"""The listings :meth:`Corpus.count` counts."""


class Corpus:
    """One corpus database. Opening it creates and migrates the file when needed.

    ``settings`` (model, user actor and concept files, per-document time limit) default to what the
    environment asks for; they travel with the work to every worker.
    """

    DEFAULT_DB = DEFAULT_DB
    DEFAULT_NEAR_THRESHOLD = DEFAULT_THRESHOLD
    DEFAULT_MAX_BYTES = DEFAULT_MAX_BYTES
    ENGINES = engine_names()

    def __init__(self, path: str | Path = DEFAULT_DB, *, readonly: bool = False, settings: Settings | None = None) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.settings = settings if settings is not None else Settings.from_env()
        self._conn: sqlite3.Connection | None = None

    def connect(self) -> sqlite3.Connection:
        """The open connection (for Datasette-style SQL of your own; the methods below need none)."""
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

    # ------------------------------------------------------------------ writing
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
        progress: Progress | None = None,
        engine: str = "local",
        scheduler: str | None = None,
    ) -> IngestReport:
        """Store every article under ``paths``, annotate what is new or stale, resolve the corpus.

        ``published`` dates every input of this call; ``dates`` maps a path, file name, stem or
        record id to its date. Problems with single inputs land in the report, never raise.
        ``engine`` runs the annotation on ``local`` worker processes, ``dask`` or ``ray``
        (``scheduler``: a cluster address; without one a local cluster of ``jobs`` workers).
        ``progress`` is called with 1 for each document annotated.
        """
        options = IngestOptions(
            published=published, dates=dates, stages=tuple(s.name for s in stage_order(stages)),
            near_threshold=near_threshold, max_bytes=max_bytes, engine=engine, jobs=jobs, scheduler=scheduler,
        )  # fmt: skip
        report = ingest(self.connect(), paths, options=options, settings=self.settings, stdin=stdin, progress=progress)
        self._resolve()
        return report

    def reannotate(
        self, *, jobs: int = 1, stages: Sequence[str] | None = None, engine: str = "local", scheduler: str | None = None,
    ) -> IngestReport:  # fmt: skip
        """Run the stages whose version or date changed on every stored document."""
        conn = self.connect()
        report = IngestReport()
        selected = [s.name for s in stage_order(stages)]
        tasks = []
        for row in conn.execute("SELECT * FROM documents WHERE duplicate_kind IS NOT 'exact' ORDER BY id").fetchall():
            stale = stale_stages(conn, row["id"], row["published"], selected)
            if stale:
                tasks.append(Task(row["id"], row["text"], row["published"], row["date_source"], row["body_start"], stale))
        annotate_and_write(conn, tasks, settings=self.settings, report=report, engine=engine, jobs=jobs, scheduler=scheduler)
        self._resolve()
        return report

    def check_ready(self, *, engine: str = "local") -> None:
        """Fail now, before anything is stored, if ``engine``'s library is missing or a user
        knowledge file of the settings cannot be read."""
        from dateline.core.concepts import load_concepts
        from dateline.core.knowledge import load

        check_engine(engine)
        load(self.settings.actor_files)
        load_concepts(self.settings.concept_files)

    def warm_up(self, *, stages: Sequence[str] | None = None) -> None:
        """Load the model and what the stages load on first use (a long-running watch then answers
        its first new article as fast as the next)."""
        from dateline.annotate.runner import warm_up

        warm_up(settings=self.settings, stages=stages)

    def watch(
        self, paths: Sequence[str], *, interval: float, passes: int | None, on_pass: Callable[[WatchPass[IngestReport]], None],
        **ingest: Any,
    ) -> None:  # fmt: skip
        """Every ``interval`` seconds, ingest the files under ``paths`` that are new or changed
        (``ingest``: the options of :meth:`ingest`); ``on_pass`` hears each pass's report."""
        from dateline.ingest.watch import watch

        watch(paths, ingest=lambda inputs: self.ingest(inputs, **ingest), interval=interval, passes=passes, on_pass=on_pass)

    @staticmethod
    def count_inputs(paths: Sequence[str]) -> int:
        """How many articles ``paths`` hold (files, and records of JSON Lines files): a progress total."""
        return count_inputs(paths)

    def set_date(self, ref: str | int, date: dt.date | str) -> Document:
        """Settle a document's publication date and re-run everything anchored to it."""
        if isinstance(date, str):
            date = parse_date(date)
        if not dt.date(1000, 1, 1) <= date <= dt.date(9999, 12, 31):
            raise DateError(f"date out of range: {date}")
        doc = self.document(ref)
        conn = self.connect()
        decision = DateDecision(date, "user", 1.0, (Candidate(date, 1.0, "set by the user"),), ("set by the user",))
        exact = [r[0] for r in conn.execute("SELECT id FROM documents WHERE duplicate_of = ? AND duplicate_kind = 'exact'", (doc.id,))]
        conn.execute("BEGIN IMMEDIATE")
        try:
            for target in (doc.id, *exact):  # an exact duplicate is the same article: the same date
                writer.update_document(conn, target, date_columns(decision))
            mark_changed(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        stages = tuple(name for name, s in STAGES.items() if s.depends_on_date)
        if stages and doc.duplicate_kind != "exact":
            task = Task(doc.id, doc.text, date.isoformat(), "user", doc.body_start, stages)
            annotate_and_write(conn, [task], settings=self.settings, report=IngestReport())
        self._resolve()
        return self.document(doc.id)

    def _resolve(self) -> None:
        from dateline.resolve import run_resolvers

        run_resolvers(self.connect(), self.settings)

    # ------------------------------------------------------------------ documents
    def documents(self, where: Filter = NO_FILTER) -> list[Document]:
        """Documents in id order (filters: ``date_source``, ``date_from``/``date_to``, ``text``, ``doc_id``)."""
        return list_documents(self.connect(), where)

    def document(self, ref: str | int) -> Document:
        """A document by id, key (or its prefix), path, file name or file stem."""
        return find_document(self.connect(), ref)

    def document_by_id(self, doc_id: int) -> Document:
        """The document with exactly this id."""
        return document_by_id(self.connect(), doc_id)

    def spans(self, doc_id: int, *, kind: str | None = None) -> list[Span]:
        """A document's annotations (sentences, entities, time expressions, actor mentions ...)."""
        return document_spans(self.connect(), doc_id, kind=kind)

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search (SQLite FTS5 syntax) with highlighted snippets, best first."""
        return search(self.connect(), query, limit=limit)

    def errors(self) -> list[IngestError]:
        """Inputs that could not be ingested and stages that failed on a document, with the reason."""
        return list_errors(self.connect())

    def proposals(self) -> list[DateProposal]:
        """Dates proposed for undated and ambiguous articles from the events they share with dated ones."""
        from dateline.resolve.timeline_queries import list_proposals

        return list_proposals(self.connect())

    # ------------------------------------------------------------------ what the documents say
    def actors(self, where: Filter = NO_FILTER) -> list[Actor]:
        """Canonical actors, most mentioned first (filters: ``code``, ``sector``, ``kind``, ``text``)."""
        from dateline.resolve.actor_queries import list_actors

        return list_actors(self.connect(), where)

    def actor(self, name: str) -> Actor:
        """An actor by id, name or alias, else the closest name."""
        from dateline.resolve.actor_queries import find_actor

        return find_actor(self.connect(), name)

    def actor_detail(self, name: str, *, exact_id: bool = False) -> ActorDetail:
        """An actor with the documents that mention it, its network neighbours and its statements."""
        from dateline.resolve.actor_queries import actor_by_id, actor_documents, find_actor, neighbours
        from dateline.resolve.timeline_queries import statements

        conn = self.connect()
        actor = actor_by_id(conn, name) if exact_id else find_actor(conn, name)
        return ActorDetail(actor, actor_documents(conn, actor.id), neighbours(conn, actor.id),
                           statements(conn, actor=actor.id))  # fmt: skip

    def quotes(self, where: Filter = NO_FILTER) -> list[Quote]:
        """Who said what, when (filters: ``speaker``, ``code``, dates, ``doc_id``, ``text``)."""
        from dateline.resolve.quote_queries import list_quotes

        return list_quotes(self.connect(), where)

    def events(self, where: Filter = NO_FILTER) -> list[Event]:
        """PLOVER events on their own dates (filters: ``event_type``, ``actor``, ``code``, dates, ``doc_id``, ``text``)."""
        from dateline.resolve.event_queries import list_events

        return list_events(self.connect(), where)

    def timeline(self, where: Filter = NO_FILTER) -> list[TimelineEntry]:
        """One entry per real-world event, every source kept (filters: ``actor``, ``code``,
        ``event_type``, dates, ``kind`` news/background, ``text``)."""
        from dateline.resolve.timeline_queries import list_timeline

        return list_timeline(self.connect(), where)

    def timeline_entry(self, entry_id: int) -> TimelineEntry:
        from dateline.resolve.timeline_queries import timeline_entry

        return timeline_entry(self.connect(), entry_id)

    def statements(self, *, actor: str, about: str | None = None) -> list[Statement]:
        """What ``actor`` said and did, by date, optionally only about another actor."""
        from dateline.resolve.timeline_queries import statements

        return statements(self.connect(), actor=actor, about=about)

    def count(self, listing: Listing, where: Filter = NO_FILTER) -> int:
        """How many rows ``listing`` (``documents``, ``actors``, ``quotes``, ``timeline``) holds for
        ``where``, its page (``limit``, ``offset``) aside: the total a pager shows. One ``COUNT(*)``
        over the conditions the listing itself builds."""
        from dateline.resolve.actor_queries import count_actors
        from dateline.resolve.quote_queries import count_quotes
        from dateline.resolve.timeline_queries import count_timeline

        counters: dict[str, Callable[[sqlite3.Connection, Filter], int]] = {
            "documents": count_documents, "actors": count_actors, "quotes": count_quotes, "timeline": count_timeline,
        }  # fmt: skip
        if listing not in counters:
            raise ConfigError(f"cannot count {listing!r} (choose from {', '.join(counters)})")
        return counters[listing](self.connect(), where)

    # ------------------------------------------------------------------ outputs
    def timeline_report(self, where: Filter = NO_FILTER, *, fmt: str, title: str = "Timeline", every: bool = False) -> str:
        """The timeline as a Markdown or self-contained HTML report, or TimelineJS 3 JSON (``fmt``: md, html, timelinejs).

        A report holds the ``REPORT_ENTRIES`` (200) most important entries in date order, unless
        ``where`` sets ``top`` or ``limit`` or ``every`` asks for all: thousands of slides are read by no one."""
        from dateline.outputs.timeline_formats import dump_timelinejs, to_html, to_markdown

        writers = {"md": to_markdown, "html": to_html, "timelinejs": dump_timelinejs}
        if fmt not in writers:
            raise ExportError(f"unknown timeline format {fmt!r} (choose from {', '.join(writers)})")
        if not every and where.top is None and where.limit is None:
            where = dataclasses.replace(where, top=REPORT_ENTRIES)
        return writers[fmt]([e.as_dict() for e in self.timeline(where)], title=title)

    def export(self, out_dir: Path, *, fmt: str = "csv", tables: Sequence[str] | None = None) -> list[tuple[str, Path, int]]:
        """Tables as CSV, JSONL or Parquet files in ``out_dir``: (table, path, rows) for each."""
        from dateline.outputs.exports import export_tables

        return export_tables(self.connect(), out_dir, fmt=fmt, tables=list(tables) if tables else None)

    def network(self, fmt: str = "graphml", *, out: Path | None = None) -> tuple[bytes, int, int]:
        """The actor network as GraphML or GEXF, written to ``out`` if given: (file content, actors, edges)."""
        from dateline.outputs.exports import actor_network, write_network

        graph = actor_network(self.connect())
        return write_network(graph, out, fmt), graph.number_of_nodes(), graph.number_of_edges()

    def datasette_metadata(self) -> dict[str, Any]:
        """A Datasette ``metadata.yaml`` (as a mapping) describing this database's tables and columns."""
        from dateline.outputs.exports import datasette_metadata

        return datasette_metadata(self.connect(), self.path)

    def summarize(
        self, *, dates: int = 10, sentences: int = 1, date_from: dt.date | None = None, date_to: dt.date | None = None,
    ) -> list[tuple[str, list[str]]]:  # fmt: skip
        """The ``dates`` most important days of the stored articles, ``sentences`` sentences each."""
        from dateline.summarize.articles import read_articles_db

        return _summarize(read_articles_db(self.connect()), dates, sentences, date_from, date_to)

    @staticmethod
    def summarize_file(
        path: str | Path, *, dates: int = 10, sentences: int = 1, date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> list[tuple[str, list[str]]]:  # fmt: skip
        """The same as :meth:`summarize` for an articles JSONL file (``{id, time, text}`` a line), no database."""
        from dateline.summarize.articles import read_articles_jsonl

        return _summarize(read_articles_jsonl(path), dates, sentences, date_from, date_to)

    @staticmethod
    def extract_time(
        paths: Sequence[str], *, dct: dt.date | None = None, fmt: str = "jsonl", out_dir: Path | None = None,
        stdout: TextIO | None = None,
    ) -> list[InputError]:  # fmt: skip
        """Tag the time expressions of text, JSONL or TimeML files (TempEval's setting: the text and
        its DCT, no parse) as JSONL spans or TimeML, to ``stdout`` or one file per input in
        ``out_dir``; the inputs that could not be read come back as errors."""
        from dateline.annotate.time.files import run_extract_time

        return run_extract_time(paths, dct=dct, fmt=fmt, out_dir=out_dir, stdout=stdout)

    @staticmethod
    def extract(inputs: Iterable[TextInput], *, stages: Iterable[str], settings: Settings | None = None) -> Iterator[Extraction]:
        """Run ``stages`` on texts as given, no database (offsets point into each input text)."""
        return extract(inputs, stages=stages, settings=settings if settings is not None else Settings.from_env())


def _summarize(articles: Any, dates: int, sentences: int, date_from: dt.date | None, date_to: dt.date | None) -> list[tuple[str, list[str]]]:
    from dateline.summarize.timeline_summary import Period, summarize

    if date_from and date_to and date_from > date_to:
        raise DateError(f"the period starts ({date_from}) after it ends ({date_to})")
    return summarize(articles, dates, sentences, period=Period(date_from, date_to))
