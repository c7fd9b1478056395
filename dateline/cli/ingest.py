"""``dateline ingest``: store, date, deduplicate and annotate articles."""

from __future__ import annotations

import csv
import datetime as dt
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import click

from dateline import ConfigError, Corpus, DateError, IngestReport, Settings, WatchPass, parse_date
from dateline.cli.options import DATE, db_option


def read_dates_file(path: Path) -> dict[str, dt.date]:
    """``path/id,date`` rows (a header row is allowed) → a map for ``Corpus.ingest(dates=...)``."""
    dates: dict[str, dt.date] = {}
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            for number, row in enumerate(csv.reader(handle), start=1):
                if not row or not "".join(row).strip() or row[0].startswith("#"):
                    continue
                if len(row) < 2:
                    raise ConfigError(f"{path}:{number}: expected two columns, path or id and date")
                try:
                    dates[row[0].strip()] = parse_date(row[1])
                except DateError as exc:
                    if number == 1:
                        continue  # a header row
                    raise ConfigError(f"{path}:{number}: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read dates file: {exc.strerror}") from exc
    return dates


SHOWN = 20


def _some(lines: list[str], what: str, err: TextIO) -> None:
    for line in lines[:SHOWN]:
        click.echo(line, file=err)
    if len(lines) > SHOWN:
        click.echo(f"  … and {len(lines) - SHOWN} more {what} (`dateline docs --format json` lists them)", file=err)


def summarise(report: IngestReport) -> None:
    err = sys.stderr
    parts = [f"{report.new} new", f"{report.updated} updated", f"{report.unchanged} unchanged"]
    click.echo(
        f"ingested {report.seen} input(s): {', '.join(parts)}; annotated {report.annotated}; "
        f"{len(report.exact_duplicates)} exact and {len(report.near_duplicates)} near duplicate(s); "
        f"{len(report.failed)} failed",
        file=err,
    )
    # Duplicates and warnings can number in the thousands on a big archive: show the first few
    # (all are stored; `dateline docs --format json` lists them). Failures are always listed in full.
    lines = [f"  duplicate: {source} is an exact copy of document {original}" for source, original in report.exact_duplicates]
    _some(lines, "exact duplicates", err)
    _some([f"  near duplicate: {source} ~ document {original} (similarity {sim:.2f})"
           for source, original, sim in report.near_duplicates], "near duplicates", err)  # fmt: skip
    if report.skipped:
        click.echo(f"  skipped {len(report.skipped)} file(s) that are not articles (first: {report.skipped[0][0]})", file=err)
    _some([f"  warning: {warning}" for warning in report.warnings], "warnings", err)
    for doc_id, source, problem in report.annotation_errors:
        click.echo(f"  annotation problem in document {doc_id} ({source}): {problem}", file=err)
    for source, problem in report.failed:
        click.echo(f"  failed: {source}: {problem}", file=err)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--published", type=DATE, default=None, help="Publication date of every input of this call.")
@click.option("--dates", "dates_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="CSV of path-or-id,date rows settling publication dates.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(0, 256),
              help="Worker processes for annotation (0: one per core).")
@click.option("--stages", default=None, metavar="A,B", help="Only these annotation stages (and what they need).")
@click.option("--near-threshold", default=Corpus.DEFAULT_NEAR_THRESHOLD, show_default=True, type=click.FloatRange(0.1, 1.0),
              help="MinHash Jaccard similarity from which two articles are near duplicates.")
@click.option("--max-bytes", default=Corpus.DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(1),
              help="Refuse single input files larger than this.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor knowledge (YAML, as knowledge.yaml); may repeat.")
@click.option("--time-limit", default=None, type=click.FloatRange(0.0), metavar="SECONDS",
              help=f"Seconds a document's parse and each of its stages may take before that step is left out for it; "
                   f"more for a text over 100,000 characters (0: none; default {Settings().time_limit:g}, or $DATELINE_TIME_LIMIT).")
@click.option("--engine", default="local", show_default=True, type=click.Choice(Corpus.ENGINES),
              help="Where annotation runs: local processes, a Dask cluster or Ray (extras dask, ray).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler (tcp://host:8786) or Ray cluster (ray://host:10001, auto); default: a local cluster of --jobs workers.")
@click.option("--watch", is_flag=True,
              help="Keep running: every --interval seconds, ingest the files under PATHS that are new or changed.")
@click.option("--interval", default=5.0, show_default=True, type=click.FloatRange(0.0), help="Seconds between watch passes.")
@click.option("--passes", default=None, type=click.IntRange(1), help="With --watch: stop after this many passes (default: at Ctrl-C).")
def ingest(
    paths: tuple[str, ...], db: str, published: dt.date | None, dates_file: Path | None, jobs: int,
    stages: str | None, near_threshold: float, max_bytes: int, actor_files: tuple[str, ...], engine: str,
    time_limit: float | None, scheduler: str | None, watch: bool, interval: float, passes: int | None,
) -> None:  # fmt: skip
    """Store, date, deduplicate and annotate articles (files, folders, globs, - for stdin)."""
    if passes is not None and not watch:
        raise click.UsageError("--passes needs --watch")
    dates = read_dates_file(dates_file) if dates_file else None
    settings = Settings.from_env().with_actor_files(tuple(actor_files)).with_time_limit(time_limit)
    options: dict[str, Any] = dict(
        published=published, dates=dates, jobs=jobs or (os.cpu_count() or 1), stages=stages.split(",") if stages else None,
        near_threshold=near_threshold, max_bytes=max_bytes, engine=engine, scheduler=scheduler,
    )  # fmt: skip
    with Corpus(db, settings=settings) as corpus:
        corpus.check_ready(engine=engine)  # a missing extra or a bad actors file, before anything is stored
        if not watch:
            with _progress(corpus.count_inputs(list(paths))) as advance:
                report = corpus.ingest(list(paths), progress=advance, **options)
            summarise(report)
            if report.failed or report.annotation_errors:
                raise SystemExit(1)  # what went wrong is listed above and in `dateline errors`
            return
        if engine == "local":  # other engines annotate in their own workers
            corpus.warm_up(stages=options["stages"])
        _watch(corpus, list(paths), options, interval=interval, passes=passes)


def _watch(corpus: Corpus, paths: list[str], options: dict[str, Any], *, interval: float, passes: int | None) -> None:
    failed = False

    def heard(done: WatchPass[IngestReport]) -> None:
        nonlocal failed
        failed = failed or bool(done.report.failed or done.report.annotation_errors)
        click.echo(f"pass {done.number} ({len(done.inputs)} input(s) new or changed, {done.seconds:.1f} s):", file=sys.stderr)
        summarise(done.report)

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # A watch runs as a service as often as at a terminal: a service manager stops it with SIGTERM,
    # and a job a script starts in the background ignores SIGINT — both must stop it as Ctrl-C does.
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        corpus.watch(paths, interval=interval, passes=passes, on_pass=heard, **options)
    except KeyboardInterrupt:
        click.echo("watch stopped", file=sys.stderr)  # everything ingested so far is committed
    finally:
        signal.signal(signal.SIGTERM, previous)
    if failed:
        raise SystemExit(1)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr (a terminal only) with the count, the total and the time left."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(file=sys.stderr)
    bar = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("eta"), TimeRemainingColumn(), console=console, disable=not sys.stderr.isatty(), transient=True,
    )  # fmt: skip
    with bar:
        # The total counts inputs; duplicates and unchanged articles need no annotation, so the bar
        # may finish short of it.
        task = bar.add_task("annotating", total=total or None)
        yield lambda n: bar.advance(task, n)


def register(cli: click.Group) -> None:
    cli.add_command(ingest)
