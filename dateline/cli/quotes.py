"""``dateline quotes`` and ``dateline extract quotes``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from dateline.cli.extract import input_records
from dateline.cli.options import DATE, db_option
from dateline.corpus import Corpus
from dateline.outputs.formats import emit, output_options
from dateline.resolve.quote_queries import QUOTE_COLUMNS, list_quotes


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
        rows = list_quotes(corpus.connect(), speaker=speaker, code=code, date_from=date_from, date_to=date_to)
    emit(rows, fmt, columns=columns or (QUOTE_COLUMNS if fmt in ("table", "csv") else None))


@click.command("quotes")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def extract_quotes_cmd(inputs: tuple[Path, ...]) -> None:
    """Quotes of text files or JSONL ({"id","text"}) as JSONL for scorers/score_polnear.py
    (content_spans: the content's pieces, [[start, end], ...])."""
    from dateline.annotate.actors import find_actor_mentions
    from dateline.annotate.model import load_model
    from dateline.annotate.quotes import extract_quotes
    from dateline.annotate.quotes.attribution import speaker_mention

    nlp = load_model()
    for path in inputs:
        items = [(str(r.get("id", n)), str(r.get("text", ""))) for n, r in enumerate(input_records(path), start=1)]
        for doc_id, text in items:
            doc = nlp(text)
            mentions = find_actor_mentions(doc)
            quotes = []
            for q in extract_quotes(doc):
                speaker = speaker_mention(q, mentions)
                quotes.append({
                    **q.spans_record(),
                    "speaker": speaker.name if speaker else (text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None),
                    "cue": q.cue_lemma,
                })  # fmt: skip
            sys.stdout.write(json.dumps({"id": doc_id, "quotes": quotes}, ensure_ascii=False) + "\n")


def register(cli: click.Group) -> None:
    cli.add_command(quotes_cmd)
    group = cli.commands["extract"]
    assert isinstance(group, click.Group)
    group.add_command(extract_quotes_cmd)
