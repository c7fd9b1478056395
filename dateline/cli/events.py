"""``dateline events`` and ``dateline extract events``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

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
    """Events of JSONL records ({"id","text","date"?}) as JSONL for scorers/score_plover.py and
    scorers/score_news_events.py: one line per record, its events best first, each with its status."""
    from dateline.annotate.runner import annotate
    from dateline.core.dates import parse_date
    from dateline.core.records import TableRow, Task
    from dateline.core.settings import Settings

    settings = Settings.from_env()
    for path in inputs:
        records = input_records(path)
        tasks = []
        for n, record in enumerate(records):
            date = parse_date(str(record["date"])) if record.get("date") else None
            tasks.append(Task(n, str(record.get("text", "")), date.isoformat() if date else None,
                              "explicit" if date else "unknown", 0, ("events",)))  # fmt: skip
        for start in range(0, len(tasks), 64):
            for result in annotate(tasks[start : start + 64], settings=settings):
                record, text = records[result.doc_id], tasks[result.doc_id].text
                for error in result.errors:
                    click.echo(f"{path}: record {record.get('id')!r}: {error}", err=True)
                payload = [_extracted(row.values, text) for row in result.rows.get("events", []) if isinstance(row, TableRow)]
                sys.stdout.write(json.dumps({"id": record.get("id"), "events": payload}, ensure_ascii=False) + "\n")


def _extracted(values: dict[str, Any], text: str) -> dict[str, Any]:
    """One event of ``extract events``: PLOVER fields, status (with the flags the scorers read) and trigger."""
    keys = ("event", "mode", "context", "date", "status", "negated", "hypothetical", "future", "confidence")
    return {**{k: values[k] for k in keys}, "actor": values["actors"], "recipient": values["recipients"],
            "trigger": text[values["trigger_start"] : values["trigger_end"]]}  # fmt: skip


def register(cli: click.Group) -> None:
    cli.add_command(events_cmd)
    group = cli.commands["extract"]
    assert isinstance(group, click.Group)
    group.add_command(extract_events_cmd)
