"""The contract between the actors stage and the stages that name actors (quotes, events).

The actors stage (:mod:`dateline.annotate.actors`) finds :class:`ActorMention` for every
mention of a person, organisation, country or place in a parsed document, pronouns and nominal
mentions ("she", "the diplomat", "the ministry") included where they are resolved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dateline.core.records import Row, SpanRow


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int  # character offsets into the document text
    end: int
    text: str
    actor_id: str  # canonical key, stable across articles: "RUS", "RUS:GOV:foreign-ministry", "person:sergey-lavrov"
    name: str  # canonical display name: "Sergey Lavrov", "Russian Foreign Ministry", "Russia"
    kind: str  # person | organization | country | igo | pre | place
    code: str = ""  # ISO 3166 alpha-3, or an IGO/NGO code ("IGOEUR" style), "" when unknown
    sector: str = ""  # PLOVER sector: GOV, MIL, LEG, JUD, PTY, REB, PRE, CVL, JRN, BUS, ... "" when unknown
    office: str = ""  # "Foreign Minister", "Deputy Foreign Minister", "spokeswoman", ...
    via: str = "name"  # how the mention was resolved: name | alias | demonym | metonym | role | pronoun | nominal


def mentions_from_rows(rows: Iterable[Row], text: str) -> list[ActorMention]:
    """The actor mentions the ``actors`` stage produced, back as ``ActorMention``."""
    out = []
    for r in rows:
        if isinstance(r, SpanRow) and r.kind == "actor_mention":
            a = r.attrs
            out.append(ActorMention(r.start, r.end, text[r.start : r.end], str(r.value), str(a.get("name", "")),
                                    str(a.get("kind", "")), str(a.get("code", "")), str(a.get("sector", "")),
                                    str(a.get("office", "")), str(a.get("via", ""))))  # fmt: skip
    return out
