"""The stage registry: every annotation stage declares what it needs and what it produces.

A stage is a plain function from a batch of :class:`StageInput` to rows. Stages run inside worker
processes; only their rows (plain dataclasses) travel back to the parent, never a spaCy ``Doc``.
The runner parses each document once with spaCy (when any selected stage asks for it) and hands
the same ``Doc`` to every stage, in dependency order.

Register a stage with the decorator::

    @stage("time", version="1", requires=("nlp",), produces=("timex",), depends_on_date=True)
    def time_stage(batch: Sequence[StageInput]) -> list[Row]: ...

``version`` is part of the incremental contract: when it changes, that stage (and only that
stage) re-runs on the next ingest. ``depends_on_date`` stages re-run when a document's publication
date is set or changes (``dateline set-date``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dateline.errors import ConfigError

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class SpanRow:
    """One annotation pointing back into the stored text: ``text[start:end]`` of ``doc_id``.

    ``kind`` names what the span is (``sentence``, ``entity``, ``timex``, ...); ``label`` is its
    class (``PERSON``, ``DATE``); ``value`` a normalised value (``2018-05-19``); ``attrs`` any
    further detail, stored as JSON.
    """

    doc_id: int
    stage: str
    kind: str
    start: int
    end: int
    label: str = ""
    value: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)

    def attrs_json(self) -> str:
        return json.dumps(self.attrs, sort_keys=True, ensure_ascii=False) if self.attrs else "{}"


@dataclass(frozen=True, slots=True)
class TableRow:
    """A row for a stage-specific table (quotes, events, ...) created by that stage's migration.

    ``values`` maps column names to SQL-ready values; every fact table carries ``doc_id`` and the
    evidence offsets ``start``/``end`` so it can be traced to the sentence it came from.
    """

    table: str
    doc_id: int
    values: dict[str, Any]


Row = SpanRow | TableRow


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


StageFn = Callable[[Sequence[StageInput]], Iterable[Row]]


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


_REGISTRY: dict[str, Stage] = {}


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
        if name in _REGISTRY and _REGISTRY[name].fn is not fn:
            raise ConfigError(f"stage {name!r} is registered twice")
        _REGISTRY[name] = Stage(
            name=name,
            version=version,
            fn=fn,
            requires=requires,
            produces=produces,
            needs_spacy=needs_spacy,
            depends_on_date=depends_on_date,
            description=(fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else "",
        )
        return fn

    return register


def _load_builtin_stages() -> None:
    # Importing the package registers every built-in stage through the decorator.
    import dateline.annotate.stages  # noqa: F401


def all_stages() -> dict[str, Stage]:
    _load_builtin_stages()
    return dict(_REGISTRY)


def resolve_order(names: Iterable[str] | None = None) -> list[Stage]:
    """The selected stages plus everything they require, dependencies first (stable order)."""
    stages = all_stages()
    wanted = list(stages) if names is None else list(names)
    order: list[Stage] = []
    seen: set[str] = set()
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in seen:
            return
        if name not in stages:
            raise ConfigError(f"unknown stage {name!r}; known: {', '.join(sorted(stages))}")
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
