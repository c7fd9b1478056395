"""Corpus-level actors: one row per canonical actor, roles learnt across articles.

"Russian Foreign Minister Sergey Lavrov" in one article and "Sergei Lavrov" or "Lavrov" in others
share the id ``person:sirki-lavruv`` (the transliteration key of the full name); the code, sector and office the titled mentions give become the
actor's, and so apply to every mention of that person in every article.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dateline.core.settings import Settings
from dateline.resolve import resolver


@dataclass(frozen=True, slots=True)
class ResolveReport:
    actors: int
    mentions: int


@dataclass(slots=True)
class _Tally:
    """What the mentions of one actor add up to; mentions are counted as they stream past, so
    memory grows with the actors and their names, not with the mentions."""

    kind: str  # of the first mention
    first_name: str
    roles: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    coded: Counter[tuple[str, str]] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    surfaces: set[str] = field(default_factory=set)
    first_date: str | None = None
    last_date: str | None = None
    mentions: int = 0
    documents: int = 0
    last_doc: int | None = None

    def add(self, m: dict[str, Any], doc_id: int, surface: str, published: str | None) -> None:
        self.mentions += 1
        if doc_id != self.last_doc:  # mentions arrive in document order
            self.documents += 1
            self.last_doc = doc_id
        if m["via"] == "role":
            self.roles[(m["code"], m["sector"], m["office"])] += 1
            self.surfaces.add(m["name"])  # the name inside "Foreign Minister X"
            written = " ".join(surface.split()[-len(m["name"].split()) :])
            if written[:1].isupper():
                self.surfaces.add(written)  # as this article spells it ("Sergei Lavrov")
        elif m["via"] not in ("pronoun", "nominal"):
            self.surfaces.add(surface)
        if m["code"]:
            self.coded[(m["code"], m["sector"])] += 1
        if m["via"] in ("role", "name", "metonym"):
            self.names[m["name"]] += 1
        if published:
            self.first_date = min(self.first_date or published, published)
            self.last_date = max(self.last_date or published, published)


@resolver("actors")
def resolve_actors(conn: sqlite3.Connection, settings: Settings) -> ResolveReport:
    tallies: dict[str, _Tally] = {}
    n_rows = 0
    for doc_id, actor_id, attrs, surface, published in conn.execute(
        "SELECT s.doc_id, s.value, s.attrs, substr(d.text, s.start + 1, s.end - s.start) AS surface, d.published "
        "FROM spans s JOIN documents d ON d.id = s.doc_id WHERE s.kind = 'actor_mention' ORDER BY s.doc_id, s.start"
    ):
        n_rows += 1
        data = json.loads(attrs)
        tally = tallies.get(actor_id)
        if tally is None:
            tally = tallies[actor_id] = _Tally(data["kind"], data["name"])
        tally.add(data, doc_id, surface, published)
    records = []
    for actor_id, t in sorted(tallies.items()):
        # The code and sector most of its mentions have, each coded as of its article's day (Saddam
        # Hussein is IRQ GOV in 2002 and IRQ ELI from April 2003); the office the text gives it in that role.
        if t.coded:
            (code, sector), _ = max(t.coded.items(), key=lambda kv: (kv[1], kv[0]))
            offices = {o: n for (c, s, o), n in t.roles.items() if (c, s) == (code, sector) and o}
            office = max(offices, key=lambda o: (offices[o], o)) if offices else ""
        elif t.roles:
            (code, sector, office), _ = max(t.roles.items(), key=lambda kv: (kv[1], kv[0]))
        else:
            code, sector, office = "", "", ""
        names = t.names
        if t.kind == "person":
            full = [n for n in names if len(n.split()) > 1] or list(names) or [t.first_name]
            name = max(full, key=lambda n: (names.get(n, 0), len(n), n))
        else:
            name = max(names, key=lambda n: (names[n], n)) if names else t.first_name
        aliases = sorted(t.surfaces - {name})
        records.append((
            actor_id, name, t.kind, code, sector, office.title() if office.islower() else office,
            json.dumps(aliases, ensure_ascii=False), t.mentions, t.documents, t.first_date, t.last_date,
        ))  # fmt: skip
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM actors")
        conn.executemany("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", records)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return ResolveReport(len(records), n_rows)
