"""``dateline extract time``: temporal expressions of files, as JSONL spans or TimeML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from dateline import Corpus
from dateline.cli.options import DATE


@click.command("time")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--dct", type=DATE, default=None, help="Publication date to anchor to (overrides the inputs' own).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "timeml"]), default="jsonl", show_default=True)
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write one TimeML file per input (or timexes.jsonl) here instead of stdout.")
def extract_time(inputs: tuple[str, ...], dct: dt.date | None, fmt: str, out_dir: Path | None) -> None:
    """Find and normalise temporal expressions (TIMEX3) in text, JSONL or TimeML files."""
    errors = Corpus.extract_time(list(inputs), dct=dct, fmt=fmt, out_dir=out_dir)
    for error in errors:
        click.echo(f"failed: {error}", err=True)
    if errors:
        raise SystemExit(1)


def register(cli: click.Group) -> None:
    group = cli.commands["extract"]
    assert isinstance(group, click.Group)
    group.add_command(extract_time)
