"""The stage contract: every annotation stage declares what it needs and what it produces.

A stage is a plain function from a batch of :class:`StageInput` (and the run's
:class:`~dateline.core.settings.Settings`) to rows. Stages run inside worker processes; only their
rows (plain dataclasses) travel back to the parent, never a spaCy ``Doc``. The runner parses each
document once with spaCy (when any selected stage asks for it) and hands the same ``Doc`` to every
stage, in dependency order, with the rows of the stages it ``requires`` in ``StageInput.rows``.

Register a stage with the decorator::

    @stage("time", version="1", requires=("nlp",), produces=("timex",), depends_on_date=True)
    def time_stage(batch: Sequence[StageInput], settings: Settings) -> list[Row]: ...

``version`` is part of the incremental contract: when it changes, that stage (and only that
stage) re-runs on the next ingest. ``depends_on_date`` stages re-run when a document's publication
date is set or changes (``dateline set-date``). The built-in stages live in
:mod:`dateline.annotate.stages`; importing that package registers them in :data:`STAGES`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dateline.core.errors import ConfigError
from dateline.core.records import Row
from dateline.core.registry import Registry
from dateline.core.settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(slots=True)
class StageInput:
    """What a stage sees of one document.

    ``published`` is the settled publication date, or ``None`` when it is ambiguous or unknown
    (``date_source`` says which); stages that anchor to it must then keep unresolved values.
    ``spacy_doc`` is the parse shared by all stages of this run (``None`` if no stage needs it).
    ``rows`` holds the rows produced earlier in this run by the stages this one ``requires``.
    """

    doc_id: int
    text: str
    published: dt.date | None
    date_source: str
    body_start: int = 0
    spacy_doc: Doc | None = None
    rows: dict[str, list[Row]] = field(default_factory=dict)


StageFn = Callable[[Sequence[StageInput], Settings], Iterable[Row]]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    version: str
    fn: StageFn
    requires: tuple[str, ...] = ()
    produces: tuple[str, ...] = ()
    needs_spacy: bool = False
    depends_on_date: bool = False
    description: str = ""


STAGES: Registry[Stage] = Registry("stage")


def stage(
    name: str,
    *,
    version: str,
    requires: tuple[str, ...] = (),
    produces: tuple[str, ...] = (),
    needs_spacy: bool = False,
    depends_on_date: bool = False,
) -> Callable[[StageFn], StageFn]:
    """Register ``fn`` as the stage ``name`` (see the module docstring)."""

    def register(fn: StageFn) -> StageFn:
        doc = (fn.__doc__ or "").strip()
        STAGES.add(name, Stage(
            name=name, version=version, fn=fn, requires=requires, produces=produces, needs_spacy=needs_spacy,
            depends_on_date=depends_on_date, description=doc.splitlines()[0] if doc else "",
        ))  # fmt: skip
        return fn

    return register


def resolve_order(stages: Registry[Stage], names: Iterable[str] | None = None) -> list[Stage]:
    """The selected stages plus everything they require, dependencies first (stable order)."""
    wanted = stages.names() if names is None else list(names)
    order: list[Stage] = []
    seen: set[str] = set()
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in seen:
            return
        if name not in stages:
            raise ConfigError(f"unknown stage {name!r}; known: {', '.join(sorted(stages.names()))}")
        if name in visiting:
            raise ConfigError(f"stage dependency cycle through {name!r}")
        visiting.add(name)
        for dep in stages[name].requires:
            visit(dep)
        visiting.discard(name)
        seen.add(name)
        order.append(stages[name])

    for name in sorted(wanted):
        visit(name)
    return order
