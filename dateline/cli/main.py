"""The ``dateline`` command group. Each command module registers its commands through ``register``."""

from __future__ import annotations

import importlib
import logging
import sys
from typing import Any

import click

from dateline import DatelineError, __version__

# Command modules, in help order. A module not present in this build is skipped.
COMMAND_MODULES = (
    "dateline.cli.ingest",
    "dateline.cli.documents",
    "dateline.cli.extract",
    "dateline.cli.extract_time",
    "dateline.cli.actors",
    "dateline.cli.quotes",
    "dateline.cli.events",
    "dateline.cli.timeline",
    "dateline.cli.summarize",
    "dateline.cli.exports",
    "dateline.cli.serve",
)


class DatelineGroup(click.Group):
    """Turns dateline's own errors into a one-line message and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DatelineError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(1)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # registration order, not alphabetical


@click.group(cls=DatelineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def cli(verbose: int, quiet: bool) -> None:
    """dateline: news articles in, a sourced, dated record of events, statements and actors out."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


def _register_all() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(cli)


_register_all()


def main() -> None:
    cli(prog_name="dateline")


if __name__ == "__main__":
    main()
