"""Date evidence from roles: a document that names a person in a post they held only in some years
can only be from those years.

Two sources: the dated roles of the actor dictionary (the actors stage stores them as
``role_date`` rows beside the mention), and the roles the corpus itself teaches — "Duma speaker
Sergey Naryshkin" in dated articles of 2012 to 2016 places an undated article naming him so in
those years too. The evidence is added to the document's ``date_evidence``, each item with its
source; a date from the metadata or the user is never touched, and no date is changed.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from dateline.core.settings import Settings
from dateline.resolve import resolver

PREFIX = "role: "  # marks the evidence this resolver writes, so that a re-run replaces it
SETTLED = ("metadata", "user")


@dataclass(frozen=True, slots=True)
class ActorDatesReport:
    documents: int  # documents given role evidence


@dataclass(slots=True)
class _Learnt:
    name: str
    office: str
    first: str
    last: str
    documents: set[int]


def _learnt_roles(conn: sqlite3.Connection) -> dict[tuple[str, str, str], _Learnt]:
    """(actor id, code, sector) → the span of publication dates of the dated articles naming the
    person in that post."""
    out: dict[tuple[str, str, str], _Learnt] = {}
    for doc_id, actor_id, attrs, published in conn.execute(
        "SELECT s.doc_id, s.value, s.attrs, d.published FROM spans s JOIN documents d ON d.id = s.doc_id "
        "WHERE s.kind = 'actor_mention' AND d.published IS NOT NULL ORDER BY s.doc_id, s.start"
    ):
        data = json.loads(attrs)
        if data.get("via") != "role" or data.get("kind") != "person" or not data.get("sector"):
            continue
        key = (actor_id, data["code"], data["sector"])
        found = out.get(key)
        if found is None:
            out[key] = _Learnt(data["name"], data.get("office", ""), published, published, {doc_id})
        else:
            found.first, found.last = min(found.first, published), max(found.last, published)
            found.documents.add(doc_id)
    return out


@resolver("actor_dates")
def resolve_actor_dates(conn: sqlite3.Connection, settings: Settings) -> ActorDatesReport:
    learnt = _learnt_roles(conn)
    evidence: dict[int, list[str]] = {}
    for doc_id, attrs in conn.execute("SELECT s.doc_id, s.attrs FROM spans s WHERE s.kind = 'role_date' ORDER BY s.doc_id, s.start"):
        data = json.loads(attrs)
        span = f"{data['first'] or '…'} to {data['last'] or 'the present'}"
        evidence.setdefault(doc_id, []).append(f"{PREFIX}{data['name']} held {data['code']} {data['sector']} from {span} ({data['source']})")
    for doc_id, actor_id, attrs in conn.execute(
        "SELECT s.doc_id, s.value, s.attrs FROM spans s JOIN documents d ON d.id = s.doc_id "
        "WHERE s.kind = 'actor_mention' AND (d.published IS NULL OR d.date_source NOT IN (?, ?)) ORDER BY s.doc_id, s.start",
        SETTLED,
    ):
        data = json.loads(attrs)
        if data.get("via") != "role":
            continue
        found = learnt.get((actor_id, data.get("code", ""), data.get("sector", "")))
        others = found.documents - {doc_id} if found else set()
        if found is None or len(others) < 2:
            continue  # one other article teaches too little
        office = f" {found.office}" if found.office else ""
        evidence.setdefault(doc_id, []).append(
            f"{PREFIX}{found.name}{office} is named so in {len(others)} dated articles of {found.first} to {found.last} (this corpus)")
    changed = 0
    rows = conn.execute("SELECT id, date_source, date_evidence FROM documents").fetchall()
    updates = []
    for doc_id, source, old_text in rows:
        old = json.loads(old_text or "[]")
        kept = [e for e in old if not str(e).startswith(PREFIX)]
        new = kept + (sorted(dict.fromkeys(evidence.get(doc_id, []))) if source not in SETTLED else [])
        if new != old:
            updates.append((json.dumps(new, ensure_ascii=False), doc_id))
            changed += bool(evidence.get(doc_id))
    if updates:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany("UPDATE documents SET date_evidence = ? WHERE id = ?", updates)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return ActorDatesReport(changed)
