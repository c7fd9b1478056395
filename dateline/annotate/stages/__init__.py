"""The built-in annotation stages, one module each. Importing this package registers them in
:data:`STAGES`; :func:`stage_order` gives a selection with what it requires, dependencies first."""

from __future__ import annotations

from collections.abc import Iterable

from dateline.annotate.stage import STAGES, Stage, resolve_order
from dateline.annotate.stages import actors, events, facts, nlp, quotes, time

__all__ = ["STAGES", "Stage", "stage_order"]
_BUILTIN = (actors, events, facts, nlp, quotes, time)  # registered by importing them


def stage_order(names: Iterable[str] | None = None) -> list[Stage]:
    """The stages ``names`` (all when ``None``) and those they require, dependencies first."""
    return resolve_order(STAGES, names)
