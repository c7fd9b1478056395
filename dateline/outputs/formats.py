"""One output bundle for every listing command: ``--format table|json|jsonl|csv`` (and more where a
command supports it). Data goes to stdout; nothing else does."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TextIO, TypeVar

import click

BASE_FORMATS = ("table", "json", "jsonl", "csv")
F = TypeVar("F", bound=Callable[..., Any])


def output_options(*extra: str, default: str = "table") -> Callable[[F], F]:
    """Add ``--format`` (``table json jsonl csv`` plus ``extra``) and ``--columns`` to a command."""
    choices = (*BASE_FORMATS, *extra)

    def decorate(fn: F) -> F:
        fn = click.option(
            "--columns", "columns", default=None, metavar="A,B,...",
            help="Only these columns, in this order.",
        )(fn)  # fmt: skip
        fn = click.option(
            "--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
            help="Output format.",
        )(fn)  # fmt: skip
        return fn

    return decorate


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def select(rows: Sequence[Mapping[str, Any]], columns: str | Sequence[str] | None) -> tuple[list[dict[str, Any]], list[str]]:
    if isinstance(columns, str):
        columns = [c.strip() for c in columns.split(",") if c.strip()]
    names: list[str] = list(columns) if columns else []
    if not names:
        for row in rows:
            names.extend(k for k in row if k not in names)
    return [{c: row.get(c) for c in names} for row in rows], names


def emit(
    rows: Sequence[Mapping[str, Any]],
    fmt: str,
    *,
    columns: str | Sequence[str] | None = None,
    stream: TextIO | None = None,
    title: str | None = None,
) -> None:
    """Write ``rows`` to ``stream`` (stdout) in ``fmt``."""
    out = stream or sys.stdout
    data, names = select(rows, columns)
    if fmt == "json":
        json.dump(data, out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
    elif fmt == "jsonl":
        for row in data:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        for row in data:
            writer.writerow([_cell(row[c]) for c in names])
    elif fmt == "table":
        _table(data, names, out, title)
    else:
        raise click.UsageError(f"format {fmt!r} is not available for this command")


def _table(data: list[dict[str, Any]], names: list[str], out: TextIO, title: str | None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, soft_wrap=False, width=None if out.isatty() else 200, emoji=False)
    table = Table(title=title, show_lines=False, header_style="bold")
    for name in names:
        table.add_column(name, overflow="fold")
    for row in data:
        # Text, not str: rich would read "[/]" in a quote as markup (and fail) and ":leg:" as an emoji.
        table.add_row(*(Text(_cell(row[c])) for c in names))
    console.print(table)
