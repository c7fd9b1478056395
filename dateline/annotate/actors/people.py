"""People: spaCy's PERSON spans made into actors, and the short forms of a name joined to the
one full name they can stand for.

- A span is trimmed of what is never part of a name: a sentence adverb or conjunction before it
  ("Therefore Lavrov"), a possessive after it ("Abu Suleiman 's").
- A span that is a known place is a place; reporters named as the source of the report
  ("correspondent Jim Muir", "the BBC's Jim Muir") are ``media``, not actors of events.
- Within a document a surname ("Assad", "Mr Assad", "Col Assad") joins a full name only when
  exactly one compatible full name is there: different titles or genders keep people apart. With
  no full name there, the dictionary's unambiguous alias names it; else it stays a surname of this
  document alone (never merged across documents).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from dateline.annotate.actors.context import Scope
from dateline.annotate.actors.gazetteer import entry_at
from dateline.annotate.actors.patterns import MAX_ENTITY_CHARS, plural_demonym, slug
from dateline.annotate.actors.titled import mention
from dateline.core.knowledge import person_id
from dateline.core.knowledge.names import name_key, name_words, words
from dateline.core.knowledge.places import geocode
from dateline.core.mentions import ActorMention

_NOT_NAME_POS = frozenset({"ADV", "ADJ", "CCONJ", "SCONJ", "DET", "ADP", "PRON", "PART", "INTJ", "PUNCT", "AUX", "VERB"})
_JRN_WINDOW = 5  # words before a name that may make it a reporter's


@dataclass(slots=True)
class Person:
    """What a document says of one full name."""

    actor_id: str
    name: str
    genders: set[str] = field(default_factory=set)
    ranks: set[str] = field(default_factory=set)
    first: int = 0  # where it is first named


def title_of(scope: Scope, m: ActorMention) -> str:
    """The honorific or rank of a mention: right before it, or its own first word when a title
    found it ("King Hussein", "Col Riad al-Assad"), lower-case, or ""."""
    nw = name_words()
    first = m.text.split(maxsplit=1)[0].lower().rstrip(".") if m.text.split() else ""
    own = first if len(m.text.split()) > 1 and nw.is_title(first) else ""
    return title_before(scope, m.start) or own


def title_before(scope: Scope, start: int) -> str:
    """The honorific or rank right before ``start`` ("Mr", "Col."), lower-case, or ""."""
    before = scope.text[max(0, start - 14) : start]
    m = re.search(r"([A-Za-z]+)\.?\s+$", before)
    if m is None:
        return ""
    word = m.group(1).lower()
    return word if name_words().is_title(word) else ""


def _trim(scope: Scope, start: int, end: int) -> tuple[int, int]:
    span = scope.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    tokens = list(span)
    nw = name_words()
    while tokens and (tokens[0].pos_ in _NOT_NAME_POS or not tokens[0].text[:1].isupper()
                      or nw.is_title(tokens[0].lower_)):  # fmt: skip
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].pos_ in ("PUNCT", "PART") or tokens[-1].text in ("'s", "’s", "'")):
        tokens = tokens[:-1]
    if not tokens:
        return start, start
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _reporter(scope: Scope, start: int) -> bool:
    """Is the name at ``start`` a reporter of the story ("BBC correspondent Jim Muir", "the BBC's Jim Muir")?"""
    kb = scope.kb
    before = scope.text[max(0, start - 60) : start]
    tail = " ".join(before.split()[-_JRN_WINDOW:])
    lowered = tail.lower()
    if any(re.search(rf"\b{re.escape(o)}s?\b", lowered) for o, sector in kb.offices.items() if sector == "JRN"):
        return True
    return any(re.search(rf"\b{re.escape(o)}\s*(?:'s|’s)\s*$", tail) for o in kb.outlets)


def persons(scope: Scope) -> list[ActorMention]:
    """spaCy's PERSON spans (and the peoples it mistakes for persons) as mentions."""
    kb, text = scope.kb, scope.text
    out: list[ActorMention] = []
    surnames: dict[str, str] = {}
    for ent in scope.doc.ents:
        if len(ent.text) > MAX_ENTITY_CHARS:
            continue
        if ent.label_ == "NORP" and ent.text in kb.demonyms:
            entry = kb.demonyms[ent.text]
            # "Libyans", "Nigerians": the people of a country, civilians unless a body says otherwise.
            out.append(mention(ent.start_char, ent.end_char, text, entry, "demonym", sector="CVL" if plural_demonym(ent.text) else None))
            continue
        if ent.label_ != "PERSON":
            continue
        split = ent.text.split()
        if split[0] in kb.demonyms and len(split) == 2 and plural_demonym(ent.text):
            # spaCy reads "Bosnian Serbs" as a person: a people, coded by its first (territorial) word.
            out.append(mention(ent.start_char, ent.end_char, text, kb.demonyms[split[0]], "demonym", sector="CVL"))
            continue
        start, end = _trim(scope, ent.start_char, ent.end_char)
        name = text[start:end]
        if len(name) < 3 or kb.lookup(name) is not None or name in kb.outlets or name in kb.demonyms:
            continue
        known = kb.dictionary.person(name) if len(words(name)) > 1 else kb.dictionary.named(name)
        known = known if known is not None and known.kind == "person" else None
        if known is None and not title_before(scope, start) and scope.located(name):
            # A name the document uses as a place ("shelling in Homs") that geonames knows is a place.
            place = geocode(name)
            if place is not None:
                out.append(ActorMention(start, end, name, f"place:{slug(place.name)}", place.name, "place", place.country, "", via="place"))
                continue
        if _reporter(scope, start):
            out.append(ActorMention(start, end, name, person_id(name), name, "media", "", "JRN", via="name"))
            continue
        if known is not None:
            entry = entry_at(known, scope.day)
            out.append(mention(start, end, text, entry, "name" if len(words(name)) > 1 else "alias"))
        else:
            out.append(ActorMention(start, end, name, person_id(name), name, "person", via="name"))
        surnames.setdefault(words(name)[-1], name)
    # spaCy sometimes tags a known person's last name ORG or GPE ("Zakharova"): trust the name.
    for ent in scope.doc.ents:
        if ent.label_ in ("ORG", "GPE", "NORP") and ent.text.lower() in surnames and kb.lookup(ent.text) is None:
            out.append(ActorMention(ent.start_char, ent.end_char, ent.text, person_id(ent.text), ent.text, "person", via="alias"))
    return out


def surface_name(m: ActorMention) -> str:
    """The name as this mention writes it: the name of a titled mention, else the text."""
    return m.name if m.via == "role" else m.text


def _gender(scope: Scope, m: ActorMention) -> str:
    nw = name_words()
    title = title_of(scope, m)
    if nw.honorifics.get(title):
        return nw.honorifics[title]
    office = m.office.lower()
    return next((g for word, g in nw.gendered_offices.items() if word in office.split() or word == office), "")


def join_short_forms(scope: Scope, mentions: list[ActorMention], doc_key: str) -> list[ActorMention]:
    """Each one-word person mention joined to the one compatible full name of the document, else to
    the dictionary's unambiguous alias, else kept as a surname of this document only."""
    nw = name_words()
    people: dict[str, Person] = {}
    for m in mentions:
        if m.kind != "person" or len(_distinctive(surface_name(m))) < 2:
            continue
        person = people.setdefault(m.actor_id, Person(m.actor_id, m.name, first=m.start))
        gender = _gender(scope, m) or scope.kb.dictionary.gender_of(m.actor_id)
        if gender:
            person.genders.add(gender)
        title = title_of(scope, m)
        if title in nw.ranks:
            person.ranks.add(title)
    by_surname: dict[str, list[Person]] = {}
    by_first: dict[str, list[Person]] = {}
    for person in people.values():
        split = _distinctive(person.name)
        by_surname.setdefault(name_key(split[-1]), []).append(person)
        by_first.setdefault(name_key(split[0]), []).append(person)
    full = {m.actor_id: m for m in mentions if m.actor_id in people and m.via in ("role", "name")}
    out = []
    for m in mentions:
        if m.kind != "person" or len(_distinctive(surface_name(m))) != 1:
            out.append(m)
            continue
        key = name_key(_distinctive(surface_name(m))[0])
        title = title_of(scope, m)
        gender = nw.honorifics.get(title, "")
        # A surname ("Assad", "Mr Assad"), or a first name alone ("Christopher") where no full name
        # has it as a surname.
        named = by_surname.get(key, []) or ([] if title else by_first.get(key, []))
        fits = [p for p in named if not (gender and p.genders and gender not in p.genders)
                and not (title in nw.ranks and title not in p.ranks) and not (gender and title not in nw.ranks and p.ranks)]  # fmt: skip
        fits = _one_person(fits)
        if len(fits) == 1:
            target = full.get(fits[0].actor_id)
            if target is not None:
                out.append(replace(m, actor_id=target.actor_id, name=target.name, code=m.code or target.code,
                                   sector=m.sector or target.sector, office=m.office or target.office))  # fmt: skip
                continue
        stated = scope.kb.dictionary.gender_of(m.actor_id)
        if not named and m.code and title not in nw.ranks and (not gender or gender == stated):
            out.append(m)  # the dictionary's unambiguous alias (a titled one keeps its stated role)
            continue
        local = f"person:{key}@{doc_key}" if doc_key else f"person:{key}"
        out.append(replace(m, actor_id=local, name=surface_name(m)))
    return out


def _one_person(fits: list[Person]) -> list[Person]:
    """The full names that remain, those that can only be one person counted once: the same surname
    with a first name and its short form ("Condi Rice", "Condoleezza Rice"), the fullest kept."""
    if len(fits) < 2:
        return fits
    keys = [[name_key(w) for w in _distinctive(p.name)] for p in fits]
    if len({k[-1] for k in keys}) != 1:
        return fits
    firsts = [k[0] for k in keys]
    longest = max(firsts, key=len)
    if all(longest.startswith(f.rstrip("aeiou")[: max(3, len(f.rstrip("aeiou")))]) for f in firsts):
        return [max(fits, key=lambda p: (len(p.name), p.actor_id))]
    return fits


def _distinctive(name: str) -> list[str]:
    nw = name_words()
    return [w for w in words(name) if w not in nw.particles and w not in nw.honorifics and w not in nw.ranks]
