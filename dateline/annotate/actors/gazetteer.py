"""Known names in a text: the knowledge file's countries, capitals and organisations and the
actor dictionary's people and groups, found word by word.

Words are compared lower-case and without accents, so a name matches whatever spaces, line breaks
or zero-width characters stand between its words ("Donald\\xa0Trump", "Security\\nCouncil") and the
offsets stay those of the text. A match must look like a name where it stands: capitalised words
(particles such as "al" aside), short acronyms in capitals ("US", not "us"), and a one-word match
from the dictionary only where spaCy reads a proper noun.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.core.knowledge import Entry, Knowledge, KnownActor, gazetteer_key
from dateline.core.knowledge.dictionary import NAME_TOKEN, fold
from dateline.core.knowledge.names import in_feature_name, name_words
from dateline.core.knowledge.overlay import normalise_space
from dateline.core.knowledge.places import geocode, region

if TYPE_CHECKING:
    from spacy.tokens import Doc

_GAP = re.compile(r"[\s\u00ad\u200b-\u200d\u2060\ufeff.'’\-]{1,4}")
_SMALL = frozenset({"of", "the", "and", "for", "to", "in", "on", "at", "de", "s"})


@dataclass(frozen=True, slots=True)
class NameMatch:
    start: int
    end: int
    entry: Entry  # who, as of the document's day
    via: str  # name | metonym | role | alias (a one-word name of a person)
    known: KnownActor | None = None  # the dictionary actor, with all its dated roles


def _overlay_index(kb: Knowledge) -> dict[str, tuple[Entry, str]]:
    found = kb.derived.get("overlay_index")
    if isinstance(found, dict):
        return found
    index: dict[str, tuple[Entry, str]] = {}
    for surface, value in kb.names.items():
        index.setdefault(gazetteer_key(surface), value)
    kb.derived["overlay_index"] = index
    keys = [*index, *(gazetteer_key(o) for o in kb.outlets)]
    kb.derived["overlay_prefixes"] = {" ".join(k.split(" ")[:n]) for k in keys for n in range(1, k.count(" ") + 2)}
    kb.derived["overlay_surfaces"] = frozenset(normalise_space(s) for s in kb.names)
    return index


def entry_at(known: KnownActor, day: dt.date | None) -> Entry:
    """The dictionary actor as an :class:`Entry` with the code and sector of its role on ``day``."""
    role = known.role_at(day)
    return Entry(known.actor_id, known.name, known.kind, role.code if role else "", role.sector if role else "")


def _looks_like_name(text: str, spans: list[tuple[int, int, str]]) -> bool:
    particles = name_words().particles | _SMALL
    for n, (s, e, key) in enumerate(spans):
        word = text[s:e]
        lead = len(spans) > 1 and key in name_words().article_prefixes  # "al-Qaeda"
        if key in particles and (n or lead):
            continue
        if not (word[:1].isupper() or word[:1].isdigit()):
            return False
    if len(spans) == 1:
        s, e, _ = spans[0]
        word = text[s:e]
        if len(word) <= 3 and not word.isupper():
            return False
    return True


def _inside_longer_name(text: str, previous: tuple[int, int, str], start: int, entity_of: dict[int, int]) -> bool:
    """Does the name at ``start`` continue a capitalised word of the same named entity before it?"""
    first = entity_of.get(start)
    return (first is not None and first < start and entity_of.get(previous[0]) == first
            and previous[2] != "the" and text[previous[0]].isupper())  # fmt: skip


def find_names(doc: Doc, kb: Knowledge, day: dt.date | None) -> list[NameMatch]:
    """Every known name of ``doc``, leftmost-longest, in text order."""
    text = doc.text
    overlay = _overlay_index(kb)
    overlay_prefixes: set[str] = kb.derived["overlay_prefixes"]  # type: ignore[assignment]
    overlay_surfaces: frozenset[str] = kb.derived["overlay_surfaces"]  # type: ignore[assignment]
    dictionary = kb.dictionary
    proper = {t.idx for t in doc if t.pos_ == "PROPN"}
    persons = {t.idx for t in doc if t.ent_type_ == "PERSON"}
    orgs = {e.start_char for e in doc.ents if e.label_ == "ORG" and len(e) == 1}  # one-word ORG entities
    entity_of = {t.idx: e.start_char for e in doc.ents if e.label_ in ("ORG", "FAC") for t in e}
    generic = kb.derived.get("generic_words")
    if not isinstance(generic, frozenset):
        generic = frozenset({d.lower() for d in kb.demonyms} | set(kb.dictionary.agents) | set(kb.bodies) | set(kb.offices))
        kb.derived["generic_words"] = generic
    tokens = [(m.start(), m.end(), fold(m.group(0))) for m in NAME_TOKEN.finditer(text)]
    longest = max(dictionary.max_words, 8)
    out: list[NameMatch] = []
    i = 0
    while i < len(tokens):
        best: tuple[int, NameMatch] | None = None
        key = ""
        if tokens[i][2] == "the":
            i += 1  # a name starts after its article: "the UN refugee agency" is "UN refugee agency"
            continue
        for j in range(i, min(len(tokens), i + longest)):
            if j > i and not _GAP.fullmatch(text, tokens[j - 1][1], tokens[j][0]):
                break
            key = f"{key} {tokens[j][2]}" if key else tokens[j][2]
            in_overlay, in_dictionary = key in overlay_prefixes, key in dictionary.prefixes
            place = dictionary.places.get(key)
            if not in_overlay and not in_dictionary and place is None:
                break
            span = tokens[i : j + 1]
            start, end = span[0][0], span[-1][1]
            found = overlay.get(key)
            # A name of the knowledge file as it is written there ("UN refugee agency"), or written as a name.
            if found is not None and (normalise_space(text[start:end]) in overlay_surfaces or _looks_like_name(text, span)):
                best = (j, NameMatch(start, end, found[0], found[1]))
                continue
            if text[start:end] in kb.outlets:
                outlet = text[start:end]
                best = (j, NameMatch(start, end, Entry(f"media:{gazetteer_key(outlet).replace(' ', '-')}", outlet, "media", kb.outlets[outlet], "JRN"), "name"))
                continue
            if place is not None and key not in generic and _looks_like_name(text, span) and any(s in proper for s, _, _ in span):
                # A name the dictionary files under a country: a city geonames knows is a place there
                # ("Aleppo"); any other (a region, another spelling: "Ethopia") names the country.
                code, _ = place
                surface = text[start:end]
                city = geocode(surface)
                country = kb.countries.get(code)
                division = region(surface)
                if division is not None and division[1] == code and (city is None or city.country != code):
                    # A state of a federation acts on its own ("Louisiana has declared a state of
                    # emergency"): its own actor, of its country, never joined to another state. A
                    # city of that country of the same name is the place meant ("New York").
                    entry = Entry(f"region:{key.replace(' ', '-')}", division[0], "region", code, "")
                elif city is not None and city.country == code:
                    entry = Entry(f"place:{key.replace(' ', '-')}", city.name, "place", code, "")
                else:
                    entry = Entry(code, country.name if country else surface, "country", code, "")
                best = (j, NameMatch(start, end, entry, "place"))
            known = dictionary.lookup(key) if in_dictionary else None
            if known is None or known.kind == "country" or not _looks_like_name(text, span):
                continue
            if not any(s in proper for s, _, _ in span) or key in generic:
                continue  # a demonym, a generic agent or common words, not this name
            if known.kind == "person" and not any(s in persons for s, _, _ in span):
                continue  # spaCy reads no person here
            if known.kind == "organization" and j == i and not (text[start:end].isupper() or start in orgs):
                continue  # one word ("Southern") names a group only as an acronym or where spaCy reads it alone as one
            # The end of a longer name: the "Health Protection Agency" is not the "Protection Agency"
            # (after a known name, "US Environmental Protection Agency", it is that name's body).
            if (known.kind == "organization" and i and _inside_longer_name(text, tokens[i - 1], start, entity_of)
                    and not (out and out[-1].end == tokens[i - 1][1])):  # fmt: skip
                continue
            via = "alias" if known.kind == "person" and j == i else "name"
            best = (j, NameMatch(start, end, entry_at(known, day), via, known))
        if best is None:
            i += 1
            continue
        if best[1].entry.kind in ("country", "place", "pre", "region") and in_feature_name(text, best[1].start):
            i = best[0] + 1  # "the Gulf of Mexico": a sea, not Mexico
            continue
        out.append(best[1])
        i = best[0] + 1
    return out
