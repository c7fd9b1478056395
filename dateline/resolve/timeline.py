"""The corpus timeline: the same event reported by several articles (or several times in one)
becomes one entry with every source kept.

Events merge when their PLOVER types are the same, their dates are compatible at their
granularities (1994 matches 1994-05; a day matches only itself or its month and year), and their
actors overlap (by canonical id or country code; an event without actors joins only an entry whose
recipients it shares). Negated and hypothetical events (what was asked for, denied or threatened)
are left out: they did not happen. An entry is *background* when its sources mark it historical or
it lies more than a year before the articles that report it, *news* otherwise. Sources that agree
on the event but not on its date are recorded as a contradiction, with both dates.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dateline.resolve import resolver

VERBS = {
    "AGREE": "agrees with", "CONSULT": "meets", "SUPPORT": "supports", "CONCEDE": "concedes to",
    "COOPERATE": "cooperates with", "AID": "aids", "RETREAT": "withdraws or ceases fire", "REQUEST": "calls on",
    "REJECT": "rejects", "ACCUSE": "accuses", "THREATEN": "threatens", "PROTEST": "protests against",
    "SANCTION": "sanctions", "MOBILIZE": "mobilizes", "COERCE": "coerces", "ASSAULT": "fights",
}  # fmt: skip
GRANULARITY_RANK = {"day": 4, "week": 3, "month": 3, "season": 2, "year": 1, "decade": 0, "": -1}


@dataclass(slots=True)
class _Source:
    event_id: int
    doc_id: int
    date: str | None
    granularity: str
    published: str | None
    historical: bool
    start: int
    end: int


@dataclass(slots=True)
class _Entry:
    event: str
    mode: str
    actor_ids: set[str]
    actor_codes: set[str]
    recipient_ids: set[str]
    actors: dict[str, dict[str, Any]]
    recipients: dict[str, dict[str, Any]]
    sources: list[_Source] = field(default_factory=list)


def compatible(a: str | None, b: str | None) -> bool:
    """Two dates can be the same event: one is the other at a coarser granularity."""
    if not a or not b:
        return False
    a, b = a[:10], b[:10]
    return a.startswith(b) or b.startswith(a)


def _key_date(source: _Source) -> tuple[int, str]:
    return GRANULARITY_RANK.get(source.granularity, -1), source.date or ""


def _participants(raw: str) -> dict[str, dict[str, Any]]:
    out = {}
    for p in json.loads(raw):
        key = p.get("actor_id") or f"{p.get('code')}:{p.get('name')}"
        out[key] = {"actor_id": p.get("actor_id"), "name": p.get("name"), "code": p.get("code"), "sector": p.get("sector")}
    return out


def build_entries(rows: list[sqlite3.Row]) -> list[_Entry]:
    entries: list[_Entry] = []
    for r in rows:
        actors, recipients = _participants(r["actors"]), _participants(r["recipients"])
        source = _Source(r["id"], r["doc_id"], r["date"], r["date_granularity"], r["published"], bool(r["historical"]),
                         r["start"], r["end"])  # fmt: skip
        codes = {a["code"] for a in actors.values() if a["code"]}
        match = None
        for entry in entries:
            if entry.event != r["event"] or not any(compatible(source.date, s.date) for s in entry.sources):
                continue
            same_actors = bool(set(actors) & entry.actor_ids) or bool(codes & entry.actor_codes)
            if same_actors or (not actors and set(recipients) & entry.recipient_ids):
                match = entry
                break
        if match is None:
            match = _Entry(r["event"], r["mode"], set(), set(), set(), {}, {})
            entries.append(match)
        match.actor_ids |= set(actors)
        match.actor_codes |= codes
        match.recipient_ids |= set(recipients)
        match.actors.update(actors)
        match.recipients.update({k: v for k, v in recipients.items() if k not in match.actors})
        match.mode = match.mode or r["mode"]
        match.sources.append(source)
    return entries


def _headline(entry: _Entry) -> str:
    actors = ", ".join(sorted({a["name"] for a in entry.actors.values() if a["name"]})) or "Unknown actor"
    recipients = ", ".join(sorted({a["name"] for a in entry.recipients.values() if a["name"]}))
    verb = VERBS.get(entry.event, entry.event.lower())
    text = f"{actors} {verb} {recipients}".strip()
    return text + (f" ({entry.mode})" if entry.mode else "")


def _contradictions(entry: _Entry) -> list[dict[str, Any]]:
    """Sources that date the same entry differently at the same granularity."""
    by_granularity: dict[str, set[str]] = {}
    for s in entry.sources:
        if s.date:
            by_granularity.setdefault(s.granularity, set()).add(s.date[:10])
    out = []
    for granularity, dates in sorted(by_granularity.items()):
        if len(dates) > 1:
            out.append({"field": "date", "granularity": granularity, "values": sorted(dates),
                        "sources": sorted({s.doc_id for s in entry.sources if s.date and s.date[:10] in dates})})  # fmt: skip
    return out


@resolver("timeline")
def resolve_timeline(conn: sqlite3.Connection) -> int:
    rows = conn.execute(
        "SELECT e.*, d.published FROM events e JOIN documents d ON d.id = e.doc_id "
        "WHERE e.negated = 0 AND e.hypothetical = 0 AND e.date IS NOT NULL "
        "ORDER BY e.date, e.doc_id, e.start, e.rank"
    ).fetchall()
    entries = build_entries(rows)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM timeline_sources")
        conn.execute("DELETE FROM timeline_entries")
        for entry in entries:
            best = max(entry.sources, key=_key_date)
            votes = Counter(s.date[:10] for s in entry.sources if s.date and s.granularity == best.granularity)
            date = max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0] if votes else best.date
            published = sorted(s.published for s in entry.sources if s.published)
            background = any(s.historical for s in entry.sources) or bool(
                date and published and date[:4].isdigit() and int(date[:4]) < int(published[0][:4]) - 1
            )
            cur = conn.execute(
                "INSERT INTO timeline_entries (date, granularity, kind, event, mode, actors, recipients, headline, "
                "n_sources, n_documents, contradictions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (date, best.granularity, "background" if background else "news", entry.event, entry.mode,
                 json.dumps(list(entry.actors.values()), sort_keys=True), json.dumps(list(entry.recipients.values()), sort_keys=True),
                 _headline(entry), len(entry.sources), len({s.doc_id for s in entry.sources}),
                 json.dumps(_contradictions(entry), sort_keys=True)),
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO timeline_sources (entry_id, event_id, doc_id, date, start, end) VALUES (?, ?, ?, ?, ?, ?)",
                [(cur.lastrowid, s.event_id, s.doc_id, s.date, s.start, s.end) for s in entry.sources],
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(entries)
