"""The rows stages produce and the units of work that travel between processes.

Everything here is plain data (picklable, no spaCy object): a :class:`Task` goes to a worker, a
:class:`Result` of :data:`Row` values comes back, and the store writes the rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


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


@dataclass(frozen=True, slots=True)
class Task:
    doc_id: int
    text: str
    published: str | None  # ISO date, None while ambiguous/unknown
    date_source: str
    body_start: int
    stages: tuple[str, ...]  # the stages to (re)run for this document


@dataclass(slots=True)
class Result:
    doc_id: int
    rows: dict[str, list[Row]] = field(default_factory=dict)  # stage → its rows
    versions: dict[str, str] = field(default_factory=dict)  # stage → version that ran
    published: str | None = None
    errors: list[str] = field(default_factory=list)
