"""Watching inputs: ingest what is new or changed, pass after pass, in one process.

Each ``dateline ingest`` pays its start-up again: the imports, the spaCy model, the lexicons. A feed
that drops a few articles at a time would pay it for every drop, many times the cost of the articles
themselves. A watch keeps one process (and so one loaded model and one database connection) and on
each pass hands the ingest only the files whose size or modification time changed since the pass
before — the others are not even re-read.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from dateline.core.errors import ConfigError
from dateline.ingest.readers import expand

Stamp = tuple[int, int]  # (size, modification time in ns)


R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class WatchPass(Generic[R]):
    """One pass of a watch: its number (from 1), the inputs it ingested, the ingest's report."""

    number: int
    inputs: list[str]
    report: R
    seconds: float


def snapshot(paths: Sequence[str]) -> dict[str, Stamp]:
    """Every file the inputs name now, with its size and modification time.

    A pattern that matches nothing yet, or a file that vanished between listing and ``stat``, is
    simply absent: in a watched folder both are normal."""
    if "-" in paths:
        raise ConfigError("standard input (-) cannot be watched; name files, folders or patterns")
    stamps: dict[str, Stamp] = {}
    for entry in expand(paths):
        if isinstance(entry, tuple) and entry[1] is not None:
            try:
                st = entry[1].stat()
            except OSError:
                continue
            stamps[entry[0]] = (st.st_size, st.st_mtime_ns)
    return stamps


def changed(before: dict[str, Stamp], now: dict[str, Stamp]) -> list[str]:
    """The inputs that are new in ``now`` or differ from ``before``, in a stable order."""
    return sorted(name for name, stamp in now.items() if before.get(name) != stamp)


def watch(
    paths: Sequence[str],
    *,
    ingest: Callable[[list[str]], R],
    interval: float = 5.0,
    passes: int | None = None,
    on_pass: Callable[[WatchPass[R]], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Ingest ``paths``, then every ``interval`` seconds whatever changed under them.

    The first pass takes every input (an unchanged one costs a hash comparison in the ingest).
    ``on_pass`` hears of every pass that ingested something. Stops after ``passes`` passes (``None``:
    until interrupted). A file caught half-written is taken again when it changes again.
    """
    if interval < 0:
        raise ConfigError(f"watch interval must not be negative, got {interval}")
    seen: dict[str, Stamp] = {}
    number = 0
    while passes is None or number < passes:
        if number:
            sleep(interval)
        number += 1
        now = snapshot(paths)
        todo = changed(seen, now)
        if number == 1:
            todo = list(paths)  # as a plain ingest would: errors for missing inputs are reported once
        seen = now
        if not todo:
            continue
        started = time.perf_counter()
        report = ingest(todo)
        if on_pass is not None:
            on_pass(WatchPass(number, todo, report, time.perf_counter() - started))
