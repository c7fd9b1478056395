"""Options shared by several commands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import click

from dateline import Corpus, DateError, parse_date
from dateline.outputs.formats import BASE_FORMATS

F = TypeVar("F", bound=Callable[..., Any])


def db_option(fn: F) -> F:
    return click.option(
        "--db", "db", default=Corpus.DEFAULT_DB, show_default=True, envvar="DATELINE_DB", type=click.Path(dir_okay=False),
        help="Corpus database (SQLite file).",
    )(fn)  # fmt: skip


class DateParam(click.ParamType[dt.date, Any]):
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return parse_date(str(value))
        except DateError as exc:
            self.fail(str(exc), param, ctx)


DATE = DateParam()


def output_options(*extra: str, default: str | Callable[[], str] = "table", default_help: str | None = None) -> Callable[[F], F]:
    """The one output bundle of every listing command: ``--format`` (``table json jsonl csv`` plus
    ``extra``) and ``--columns``. ``default`` may be a function, asked when the command runs (a
    default that depends on where the output goes), with ``default_help`` to show for it."""
    choices = (*BASE_FORMATS, *extra)

    def decorate(fn: F) -> F:
        fn = click.option(
            "--columns", "columns", default=None, metavar="A,B,...",
            help="Only these columns, in this order.",
        )(fn)  # fmt: skip
        fn = click.option(
            "--format", "fmt", type=click.Choice(choices), default=default, show_default=default_help or True,
            help="Output format.",
        )(fn)  # fmt: skip
        return fn

    return decorate
