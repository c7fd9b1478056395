"""One filter object for every listing (documents, actors, quotes, events, timeline).

Each listing reads the fields that apply to it and refuses the others with a clear error, so a
filter that would silently do nothing ("quotes of type ASSAULT") is caught::

    corpus.quotes(Filter(speaker="Lavrov", date_from=dt.date(2020, 1, 1), limit=50))
    corpus.timeline(Filter(code="RUS", kind="news"))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, fields

from dateline.core.errors import ConfigError


@dataclass(frozen=True, slots=True, kw_only=True)
class Filter:
    actor: str | None = None  # an actor or recipient: name, alias or id
    speaker: str | None = None  # who said it (quotes): name, alias or id
    code: str | None = None  # a country or organisation code (RUS, IGO)
    sector: str | None = None  # a PLOVER sector (GOV, MIL ...)
    kind: str | None = None  # actors: person, organization ...; timeline: news, background
    event_type: str | None = None  # a PLOVER type (REQUEST, ASSAULT ...)
    date_source: str | None = None  # documents: how the publication date was settled
    date_from: dt.date | None = None  # on or after (a coarse date counts when it overlaps)
    date_to: dt.date | None = None  # on or before
    doc_id: int | None = None  # only what this document says
    text: str | None = None  # a substring of the quote, headline or name (case-insensitive)
    min_sources: int | None = None  # timeline: entries reported by at least this many independent stories
    top: int | None = None  # timeline: the N most important entries (then shown in the order asked)
    sort: str | None = None  # the order of a listing; timeline: "date" (the default) or "importance"
    status: str | None = None  # events: asserted | negated | hypothetical | future | generic (default: all)
    limit: int | None = None  # a page: at most this many
    offset: int = 0  # skip this many first

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ConfigError(f"the filter's date_from {self.date_from} is after its date_to {self.date_to}")
        if (self.limit is not None and self.limit < 0) or self.offset < 0:
            raise ConfigError("a filter's limit and offset cannot be negative")
        if (self.top is not None and self.top < 1) or (self.min_sources is not None and self.min_sources < 0):
            raise ConfigError("a filter's top must be at least 1 and its min_sources not negative")

    def given(self) -> set[str]:
        """The fields set to something other than their default."""
        return {f.name for f in fields(self) if getattr(self, f.name) != f.default}

    def check(self, listing: str, accepted: Collection[str]) -> None:
        """Raise if a field ``listing`` cannot honour is set."""
        extra = self.given() - set(accepted) - {"limit", "offset"}
        if extra:
            raise ConfigError(f"{listing} cannot be filtered by {', '.join(sorted(extra))} "
                              f"(they take: {', '.join(sorted(accepted))})")  # fmt: skip


NO_FILTER = Filter()
