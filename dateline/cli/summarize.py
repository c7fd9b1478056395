"""``dateline summarize``: timeline summarisation of a large collection."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import click

from dateline import Corpus
from dateline.cli.options import DATE, db_option, output_options
from dateline.outputs.formats import emit
from dateline.outputs.timeline_formats import summary_html, summary_markdown


def _default_format() -> str:
    # A person at a terminal reads a table; a pipe or a file gets the pairs JSON this command has
    # always written there, the form `scorers/score_tls.py` reads, so existing pipelines keep working.
    return "table" if sys.stdout.isatty() else "tls"


@click.command("summarize")
@db_option
@output_options("md", "html", "tls", default=_default_format, default_help="table on a terminal, else tls")
@click.option("--articles", "articles_path", default=None, type=click.Path(exists=True, dir_okay=False),
              help="An articles JSONL ({id, time, text} a line) instead of the database.")  # fmt: skip
@click.option("--dates", "n_dates", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many dates the timeline keeps.")  # fmt: skip
@click.option("--sentences", "n_sentences", type=click.IntRange(min=1), default=1, show_default=True,
              help="Sentences per date.")  # fmt: skip
@click.option("--from", "date_from", type=DATE, default=None,
              help="Only this day on: earlier articles are left out, no earlier date is chosen.")  # fmt: skip
@click.option("--to", "date_to", type=DATE, default=None,
              help="Only up to this day: later articles are left out, no later date is chosen.")  # fmt: skip
@click.option("--title", default="Timeline summary", show_default=True, help="Title of md/html output.")
def summarize_cmd(db: str, fmt: str, columns: str | None, articles_path: str | None, n_dates: int, n_sentences: int,
                  date_from: dt.date | None, date_to: dt.date | None, title: str) -> None:  # fmt: skip
    """The N most important dates and K sentences for each: a table, JSON ([{date, sentences}]), the
    [["YYYY-MM-DD", [sentences]], ...] pairs scorers read (tls), Markdown or an HTML page."""
    if date_from and date_to and date_from > date_to:
        raise click.BadParameter(f"{date_from} is after --to {date_to}", param_hint="--from")
    if articles_path:
        timeline = Corpus.summarize_file(articles_path, dates=n_dates, sentences=n_sentences, date_from=date_from,
                                         date_to=date_to)  # fmt: skip
    else:
        with Corpus(db, readonly=True) as corpus:
            timeline = corpus.summarize(dates=n_dates, sentences=n_sentences, date_from=date_from, date_to=date_to)
    if fmt == "tls":
        json.dump(timeline, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif fmt == "md":
        sys.stdout.write(summary_markdown(timeline, title=title))
    elif fmt == "html":
        sys.stdout.write(summary_html(timeline, title=title))
    elif fmt in ("table", "csv"):
        # One row a sentence: a cell holding a list would print as JSON in a table or a CSV.
        rows: list[dict[str, Any]] = [{"date": day, "sentence": s} for day, sentences in timeline for s in sentences]
        emit(rows, fmt, columns=columns, title=title if fmt == "table" else None)
    else:
        emit([{"date": day, "sentences": list(sentences)} for day, sentences in timeline], fmt, columns=columns)


def register(cli: click.Group) -> None:
    cli.add_command(summarize_cmd)
