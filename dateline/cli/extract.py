"""``dateline extract``: run stages on files without a database (for pipelines and scorers).

Stage modules add their subcommands to this group (``extract time``, ``extract quotes`` ...); each
runs the registered stages through the same runner as an ingest (:meth:`Corpus.extract`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from dateline import Corpus, DateError, Extraction, InputError, Settings, TextInput, parse_date


def text_inputs(paths: Iterable[Path]) -> Iterator[TextInput]:
    """The texts of ``extract``'s inputs: each record of a JSONL file (``id``, ``text``, and a date in
    ``date``/``published``/``time``), or a whole text file as one input named by its stem."""
    for path in paths:
        try:
            raw = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise InputError(str(path), f"cannot read: {exc.strerror}") from exc
        if path.suffix not in (".jsonl", ".ndjson"):
            yield TextInput(path.stem, raw)
            continue
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("a record must be a JSON object")
                when = record.get("date") or record.get("published") or record.get("time")
                yield TextInput(str(record.get("id", f"{path.stem}:{number}")), str(record.get("text") or ""),
                                parse_date(str(when)) if when else None)  # fmt: skip
            except (ValueError, RecursionError, DateError) as exc:
                raise InputError(f"{path}:{number}", f"bad record: {exc}") from exc


def extracted(inputs: Iterable[TextInput], *, stages: tuple[str, ...], settings: Settings) -> Iterator[Extraction]:
    """The extractions of ``inputs``; a stage's failure on one input is reported on stderr, not fatal."""
    for item in Corpus.extract(inputs, stages=stages, settings=settings):
        for problem in item.errors:
            click.echo(f"{item.id}: {problem}", err=True)
        yield item


@click.group("extract")
def extract() -> None:
    """Run one extraction stage on input files and print its output (no database)."""


def register(cli: click.Group) -> None:
    cli.add_command(extract)
