"""The regular expressions the mention finder compiles from the knowledge (titles, bodies, offices,
demonyms), built once per :class:`Knowledge` and kept on it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.core.knowledge import Knowledge
from dateline.core.lexicon import english

MAX_ENTITY_CHARS = 120
# A name's words: capitalised, or the particles inside names; never a weekday or month that follows
# it ("Arafat Wednesday rejected").
_CALENDAR = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)\b"
NAME = rf"(?!{_CALENDAR})[A-Z][\w'’-]+(?:[ \t]+(?:(?!{_CALENDAR})[A-Z][\w'’-]+|al-\w+|(?:de|van|von|bin|ibn)(?![\w-]))){{0,3}}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def alternation(words: list[str], *, flags: str = "") -> str:
    """One regex alternative per phrase, longest first; a space in a phrase matches any whitespace."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


@dataclass(frozen=True, slots=True)
class Patterns:
    countries: re.Pattern[str]  # country names (pycountry and the knowledge file), for sentence_country
    org: re.Pattern[str]
    title: re.Pattern[str]
    office_of: re.Pattern[str]
    apposition: re.Pattern[str]
    apposition_after: re.Pattern[str]
    groups: re.Pattern[str]
    office: re.Pattern[str]
    demonym_pattern: str
    demonym_any: re.Pattern[str]
    body_any: re.Pattern[str]  # every body phrase, overlapping, in lowercased text
    office_any: re.Pattern[str]
    ngo: re.Pattern[str] | None


def patterns(kb: Knowledge) -> Patterns:
    found = kb.derived.get("patterns")
    if isinstance(found, Patterns):
        return found
    built = _build(kb)
    kb.derived["patterns"] = built
    return built


# Words that cannot stand between a nationality and its body or office ("Britons think the prime
# minister" is no office of Britain; "the Russian foreign minister" is one).
_FUNCTION_WORDS = "(?:on|an|a|the|of|in|at|for|to|and|with|by|from|is|was|has)"


def _build(kb: Knowledge) -> Patterns:
    demonyms = alternation(list(kb.demonyms))
    countries = alternation([n for n, (e, via) in kb.names.items() if e.kind in ("country", "pre") and via == "name"])
    bodies = alternation(list(kb.bodies), flags="i")
    offices = alternation(list(kb.offices), flags="i")
    # Capitalised words that begin a sentence or a date, not a title: "On Saturday Foreign Minister X".
    calendar = english()
    not_title = alternation([*calendar.openers, *(w.title() for w in (*calendar.weekdays, *calendar.months))])
    return Patterns(
        countries=re.compile(rf"(?<![\w-])(?=[A-Z])(?:{countries})(?![\w-])"),
        org=re.compile(
            rf"(?<![\w-])(?=[A-Z]|[Tt]he\s)(?:[Tt]he\s+)?(?:(?P<dem>{demonyms})|(?P<country>{countries})(?:'s|’s)?)\s+"
            rf"(?P<body>(?:(?!{_FUNCTION_WORDS}\s)[A-Za-z][a-z]+\s+){{0,2}}?{bodies})"
            rf"(?:(?:'s|’s)\s+press\s+service)?(?![\w-])"
        ),
        title=re.compile(
            rf"(?<![\w-])(?=[A-Z]|former\s|ex-)(?P<former>[Ff]ormer\s+|[Ee]x-)?(?:(?P<dem>{demonyms})\s+)?"
            rf"(?P<office>(?:(?:(?!{not_title}\s)[A-Z][\w-]*|junior|senior|acting|interim|deputy|outgoing|caretaker)\s+){{0,3}}?{offices})\s+(?P<name>{NAME})"
        ),
        groups=re.compile(
            rf"(?<![\w-])(?=[A-Z])(?P<list>(?:{demonyms})(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)(?:{demonyms}))+)\s+"
            rf"(?P<body>(?:[a-z][\w-]+\s+)?{bodies})(?![\w-])"
        ),
        office=re.compile(
            rf"(?<![\w-])(?=[A-Z]|the\s)(?:the\s+)?(?:(?P<dem>{demonyms})|(?P<country>{countries})(?:'s|’s))\s+"
            rf"(?P<office>(?:(?!{_FUNCTION_WORDS}\s)[a-z][\w-]+\s+){{0,2}}?{offices})(?![\w-])(?!\s+[A-Z])"
        ),
        demonym_pattern=rf"(?<![\w-])(?:{demonyms})(?![\w-])",
        # One compiled pattern per word list: a pattern per word would overflow re's cache of 512.
        demonym_any=re.compile(rf"(?<![\w-])(?:{demonyms})(?![\w-])"),
        body_any=re.compile(rf"(?=\b({alternation([b.lower() for b in kb.bodies])})\b)"),
        office_any=re.compile(rf"(?=\b({alternation([o.lower() for o in kb.offices])})\b)"),
        ngo=re.compile(rf"(?<![\w-]){alternation(list(kb.ngo_heads))}(?![\w-])") if kb.ngo_heads else None,
        # "Sergey Naryshkin, the speaker of the State Duma", "Jane Roe, the former British ambassador
        # to Peru,", "John Doe, a US senator.": the office must end the apposition or take its "of"/"to".
        apposition=re.compile(
            rf"(?<![\w-])(?P<name>{NAME})\s?,\s+(?:the\s+|an?\s+|(?P<country>{countries})\s?(?:'s|’s)\s+)?(?P<former>former\s+|ex-)?"
            rf"(?:(?P<dem>{demonyms})\s+)?"
            rf"(?P<office>(?:(?:acting|interim|outgoing|senior|junior|top|chief)\s+)?{offices})(?:\s+(?P<prep>of|to|in|for)\s+|\s*[,.;])"
        ),
        # "the former British ambassador to the US, Sir Christopher Meyer,", "The French foreign
        # minister, Jean Dupont, said": the office first, the name in apposition to it.
        apposition_after=re.compile(
            rf"(?<![\w-])(?:[Tt]he|[Aa]n?|(?P<country>{countries})\s?(?:'s|’s))\s+(?P<former>former\s+|ex-)?(?:(?P<dem>{demonyms})\s+)?"
            rf"(?P<office>(?:(?:acting|interim|outgoing|senior|junior|top|chief)\s+)?{offices})"
            rf"(?:\s+(?P<prep>of|to|in|for)\s+[^,;.]{{1,40}}?)?,\s+(?P<name>{NAME})(?=\s*[,.;])"
        ),
        office_of=re.compile(
            rf"(?<![\w-])(?=[A-Za-z])(?:[Tt]he\s+)?(?P<office>{offices})s?\s+of\s+(?P<c1>{countries})\s+and\s+(?P<c2>{countries}),\s+"
            rf"(?P<p1>{NAME})\s+and\s+(?P<p2>{NAME})"
        ),
    )


def hits(pattern: re.Pattern[str], lowered: str) -> set[str]:
    return {re.sub(r"\s+", " ", m.group(1)) for m in pattern.finditer(lowered)}


def sector_of_office(kb: Knowledge, office: str) -> tuple[str, str]:
    """(sector, canonical office) of a title such as 'Foreign Ministry Spokeswoman'."""
    lowered = office.lower()
    best = max(hits(patterns(kb).office_any, lowered), key=len, default="")
    if not best:
        return "", ""
    sector = kb.offices[best]
    if sector == "LEG" and best == "deputy" and "minister" in lowered:
        sector = "GOV"
    return ("GOV" if sector == "IGO" else sector), office.strip()


def body_key(kb: Knowledge, body: str) -> str:
    """The longest body word of the knowledge base in ``body`` ("foreign ministry" in "Foreign Ministry")."""
    lowered = body.lower()
    return max(hits(patterns(kb).body_any, lowered), key=len, default=lowered)


def plural_demonym(text: str) -> bool:
    return text.endswith("s") and not text.endswith(("ss", "Swiss"))
