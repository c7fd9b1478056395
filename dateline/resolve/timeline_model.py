"""The timeline's matching model: sources, entries, and how a source finds the entry it belongs to.

Two sources are one entry when they say the same thing happened (the same PLOVER type, or a shared
concept of ``concepts.yaml`` when both have one), at compatible dates (1994 matches 1994-05; a range
matches the same range), among the same actors (an overlap of canonical ids or country codes; a
fact with no actor of its own is placed by the actors its article is mostly about).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from dateline.core.concepts import Concept
from dateline.core.timevalues import calendar_part, interval
from dateline.resolve.headlines import event_headline, join_names

# How long before its publication day a report's undated event may have taken place: news reports
# what happened today, yesterday or the day before ("on Saturday" in Monday's paper is rare undated).
REPORT_LAG = range(1, 3)
# A perfect without a date ("it has been suspended from the Arab League"), repeated in the updates of
# a story for weeks, is the state an earlier event left: it joins that event within the year.
PERFECT_LAG = range(1, 366)
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
    perfect: bool = False  # told in the perfect ("has been suspended"): at some time before its date

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
    guessed: bool = True  # every source so far is dated by its paper's day alone

    def _take_report(self, source: _Source, dated_doc: bool) -> None:
        self.docs.add(source.doc_id)
        self.guessed = self.guessed and source.approximate
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
        out[key] = {"actor_id": p.get("actor_id"), "name": p.get("name"), "code": p.get("code"), "sector": p.get("sector")}
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


def _same_time(source: _Source, entry: _Entry) -> bool:
    """Compatible with every source of the entry: a coarse date ("April 2016") must not bridge two
    different days of the same month."""
    if not entry.n_sources or entry.ranged != (source.shape == "range"):
        return False
    if entry.ranged:
        return (_plain(source.date), _plain(source.date_end)) == entry.span
    # The entry's dates are pairwise compatible (each joined only if compatible with all before
    # it), so each is a prefix of the finest: compatible with that one is compatible with all.
    if entry.undated:
        return False
    if compatible(source.date, entry.finest):
        return True
    # A report dated by its paper alone joins an event of the days before only in the same words
    # ("vetoed" and "vetoed"): in a story about one person, every "asked" of a week is not one request.
    if not source.approximate:
        return False
    lag = _days_before(entry.finest, source.date)
    if lag in REPORT_LAG:
        return _says_the_same(source, entry)
    # Months later only the same verb of the same actor is the same act ("has imposed sanctions"
    # long after Turkey imposed them); "had visited", of some traveller, is not Bachelet's visit.
    return (source.perfect and lag in PERFECT_LAG and source.lemma in entry.lemmas
            and bool(set(source.actors) & entry.actor_ids))  # fmt: skip


def _same_evidence(source: _Source, entry: _Entry) -> bool:
    """Two reports dated only by their papers' day share no more than the day they were printed:
    "a boy died in Texas" and "a plane flew to Beijing", both of Monday's paper and both naming
    Mexico, are one event only if they say the same thing."""
    if not (source.approximate and entry.guessed):
        return True
    return _says_the_same(source, entry)


def _says_the_same(source: _Source, entry: _Entry) -> bool:
    """The same words, or the same act in other words: a shared trigger lemma ("vetoed" /
    "vetoed"), a shared concept, or the same type in the same mode ("was convicted" / "was found
    guilty": SANCTION `convict')."""
    if source.lemma and source.lemma in entry.lemmas:
        return True
    return bool(set(source.concepts) & set(entry.concepts)) or bool(source.mode and source.mode == entry.mode and source.event == entry.event)


def _days_before(day: str, later: str | None) -> int | None:
    """How many days ``day`` is before ``later`` (both plain days), else None."""
    if len(day) != 10 or len(_plain(later)) != 10:
        return None
    try:
        return (dt.date.fromisoformat(_plain(later)) - dt.date.fromisoformat(day)).days
    except ValueError:
        return None


def _same_happening(source: _Source, entry: _Entry) -> bool:
    if source.concepts and entry.concepts:
        return bool(set(source.concepts) & set(entry.concepts))
    return source.event == entry.event


def _same_actors(source: _Source, entry: _Entry, context: set[str]) -> bool:
    if set(source.actors) & entry.actor_ids:
        return True
    # Looser ties need the same words too: two officials of one country ("Obama asked Congress",
    # "a federal health official urged schools") or two actorless reports of travel to one country
    # are different happenings unless they say the same thing ("vetoed" / "vetoed").
    history = source.fact_id is not None or entry.has_facts
    same_words = history or _says_the_same(source, entry)
    if source.codes & entry.actor_codes and same_words:
        return True
    if not source.actors and set(source.recipients) & entry.recipient_ids and same_words:
        return True
    # History is told without naming the actors each time ("a ceasefire was reached in 1994"):
    # a fact is placed by what its article is about. History is told by the year or the month; a
    # day ("At 23:24 29th Apr 2009, kazzel wrote") is news, which names its own actors.
    history = (source.fact_id is not None or entry.has_facts) and GRANULARITY_RANK.get(source.granularity, -1) < GRANULARITY_RANK["day"]
    return history and bool((set(source.actors) | context) & entry.context)


def whats(event: str, concepts: Iterable[str]) -> list[str]:
    """What a source or entry says happened, as index keys: its type and each of its concepts."""
    return [f"e:{event}", *(f"c:{c}" for c in concepts)]


class _Index:
    """Entries by year, by what happened and by who: a source is compared only with entries that
    could match it, so building the timeline grows with the corpus, not with its square."""

    def __init__(self) -> None:
        self.buckets: dict[str, dict[tuple[str, str], list[int]]] = {}

    def add(self, index: int, entry: _Entry, source: _Source) -> None:
        self._add(index, entry, _plain(source.date)[:4])

    def seed(self, index: int, entry: _Entry) -> None:
        """An entry built in an earlier pass, under every year its sources give."""
        for year in sorted(entry.years):
            self._add(index, entry, year)

    def _add(self, index: int, entry: _Entry, year: str) -> None:
        bucket = self.buckets.setdefault(year, {})
        whos = entry.actor_ids | entry.actor_codes | entry.recipient_ids | entry.context
        for what in whats(entry.event, entry.concepts):
            for who in whos:
                ids = bucket.setdefault((what, who), [])
                if not ids or ids[-1] != index:
                    ids.append(index)

    def candidates(self, source: _Source, whos: set[str]) -> list[int]:
        year = _plain(source.date)[:4]
        years = [y for y in self.buckets if y.startswith(year) or year.startswith(y)] if len(year) < 4 else [year, year[:3]]
        found: set[int] = set()
        for y in years:
            bucket = self.buckets.get(y, {})
            for what in whats(source.event, source.concepts):
                for who in whos:
                    found.update(bucket.get((what, who), ()))
        return sorted(found)


def source_order(source: _Source) -> tuple[Any, ...]:
    """The order sources are matched in: finest dates first, so that a coarse mention joins the
    day it belongs to, not the first entry that happens to share its year."""
    return (-GRANULARITY_RANK.get(source.granularity, -1), _plain(source.date), source.doc_id, source.start,
            source.event_id or 0, source.fact_id or 0)  # fmt: skip


def is_coarse(source: _Source) -> bool:
    """A decade, or a date with no granularity: matched after every finer source of its decade,
    against the entries of any year in it."""
    return GRANULARITY_RANK.get(source.granularity, -1) <= 0 or len(_plain(source.date)) < 4


def build_entries(sources: Iterable[_Source], context: dict[int, frozenset[str]] | dict[int, set[str]],
                  *, seed: Sequence[_Entry] = (), sink: Sink | None = None,
                  dated: Callable[[int], bool] | None = None, ordered: bool = False) -> list[_Entry]:  # fmt: skip
    """Entries for ``sources``, joined to the ``seed`` entries of an earlier pass where they fit;
    returned (seed entries included) in timeline order. Call :func:`settle` before reading an
    entry's ``event``: while entries are built it stays the type of the source that created them."""
    sink = sink if sink is not None else Keep()
    entries: list[_Entry] = list(seed)
    index = _Index()
    for i, entry in enumerate(entries):
        index.seed(i, entry)
    for source in sources if ordered else sorted(sources, key=source_order):
        ctx = set(source.actors) | context.get(source.doc_id, frozenset())
        whos = set(source.actors) | source.codes | set(source.recipients) | ctx
        fitting = [i for i in index.candidates(source, whos) if _same_happening(source, entries[i])
                   and _same_time(source, entries[i]) and _same_actors(source, entries[i], ctx)
                   and _same_evidence(source, entries[i])]  # fmt: skip
        if fitting:
            position = min(fitting, key=lambda i: (-entries[i].n_sources, entries[i].order))
        else:
            position = len(entries)
            entries.append(_Entry(source.event, source.mode, set(), set(), set(), set(), Counter(), {}, {},
                                  number=sink.number(), order=source_order(source)))  # fmt: skip
        match = entries[position]
        match.actor_ids |= set(source.actors)
        match.actor_codes |= source.codes
        match.recipient_ids |= set(source.recipients)
        match.context |= ctx
        match.concepts.update(source.concepts[:1])
        match.actors.update(source.actors)
        match.recipients.update({k: v for k, v in source.recipients.items() if k not in match.actors})
        match.mode = match.mode or source.mode
        match.add(source, dated_doc=dated is None or dated(source.doc_id))
        sink.add(match, source)
        index.add(position, match, source)
    return sorted(entries, key=timeline_order)


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
    recipients = sorted(set(_shown(entry.recipients.values())) - set(actors))
    return event_headline(entry.event, entry.mode, actors, recipients)


def _shown(side: Iterable[dict[str, Any]]) -> list[str]:
    """The names a headline gives of one side: the actors it names rather than describes ("Conrad
    Murray", not also "the singer's personal physician"), and a surname once its full name is there."""
    group = [p for p in side if p.get("name")]
    named = [p for p in group if p.get("actor_id")] or group
    names = {str(p["name"]) for p in named}
    full = [n.split() for n in names if len(n.split()) > 1]
    return sorted(n for n in names if not (len(n.split()) == 1 and any(n == words[-1] for words in full)))


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
