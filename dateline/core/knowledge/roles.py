"""Dated roles: what an actor was (country code, PLOVER sector, office) on a given day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Role:
    code: str  # ISO 3166 alpha-3, IGO, NGO, IMG, MNC; "" when the role names no country
    sector: str  # PLOVER sector, "" for none
    start: dt.date | None = None  # first day, None: open
    end: dt.date | None = None  # last day, None: open
    office: str = ""  # "Prime Minister", where the source says
    source: str = ""  # "phoenix" | "knowledge" | a user file

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def years(self) -> tuple[int | None, int | None]:
        return (self.start.year if self.start else None, self.end.year if self.end else None)


def role_at(roles: Iterable[Role], day: dt.date | None) -> Role | None:
    """The role valid on ``day``: the dated role covering it that began last, else the default
    (an undated role). Without a day: the dated role that began last (a person in the news is most
    often named for the post they hold or held last), else the default."""
    roles = list(roles)
    defaults = [r for r in roles if not r.dated]
    if day is not None:
        covering = [r for r in roles if r.dated and r.covers(day)]
        if covering:
            return max(covering, key=lambda r: (r.start or dt.date.min, r.end or dt.date.max))
        return defaults[0] if defaults else None
    dated = [r for r in roles if r.dated]
    if dated:
        return max(dated, key=lambda r: (r.start or dt.date.min, r.end or dt.date.max))
    return defaults[0] if defaults else None


def parse_role(text: str, source: str) -> Role:
    """``SYR:GOV:2000-07-17:`` (code, sector, first day, last day) → :class:`Role`."""
    code, sector, start, end = [*text.split(":"), "", "", "", ""][:4]
    return Role(code, sector, dt.date.fromisoformat(start) if start else None, dt.date.fromisoformat(end) if end else None,
                source=source)  # fmt: skip
