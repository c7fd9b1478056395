"""Writing listings: a table for the terminal, JSON, JSONL or CSV. Data goes to the stream given
(stdout for the CLI); nothing else does."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from dateline.core.errors import ConfigError
from dateline.core.views import View

BASE_FORMATS = ("table", "json", "jsonl", "csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def select(rows: Sequence[Mapping[str, Any] | View], columns: str | Sequence[str] | None) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows as mappings reduced to ``columns`` (all, in first-seen order, when none are given)."""
    mappings = [r.as_dict() if isinstance(r, View) else r for r in rows]
    if isinstance(columns, str):
        columns = [c.strip() for c in columns.split(",") if c.strip()]
    names: list[str] = list(columns) if columns else []
    if not names:
        for row in mappings:
            names.extend(k for k in row if k not in names)
    return [{c: row.get(c) for c in names} for row in mappings], names


def emit(
    rows: Sequence[Mapping[str, Any] | View],
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
        raise ConfigError(f"format {fmt!r} is not available for this listing")


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
