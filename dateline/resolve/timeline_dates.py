"""Dates the timeline gives back: proposals for undated articles, and durations checked against starts.

Articles without a settled publication date get a proposed one: the date of the entry, reported by
dated articles and later than any year the article names, that its own undated events match best.
Durations ("for almost a decade") join the ongoing entry they describe and are a contradiction when
the start they imply (from the article's date, or the date proposed for it) is far from the start
other sources give ("since 1992").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from dateline.resolve.timeline_matching import _same_happening, whats
from dateline.resolve.timeline_model import (
    GRANULARITY_RANK,
    Sink,
    _claim,
    _Entry,
    _Source,
    compatible,
    duration_years,
    entry_date,
    granularity_of,
)
from dateline.resolve.timeline_sources import Doc


@dataclass(slots=True)
class Proposal:
    key: tuple[float, int, int, str]  # score, reporters, granularity, date: the best is the largest
    order: tuple[Any, ...]  # the entry's timeline order: between equal keys, the earlier entry
    entry: int  # the entry's number (_Entry.number)
    date: str
    matched: list[_Source]
    their: _Source  # a dated article's source of the entry


class Proposer:
    """Sees every entry once, as the timeline is built, and keeps the best for each undated
    article: nothing of the timeline needs to stay in memory for it."""

    def __init__(self, docs: dict[int, Doc], news: dict[int, list[_Source]]) -> None:
        self.docs, self.news = docs, news
        self.by_what: dict[str, list[int]] = {}
        for doc_id, own in sorted(news.items()):
            for what in sorted({w for s in own for w in whats(s.event, s.concepts)}):
                self.by_what.setdefault(what, []).append(doc_id)
        self.best: dict[int, Proposal] = {}

    def consider(self, entry: _Entry, order: tuple[Any, ...]) -> None:
        candidates = sorted({d for w in whats(entry.event, entry.concepts) for d in self.by_what.get(w, ())})
        if not candidates:
            return
        date = entry_date(entry)
        reporters = entry.docs
        if not date or not any(self.docs[d].published for d in reporters if d in self.docs):
            return
        for doc_id in candidates:
            doc = self.docs[doc_id]
            if doc_id in reporters:
                continue
            if doc.latest_year is not None and int(date[:4]) <= doc.latest_year - (0 if entry.has_facts else 1):
                continue
            if doc.candidates and not any(compatible(c, date) for c in doc.candidates):
                continue
            matched = [s for s in self.news[doc_id] if _same_happening(s, entry) and (
                (set(s.actors) | set(s.recipients)) & (entry.actor_ids | entry.recipient_ids | entry.context)
                or (s.codes & entry.actor_codes))]  # fmt: skip
            if not matched:
                continue
            # The same happening told twice in the article (a headline and its lead) is one piece of
            # evidence, not two: each (type, actors, recipients) counts once, at its best.
            weights: dict[tuple[str, frozenset[str], frozenset[str]], float] = {}
            for s in matched:
                told = (s.event, frozenset(s.actors), frozenset(s.recipients))
                weights[told] = max(weights.get(told, 0.0), 1.0 + 0.5 * bool(set(s.concepts) & set(entry.concepts)))
            score = sum(weights.values())
            key = (score, len(reporters), GRANULARITY_RANK.get(granularity_of(date), -1), date)
            held = self.best.get(doc_id)
            if held is None or key > held.key or (key == held.key and order < held.order):
                assert entry.their is not None  # a source of a dated article: reported_dated above
                self.best[doc_id] = Proposal(key, order, entry.number, date, matched, entry.their)

    def involves(self, entry: _Entry) -> bool:
        """Whether the entry has a source in an article whose date is not known yet: its kind
        (news or background) must wait for the proposals."""
        return any(self.docs[d].published is None for d in entry.docs if d in self.docs)


def reference(doc: Doc | None, proposed: str | None) -> str | None:
    """When an article was written, as far as is known: its date, the proposal, or a lower bound."""
    if doc is None:
        return None
    if doc.published:
        return doc.published
    if proposed:
        return proposed
    if doc.candidates:
        return doc.candidates[0]
    return str(doc.latest_year) if doc.latest_year else None


def attach_durations(entries: list[_Entry], durations: Iterable[_Source], refs: Callable[[int], str | None],
                     sink: Sink) -> None:  # fmt: skip
    """Join each duration to the first ongoing entry (in timeline order) of its concept and actors."""
    # Ongoing entries by concept: a duration is compared with the entries it could describe, in
    # entry order, rather than with every entry (which grew with durations × entries).
    starts_of: dict[int, tuple[set[int], list[int]]] = {}  # entry → (documents, years) of its "since" sources
    by_concept: dict[str, list[int]] = {}
    for i, entry in enumerate(entries):
        if entry.since_docs:
            starts_of[i] = (set(entry.since_docs), sorted(entry.since_years))
            for concept in entry.concepts:
                by_concept.setdefault(concept, []).append(i)
    for d in durations:
        years = duration_years(d.duration)
        if years is None:
            continue
        for i in sorted({i for c in d.concepts for i in by_concept.get(c, ())}):
            entry, (start_docs, since) = entries[i], starts_of[i]
            if not set(d.actors) & entry.actor_ids:
                continue
            entry.add(d)
            sink.add(entry, d)
            ref = refs(d.doc_id)
            if not ref:
                break
            implied = int(ref[:4]) - years
            # "almost", "about": a quarter either way, and never less than a year.
            tolerance = max(1.0, years * (0.25 if d.mod else 0.1))
            if since and all(abs(implied - y) > tolerance for y in since):
                entry.contradictions.append({
                    "field": "duration", "granularity": "year",
                    "values": [f"since {since[0]}", f"{_claim(d)} (from c. {round(implied)}, article of {ref[:7]})"],
                    "sources": sorted(start_docs | {d.doc_id}),
                })  # fmt: skip
            break
