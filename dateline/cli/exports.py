"""``dateline export``, ``dateline network`` and ``dateline metadata``: the corpus for other tools."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import yaml

from dateline import Corpus
from dateline.cli.options import db_option

EXPORT_FORMATS = ("csv", "jsonl", "parquet")
TABLES = ("documents", "events", "quotes", "actors", "facts", "timeline_entries", "timeline_sources", "date_proposals")


@click.command("export")
@db_option
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder to write into.")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="csv", show_default=True)
@click.option("--tables", default=None, metavar="A,B,...", help=f"Only these tables (of {', '.join(TABLES)}).")
def export_cmd(db: str, out_dir: Path, fmt: str, tables: str | None) -> None:
    """Tables (documents, events, quotes, actors, facts, timeline ...) as CSV, JSONL or Parquet files."""
    chosen = [t.strip() for t in tables.split(",") if t.strip()] if tables else None
    with Corpus(db, readonly=True) as corpus:
        written = corpus.export(out_dir, fmt=fmt, tables=chosen)
    for table, path, n in written:
        click.echo(f"{table}: {n} rows → {path}", err=True)


@click.command("network")
@db_option
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf"]), default="graphml", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File to write (default: stdout).")
def network_cmd(db: str, fmt: str, out: Path | None) -> None:
    """The actor network (edges: events between actors, weighted, with dates) as GraphML or GEXF."""
    with Corpus(db, readonly=True) as corpus:
        data, n_actors, n_edges = corpus.network(fmt, out=out)
    if out is None:
        sys.stdout.buffer.write(data)
    else:
        click.echo(f"{n_actors} actors, {n_edges} edges → {out}", err=True)


@click.command("metadata")
@db_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write (default: metadata.yaml beside the database; '-' for stdout).")  # fmt: skip
def metadata_cmd(db: str, out: Path | None) -> None:
    """A Datasette metadata.yaml for the database: `datasette DB -m metadata.yaml`."""
    with Corpus(db, readonly=True) as corpus:
        metadata = corpus.datasette_metadata()
    text = yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True)
    if out is not None and str(out) == "-":
        sys.stdout.write(text)
        return
    target = out or Path(db).parent / "metadata.yaml"
    target.write_text(text, encoding="utf-8")
    click.echo(f"wrote {target}; run: datasette {db} -m {target}", err=True)


def register(cli: click.Group) -> None:
    for command in (export_cmd, network_cmd, metadata_cmd):
        cli.add_command(command)
