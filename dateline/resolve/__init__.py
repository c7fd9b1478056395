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

from dateline.core.registry import Registry
from dateline.core.settings import Settings

log = logging.getLogger(__name__)
Resolver = Callable[[sqlite3.Connection, Settings], Any]
RESOLVERS: Registry[Resolver] = Registry("resolver")
# Modules that register resolvers, in the order they must run (actors before the timeline that
# reads them); imported on first use.
BUILTIN = ("dateline.resolve.actors", "dateline.resolve.actor_dates", "dateline.resolve.events", "dateline.resolve.timeline")


def resolver(name: str) -> Callable[[Resolver], Resolver]:
    """Register ``fn(conn, settings)`` as the resolver ``name``."""
    return RESOLVERS.decorator(name)


def resolvers() -> dict[str, Resolver]:
    for module in BUILTIN:
        importlib.import_module(module)
    return RESOLVERS.as_dict()


def run_resolvers(conn: sqlite3.Connection, settings: Settings, *, force: bool = False) -> dict[str, Any]:
    """Run every resolver, unless nothing was written since they last ran (``force`` runs them anyway)."""
    from dateline.store.state import mark_resolved, needs_resolution

    if not force and not needs_resolution(conn):
        log.info("nothing changed since the last resolution; skipped")
        return {}
    done = {name: fn(conn, settings) for name, fn in resolvers().items()}
    mark_resolved(conn)
    return done
