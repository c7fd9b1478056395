"""The timeline's records: a source (an event or a dated fact), an entry (what its sources say,
summarised as they join), and how an entry reads (its type, date, headline, contradictions).
How a source finds the entry it belongs to is :mod:`dateline.resolve.timeline_matching`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from dateline.core.concepts import Concept
from dateline.core.timevalues import calendar_part, interval
from dateline.resolve.headlines import event_headline, join_names

GRANULARITY_RANK = {"day": 4, "week": 3, "month": 3, "season": 2, "year": 1, "decade": 0, "": -1}
CONTEXT_ACTORS = 3  # how many of an article's most-mentioned actors place its actor-less facts
_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)(DE|CE|Y|M|W|D)$")
_SHARED_LIMIT = 20_000  # values _Shared holds at most: sources now stream, so it need not hold a year
_YEARS = {"CE": 100.0, "DE": 10.0, "Y": 1.0, "M": 1 / 12, "W": 1 / 52, "D": 1 / 365}


@dataclass(slots=True)
class _Source:
    event_id: int | None
    fact_id: int | None
    doc_id: int
    event: str
    shape: str  # event | point | since | range | duration
    date: str | None
    date_end: str | None
    granularity: str
    historical: bool
    start: int
    end: int
    claim: str
    concepts: tuple[str, ...]
    actors: dict[str, dict[str, Any]]
    recipients: dict[str, dict[str, Any]]
    mode: str = ""
    duration: str | None = None
    mod: str = ""
    # Dated by its article's publication day, the text giving no date: the event took place that
    # day or shortly before ("Russia and China vetoed the text", in Sunday's paper of Saturday's veto).
    approximate: bool = False
    lemma: str = ""  # an event's trigger lemma ("veto")
    # Told in the perfect of a state or of the past before the past ("has been suspended", "had
    # agreed"): at some time before its date, background.
    stative: bool = False

    @property
    def codes(self) -> set[str]:
        return {a["code"] for a in self.actors.values() if a.get("code")}


@dataclass(slots=True)
class _Entry:
    event: str
    mode: str
    actor_ids: set[str]
    actor_codes: set[str]
    recipient_ids: set[str]
    context: set[str]
    concepts: Counter[str]
    actors: dict[str, dict[str, Any]]
    recipients: dict[str, dict[str, Any]]
    # The sources themselves, unless a Sink takes them as they join (the resolver writes them out
    # at once, so that an event a hundred thousand articles retell holds no more memory than its
    # summary below). Everything the timeline reads of an entry is in that summary, kept by add().
    sources: list[_Source] = field(default_factory=list)
    contradictions: list[dict[str, Any]] = field(default_factory=list)
    number: int = 0  # given by the Sink when the entry is created
    # The source_order() of the source that created it: when several entries fit a source, the
    # oldest wins, and entries built in separate passes (year by year) still agree on which is oldest.
    order: tuple[Any, ...] = ()
    # Matching state, so that matching a source against an entry does not walk its sources.
    n_sources: int = 0
    has_facts: bool = False
    ranged: bool = False  # its sources are ranges (all are, or none)
    undated: bool = False  # a source without a date: nothing more can join
    finest: str = ""  # the longest plain date; every other is a prefix of it
    span: tuple[str, str] = ("", "")  # the plain start and end every range source shares
    # Summary of the sources, for the entry's row.
    range_end: str | None = None
    historical: bool = False
    first: tuple[int, int] = (0, 0)  # (document, sentence) of the first report
    years: set[str] = field(default_factory=set)
    docs: set[int] = field(default_factory=set)
    their: _Source | None = None  # the first source from an article with a known date
    event_votes: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    best_any: tuple[int, str, str] = (-9, "", "")  # (rank, date, granularity) of the finest source
    best_dated: tuple[int, str, str] = (-9, "", "")  # the same among those with a date
    dates: dict[str, Counter[str]] = field(default_factory=dict)  # granularity → date → sources
    date_docs: dict[str, set[int]] = field(default_factory=dict)  # date → documents that give it
    since_years: set[int] = field(default_factory=set)
    since_docs: set[int] = field(default_factory=set)
    lemmas: set[str] = field(default_factory=set)  # the trigger lemmas of its events
    sentences: set[tuple[int, int]] = field(default_factory=set)  # (document, sentence start) of its reports
    guessed: bool = True  # every source so far is dated by its paper's day alone
    told: bool = False  # some source tells it as a happening, not only as a state ("has been charged")

    def _take_report(self, source: _Source, dated_doc: bool) -> None:
        self.docs.add(source.doc_id)
        self.sentences.add((source.doc_id, source.start))
        self.guessed = self.guessed and source.approximate
        self.told = self.told or not source.stative
        if source.lemma:
            self.lemmas.add(source.lemma)
        if self.their is None and dated_doc:
            self.their = source
        if source.event_id is not None:
            self.event_votes[source.event] += 1
        self.names.update(a["name"] for a in source.actors.values() if a.get("name"))

    def add(self, source: _Source, *, dated_doc: bool = True) -> None:
        """Take ``source`` into the summary (``dated_doc``: its article's date is known)."""
        if not self.n_sources:
            self.ranged = source.shape == "range"
            self.span = (_plain(source.date), _plain(source.date_end))
            self.range_end = source.date_end if self.ranged else None
            self.first = (source.doc_id, source.start)
        self.n_sources += 1
        self.has_facts = self.has_facts or source.fact_id is not None
        if source.approximate and self.finest and not compatible(source.date, self.finest):
            # A report of a day the entry already dates more exactly: evidence, not a date of its own.
            self._take_report(source, dated_doc)
            return
        plain = _plain(source.date)
        self.undated = self.undated or not plain
        if len(plain) > len(self.finest):
            self.finest = plain
        self.historical = self.historical or source.historical
        self.first = min(self.first, (source.doc_id, source.start))
        self.years.add(plain[:4])
        self._take_report(source, dated_doc)
        if source.date:
            self.date_docs.setdefault(calendar_part(source.date), set()).add(source.doc_id)
        if source.shape == "since":
            self.since_docs.add(source.doc_id)
            if source.date:
                self.since_years.add(int(source.date[:4]))
        if source.shape != "duration":
            rank = GRANULARITY_RANK.get(source.granularity, -1)
            if (rank, source.date or "") > self.best_any[:2]:  # the first of equals, as max() picks
                self.best_any = (rank, source.date or "", source.granularity)
            if source.date:
                if (rank, source.date) > self.best_dated[:2]:
                    self.best_dated = (rank, source.date, source.granularity)
                self.dates.setdefault(source.granularity, Counter())[calendar_part(source.date)] += 1


class Sink(Protocol):
    """Where build_entries puts the sources that join entries, and who numbers new entries."""

    def number(self) -> int: ...

    def add(self, entry: _Entry, source: _Source) -> None: ...


class Keep:
    """Keeps every source on its entry (``entry.sources``)."""

    def __init__(self) -> None:
        self.count = 0

    def number(self) -> int:
        self.count += 1
        return self.count

    def add(self, entry: _Entry, source: _Source) -> None:
        entry.sources.append(source)


def _plain(date: str | None) -> str:
    return calendar_part(date or "").rstrip("X")


def compatible(a: str | None, b: str | None) -> bool:
    """Two dates can be the same event: one is the other at a coarser granularity."""
    a, b = _plain(a), _plain(b)
    if not a or not b:
        return False
    return a.startswith(b) or b.startswith(a)


def granularity_of(date: str | None) -> str:
    plain = _plain(date)
    return {3: "decade", 4: "year", 7: "month", 10: "day"}.get(len(plain), "")


def _participants(raw: str) -> dict[str, dict[str, Any]]:
    out = {}
    for p in json.loads(raw):
        key = p.get("actor_id") or f"{p.get('code')}:{p.get('name')}"
        name = p.get("name")
        society = _SOCIETY.get(str(p.get("sector")))
        if society and p.get("actor_id") and p.get("actor_id") == p.get("code"):
            # A country's people ("urged Mexicans to stay at home") or businesses ("Spain's biggest
            # airline suspended flights") are not its state.
            key, name = f"{key}:{p.get('sector')}", society.format(name)
        elif p.get("sector") in _SEATS and p.get("actor_id") and p.get("actor_id") == p.get("code"):
            # A court known by where it sits ("appeared in court in Los Angeles"): the state's court
            # there, not the place.
            name = _SEATS[str(p.get("sector"))].format(name)
        out[key] = {"actor_id": p.get("actor_id"), "name": name, "code": p.get("code"), "sector": p.get("sector")}
    return out


class _Shared:
    """One copy of each value that many sources repeat — dates, trigger words, actor lists. The
    timeline holds every source of the corpus in memory while it merges them, and most of a
    source was these. Sources never modify what they hold, so sharing it is safe."""

    def __init__(self) -> None:
        self.values: dict[Any, Any] = {}
        self.groups: dict[str, dict[str, dict[str, Any]]] = {}

    def __call__(self, value: Any) -> Any:
        if len(self.values) > _SHARED_LIMIT:  # what was shared stays shared; only new values start afresh
            self.values = {}
        return None if value is None else self.values.setdefault(value, value)

    def participants(self, raw: str) -> dict[str, dict[str, Any]]:
        group = self.groups.get(raw)
        if group is None:
            if len(self.groups) > _SHARED_LIMIT:
                self.groups = {}
            group = {self(k): self.values.setdefault(("p", *p.values()), p) for k, p in _participants(raw).items()}
            self.groups[raw] = group
        return group


def timeline_order(entry: _Entry) -> tuple[Any, ...]:
    """Where an entry stands in the timeline: by the first day its date covers (a week, a season or
    a decade sorts by its start, not by how its value is spelt), the coarser of two dates starting
    the same day first, then by the first sentence that reports it."""
    plain = _plain(entry_date(entry))
    span = interval(plain) if plain else None
    return (span[0].isoformat() if span else plain, plain, entry.first, entry.order)


def settle(entry: _Entry, concepts: dict[str, Concept]) -> None:
    """The entry's type: the one most of its events give, or its main concept's."""
    if entry.event_votes:
        entry.event = entry.event_votes.most_common(1)[0][0]
    elif entry.concepts:
        entry.event = concepts[_top_concept(entry)].event


def entry_headline(entry: _Entry, concepts: dict[str, Concept]) -> str:
    if entry.has_facts and entry.concepts and concepts[_top_concept(entry)].event == entry.event:
        concept = concepts[_top_concept(entry)]
        who = join_names(sorted(n for n, _ in entry.names.most_common(3)))
        since = " (since)" if entry.since_docs else ""
        return f"{who}: {concept.label}{since}" if who else f"{concept.label.capitalize()}{since}"
    actors = _shown(entry.actors.values())
    acting = {str(p.get("code")) for p in entry.actors.values() if p.get("code")}
    recipients = sorted(set(_shown(entry.recipients.values(), acting)) - set(actors))
    return event_headline(entry.event, entry.mode, actors, recipients)


def _shown(side: Iterable[dict[str, Any]], acting: set[str] | None = None) -> list[str]:
    """The names a headline gives of one side: the actors it names rather than describes ("Conrad
    Murray", not also "the singer's personal physician"), and a surname once its full name is there.
    A country is left out where someone of it is named on the side ("Barack Obama", not also
    "United States"), and among the recipients where it is the actors' own ("Obama visits United
    States" of a trip to Louisiana)."""
    group = [p for p in side if p.get("name")]
    named = [p for p in group if p.get("actor_id")] or group
    specific = {p.get("code") for p in named if p.get("code") and not _bare_country(p)}
    named = [p for p in named if not (_bare_country(p) and p.get("code") in specific | (acting or set()))]
    names = {str(p["name"]) for p in named}
    full = [n.split() for n in names if len(n.split()) > 1]
    return sorted(n for n in names if not (len(n.split()) == 1 and any(n == words[-1] for words in full)))


_SOCIETY = {"CVL": "people of {}", "BUS": "businesses of {}"}  # a country's own sides that are not its state
_SEATS = {"JUD": "a court in {}"}  # bodies of the state known by the place they sit in


def _bare_country(p: dict[str, Any]) -> bool:
    """Is the participant a state named as such ("United States": its id is its code), not its
    people or businesses?"""
    return bool(p.get("code")) and p.get("actor_id") == p.get("code") and p.get("sector") not in _SOCIETY


def _top_concept(entry: _Entry) -> str:
    return min(entry.concepts, key=lambda c: (-entry.concepts[c], c))


def _date_contradictions(entry: _Entry) -> list[dict[str, Any]]:
    """Sources that date the same entry differently at the same granularity."""
    out = []
    for granularity, dates in sorted(entry.dates.items()):
        if len(dates) > 1:
            out.append({"field": "date", "granularity": granularity, "values": sorted(dates),
                        "sources": sorted({d for date in dates for d in entry.date_docs.get(date, ())})})  # fmt: skip
    return out


def duration_years(value: str | None) -> float | None:
    match = _DURATION.match(value or "")
    return float(match.group(1)) * _YEARS[match.group(2)] if match else None


def entry_date(entry: _Entry) -> str | None:
    """The date most sources give at the finest granularity any gives."""
    if not entry.dates:
        return None
    votes = entry.dates[entry.best_dated[2]]
    return max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _claim(source: _Source) -> str:
    if source.shape == "since":
        return f"since {source.claim}"
    if source.shape == "duration":
        return f"for {source.claim}"
    return source.claim
