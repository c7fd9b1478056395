"""``dateline quotes`` and ``dateline extract quotes``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from dateline import Corpus, Filter, Settings
from dateline.cli.extract import extracted, text_inputs
from dateline.cli.options import DATE, db_option, output_options
from dateline.outputs.formats import emit

QUOTE_COLUMNS = ("date", "speaker", "office", "code", "sector", "outlet", "direct", "quote", "doc_id")


@click.command("quotes")
@db_option
@output_options()
@click.option("--speaker", default=None, help="Only this speaker (name, alias or actor id).")
@click.option("--code", default=None, help="Only speakers of this country/organisation code.")
@click.option("--from", "date_from", type=DATE, default=None, help="Statements on or after this date.")
@click.option("--to", "date_to", type=DATE, default=None, help="Statements on or before this date.")
def quotes_cmd(db: str, fmt: str, columns: str | None, speaker: str | None, code: str | None,
               date_from: dt.date | None, date_to: dt.date | None) -> None:  # fmt: skip
    """Who said what, when: quotes with speaker, office, date, outlet."""
    with Corpus(db, readonly=True) as corpus:
        rows = corpus.quotes(Filter(speaker=speaker, code=code, date_from=date_from, date_to=date_to))
    emit(rows, fmt, columns=columns or (QUOTE_COLUMNS if fmt in ("table", "csv") else None))


@click.command("quotes")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def extract_quotes_cmd(inputs: tuple[Path, ...]) -> None:
    """Quotes of text files or JSONL ({"id","text"}) as JSONL for scorers/score_polnear.py
    (content_spans: the content's pieces, [[start, end], ...])."""
    for item in extracted(text_inputs(inputs), stages=("quotes",), settings=Settings.from_env()):
        quotes = [{
            "content_spans": json.loads(q["pieces"]),
            "speaker_span": [q["speaker_start"], q["speaker_end"]] if q["speaker_start"] is not None else None,
            "cue_span": [q["cue_start"], q["cue_end"]] if q["cue_start"] is not None else None,
            "direct": q["direct"], "speaker": q["speaker_name"] or q["speaker_text"], "cue": q["cue_lemma"],
        } for q in item.table("quotes", "quotes")]  # fmt: skip
        sys.stdout.write(json.dumps({"id": item.id, "quotes": quotes}, ensure_ascii=False) + "\n")


def register(cli: click.Group) -> None:
    cli.add_command(quotes_cmd)
    group = cli.commands["extract"]
    assert isinstance(group, click.Group)
    group.add_command(extract_quotes_cmd)
