"""The contract between the actors stage and the stages that name actors (quotes, events).

``find_actor_mentions(doc)`` in :mod:`dateline.annotate.actors` returns :class:`ActorMention` for every
mention of a person, organisation, country or place in a parsed document, pronouns and nominal
mentions ("she", "the diplomat", "the ministry") included where they are resolved.
"""

from __future__ import annotations

from dataclasses import dataclass


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
