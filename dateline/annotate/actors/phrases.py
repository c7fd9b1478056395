"""The actor a bare noun phrase names ("Azerbaijani Foreign Ministry", "Baku", "Turkish police")."""

from __future__ import annotations

import re

from dateline.annotate.actors.patterns import MAX_ENTITY_CHARS, hits, patterns, plural_demonym, slug
from dateline.core.knowledge import Entry, Knowledge, gazetteer_key, load
from dateline.core.knowledge.places import geocode
from dateline.core.mentions import ActorMention

_WORDS = re.compile(r"[^\W_]+(?:[.-][^\W_]+)*\.?")


def _known_name(kb: Knowledge, text: str) -> tuple[int, int, Entry, str] | None:
    """The leftmost-longest name of the knowledge file in ``text`` (start, end, entry, via)."""
    spans = [(m.start(), m.end()) for m in _WORDS.finditer(text)]
    for i in range(len(spans)):
        for j in range(min(len(spans), i + 8) - 1, i - 1, -1):
            surface = text[spans[i][0] : spans[j][1]]
            found = kb.lookup(surface) or kb.lookup(surface.rstrip("."))
            if (found is not None and surface[:1].isupper()) or (found is not None and surface[:1].isdigit()):
                assert found is not None
                return spans[i][0], spans[i][0] + len(surface if kb.lookup(surface) else surface.rstrip(".")), found[0], found[1]
    return None


def actor_for_text(text: str, *, knowledge: Knowledge | None = None) -> ActorMention | None:
    """The actor a bare noun phrase names ("Azerbaijani Foreign Ministry", "Baku", "Turkish police")."""
    kb = knowledge or load()
    text = text.strip()[:MAX_ENTITY_CHARS]
    if not text:
        return None
    pats = patterns(kb)
    m = _known_name(kb, text)
    # Body words inside a known name are part of it ("Democratic People's Republic of Korea").
    rest = text[m[1] :] if m else ""
    if m and m[2].sector:
        # "Hizbollah (Party of God)": a gloss after a known name translates it, it adds no body.
        rest = re.sub(r"^\s*\([^)]*\)", " ", rest)
    lowered = (text[: m[0]] + " " + rest).lower() if m else text.lower()
    sector = ""
    body_hits = hits(pats.body_any, lowered)
    office_hits = hits(pats.office_any, lowered)
    if body_hits:
        sector = kb.bodies[max(body_hits, key=len)]
    elif office_hits:
        sector = kb.offices[max(office_hits, key=len)]
        sector = "GOV" if sector == "IGO" else sector
    entry: Entry | None = None
    via = "name"
    if m:
        entry, via = m[2], m[3]
    else:
        for dem, dem_entry in sorted(kb.demonyms.items(), key=lambda kv: -len(kv[0])):
            if re.search(rf"(?<![\w-]){re.escape(dem)}(?![\w-])", text):
                entry, via = dem_entry, "demonym"
                if not sector and text == dem and plural_demonym(dem):
                    sector = "CVL"  # "Libyans": the people of a country
                break
    if entry is None:
        known = kb.dictionary.lookup(gazetteer_key(text))
        if known is not None and known.kind != "country":
            role = known.role_at(None)
            entry = Entry(known.actor_id, known.name, known.kind, role.code if role else "", role.sector if role else "")
    if entry is None:
        # A place named in the phrase ("rebels in Darfur", "terror group based in Trinidad") gives its country.
        for word in re.findall(r"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?", text):
            place = geocode(word) or geocode(word.split()[0])
            if place is not None and place.country in kb.countries:
                entry, via = kb.countries[place.country], "place"
                break
    if entry is None and pats.ngo is not None and pats.ngo.search(text):
        return ActorMention(0, len(text), text, f"NGO:{slug(text)}", text, "organization", "NGO", sector, via="name")
    if entry is None:
        if not sector:
            return None
        return ActorMention(0, len(text), text, f"UNK:{sector}", text, "organization", "", sector, via="nominal")
    if entry.kind == "pre":
        sector = "PRE" if not sector or sector == "GOV" else sector
    elif not sector:
        sector = entry.sector
    return ActorMention(0, len(text), text, entry.actor_id, entry.name, entry.kind, entry.code, sector, via=via)
