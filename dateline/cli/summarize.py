"""``dateline summarize``: timeline summarisation of a large collection."""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from dateline import Corpus
from dateline.cli.options import DATE, db_option


@click.command("summarize")
@db_option
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
def summarize_cmd(db: str, articles_path: str | None, n_dates: int, n_sentences: int, date_from: dt.date | None,
                  date_to: dt.date | None) -> None:  # fmt: skip
    """The N most important dates and K sentences for each, as [["YYYY-MM-DD", [sentences]], ...] JSON."""
    if date_from and date_to and date_from > date_to:
        raise click.BadParameter(f"{date_from} is after --to {date_to}", param_hint="--from")
    if articles_path:
        timeline = Corpus.summarize_file(articles_path, dates=n_dates, sentences=n_sentences, date_from=date_from,
                                         date_to=date_to)  # fmt: skip
    else:
        with Corpus(db, readonly=True) as corpus:
            timeline = corpus.summarize(dates=n_dates, sentences=n_sentences, date_from=date_from, date_to=date_to)
    json.dump(timeline, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def register(cli: click.Group) -> None:
    cli.add_command(summarize_cmd)
