"""``dateline events`` and ``dateline extract events``."""

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
from dateline.resolve.event_queries import EVENT_COLUMNS, as_plover, list_events


@click.command("events")
@db_option
@output_options("parquet", "plover")
@click.option("--type", "event_type", default=None, help="Only this PLOVER type (REQUEST, ASSAULT ...).")
@click.option("--actor", default=None, help="Only events with this actor or recipient (name, alias or id).")
@click.option("--code", default=None, help="Only events with an actor or recipient of this code.")
@click.option("--from", "date_from", type=DATE, default=None)
@click.option("--to", "date_to", type=DATE, default=None)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File for --format parquet.")
def events_cmd(db: str, fmt: str, columns: str | None, event_type: str | None, actor: str | None, code: str | None,
               date_from: dt.date | None, date_to: dt.date | None, out: Path | None) -> None:  # fmt: skip
    """PLOVER-coded events on their own dates, with actors, recipients and evidence."""
    with Corpus(db, readonly=True) as corpus:
        rows = list_events(corpus.connect(), event_type=event_type, actor=actor, code=code, date_from=date_from, date_to=date_to)
    if fmt == "plover":
        for row in rows:
            sys.stdout.write(json.dumps(as_plover(row), ensure_ascii=False) + "\n")
        return
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        if out is None:
            raise click.UsageError("--format parquet needs --out FILE")
        flat = [{k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in row.items()} for row in rows]
        pq.write_table(pa.Table.from_pylist(flat), out)
        click.echo(f"wrote {len(rows)} events to {out}", err=True)
        return
    emit(rows, fmt, columns=columns or (EVENT_COLUMNS if fmt in ("table", "csv") else None))


@click.command("events")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def extract_events_cmd(inputs: tuple[Path, ...]) -> None:
    """Events of JSONL records ({"id","text","date"?}) as JSONL for scorers/score_plover.py."""
    from dateline.annotate.actors import find_actor_mentions
    from dateline.annotate.events import code_events
    from dateline.annotate.model import load_model
    from dateline.annotate.time import find_timexes
    from dateline.core.dates import parse_date

    nlp = load_model()
    for path in inputs:
        for record in input_records(path):
            text = str(record.get("text", ""))
            date = parse_date(str(record["date"])) if record.get("date") else None
            doc = nlp(text)
            events = code_events(doc, published=date, mentions=find_actor_mentions(doc), timexes=find_timexes(text, date, doc=doc))
            payload = [{"event": e.event, "mode": e.mode, "context": list(e.context),
                        "actor": [a.as_dict() for a in e.actors], "recipient": [r.as_dict() for r in e.recipients],
                        "date": e.date, "negated": e.negated, "hypothetical": e.hypothetical, "future": e.future,
                        "confidence": e.confidence} for e in events]  # fmt: skip
            sys.stdout.write(json.dumps({"id": record.get("id"), "events": payload}, ensure_ascii=False) + "\n")


def register(cli: click.Group) -> None:
    cli.add_command(events_cmd)
    group = cli.commands["extract"]
    assert isinstance(group, click.Group)
    group.add_command(extract_events_cmd)
