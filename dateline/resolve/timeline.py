"""The corpus timeline: the same event reported by several articles (or several times in one)
becomes one entry with every source kept.

Sources are PLOVER events and dated facts (the history background paragraphs repeat). Two sources
are one entry when they say the same thing happened (the same PLOVER type, or a shared concept of
``concepts.yaml`` when both have one), at compatible dates (1994 matches 1994-05; a range matches the
same range), among the same actors (an overlap of canonical ids or country codes; a fact with no
actor of its own is placed by the actors its article is mostly about). Negated and hypothetical
events are left out: they did not happen.

An entry is *background* when a source marks it historical or it lies more than a year before the
articles that report it, *news* otherwise. Contradictions: sources that date an entry differently at
the same granularity, and durations that disagree with a start date ("for almost a decade" against
"since 1992" — checked against the article's date, or the date proposed for it).

Articles without a settled publication date get a proposed one: the date of the entry, reported by
dated articles and later than any year the article names, that its own undated events match best.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dateline.annotate.facts import concepts_of_lemma, load_concepts, user_concept_files
from dateline.resolve import resolver

VERBS = {
    "AGREE": "agrees with", "CONSULT": "meets", "SUPPORT": "supports", "CONCEDE": "concedes to",
    "COOPERATE": "cooperates with", "AID": "aids", "RETREAT": "withdraws or ceases fire", "REQUEST": "calls on",
    "REJECT": "rejects", "ACCUSE": "accuses", "THREATEN": "threatens", "PROTEST": "protests against",
    "SANCTION": "sanctions", "MOBILIZE": "mobilizes", "COERCE": "coerces", "ASSAULT": "fights",
}  # fmt: skip
GRANULARITY_RANK = {"day": 4, "week": 3, "month": 3, "season": 2, "year": 1, "decade": 0, "": -1}
CONTEXT_ACTORS = 3  # how many of an article's most-mentioned actors place its actor-less facts
_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)(DE|CE|Y|M|W|D)$")
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
    sources: list[_Source] = field(default_factory=list)
    contradictions: list[dict[str, Any]] = field(default_factory=list)
    # Kept up to date by add(), so matching a source against an entry does not walk its sources:
    # an event that hundreds of articles report would make building the timeline quadratic.
    has_facts: bool = False
    ranged: bool = False  # its sources are ranges (all are, or none)
    undated: bool = False  # a source without a date: nothing more can join
    finest: str = ""  # the longest plain date; every other is a prefix of it
    span: tuple[str, str] = ("", "")  # the plain start and end every range source shares

    def add(self, source: _Source) -> None:
        if not self.sources:
            self.ranged = source.shape == "range"
            self.span = (_plain(source.date), _plain(source.date_end))
        self.sources.append(source)
        self.has_facts = self.has_facts or source.fact_id is not None
        plain = _plain(source.date)
        self.undated = self.undated or not plain
        if len(plain) > len(self.finest):
            self.finest = plain


def _plain(date: str | None) -> str:
    return (date or "")[:10].rstrip("X")


def compatible(a: str | None, b: str | None) -> bool:
    """Two dates can be the same event: one is the other at a coarser granularity."""
    a, b = _plain(a), _plain(b)
    if not a or not b:
        return False
    return a.startswith(b) or b.startswith(a)


def granularity_of(date: str | None) -> str:
    plain = _plain(date)
    return {3: "decade", 4: "year", 7: "month", 10: "day"}.get(len(plain), "")


def _key_date(source: _Source) -> tuple[int, str]:
    return GRANULARITY_RANK.get(source.granularity, -1), source.date or ""


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
        return None if value is None else self.values.setdefault(value, value)

    def participants(self, raw: str) -> dict[str, dict[str, Any]]:
        group = self.groups.get(raw)
        if group is None:
            group = {self(k): self.values.setdefault(("p", *p.values()), p) for k, p in _participants(raw).items()}
            self.groups[raw] = group
        return group


def _same_time(source: _Source, entry: _Entry) -> bool:
    """Compatible with every source of the entry: a coarse date ("April 2016") must not bridge two
    different days of the same month."""
    if not entry.sources or entry.ranged != (source.shape == "range"):
        return False
    if entry.ranged:
        return (_plain(source.date), _plain(source.date_end)) == entry.span
    # The entry's dates are pairwise compatible (each joined only if compatible with all before
    # it), so each is a prefix of the finest: compatible with that one is compatible with all.
    return not entry.undated and compatible(source.date, entry.finest)


def _same_happening(source: _Source, entry: _Entry) -> bool:
    if source.concepts and entry.concepts:
        return bool(set(source.concepts) & set(entry.concepts))
    return source.event == entry.event


def _same_actors(source: _Source, entry: _Entry, context: set[str]) -> bool:
    if set(source.actors) & entry.actor_ids or source.codes & entry.actor_codes:
        return True
    if not source.actors and set(source.recipients) & entry.recipient_ids:
        return True
    # History is told without naming the actors each time ("a ceasefire was reached in 1994"):
    # a fact is placed by what its article is about.
    return (source.fact_id is not None or entry.has_facts) and bool((set(source.actors) | context) & entry.context)


class _Index:
    """Entries by year, by what happened and by who: a source is compared only with entries that
    could match it, so building the timeline grows with the corpus, not with its square."""

    def __init__(self) -> None:
        self.buckets: dict[str, dict[tuple[str, str], list[int]]] = {}

    @staticmethod
    def _whats(event: str, concepts: Iterable[str]) -> list[str]:
        return [f"e:{event}", *(f"c:{c}" for c in concepts)]

    def add(self, index: int, entry: _Entry, source: _Source) -> None:
        year = _plain(source.date)[:4]
        bucket = self.buckets.setdefault(year, {})
        whos = entry.actor_ids | entry.actor_codes | entry.recipient_ids | entry.context
        for what in self._whats(entry.event, entry.concepts):
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
            for what in self._whats(source.event, source.concepts):
                for who in whos:
                    found.update(bucket.get((what, who), ()))
        return sorted(found)


def build_entries(sources: list[_Source], context: dict[int, set[str]]) -> list[_Entry]:
    entries: list[_Entry] = []
    index = _Index()
    # Finest dates first, so that a coarse mention joins the day it belongs to, not the first
    # entry that happens to share its year.
    for source in sorted(sources, key=lambda s: (-GRANULARITY_RANK.get(s.granularity, -1), _plain(s.date), s.doc_id,
                                                s.start, s.event_id or 0, s.fact_id or 0)):  # fmt: skip
        ctx = set(source.actors) | context.get(source.doc_id, set())
        whos = set(source.actors) | source.codes | set(source.recipients) | ctx
        fitting = [i for i in index.candidates(source, whos) if _same_happening(source, entries[i])
                   and _same_time(source, entries[i]) and _same_actors(source, entries[i], ctx)]  # fmt: skip
        if fitting:
            position = max(fitting, key=lambda i: (len(entries[i].sources), -i))
        else:
            position = len(entries)
            entries.append(_Entry(source.event, source.mode, set(), set(), set(), set(), Counter(), {}, {}))
        match = entries[position]
        match.actor_ids |= set(source.actors)
        match.actor_codes |= source.codes
        match.recipient_ids |= set(source.recipients)
        match.context |= ctx
        match.concepts.update(source.concepts[:1])
        match.actors.update(source.actors)
        match.recipients.update({k: v for k, v in source.recipients.items() if k not in match.actors})
        match.mode = match.mode or source.mode
        match.add(source)
        index.add(position, match, source)
    for entry in entries:
        events = Counter(s.event for s in entry.sources if s.event_id is not None)
        if events:
            entry.event = events.most_common(1)[0][0]
        elif entry.concepts:
            entry.event = load_concepts(user_concept_files())[_top_concept(entry)].event
    entries.sort(key=lambda e: (_plain(entry_date(e)), min((s.doc_id, s.start) for s in e.sources)))
    return entries


def _headline(entry: _Entry) -> str:
    concepts = load_concepts(user_concept_files())
    if entry.has_facts and entry.concepts and concepts[_top_concept(entry)].event == entry.event:
        concept = concepts[_top_concept(entry)]
        names = Counter(a["name"] for s in entry.sources for a in s.actors.values() if a.get("name"))
        who = ", ".join(sorted(n for n, _ in names.most_common(3)))
        since = " (since)" if any(s.shape == "since" for s in entry.sources) else ""
        return f"{who}: {concept.label}{since}" if who else f"{concept.label.capitalize()}{since}"
    actors = ", ".join(sorted({a["name"] for a in entry.actors.values() if a["name"]})) or "Unknown actor"
    recipients = ", ".join(sorted({a["name"] for a in entry.recipients.values() if a["name"]}))
    verb = VERBS.get(entry.event, entry.event.lower())
    text = f"{actors} {verb} {recipients}".strip()
    return text + (f" ({entry.mode})" if entry.mode else "")


def _top_concept(entry: _Entry) -> str:
    return min(entry.concepts, key=lambda c: (-entry.concepts[c], c))


def _date_contradictions(entry: _Entry) -> list[dict[str, Any]]:
    """Sources that date the same entry differently at the same granularity."""
    by_granularity: dict[str, set[str]] = {}
    for s in entry.sources:
        if s.date and s.shape != "duration":
            by_granularity.setdefault(s.granularity, set()).add(s.date[:10])
    out = []
    for granularity, dates in sorted(by_granularity.items()):
        if len(dates) > 1:
            out.append({"field": "date", "granularity": granularity, "values": sorted(dates),
                        "sources": sorted({s.doc_id for s in entry.sources if s.date and s.date[:10] in dates})})  # fmt: skip
    return out


def duration_years(value: str | None) -> float | None:
    match = _DURATION.match(value or "")
    return float(match.group(1)) * _YEARS[match.group(2)] if match else None


def _load_sources(conn: sqlite3.Connection) -> tuple[list[_Source], list[_Source], list[_Source]]:
    """(dated sources, durations, undated events) of the whole corpus, in a stable order."""
    concepts = load_concepts(user_concept_files())
    dated: list[_Source] = []
    undated: list[_Source] = []
    share = _Shared()
    for r in conn.execute(
        "SELECT e.*, substr(d.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) AS claim FROM events e "
        "JOIN documents d ON d.id = e.doc_id WHERE e.negated = 0 AND e.hypothetical = 0 ORDER BY e.doc_id, e.start, e.rank"
    ):
        own = share(tuple(c for c in concepts_of_lemma(r["trigger_lemma"], concepts) if concepts[c].event == r["event"]))
        source = _Source(r["id"], None, r["doc_id"], share(r["event"]), "event", share(r["date"]), None,
                         share(r["date_granularity"]), bool(r["historical"]), r["start"], r["end"], share(r["claim"]), own,
                         share.participants(r["actors"]), share.participants(r["recipients"]), mode=share(r["mode"]))  # fmt: skip
        (dated if r["date"] else undated).append(source)
    durations: list[_Source] = []
    # Events by sentence: a fact is checked against the events of its own sentence only.
    by_sentence: dict[tuple[int, int], list[_Source]] = {}
    for e in dated:
        by_sentence.setdefault((e.doc_id, e.start), []).append(e)
    for r in conn.execute(
        "SELECT f.*, substr(d.text, f.timex_start + 1, f.timex_end - f.timex_start) AS claim FROM facts f "
        "JOIN documents d ON d.id = f.doc_id ORDER BY f.doc_id, f.start, f.timex_start"
    ):
        source = _Source(None, r["id"], r["doc_id"], share(r["event"]), share(r["kind"]), share(r["date"]),
                         share(r["date_end"]), granularity_of(r["date"]), False, r["start"], r["end"], share(r["claim"]),
                         share(tuple(json.loads(r["concepts"]))), share.participants(r["actors"]), {},
                         duration=share(r["duration"]), mod=share(r["mod"]))  # fmt: skip
        if source.shape == "duration":
            durations.append(source)
        elif not _told_by_event(source, by_sentence.get((source.doc_id, source.start), [])):
            dated.append(source)
            by_sentence.setdefault((source.doc_id, source.start), []).append(source)  # as the whole list was
    dated.sort(key=lambda s: (_plain(s.date), s.doc_id, s.start, s.event_id or 0, s.fact_id or 0))
    return dated, durations, undated


def _told_by_event(fact: _Source, events: list[_Source]) -> bool:
    """A fact already coded as an event of the same sentence is one source, not two."""
    return any(e.doc_id == fact.doc_id and e.start == fact.start and compatible(e.date, fact.date)
               and (e.event == fact.event or set(e.concepts) & set(fact.concepts)) for e in events)  # fmt: skip


def _context(conn: sqlite3.Connection) -> dict[int, set[str]]:
    """Each article's most-mentioned actors (places aside): what its unattributed history is about."""
    counts: dict[int, Counter[str]] = {}
    for r in conn.execute(
        "SELECT doc_id, value, COUNT(*) AS n FROM spans WHERE kind = 'actor_mention' AND value IS NOT NULL "
        "AND COALESCE(json_extract(attrs, '$.kind'), '') != 'place' GROUP BY doc_id, value"
    ):
        counts.setdefault(r["doc_id"], Counter())[r["value"]] = r["n"]
    return {doc: {a for a, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:CONTEXT_ACTORS]} for doc, c in counts.items()}


@dataclass(slots=True)
class _Doc:
    published: str | None
    candidates: list[str]
    latest_year: int | None  # the latest year the article names: it was written no earlier


def _documents(conn: sqlite3.Connection) -> dict[int, _Doc]:
    docs: dict[int, _Doc] = {}
    for r in conn.execute("SELECT id, published, date_candidates FROM documents"):
        candidates = sorted(c["date"] for c in json.loads(r["date_candidates"] or "[]") if c.get("date"))
        docs[r["id"]] = _Doc(r["published"], candidates if not r["published"] else [], None)
    for r in conn.execute(
        "SELECT doc_id, MAX(CAST(substr(value, 1, 4) AS INTEGER)) AS y FROM spans WHERE kind = 'timex' "
        "AND value GLOB '[0-9][0-9][0-9][0-9]*' GROUP BY doc_id"
    ):
        if r["doc_id"] in docs:
            docs[r["doc_id"]].latest_year = r["y"]
    return docs


def propose_dates(entries: list[_Entry], undated: list[_Source], docs: dict[int, _Doc],
                  absolute_sentences: set[tuple[int, int]]) -> dict[int, tuple[int, float, list[_Source]]]:  # fmt: skip
    """doc → (index of the entry whose date it is proposed, score, the doc's events that match)."""
    out: dict[int, tuple[int, float, list[_Source]]] = {}
    by_doc: dict[int, list[_Source]] = {}
    for s in undated:
        doc = docs.get(s.doc_id)
        # An undated article's news is what it does not date itself; sentences with an absolute
        # date are its history.
        if doc is not None and doc.published is None and (s.doc_id, s.start) not in absolute_sentences:
            by_doc.setdefault(s.doc_id, []).append(s)
    # Entries by what happened, and each entry's date and reporters computed once: an undated
    # article is compared with the entries that could match its events, not with every entry.
    by_what: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        for what in {f"e:{entry.event}", *(f"c:{c}" for c in entry.concepts)}:
            by_what.setdefault(what, []).append(index)
    facts: dict[int, tuple[str | None, set[int], bool]] = {}
    for doc_id, own in sorted(by_doc.items()):
        doc = docs[doc_id]
        best: tuple[tuple[float, int, int, str], int, list[_Source]] | None = None
        whats = {w for s in own for w in (f"e:{s.event}", *(f"c:{c}" for c in s.concepts))}
        for index in sorted({i for w in whats for i in by_what.get(w, ())}):
            entry = entries[index]
            if index not in facts:
                reporters = {s.doc_id for s in entry.sources}
                facts[index] = (entry_date(entry), reporters, any(docs[d].published for d in reporters if d in docs))
            date, reporters, reported_dated = facts[index]
            if not date or doc_id in reporters or not reported_dated:
                continue
            if doc.latest_year is not None and int(date[:4]) <= doc.latest_year - (0 if entry.has_facts else 1):
                continue
            if doc.candidates and not any(compatible(c, date) for c in doc.candidates):
                continue
            matched = [s for s in own if _same_happening(s, entry) and (
                (set(s.actors) | set(s.recipients)) & (entry.actor_ids | entry.recipient_ids | entry.context)
                or (s.codes & entry.actor_codes))]  # fmt: skip
            if not matched:
                continue
            score = sum(1.0 + 0.5 * bool(set(s.concepts) & set(entry.concepts)) for s in matched)
            key = (score, len(reporters), GRANULARITY_RANK.get(granularity_of(date), -1), date)
            if best is None or key > best[0]:
                best = (key, index, matched)
        if best is not None:
            out[doc_id] = (best[1], best[0][0], best[2])
    return out


def entry_date(entry: _Entry) -> str | None:
    """The date most sources give at the finest granularity any gives."""
    dated = [s for s in entry.sources if s.date and s.shape != "duration"]
    if not dated:
        return None
    best = max(dated, key=_key_date)
    votes = Counter(s.date[:10] for s in dated if s.date and s.granularity == best.granularity)
    return max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0] if votes else best.date


def _reference(doc: _Doc | None, proposed: str | None) -> str | None:
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


def _attach_durations(entries: list[_Entry], durations: list[_Source], refs: dict[int, str | None]) -> None:
    """"For almost a decade": joined to the ongoing entry it describes; a contradiction if the
    start it implies (from the article's date) is far from the start other sources give."""
    # Ongoing entries by concept: a duration is compared with the entries it could describe, in
    # entry order, rather than with every entry (which grew with durations × entries).
    starts_of: dict[int, list[_Source]] = {}
    by_concept: dict[str, list[int]] = {}
    for i, entry in enumerate(entries):
        starts = [s for s in entry.sources if s.shape == "since"]
        if starts:
            starts_of[i] = starts
            for concept in entry.concepts:
                by_concept.setdefault(concept, []).append(i)
    for d in durations:
        years = duration_years(d.duration)
        if years is None:
            continue
        for i in sorted({i for c in d.concepts for i in by_concept.get(c, ())}):
            entry, starts = entries[i], starts_of[i]
            if not set(d.actors) & entry.actor_ids:
                continue
            entry.add(d)
            ref = refs.get(d.doc_id)
            if not ref:
                break
            implied = int(ref[:4]) - years
            # "almost", "about": a quarter either way, and never less than a year.
            tolerance = max(1.0, years * (0.25 if d.mod else 0.1))
            since = sorted({int(s.date[:4]) for s in starts if s.date})
            if since and all(abs(implied - y) > tolerance for y in since):
                entry.contradictions.append({
                    "field": "duration", "granularity": "year",
                    "values": [f"since {since[0]}", f"{_claim(d)} (from c. {round(implied)}, article of {ref[:7]})"],
                    "sources": sorted({s.doc_id for s in starts} | {d.doc_id}),
                })  # fmt: skip
            break


@resolver("timeline")
def resolve_timeline(conn: sqlite3.Connection) -> int:
    sources, durations, undated = _load_sources(conn)
    docs = _documents(conn)
    entries = build_entries(sources, _context(conn))
    absolute = {(s.doc_id, s.start) for s in sources if s.fact_id is not None}
    absolute |= {(s.doc_id, s.start) for s in sources if s.event_id is not None and s.shape == "event" and s.granularity
                 and docs.get(s.doc_id) is not None and docs[s.doc_id].published is None}  # fmt: skip
    proposals = propose_dates(entries, undated, docs, absolute)
    proposed = {doc: entry_date(entries[i]) for doc, (i, _, _) in proposals.items()}
    refs = {doc_id: _reference(doc, proposed.get(doc_id)) for doc_id, doc in docs.items()}
    _attach_durations(entries, durations, refs)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM timeline_actors")
        conn.execute("DELETE FROM timeline_sources")
        conn.execute("DELETE FROM timeline_entries")
        conn.execute("DELETE FROM date_proposals")
        ids = [_insert(conn, entry, refs) for entry in entries]
        for doc_id, (index, score, matched) in sorted(proposals.items()):
            entry = entries[index]
            date = entry_date(entry) or ""
            their = next(s for s in entry.sources if docs[s.doc_id].published)
            evidence = [{"entry_id": ids[index], "headline": _headline(entry), "own": [[s.start, s.end] for s in matched],
                         "their": {"doc_id": their.doc_id, "start": their.start, "end": their.end}}]  # fmt: skip
            conn.execute(
                "INSERT INTO date_proposals (doc_id, date, granularity, score, evidence) VALUES (?, ?, ?, ?, ?)",
                (doc_id, date, granularity_of(date), score, json.dumps(evidence, sort_keys=True)),
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(entries)


def _insert(conn: sqlite3.Connection, entry: _Entry, refs: dict[int, str | None]) -> int:
    date = entry_date(entry)
    best = max((s for s in entry.sources if s.shape != "duration"), key=_key_date)
    written = sorted(r for r in (refs.get(s.doc_id) for s in entry.sources) if r)
    background = any(s.historical for s in entry.sources) or bool(
        date and written and date[:4].isdigit() and int(date[:4]) < int(written[0][:4]) - 1
    )
    ranges = [s for s in entry.sources if s.shape == "range"]
    cur = conn.execute(
        "INSERT INTO timeline_entries (date, date_end, granularity, kind, event, mode, concepts, actors, recipients, "
        "headline, n_sources, n_documents, contradictions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (date, ranges[0].date_end if ranges else None, "range" if ranges else best.granularity,
         "background" if background else "news", entry.event, entry.mode,
         json.dumps([c for c, _ in sorted(entry.concepts.items(), key=lambda kv: (-kv[1], kv[0]))]),
         json.dumps(list(entry.actors.values()), sort_keys=True), json.dumps(list(entry.recipients.values()), sort_keys=True),
         _headline(entry), len(entry.sources), len({s.doc_id for s in entry.sources}),
         json.dumps(_date_contradictions(entry) + entry.contradictions, sort_keys=True)),
    )  # fmt: skip
    entry_id = int(cur.lastrowid or 0)
    conn.executemany(
        "INSERT INTO timeline_actors (entry_id, actor_id, code, role) VALUES (?, ?, ?, ?)",
        [(entry_id, p.get("actor_id"), (p.get("code") or "").upper(), role)
         for role, group in (("actor", entry.actors), ("recipient", entry.recipients)) for p in group.values()],
    )  # fmt: skip
    conn.executemany(
        "INSERT INTO timeline_sources (entry_id, event_id, fact_id, doc_id, date, claim, start, end) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(entry_id, s.event_id, s.fact_id, s.doc_id, s.date if s.shape != "duration" else s.duration,
          _claim(s), s.start, s.end) for s in entry.sources],
    )  # fmt: skip
    return entry_id


def _claim(source: _Source) -> str:
    if source.shape == "since":
        return f"since {source.claim}"
    if source.shape == "duration":
        return f"for {source.claim}"
    return source.claim
