"""Time expressions as the stages exchange them (TIMEX3 type, value and modifier with the evidence span)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from dateline.core.records import Row, SpanRow


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str = ""
    unresolved: bool = False
    range_end: str | None = None  # last value of a range ("May 24-26" → 2015-05-26)
    anchor: str = "none"  # what the value was computed from: none | dct | ref
    signal: str = ""  # the preposition before it: since, until, in, on ...
    rule: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def timexes_from_rows(rows: Iterable[Row], text: str) -> list[Timex]:
    """The time expressions the ``time`` stage produced, back as ``Timex`` (in full: signal and
    range end matter to facts, "since 1992", "1992-1994")."""
    return [
        Timex(r.start, r.end, text[r.start : r.end], r.label, str(r.value), str(r.attrs.get("mod", "")),
              bool(r.attrs.get("unresolved")), r.attrs.get("range_end"), str(r.attrs.get("anchor", "none")),
              str(r.attrs.get("signal", "")), str(r.attrs.get("rule", "")))
        for r in rows
        if isinstance(r, SpanRow) and r.kind == "timex"
    ]  # fmt: skip
