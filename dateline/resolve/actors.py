"""Corpus-level actors: one row per canonical actor, roles learnt across articles.

"Russian Foreign Minister Sergey Lavrov" in one article and "Sergei Lavrov" or "Lavrov" in others
share the id ``person:lavrov``; the code, sector and office the titled mentions give become the
actor's, and so apply to every mention of that person in every article.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from dateline.resolve import resolver


@dataclass(frozen=True, slots=True)
class ResolveReport:
    actors: int
    mentions: int


@resolver("actors")
def resolve_actors(conn: sqlite3.Connection) -> ResolveReport:
    rows = conn.execute(
        "SELECT s.doc_id, s.value, s.attrs, substr(d.text, s.start + 1, s.end - s.start) AS surface, d.published "
        "FROM spans s JOIN documents d ON d.id = s.doc_id WHERE s.kind = 'actor_mention' ORDER BY s.doc_id, s.start"
    ).fetchall()
    mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc_id, actor_id, attrs, surface, published in rows:
        data = json.loads(attrs)
        data.update(doc_id=doc_id, surface=surface, published=published)
        mentions[actor_id].append(data)
    records = []
    for actor_id, found in sorted(mentions.items()):
        roles = Counter((m["code"], m["sector"], m["office"]) for m in found if m["via"] == "role")
        coded = Counter((m["code"], m["sector"]) for m in found if m["code"])
        if roles:
            (code, sector, office), _ = max(roles.items(), key=lambda kv: (kv[1], kv[0]))
        elif coded:
            (code, sector), _ = max(coded.items(), key=lambda kv: (kv[1], kv[0]))
            office = ""
        else:
            code, sector, office = "", "", ""
        names = Counter(m["name"] for m in found if m["via"] in ("role", "name", "metonym"))
        if found[0]["kind"] == "person":
            full = [n for n in names if len(n.split()) > 1] or list(names) or [found[0]["name"]]
            name = max(full, key=lambda n: (names.get(n, 0), len(n), n))
        else:
            name = max(names, key=lambda n: (names[n], n)) if names else found[0]["name"]
        surfaces = {m["surface"] for m in found if m["via"] not in ("pronoun", "nominal", "role")}
        surfaces |= {m["name"] for m in found if m["via"] == "role"}  # the name inside "Foreign Minister X"
        aliases = sorted(surfaces - {name})
        dates = sorted(m["published"] for m in found if m["published"])
        records.append((
            actor_id, name, found[0]["kind"], code, sector, office.title() if office.islower() else office,
            json.dumps(aliases, ensure_ascii=False), len(found), len({m["doc_id"] for m in found}),
            dates[0] if dates else None, dates[-1] if dates else None,
        ))  # fmt: skip
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM actors")
        conn.executemany("INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", records)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return ResolveReport(len(records), len(rows))
