"""``dateline extract``: run one stage on files without a database (for pipelines and scorers).

Stage modules add their subcommands to this group (``extract time``, ``extract quotes`` ...).
"""

from __future__ import annotations

import click


@click.group("extract")
def extract() -> None:
    """Run one extraction stage on input files and print its output (no database)."""


def register(cli: click.Group) -> None:
    cli.add_command(extract)
