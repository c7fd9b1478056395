"""Mentions the text itself codes: titled names ("Russian Foreign Minister Sergey Lavrov"),
appositions ("Sergey Naryshkin, the speaker of the State Duma"), organisation phrases ("the
Azerbaijani Foreign Ministry"), coordinated demonyms ("Hungarian and Romanian officials") and
offices without a name ("Peru's prime minister")."""

from __future__ import annotations

import re

from dateline.annotate.actors.context import Occupied, Scope, has_finite_verb
from dateline.annotate.actors.gazetteer import entry_at
from dateline.annotate.actors.patterns import body_key, patterns, sector_of_office, slug
from dateline.core.knowledge import Entry, Knowledge, person_id
from dateline.core.knowledge.names import name_words
from dateline.core.lexicon import english
from dateline.core.mentions import ActorMention


def mention(start: int, end: int, text: str, entry: Entry, via: str, office: str = "", sector: str | None = None) -> ActorMention:
    return ActorMention(start, end, text[start:end], entry.actor_id, entry.name, entry.kind, entry.code,
                        entry.sector if sector is None else sector, office, via)  # fmt: skip


def _country(scope: Scope, surface: str | None) -> Entry | None:
    found = scope.kb.lookup(surface) if surface else None
    return found[0] if found else None


def coordinated_offices(scope: Scope) -> list[ActorMention]:
    """"the foreign ministers of Russia and Azerbaijan, Sergey Lavrov and Elmar Mamedyarov"."""
    out = []
    text = scope.text
    for m in patterns(scope.kb).office_of.finditer(text):
        sector, _ = sector_of_office(scope.kb, m.group("office"))
        for c, p in (("c1", "p1"), ("c2", "p2")):
            country = _country(scope, m.group(c))
            if country is None:
                continue
            name = m.group(p)
            entry = Entry(person_id(name), name, "person", country.code, sector or "GOV")
            out.append(mention(m.start(p), m.end(p), text, entry, "role", office=m.group("office").strip().title()))
    return out


def titled_names(scope: Scope) -> list[ActorMention]:
    """"Russian Deputy Foreign Minister Andrey Rudenko": the title gives the sector, the demonym
    (or the sentence) the country; a person the dictionary knows keeps its identity."""
    kb, text = scope.kb, scope.text
    out = []
    for m in patterns(kb).title.finditer(text):
        name = re.sub(r"(?:'s|’s)$", "", m.group("name"))
        found = kb.lookup(name)
        if (found is not None and found[0].kind != "person") or name.split()[0] in kb.demonyms:
            continue
        sector, office = sector_of_office(kb, m.group("office"))
        if not sector:
            continue
        known = kb.dictionary.person(name) if len(name.split()) > 1 else kb.dictionary.named(name)
        if known is not None and known.kind == "person" and not m.group("dem"):
            # The dictionary says who and of which country; the title the text gives says what
            # the person is here ("General Michel Aoun" MIL, "former President ..." ELI).
            entry = entry_at(known, scope.day)
            code = entry.code or (lambda c: c.code if c else "")(scope.sentence_country(m.start("name")))
            stated = "ELI" if m.group("former") else sector
            out.append(mention(m.start(), m.end(), text, Entry(entry.actor_id, entry.name, "person", code, stated), "role", office=office))
            continue
        if m.group("former"):
            sector = "ELI"  # former office holders are elites in PLOVER, no longer the government
        if sector == "JRN":
            # A correspondent or editor reports the story: a media source, not an actor of its events.
            entry = Entry(person_id(name), name, "media", kb.demonyms[m.group("dem")].code if m.group("dem") else "", sector)
            out.append(mention(m.start("name"), m.end("name"), text, entry, "role", office=office))
            continue
        country = kb.demonyms.get(m.group("dem") or "") or (None if _envoy(office) else scope.sentence_country(m.start("name")))
        actor_id = known.actor_id if known is not None and known.kind == "person" else person_id(name)
        display = known.name if known is not None and known.kind == "person" else name
        entry = Entry(actor_id, display, "person", country.code if country else "", sector)
        out.append(mention(m.start(), m.end(), text, entry, "role", office=office))
    return out


def _envoy(office: str) -> bool:
    """Is the office held abroad ("Ambassador", "Special Envoy")? The country its sentence names is
    as likely where it is held as whose it is: "Ambassador Jorge Guajardo said ... across China" is
    Mexico's ambassador."""
    return bool(set(office.lower().split()) & english().envoys)


def strip_honorific(name: str) -> str:
    """The name without an honorific or rank before it ("Sir Christopher Meyer" → "Christopher Meyer")."""
    first, _, rest = name.partition(" ")
    return rest if rest and name_words().is_title(first) else name


def appositions(scope: Scope) -> list[ActorMention]:
    """"Sergey Naryshkin, the speaker of the State Duma"; "the former British ambassador to the US,
    Sir Christopher Meyer," (a person the dictionary knows keeps who they are; the text says what
    they are now)."""
    kb, text = scope.kb, scope.text
    pats = patterns(kb)
    out = []
    matches = [(m, False) for m in pats.apposition.finditer(text)] + [(m, True) for m in pats.apposition_after.finditer(text)]
    for m, office_first in matches:
        name = strip_honorific(m.group("name")) if office_first else m.group("name")
        if len(name.split()) < 2 or (kb.lookup(name) is not None and not (office_first and kb.dictionary.person(name))):
            continue
        sector, office = sector_of_office(kb, m.group("office"))
        if not sector:
            continue
        # The office's country: its adjective ("the British ambassador"), or the country named after
        # "of"; after "to" the country named is where the office is held, not whose it is.
        country = (kb.demonyms.get(m.group("dem") or "") or _country(scope, m.group("country"))  # "Peru's ambassador"
                   or (scope.sentence_country(m.end("office")) if m.group("prep") == "of" else None))  # fmt: skip
        if m.group("prep") == "of":
            sector = _led_body(kb, text[m.end("office") : m.end("office") + 60]) or sector
        if m.group("former"):
            sector = "ELI"  # former office holders are elites in PLOVER, no longer the government
        known = kb.dictionary.person(name)
        if known is not None and not country:
            country = entry_at(known, scope.day)  # the dictionary's country, the text's office
        start = m.end("name") - len(name)
        entry = Entry(known.actor_id if known else person_id(name), known.name if known else name, "person",
                      country.code if country else "", sector)  # fmt: skip
        out.append(mention(start, m.end("name"), text, entry, "role", office=office.title()))
    return out


def _led_body(kb: Knowledge, after: str) -> str:
    """The sector of the body an office is "of", named before the apposition ends ("the leader of a
    group of Sunni insurgents": REB; "the head of the army": MIL); "" when it names none."""
    return kb.bodies.get(body_key(kb, re.split(r"[,.;]", after, maxsplit=1)[0]), "")


def _body_name(kb: Knowledge, body: str) -> str:
    """The body a word names, one for all its words ("US troops", "US forces": the armed forces);
    a body with words of its own stays itself ("US special forces")."""
    return kb.body_names.get(body.lower(), body)


def organisations(scope: Scope) -> list[ActorMention]:
    """"the Russian Foreign Ministry('s press service)"; "Hungarian and Romanian officials", each its own actor."""
    kb, text, doc = scope.kb, scope.text, scope.doc
    pats = patterns(kb)
    out = []
    for m in pats.org.finditer(text):
        country = kb.demonyms.get(m.group("dem") or "") or _country(scope, m.group("country"))
        if country is None or has_finite_verb(doc, m.start(), m.end()):
            continue
        body = re.sub(r"\s+", " ", m.group("body"))
        sector = kb.bodies.get(body_key(kb, body), "GOV")
        if sector == "JRN" and re.search(r"\b(?:official|state|state-run|state-owned|government|government-run)\s+\S*\s*$", text[max(0, m.start() - 40) : m.start()], re.I):
            sector = "GOV"  # state media speak for the government (CAMEO and PLOVER code them GOV)
        if country.kind == "pre":
            sector = "PRE"
        adjective = m.group("dem") or country.name
        name = f"{adjective} {body}".strip()
        name = name[0].upper() + name[1:]
        entry = Entry(f"{country.code}:{sector}:{slug(_body_name(kb, body))}", name, "organization", country.code, sector)
        out.append(mention(m.start(), m.end(), text, entry, "name"))
    for m in pats.groups.finditer(text):
        body = re.sub(r"\s+", " ", m.group("body"))
        sector = kb.bodies.get(body_key(kb, body), "GOV")
        for dm in re.finditer(pats.demonym_pattern, m.group("list")):
            country = kb.demonyms.get(re.sub(r"\s+", " ", dm.group(0)))
            if country is None:
                continue
            start = m.start("list") + dm.start()
            end = m.end() if m.start("list") + dm.end() == m.end("list") else m.start("list") + dm.end()
            entry = Entry(f"{country.code}:{sector}:{slug(_body_name(kb, body))}", f"{dm.group(0)} {body}", "organization", country.code, sector)
            out.append(mention(start, end, text, entry, "name"))
    return out


def untitled_offices(scope: Scope, taken: Occupied) -> list[ActorMention]:
    """Offices without a name ("Montenegro's prime minister", "the Israeli president") that no
    other actor took: the office of that country, so the coder knows who acts."""
    kb, text = scope.kb, scope.text
    out = []
    for m in patterns(kb).office.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        country = kb.demonyms.get(m.group("dem") or "") or _country(scope, m.group("country"))
        sector, office = sector_of_office(kb, m.group("office"))
        if country is None or not sector:
            continue
        if country.kind == "pre":
            sector = "PRE"
        if re.search(r"(?:\b[Ff]ormer\s+|\b[Ee]x-)$", text[max(0, m.start() - 8) : m.start()]):
            sector = "ELI"  # "the former British ambassador": an elite, no longer the government
        # The office stands for its country as a capital does: one actor with "Russia" and "the Kremlin".
        entry = Entry(country.actor_id, country.name, country.kind, country.code, sector)
        out.append(mention(m.start(), m.end(), text, entry, "office", office=office.title()))
    return out
