"""Finding the actors a document mentions, and who its pronouns and nominals stand for.

Sources, in order of trust: the knowledge base (countries, capitals, organisations, partially
recognised entities — it overrides spaCy's label when they disagree, e.g. "Baku" tagged PERSON),
titled names ("Russian Foreign Minister Sergey Lavrov"), organisation phrases ("the Azerbaijani
Foreign Ministry"), spaCy's PERSON entities, then pronouns and nominal mentions ("she", "the
diplomat", "the ministry") that are subjects, resolved to the latest compatible actor before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.annotate.actors.knowledge import Entry, Knowledge, load
from dateline.annotate.tokens import tokens_with_dep
from dateline.core.mentions import ActorMention

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span

MAX_ENTITY_CHARS = 120
# A name's words: capitalised, or the particles inside names; never a weekday or month that follows
# it ("Arafat Wednesday rejected").
_CALENDAR = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)\b"
_NAME = rf"(?!{_CALENDAR})[A-Z][\w'’-]+(?:[ \t]+(?:(?!{_CALENDAR})[A-Z][\w'’-]+|al-\w+|(?:de|van|von|bin|ibn)(?![\w-]))){{0,3}}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _alt(words: list[str], *, flags: str = "") -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return f"(?{flags}:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")" if flags else (
        "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"
    )


@dataclass(frozen=True, slots=True)
class _Patterns:
    names: re.Pattern[str]
    org: re.Pattern[str]
    title: re.Pattern[str]
    office_of: re.Pattern[str]
    apposition: re.Pattern[str]
    groups: re.Pattern[str]
    office: re.Pattern[str]
    demonym_pattern: str
    demonym_any: re.Pattern[str]
    body_any: re.Pattern[str]  # every body phrase, overlapping, in lowercased text
    office_any: re.Pattern[str]
    ngo: re.Pattern[str] | None


@lru_cache(maxsize=8)
def _patterns(kb_key: int) -> _Patterns:
    kb = _KB_BY_KEY[kb_key]
    names = _alt(list(kb.names))
    demonyms = _alt(list(kb.demonyms))
    countries = _alt([n for n, (e, via) in kb.names.items() if e.kind in ("country", "pre") and via == "name"])
    bodies = _alt(list(kb.bodies), flags="i")
    offices = _alt(list(kb.offices), flags="i")
    return _Patterns(
        # The lookaheads let the scanner skip, cheaply, every position that cannot start a name.
        names=re.compile(rf"(?<![\w-])(?=[A-Z0-9]|al[- ]|bin\s)(?:{names})(?![\w-])"),
        org=re.compile(
            rf"(?<![\w-])(?=[A-Z]|[Tt]he\s)(?:[Tt]he\s+)?(?:(?P<dem>{demonyms})|(?P<country>{countries})(?:'s|’s)?)\s+"
            rf"(?P<body>(?:(?!(?:on|an|a|the|of|in|at|for|to|and|with|by|from|is|was|has)\s)[A-Za-z][a-z]+\s+){{0,2}}?{bodies})"
            rf"(?:(?:'s|’s)\s+press\s+service)?(?![\w-])"
        ),
        title=re.compile(
            rf"(?<![\w-])(?=[A-Z]|former\s|ex-)(?P<former>[Ff]ormer\s+|[Ee]x-)?(?:(?P<dem>{demonyms})\s+)?"
            rf"(?P<office>(?:(?:[A-Z][\w-]*|junior|senior|acting|interim|deputy|outgoing|caretaker)\s+){{0,3}}?{offices})\s+(?P<name>{_NAME})"
        ),
        groups=re.compile(
            rf"(?<![\w-])(?=[A-Z])(?P<list>(?:{demonyms})(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)(?:{demonyms}))+)\s+"
            rf"(?P<body>(?:[a-z][\w-]+\s+)?{bodies})(?![\w-])"
        ),
        office=re.compile(
            rf"(?<![\w-])(?=[A-Z]|the\s)(?:the\s+)?(?:(?P<dem>{demonyms})|(?P<country>{countries})(?:'s|’s))\s+"
            rf"(?P<office>(?:[a-z][\w-]+\s+){{0,2}}?{offices})(?![\w-])(?!\s+[A-Z])"
        ),
        demonym_pattern=rf"(?<![\w-])(?:{demonyms})(?![\w-])",
        # One compiled pattern per word list: a pattern per word would overflow re's cache of 512.
        demonym_any=re.compile(rf"(?<![\w-])(?:{demonyms})(?![\w-])"),
        body_any=re.compile(rf"(?=\b({_alt([b.lower() for b in kb.bodies])})\b)"),
        office_any=re.compile(rf"(?=\b({_alt([o.lower() for o in kb.offices])})\b)"),
        ngo=re.compile(rf"(?<![\w-]){_alt(list(kb.ngo_heads))}(?![\w-])") if kb.ngo_heads else None,
        apposition=re.compile(rf"(?<![\w-])(?P<name>{_NAME}),\s+(?:the\s+)?(?P<office>{offices})\s+of\s+"),
        office_of=re.compile(
            rf"(?<![\w-])(?=[A-Za-z])(?:[Tt]he\s+)?(?P<office>{offices})s?\s+of\s+(?P<c1>{countries})\s+and\s+(?P<c2>{countries}),\s+"
            rf"(?P<p1>{_NAME})\s+and\s+(?P<p2>{_NAME})"
        ),
    )


_KB_BY_KEY: dict[int, Knowledge] = {}


def _kb_key(kb: Knowledge) -> int:
    key = id(kb)
    _KB_BY_KEY[key] = kb
    return key


def _mention(start: int, end: int, text: str, entry: Entry, via: str, office: str = "", sector: str | None = None) -> ActorMention:
    return ActorMention(start, end, text[start:end], entry.actor_id, entry.name, entry.kind, entry.code,
                        entry.sector if sector is None else sector, office, via)  # fmt: skip


def _person_id(name: str) -> str:
    return "person:" + _slug(name.split()[-1])


def _sector_of_office(kb: Knowledge, office: str) -> tuple[str, str]:
    """(sector, canonical office) of a title such as 'Foreign Ministry Spokeswoman'."""
    lowered = office.lower()
    best = max(_hits(_patterns(_kb_key(kb)).office_any, lowered), key=len, default="")
    if not best:
        return "", ""
    sector = kb.offices[best]
    if sector == "LEG" and best == "deputy" and "minister" in lowered:
        sector = "GOV"
    return ("GOV" if sector == "IGO" else sector), office.strip()


def _plural_demonym(text: str) -> bool:
    return text.endswith("s") and not text.endswith(("ss", "Swiss"))


def _body_key(kb: Knowledge, body: str) -> str:
    """The longest body word of the knowledge base in ``body`` ("foreign ministry" in "Foreign Ministry")."""
    lowered = body.lower()
    return max(_hits(_patterns(_kb_key(kb)).body_any, lowered), key=len, default=lowered)


def _hits(pattern: re.Pattern[str], lowered: str) -> set[str]:
    return {re.sub(r"\s+", " ", m.group(1)) for m in pattern.finditer(lowered)}


def find_actor_mentions(doc: Doc, *, knowledge: Knowledge | None = None) -> list[ActorMention]:
    """Every actor mention of ``doc``, sorted by position (see the module docstring)."""
    kb = knowledge or load()
    text = doc.text
    pats = _patterns(_kb_key(kb))
    found: list[ActorMention] = []

    def sentence_country(pos: int, exclude: str = "") -> Entry | None:
        # The nearest country named in the same sentence gives an untitled office its country.
        sent = next((s for s in doc.sents if s.start_char <= pos < s.end_char), None)
        if sent is None:
            return None
        best: tuple[int, Entry] | None = None
        for m in pats.names.finditer(text, sent.start_char, sent.end_char):
            entry = kb.names[re.sub(r"\s+", " ", m.group(0))][0]
            if entry.kind in ("country", "pre") and entry.code != exclude:
                d = abs(m.start() - pos)
                best = (d, entry) if best is None or d < best[0] else best
        for m in pats.demonym_any.finditer(text, sent.start_char, sent.end_char):
            people = kb.demonyms.get(re.sub(r"\s+", " ", m.group(0)))
            if people is not None and people.code != exclude:
                d = abs(m.start() - pos)
                best = (d, people) if best is None or d < best[0] else best
        return best[1] if best else None

    # 1. Coordinated offices: "the foreign ministers of Russia and Azerbaijan, Sergey Lavrov and Elmar Mamedyarov".
    for m in pats.office_of.finditer(text):
        sector, _ = _sector_of_office(kb, m.group("office"))
        for c, p in (("c1", "p1"), ("c2", "p2")):
            country: Entry | None = kb.names[m.group(c)][0]
            assert country is not None
            name = m.group(p)
            entry = Entry(_person_id(name), name, "person", country.code, sector or "GOV")
            found.append(_mention(m.start(p), m.end(p), text, entry, "role", office=m.group("office").strip().title()))
    # 2. Titled names: "Russian Deputy Foreign Minister Andrey Rudenko".
    for m in pats.title.finditer(text):
        name = re.sub(r"(?:'s|’s)$", "", m.group("name"))
        if (name in kb.names and kb.names[name][0].kind != "person") or name.split()[0] in kb.demonyms:
            continue
        sector, office = _sector_of_office(kb, m.group("office"))
        if not sector:
            continue
        known = kb.names.get(name) or kb.names.get(name.split()[-1])
        if known is not None and known[0].kind == "person" and not m.group("dem"):
            found.append(_mention(m.start(), m.end(), text, known[0], "role", office=office))
            continue
        if m.group("former"):
            sector = "ELI"  # former office holders are elites in PLOVER, no longer the government
        country = kb.demonyms.get(m.group("dem") or "") or sentence_country(m.start("name"))
        entry = Entry(_person_id(name), name, "person", country.code if country else "", sector)
        found.append(_mention(m.start(), m.end(), text, entry, "role", office=office))
    # 2b. Appositions: "Sergey Naryshkin, the speaker of the State Duma".
    for m in pats.apposition.finditer(text):
        name = m.group("name")
        if name in kb.names or len(name.split()) < 2:
            continue
        sector, office = _sector_of_office(kb, m.group("office"))
        if not sector:
            continue
        country = sentence_country(m.end())
        entry = Entry(_person_id(name), name, "person", country.code if country else "", sector)
        found.append(_mention(m.start("name"), m.end("name"), text, entry, "role", office=office.title()))
    # 3. Organisations: "the Russian Foreign Ministry('s press service)".
    for m in pats.org.finditer(text):
        country = kb.demonyms.get(m.group("dem") or "") or (kb.names[m.group("country")][0] if m.group("country") else None)
        if country is None or _has_finite_verb(doc, m.start(), m.end()):
            continue
        body = re.sub(r"\s+", " ", m.group("body"))
        body_key = _body_key(kb, body)
        sector = kb.bodies.get(body_key, "GOV")
        if sector == "JRN" and re.search(r"\b(?:official|state|state-run|state-owned|government|government-run)\s+\S*\s*$", text[max(0, m.start() - 40) : m.start()], re.I):
            sector = "GOV"  # state media speak for the government (CAMEO and PLOVER code them GOV)
        if country.kind == "pre":
            sector = "PRE"
        adjective = m.group("dem") or country.name
        name = f"{adjective} {body}".strip()
        name = name[0].upper() + name[1:]
        entry = Entry(f"{country.code}:{sector}:{_slug(body)}", name, "organization", country.code, sector)
        found.append(_mention(m.start(), m.end(), text, entry, "name"))
    # 3b. Coordinated demonyms before one body: "Hungarian and Romanian officials", each its own actor.
    for m in pats.groups.finditer(text):
        body = re.sub(r"\s+", " ", m.group("body"))
        sector = kb.bodies.get(_body_key(kb, body), "GOV")
        for dm in re.finditer(pats.demonym_pattern, m.group("list")):
            country = kb.demonyms.get(re.sub(r"\s+", " ", dm.group(0)))
            if country is None:
                continue
            start = m.start("list") + dm.start()
            end = m.end() if m.start("list") + dm.end() == m.end("list") else m.start("list") + dm.end()
            entry = Entry(f"{country.code}:{sector}:{_slug(body)}", f"{dm.group(0)} {body}", "organization", country.code, sector)
            found.append(_mention(start, end, text, entry, "name"))
    # 4. Known names: countries, capitals, organisations, partially recognised entities.
    for m in pats.names.finditer(text):
        entry, via = kb.names[re.sub(r"\s+", " ", m.group(0))]
        found.append(_mention(m.start(), m.end(), text, entry, via))
    # 5. spaCy persons (and the last names they teach), demonyms as country mentions.
    persons: dict[str, str] = {}
    for ent in doc.ents:
        if len(ent.text) > MAX_ENTITY_CHARS:
            continue
        people = ent.label_ == "PERSON" and ent.text.split()[0] in kb.demonyms and len(ent.text.split()) == 2 and _plural_demonym(ent.text)
        if ent.label_ == "PERSON" and not people and ent.text not in kb.names and ent.text not in kb.outlets and ent.text not in kb.demonyms:
            name = ent.text.strip()
            if not re.match(r"^[A-Z]", name) or len(name) < 3:
                continue
            persons[name.split()[-1]] = name
            found.append(ActorMention(ent.start_char, ent.end_char, ent.text, _person_id(name), name, "person", via="name"))
        elif ent.label_ == "NORP" and ent.text in kb.demonyms:
            entry = kb.demonyms[ent.text]
            # "Libyans", "Nigerians": the people of a country, civilians unless a body says otherwise.
            found.append(_mention(ent.start_char, ent.end_char, text, entry, "demonym", sector="CVL" if _plural_demonym(ent.text) else None))
        elif people:
            # spaCy reads "Bosnian Serbs" as a person: a people, coded by its first (territorial) word.
            entry = kb.demonyms[ent.text.split()[0]]
            found.append(_mention(ent.start_char, ent.end_char, text, entry, "demonym", sector="CVL"))
    # spaCy sometimes tags a known person's last name ORG or GPE ("Zakharova"): trust the name.
    for ent in doc.ents:
        if ent.label_ in ("ORG", "GPE", "NORP") and ent.text in persons and ent.text not in kb.names:
            name = persons[ent.text]
            found.append(ActorMention(ent.start_char, ent.end_char, ent.text, _person_id(name), name, "person", via="alias"))
    resolved = _select(found)
    resolved.extend(_pronouns_and_nominals(doc, resolved, kb))
    # Offices without a name ("Montenegro's prime minister", "the Israeli president") that no earlier
    # actor took: the office of that country, so the coder knows who acts.
    taken = [(m.start, m.end) for m in resolved if m.via != "demonym" and m.kind not in ("country", "pre")]
    for m in pats.office.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        country = kb.demonyms.get(m.group("dem") or "") or (kb.names[m.group("country")][0] if m.group("country") else None)
        sector, office = _sector_of_office(kb, m.group("office"))
        if country is None or not sector:
            continue
        if country.kind == "pre":
            sector = "PRE"
        # The office stands for its country as a capital does: one actor with "Russia" and "the Kremlin".
        entry = Entry(country.actor_id, country.name, country.kind, country.code, sector)
        resolved.append(_mention(m.start(), m.end(), text, entry, "office", office=office.title()))
    chosen = [_place_or_government(doc, kb, m) if m.via == "metonym" else m for m in _select(resolved)]
    return [_ethnic_residence(text, m, sentence_country) for m in chosen]


_ETHNIC = re.compile(r"\bethnic\s+$", re.I)


def _ethnic_residence(text: str, m: ActorMention, sentence_country: Callable[..., Entry | None]) -> ActorMention:
    """"Ethnic Albanians" in a sentence about Macedonia are a minority of Macedonia: PLOVER codes an
    ethnic group by the state it lives in, the demonym naming only the ethnicity."""
    if m.kind == "person" or not m.code or not (_ETHNIC.search(text[max(0, m.start - 10) : m.start]) or _ETHNIC.match(m.text + " ")):
        return m
    home = sentence_country(m.start, exclude=m.code)
    if home is None or not home.code:
        return m
    return replace(m, code=home.code, actor_id=f"{home.code}:{m.sector}:{_slug(m.text)}", name=m.text)


def _has_finite_verb(doc: Doc, start: int, end: int) -> bool:
    """Does the span hold a finite verb? "Britain mobilized army reservists" is a clause, not the
    organisation "Britain ... army" that the pattern's free words would otherwise let through."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.tag_ in _FINITE for t in span)


_FINITE = frozenset({"VBD", "VBZ", "VBP", "VB", "MD"})


_LOCATIVE = {"in", "near", "at", "outside", "inside", "around", "throughout", "across", "into", "of"}


def _place_or_government(doc: Doc, kb: Knowledge, m: ActorMention) -> ActorMention:
    """A capital stands for its government only where it acts or is acted on as one: in "clashes in
    Baghdad" it is a place, in "Baghdad University" it names the university."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return m
    root = span.root
    if root.dep_ == "compound" and root.head.i > root.i:
        words = doc[span.end : root.head.i + 1].text.lower()
        key = _body_key(kb, words)
        return replace(m, sector=kb.bodies.get(key, ""))
    if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE:
        return replace(m, sector="")
    return m


def _select(found: list[ActorMention]) -> list[ActorMention]:
    """Non-overlapping mentions: roles and longer spans first."""
    rank = {"role": 0, "name": 1, "metonym": 1, "alias": 2, "pronoun": 2, "nominal": 2, "office": 1, "demonym": 3}
    chosen: list[ActorMention] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(found, key=lambda m: (rank.get(m.via, 5), -(m.end - m.start), m.start)):
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        chosen.append(m)
        taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: (m.start, m.end))


_NOMINAL_HEADS = {"diplomat", "minister", "spokeswoman", "spokesman", "spokesperson", "official", "ministry", "service",
                  "president", "premier", "envoy", "ambassador", "chancellor", "leader", "secretary"}  # fmt: skip


def _is_subject(doc: Doc, mention: ActorMention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in ("poss", "compound", "amod") and root.head is not root:
        root = root.head  # "the ministry's press service said": the possessor speaks through it
    return root.dep_ in ("nsubj", "nsubjpass")


def _fits_nominal(m: ActorMention, head: str, phrase: str) -> bool:
    """Can "the <phrase>" (head noun ``head``) refer to the person mention ``m``?"""
    if m.kind != "person":
        return False
    office = m.office.lower()
    return head in ("diplomat", "official", "leader") or head in office or phrase in office


def _agrees(m: ActorMention, country: Entry | None) -> bool:
    """A nominal that names a nationality ("the Russian minister") cannot be an actor known to be of
    another country ("the Moldovan Foreign Minister ...")."""
    return country is None or not m.code or m.code == country.code


def _pronouns_and_nominals(doc: Doc, mentions: list[ActorMention], kb: Knowledge) -> list[ActorMention]:
    """Subjects that are pronouns or nominals, resolved to the latest compatible actor before them;
    an actor that was itself a subject is preferred (it is the one the text is talking about)."""
    out: list[ActorMention] = []
    covered = [(m.start, m.end) for m in mentions]
    subjects = {(m.start, m.end) for m in mentions if _is_subject(doc, m)}

    def latest(candidates: list[ActorMention]) -> ActorMention | None:
        preferred = [m for m in candidates if (m.start, m.end) in subjects or m.via in ("pronoun", "nominal")]
        pool = preferred or candidates
        return pool[-1] if pool else None

    for token in tokens_with_dep(doc, "nsubj", "nsubjpass"):
        if any(s <= token.idx < e for s, e in covered):
            continue
        earlier = [m for m in mentions + out if m.end <= token.idx]
        target: ActorMention | None = None
        span: Span | None = None
        lower = token.lower_
        if lower in ("he", "she"):
            target = latest([m for m in earlier if m.kind == "person"])
            span = doc[token.i : token.i + 1]
            via = "pronoun"
        elif lower in _NOMINAL_HEADS and any(c.lower_ == "the" for c in token.lefts):
            span = doc[token.left_edge.i : token.i + 1]
            words = span.text.lower()
            via = "nominal"
            country = next((kb.demonyms[t.text] for t in span if t.text in kb.demonyms), None)
            if lower in ("ministry", "service"):
                target = latest([m for m in earlier if m.kind == "organization" and m.sector == "GOV" and _agrees(m, country)])
            else:
                wanted = words.replace("the ", "")
                target = latest([m for m in earlier if _fits_nominal(m, lower, wanted) and _agrees(m, country)])
        if target is None or span is None:
            continue
        out.append(ActorMention(span.start_char, span.end_char, span.text, target.actor_id, target.name, target.kind,
                                target.code, target.sector, target.office, via))  # fmt: skip
    return out


def _has_own_sector(kb: Knowledge, name: str) -> bool:
    return bool(kb.names[name][0].sector) if name in kb.names else False


def actor_for_text(text: str, *, knowledge: Knowledge | None = None) -> ActorMention | None:
    """The actor a bare noun phrase names ("Azerbaijani Foreign Ministry", "Baku", "Turkish police")."""
    kb = knowledge or load()
    text = text.strip()[:MAX_ENTITY_CHARS]
    if not text:
        return None
    pats = _patterns(_kb_key(kb))
    m = pats.names.search(text)
    # Body words inside a known name are part of it ("Democratic People's Republic of Korea").
    rest = text[m.end() :] if m else ""
    if m and _has_own_sector(kb, m.group(0)):
        # "Hizbollah (Party of God)": a gloss after a known name translates it, it adds no body.
        rest = re.sub(r"^\s*\([^)]*\)", " ", rest)
    lowered = (text[: m.start()] + " " + rest).lower() if m else text.lower()
    sector = ""
    body_hits = _hits(pats.body_any, lowered)
    office_hits = _hits(pats.office_any, lowered)
    if body_hits:
        sector = kb.bodies[max(body_hits, key=len)]
    elif office_hits:
        sector = kb.offices[max(office_hits, key=len)]
        sector = "GOV" if sector == "IGO" else sector
    entry: Entry | None = None
    via = "name"
    if m:
        entry, via = kb.names[re.sub(r"\s+", " ", m.group(0))]
    else:
        for dem, dem_entry in sorted(kb.demonyms.items(), key=lambda kv: -len(kv[0])):
            if re.search(rf"(?<![\w-]){re.escape(dem)}(?![\w-])", text):
                entry, via = dem_entry, "demonym"
                if not sector and text == dem and _plural_demonym(dem):
                    sector = "CVL"  # "Libyans": the people of a country
                break
    if entry is None:
        # A place named in the phrase ("rebels in Darfur", "terror group based in Trinidad") gives its country.
        from dateline.annotate.actors.places import geocode

        for word in re.findall(r"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?", text):
            place = geocode(word) or geocode(word.split()[0])
            if place is not None and place.country in kb.countries:
                entry, via = kb.countries[place.country], "place"
                break
    if entry is None and pats.ngo is not None and pats.ngo.search(text):
        return ActorMention(0, len(text), text, f"NGO:{_slug(text)}", text, "organization", "NGO", sector, via="name")
    if entry is None:
        if not sector:
            return None
        return ActorMention(0, len(text), text, f"UNK:{sector}", text, "organization", "", sector, via="nominal")
    if entry.kind == "pre":
        sector = "PRE" if not sector or sector == "GOV" else sector
    elif not sector:
        sector = entry.sector
    return ActorMention(0, len(text), text, entry.actor_id, entry.name, entry.kind, entry.code, sector, via=via)
