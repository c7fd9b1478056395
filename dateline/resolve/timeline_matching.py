"""How a source finds the entry it belongs to.

Two sources are one entry when they say the same thing happened (the same PLOVER type, or a shared
concept of ``concepts.yaml`` when both have one), at compatible dates (1994 matches 1994-05; a range
matches the same range; a report dated only by its paper joins the day or two before in the same
words), among the same actors (an overlap of canonical ids; a country or a recipient only with the
same words; a fact of history with no actor of its own is placed by the actors its article is
mostly about).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from dateline.resolve.timeline_model import (
    GRANULARITY_RANK,
    Keep,
    Sink,
    _Entry,
    _plain,
    _Source,
    compatible,
    timeline_order,
)

# The id prefixes of actors that are one of many of a country: a person the actors stage found and a
# state of a federation (not the country, its offices or its bodies).
NAMED = ("person:", "region:")
# How long before its publication day a report's undated event may have taken place: news reports
# what happened today, yesterday or the day before ("on Saturday" in Monday's paper is rare undated).
REPORT_LAG = range(1, 3)
# The modes the CAMEO-to-PLOVER table gives a whole CAMEO root (090 investigate, 110 disapprove, 200
# massacre): such a mode says no more than its type, so sharing it is not saying the same thing
# ("criticised" on Thursday, "faced fresh criticism" in Saturday's paper); a mode of a narrower
# code is ("was convicted" / "was found guilty": SANCTION `convict').
ROOT_MODES = frozenset({"investigate", "disapprove", "massacre"})
# A perfect without a date ("it has been suspended from the Arab League"), repeated in the updates of
# a story for weeks, is the state an earlier event left: it joins that event within the year.
PERFECT_LAG = range(1, 366)


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
    # Only the perfect of a state ("has been suspended") restates an old event; the active present
    # perfect ("BP has agreed to pay") is that day's news, a new act of a prolific actor.
    return (source.stative and lag in PERFECT_LAG and source.lemma in entry.lemmas
            and bool(set(source.actors) & entry.actor_ids))  # fmt: skip


def _targets_differ(source: _Source, entry: _Entry) -> bool:
    """Both name whom it was done to, and no one is common: "Obama criticised BP" and "Obama
    criticised Bush", the same day, are two events. A target described rather than named ("the
    last doctor of his life") may be the one the other names, if of the same sector ("Conrad
    Murray", a doctor); "the company" is not "the senator"."""
    theirs = set(source.recipients)
    if bool(theirs) != bool(entry.recipient_ids):
        # One says whom it was done to and the other does not: the same act only in the same words
        # ("Obama called on BP to pay" and "Obama made an appeal" that day are not one appeal).
        return not _says_the_same(source, entry)
    if not theirs or theirs & (entry.recipient_ids | entry.actor_ids):
        return False
    ours = list(entry.recipients.values())
    mine = list(source.recipients.values())
    described = [p for p in (*mine, *ours) if not p.get("actor_id") and p.get("sector")]
    return not any(q.get("sector") in ("", p.get("sector")) for p in described for q in (ours if p in mine else mine))


def _same_evidence(source: _Source, entry: _Entry) -> bool:
    """Two reports dated only by their papers' day share no more than the day they were printed:
    "a boy died in Texas" and "a plane flew to Beijing", both of Monday's paper and both naming
    Mexico, are one event only if they say the same thing."""
    if not (source.approximate and entry.guessed):
        return True
    return _says_the_same(source, entry)


def _says_the_same(source: _Source, entry: _Entry, *, by_mode: bool = True) -> bool:
    """The same words, or the same act in other words: a shared trigger lemma ("vetoed" /
    "vetoed"), a sentence already among its reports, a shared concept, or the same type in the same
    mode below a CAMEO root ("was convicted" / "was found guilty": SANCTION `convict'; ``by_mode``)."""
    if source.lemma and source.lemma in entry.lemmas:
        return True
    if (source.doc_id, source.start) in entry.sentences:
        return True  # one sentence telling one act in two verbs ("helped deliver food ... to pick up")
    same_mode = by_mode and source.mode and source.mode == entry.mode and source.mode not in ROOT_MODES
    return bool(set(source.concepts) & set(entry.concepts)) or bool(same_mode and source.event == entry.event)


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
    coarser = source.event_id is not None and len(_plain(source.date)) < len(entry.finest)
    if set(source.actors) & entry.actor_ids:
        # An act placed only in its month is the same actor's act of a day in that month only in the
        # same words: "Obama convened a commission in May" is not his tour of the coast on 28 May.
        # The same mode is not enough here: CAMEO files "convened a commission" a visit as it does
        # "flew to Louisiana".
        return not coarser or _says_the_same(source, entry, by_mode=False)
    if coarser:
        # A report that places the act only in its month or year ("sent a letter in June") is the
        # entry's act of a day only when the same actor did it: "33 lawmakers sent a letter" on the
        # 10th and "Waxman and Stupak sent a letter in June" are two letters.
        return False
    # Looser ties need the same words too: two officials of one country ("Obama asked Congress",
    # "a federal health official urged schools") or two actorless reports of travel to one country
    # are different happenings unless they say the same thing ("vetoed" / "vetoed").
    with_facts = source.fact_id is not None or entry.has_facts
    same_words = with_facts or _says_the_same(source, entry)
    if source.codes & entry.actor_codes and same_words and not _people_differ(source, entry):
        return True
    if not source.actors and set(source.recipients) & entry.recipient_ids and same_words:
        return True
    # Actors described, not named ("a jury"), of the sector of one the entry names or codes ("a jury
    # in Los Angeles"), acting on the same target in the same words.
    described = {p.get("sector") for p in source.actors.values() if not p.get("actor_id")} - {""}
    if described and same_words and set(source.recipients) & entry.recipient_ids and not any(p.get("actor_id") for p in source.actors.values()):
        return bool(described & {p.get("sector") for p in entry.actors.values()})
    # History is told without naming the actors each time ("a ceasefire was reached in 1994"):
    # a fact is placed by what its article is about. History is told by the year or the month; a
    # day ("At 23:24 29th Apr 2009, kazzel wrote") is news, which names its own actors.
    history = with_facts and GRANULARITY_RANK.get(source.granularity, -1) < GRANULARITY_RANK["day"]
    return history and bool((set(source.actors) | context) & entry.context)


def _people_differ(source: _Source, entry: _Entry) -> bool:
    """Both name the people or the states of a federation who acted, and no one is common: "Obama
    criticised BP" and "Pelosi criticised BP" are two acts of one country's politicians, "Louisiana
    declared a state of emergency" and "Florida declared a state of emergency" two acts of its states."""
    theirs = {a for a in source.actors if a.startswith(NAMED)}
    return bool(theirs) and not (theirs & entry.actor_ids) and any(a.startswith(NAMED) for a in entry.actor_ids)


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
                   and _same_evidence(source, entries[i]) and not _targets_differ(source, entries[i])]  # fmt: skip
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
