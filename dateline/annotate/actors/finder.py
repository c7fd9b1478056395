"""Finding the actors a document mentions, and who its pronouns and nominals stand for.

Sources, in order of trust: titled names and appositions (the text states the role), known names
(the knowledge file's countries, capitals and organisations, the actor dictionary's people and
groups: they override spaCy's label when they disagree, e.g. "Baku" tagged PERSON), organisation
phrases ("the Azerbaijani Foreign Ministry"), spaCy's PERSON entities, then pronouns and nominals
("she", "the diplomat", "the ministry") that are subjects. A person's code and sector are those of
the role valid on the document's day.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dateline.annotate.actors.context import Occupied, Scope, ethnic_residence, place_or_government
from dateline.annotate.actors.gazetteer import find_names
from dateline.annotate.actors.people import join_short_forms, persons
from dateline.annotate.actors.pronouns import pronouns_and_nominals
from dateline.annotate.actors.titled import (
    appositions,
    coordinated_offices,
    mention,
    organisations,
    titled_names,
    untitled_offices,
)
from dateline.core.knowledge import Knowledge, load
from dateline.core.mentions import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

_RANK = {"role": 0, "name": 1, "metonym": 1, "alias": 2, "pronoun": 2, "nominal": 2, "office": 1, "demonym": 3}


def select(found: list[ActorMention]) -> list[ActorMention]:
    """Non-overlapping mentions: roles and longer spans first (an empty span is no mention)."""
    chosen: list[ActorMention] = []
    taken = Occupied(max((m.end for m in found), default=0))
    for m in sorted(found, key=lambda m: (_RANK.get(m.via, 5), -(m.end - m.start), m.start)):
        if m.end <= m.start or taken.overlaps(m.start, m.end):
            continue
        chosen.append(m)
        taken.take(m.start, m.end)
    return sorted(chosen, key=lambda m: (m.start, m.end))


def find_actor_mentions(doc: Doc, *, knowledge: Knowledge | None = None, day: dt.date | None = None,
                        doc_key: str = "") -> list[ActorMention]:  # fmt: skip
    """Every actor mention of ``doc``, sorted by position (see the module docstring). ``day`` is the
    document's date (roles are those valid then); ``doc_key`` scopes the ids of surnames that name
    no one the document or the dictionary identifies."""
    kb = knowledge or load()
    names = find_names(doc, kb, day)
    scope = Scope(doc, kb, day, names)
    text = scope.text
    found = [*coordinated_offices(scope), *titled_names(scope), *appositions(scope), *organisations(scope)]
    found.extend(mention(n.start, n.end, text, n.entry, n.via) for n in names)
    found.extend(persons(scope))
    resolved = join_short_forms(scope, select(found), doc_key)
    resolved.extend(pronouns_and_nominals(scope, resolved))
    taken = Occupied(len(text))
    for m in resolved:
        if m.via != "demonym" and m.kind not in ("country", "pre", "region"):
            taken.take(m.start, m.end)
    resolved.extend(untitled_offices(scope, taken))
    chosen = [place_or_government(doc, kb, m) if m.via == "metonym" else m for m in select(resolved)]
    return [ethnic_residence(scope, m) for m in chosen]
