"""Corpus-level resolution: what needs every document at once (actors, timeline ...).

Resolvers register with :func:`resolver` and run, in registration order, after every ingest and
every ``set-date``. Each rebuilds its tables from the stored rows, so running it twice is harmless.
"""

from __future__ import annotations

import importlib
import logging
import sqlite3
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)
Resolver = Callable[[sqlite3.Connection], Any]
_RESOLVERS: dict[str, Resolver] = {}
# Modules that register resolvers; imported on first use so a missing optional one is skipped.
BUILTIN = ("dateline.resolve.actors", "dateline.resolve.events", "dateline.resolve.timeline")


def resolver(name: str) -> Callable[[Resolver], Resolver]:
    def register(fn: Resolver) -> Resolver:
        _RESOLVERS[name] = fn
        return fn

    return register


def resolvers() -> dict[str, Resolver]:
    for module in BUILTIN:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
    return dict(_RESOLVERS)


def run_resolvers(conn: sqlite3.Connection, *, force: bool = False) -> dict[str, Any]:
    """Run every resolver, unless nothing was written since they last ran (``force`` runs them anyway)."""
    from dateline.store.state import mark_resolved, needs_resolution

    if not force and not needs_resolution(conn):
        log.info("nothing changed since the last resolution; skipped")
        return {}
    done = {name: fn(conn) for name, fn in resolvers().items()}
    mark_resolved(conn)
    return done
