"""Extraction without a database: the registered stages run through the runner on texts as given
(no cleaning, so every offset points into the input), for pipelines and the shared scorers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from dateline.annotate.runner import annotate
from dateline.annotate.stages import stage_order
from dateline.core.mentions import ActorMention, mentions_from_rows
from dateline.core.records import Row, SpanRow, TableRow, Task
from dateline.core.settings import Settings
from dateline.core.timexes import Timex, timexes_from_rows

BATCH = 16


@dataclass(frozen=True, slots=True)
class TextInput:
    """One text to extract from: an id of the caller's, the text, and its publication date if known."""

    id: str
    text: str
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the stages found in one text: their rows by stage, and the problems they met."""

    id: str
    text: str
    rows: dict[str, list[Row]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def table(self, stage: str, table: str) -> list[dict[str, Any]]:
        """The values of ``stage``'s rows for ``table`` (``quotes``, ``events``), in the stage's order."""
        return [r.values for r in self.rows.get(stage, []) if isinstance(r, TableRow) and r.table == table]

    def spans(self, stage: str, kind: str) -> list[SpanRow]:
        return [r for r in self.rows.get(stage, []) if isinstance(r, SpanRow) and r.kind == kind]

    def mentions(self) -> list[ActorMention]:
        return mentions_from_rows(self.rows.get("actors", []), self.text)

    def timexes(self) -> list[Timex]:
        return timexes_from_rows(self.rows.get("time", []), self.text)


def extract(inputs: Iterable[TextInput], *, stages: Iterable[str], settings: Settings) -> Iterator[Extraction]:
    """Run ``stages`` (and what they require) over ``inputs``, one :class:`Extraction` per input, in order."""
    names = tuple(s.name for s in stage_order(stages))
    items = iter(inputs)
    while batch := list(islice(items, BATCH)):
        tasks = [Task(n, item.text, item.published.isoformat() if item.published else None,
                      "metadata" if item.published else "unknown", 0, names)
                 for n, item in enumerate(batch)]  # fmt: skip
        for item, result in zip(batch, annotate(tasks, settings=settings), strict=True):
            yield Extraction(item.id, item.text, result.rows, result.errors)
