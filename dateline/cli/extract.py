"""``dateline extract``: run one stage on files without a database (for pipelines and scorers).

Stage modules add their subcommands to this group (``extract time``, ``extract quotes`` ...).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click


def input_records(path: Path) -> list[dict[str, Any]]:
    """The records of one input of ``extract``: each line of a JSONL file, or the whole text file
    as ``{"id": stem, "text": ...}``."""
    if path.suffix in (".jsonl", ".ndjson"):
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{"id": path.stem, "text": path.read_text(encoding="utf-8", errors="replace")}]


@click.group("extract")
def extract() -> None:
    """Run one extraction stage on input files and print its output (no database)."""


def register(cli: click.Group) -> None:
    cli.add_command(extract)
