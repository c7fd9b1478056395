"""``dateline events`` and ``dateline extract events``."""

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

EVENT_COLUMNS = ("date", "event", "mode", "status", "actors", "recipients", "outlet", "evidence", "doc_id")
STATUSES = ("asserted", "negated", "hypothetical", "future", "generic", "all")
# What `extract events` writes of an event row: what the PLOVER scorers read, and its status.
EXTRACTED = ("event", "mode", "context", "actors", "recipients", "date", "negated", "hypothetical", "future",
             "status", "confidence")  # fmt: skip


@click.command("events")
@db_option
@output_options("parquet", "plover")
@click.option("--type", "event_type", default=None, help="Only this PLOVER type (REQUEST, ASSAULT ...).")
@click.option("--actor", default=None, help="Only events with this actor or recipient (name, alias or id).")
@click.option("--code", default=None, help="Only events with an actor or recipient of this code.")
@click.option("--from", "date_from", type=DATE, default=None)
@click.option("--to", "date_to", type=DATE, default=None)
@click.option("--status", type=click.Choice(STATUSES), default="asserted", show_default=True,
              help="Events the text says took place (asserted), or those it negates, supposes, announces or generalises.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File for --format parquet.")
def events_cmd(db: str, fmt: str, columns: str | None, event_type: str | None, actor: str | None, code: str | None,
               date_from: dt.date | None, date_to: dt.date | None, status: str, out: Path | None) -> None:  # fmt: skip
    """PLOVER-coded events on their own dates, with actors, recipients, status and evidence.

    Only events that took place unless --status asks for others: each row says its status.
    """
    where = Filter(event_type=event_type, actor=actor, code=code, date_from=date_from, date_to=date_to,
                   status=None if status == "all" else status)  # fmt: skip
    with Corpus(db, readonly=True) as corpus:
        rows = corpus.events(where)
    if fmt == "plover":
        for event in rows:
            sys.stdout.write(json.dumps(event.as_plover(), ensure_ascii=False) + "\n")
        return
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        if out is None:
            raise click.UsageError("--format parquet needs --out FILE")
        flat = [{k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in row.as_dict().items()} for row in rows]
        pq.write_table(pa.Table.from_pylist(flat), out)
        click.echo(f"wrote {len(rows)} events to {out}", err=True)
        return
    emit(rows, fmt, columns=columns or (EVENT_COLUMNS if fmt in ("table", "csv") else None))


@click.command("events")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def extract_events_cmd(inputs: tuple[Path, ...]) -> None:
    """Events of JSONL records ({"id","text","date"?}) as JSONL for scorers/score_plover.py."""
    for item in extracted(text_inputs(inputs), stages=("events",), settings=Settings.from_env()):
        payload = []
        for event in item.table("events", "events"):
            shown = {k: event[k] for k in EXTRACTED if k in event}
            shown["actor"], shown["recipient"] = shown.pop("actors"), shown.pop("recipients")
            payload.append(shown)
        sys.stdout.write(json.dumps({"id": item.id, "events": payload}, ensure_ascii=False) + "\n")


def register(cli: click.Group) -> None:
    cli.add_command(events_cmd)
    group = cli.commands["extract"]
    assert isinstance(group, click.Group)
    group.add_command(extract_events_cmd)
