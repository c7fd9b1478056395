"""Roles that date a document: a person named in a post they held only in some years ("Syrian
President Bashar al-Assad": 2000 onwards) narrows the years the article can be from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateline.core.knowledge import Knowledge
from dateline.core.mentions import ActorMention


@dataclass(frozen=True, slots=True)
class RoleYears:
    start: int  # offsets of the titled mention
    end: int
    actor_id: str
    name: str
    code: str
    sector: str
    first: dt.date | None  # the post held from (None: no known start)
    last: dt.date | None  # until (None: still, as far as the source knows)
    source: str

    def describe(self) -> str:
        span = f"{self.first.isoformat() if self.first else '…'} to {self.last.isoformat() if self.last else 'the present'}"
        return f"{self.name} held {self.code} {self.sector} from {span} ({self.source})"


def role_years(mentions: list[ActorMention], kb: Knowledge) -> list[RoleYears]:
    """For each titled mention of a person whose post (code and sector) the knowledge dates, the
    dates of that post."""
    out = []
    for m in mentions:
        if m.via != "role" or m.kind != "person" or not m.sector:
            continue
        index = kb.dictionary.ids.get(m.actor_id)
        if index is None:
            continue
        known = kb.dictionary.actor(index)
        held = [r for r in known.roles if r.dated and r.code == m.code and r.sector == m.sector]
        if not held:
            continue
        first = None if any(r.start is None for r in held) else min(r.start for r in held if r.start)
        last = None if any(r.end is None for r in held) else max(r.end for r in held if r.end)
        sources = sorted({"the Phoenix actor dictionary" if r.source == "phoenix" else "the knowledge file" for r in held})
        out.append(RoleYears(m.start, m.end, known.actor_id, known.name, m.code, m.sector, first, last, " and ".join(sources)))
    return out
