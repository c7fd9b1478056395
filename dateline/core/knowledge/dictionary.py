"""The actor dictionary: named actors with their spellings and dated roles, generic agents and
discard phrases, compiled from the Phoenix dictionaries (``data/actors/phoenix_*.tsv``, see
``PHOENIX_PROVENANCE.md``) with the people of the hand-written knowledge laid over them.

Every name is indexed by its lower-case words (:func:`gazetteer_key`); a key that names two
different actors is ambiguous and resolves to neither. Persons are also indexed by their
transliteration key (:func:`dateline.core.knowledge.names.name_key`), so that spellings the
dictionaries do not list still meet.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from dateline.core.cache import pickled
from dateline.core.knowledge.names import ascii_fold, name_key, words
from dateline.core.knowledge.roles import Role, parse_role, role_at

AMBIGUOUS = -1


# A word of a name: letters and digits, an apostrophe inside ("O'Brien") but not a possessive's.
NAME_TOKEN = re.compile(r"[^\W_]+(?:['’](?![sS]\b)[^\W_]+)*")


def fold(word: str) -> str:
    """A word as keys hold it: lower-case, without accents or apostrophes."""
    return ascii_fold(word).replace("'", "").replace("’", "").lower()


def gazetteer_key(text: str) -> str:
    """The lookup key of a name as written: its words, folded ("Bashar al-Assad" → "bashar al assad",
    "Syria's" → "syria s"). Text is read with the same words, so keys and text always agree."""
    return " ".join(fold(m.group(0)) for m in NAME_TOKEN.finditer(text))


def _slug(text: str) -> str:
    return "-".join(words(text))


@dataclass(frozen=True, slots=True)
class KnownActor:
    actor_id: str
    name: str
    kind: str  # country | person | organization
    roles: tuple[Role, ...]
    variants: tuple[str, ...] = ()
    gender: str = ""  # "m" | "f" where the knowledge file states it

    def role_at(self, day: dt.date | None) -> Role | None:
        return role_at(self.roles, day)


Row = tuple[str, str, str, str]  # kind, name, variants ("|"), roles ("CODE:SECTOR:FIRST:LAST;...")


@dataclass(slots=True)
class ActorDictionary:
    """Actors are kept as their compiled rows and made :class:`KnownActor` when first asked for:
    most of the 27,000 are never named in a corpus, and rows load several times faster."""

    rows: list[Row] = field(default_factory=list)
    made: dict[int, KnownActor] = field(default_factory=dict)  # index → actor, made or laid over
    by_name: dict[str, int] = field(default_factory=dict)  # gazetteer key → index, or AMBIGUOUS
    by_spelling: dict[str, int] = field(default_factory=dict)  # person name key → index, or AMBIGUOUS
    # A full name of three or more words without its last (the second surname of Spanish and
    # Portuguese names: "Patricia Espinosa" of "Patricia Espinosa Cantellano") → index, or AMBIGUOUS;
    # asked only when no full name is spelt so.
    by_short: dict[str, int] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)  # every leading run of words of a key
    max_words: int = 1
    agents: dict[str, tuple[str, str]] = field(default_factory=dict)  # lower-case phrase → (code, sector)
    discards: dict[str, tuple[str, str]] = field(default_factory=dict)  # lower-case phrase → (scope, match)
    ids: dict[str, int] = field(default_factory=dict)  # actor id → index
    places: dict[str, tuple[str, str]] = field(default_factory=dict)  # key of a city or region → (code, name)

    def __len__(self) -> int:
        return len(self.rows)

    def actor(self, index: int) -> KnownActor:
        made = self.made.get(index)
        if made is None:
            made = self.made[index] = _from_row(self.rows[index])
        return made

    def add_row(self, row: Row) -> None:
        index = len(self.rows)
        self.rows.append(row)
        kind, name, variants, roles = row
        actor_id = _actor_id(kind, name, roles.split(":", 1)[0])
        self.ids.setdefault(actor_id, index)
        for surface in (name, *variants.split("|")):
            self._index(self.by_name, gazetteer_key(surface), index, False)
            if kind == "person":
                self._index(self.by_spelling, name_key(surface), index, False)
                words = surface.split()
                if len(words) >= 3:
                    self._index(self.by_short, name_key(" ".join(words[:-1])), index, False)

    def add(self, actor: KnownActor) -> None:
        """Lay ``actor`` (hand-written knowledge, a user file) over the compiled data: its names win;
        a person already known by the same id stays one actor, the new roles first and the compiled
        dated roles kept."""
        index = self.ids.get(actor.actor_id)
        if index is not None:
            known = self.actor(index)
            kept = tuple(r for r in known.roles if r.dated or not any(not a.dated for a in actor.roles))
            actor = KnownActor(actor.actor_id, actor.name, actor.kind, tuple(dict.fromkeys((*actor.roles, *kept))),
                               tuple(dict.fromkeys((*actor.variants, known.name, *known.variants))), actor.gender)  # fmt: skip
        else:
            index = len(self.rows)
            self.rows.append((actor.kind, actor.name, "", ""))
            self.ids[actor.actor_id] = index
        self.made[index] = actor
        for surface in (actor.name, *actor.variants):
            self._index(self.by_name, gazetteer_key(surface), index, True)
            if actor.kind == "person":
                self._index(self.by_spelling, name_key(surface), index, True)

    def _index(self, table: dict[str, int], key: str, index: int, override: bool) -> None:
        if not key:
            return
        known = table.get(key)
        if override or known is None:
            table[key] = index
        elif known not in (index, AMBIGUOUS):
            table[key] = AMBIGUOUS
        split = key.split(" ")
        self.max_words = max(self.max_words, len(split))
        for n in range(1, len(split) + 1):
            self.prefixes.add(" ".join(split[:n]))

    def lookup(self, key: str) -> KnownActor | None:
        """The one actor of a gazetteer key, or None (unknown or ambiguous)."""
        at = self.by_name.get(key, AMBIGUOUS)
        return self.actor(at) if at != AMBIGUOUS else None

    def named(self, surface: str) -> KnownActor | None:
        """The one actor the name ``surface`` stands for (its words), or None (unknown or ambiguous)."""
        return self.lookup(gazetteer_key(surface))

    def person(self, surface: str) -> KnownActor | None:
        """The one person a full name stands for, by its words or its transliteration key."""
        found = self.named(surface)
        if found is not None and found.kind == "person":
            return found
        key = name_key(surface)
        if "-" not in key:
            return None  # a surname, not a full name
        at = self.by_spelling.get(key)
        if at is None:
            at = self.by_short.get(key, AMBIGUOUS)
        if at == AMBIGUOUS:
            return None
        found = self.actor(at)
        return found if found.kind == "person" else None

    def gender_of(self, actor_id: str) -> str:
        """"m" or "f" where the knowledge states the gender of the person ``actor_id``, else ""."""
        index = self.ids.get(actor_id)
        return self.actor(index).gender if index is not None else ""

    def holders(self, code: str, sector: str, day: dt.date, office: str = "") -> list[KnownActor]:
        """Persons whose role on ``day`` was ``code``/``sector`` (and ``office``, where given):
        "who was in Syria's government on 2012-06-01"."""
        out = []
        for index, row in enumerate(self.rows):
            if row[0] != "person" or (code not in row[3] and index not in self.made):
                continue
            actor = self.actor(index)
            role = actor.role_at(day)
            if role is not None and role.code == code and role.sector == sector and (
                not office or role.office.lower() == office.lower()
            ):
                out.append(actor)
        return sorted(out, key=lambda a: a.name)


def person_id(name: str) -> str:
    """The canonical id of a person: by the transliteration key of the full name, so that the
    spellings of one name share it ("person:walid-mualim")."""
    return "person:" + (name_key(name) or _slug(name))


def _read_tsv(name: str) -> list[list[str]]:
    text = (resources.files("dateline.core.data") / "actors" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()[1:] if line]


def _actor_id(kind: str, name: str, code: str) -> str:
    if kind == "person":
        return person_id(name)
    if kind == "country":
        return code or _slug(name)
    return "ORG:" + _slug(name)


def _from_row(row: Row) -> KnownActor:
    kind, name, variants, roles_text = row
    roles = tuple(parse_role(r, "phoenix") for r in roles_text.split(";") if r)
    return KnownActor(_actor_id(kind, name, roles[0].code if roles else ""), name, kind, roles,
                      tuple(v for v in variants.split("|") if v))  # fmt: skip


def overlay_people(layers: list[dict[str, Any]]) -> Iterable[KnownActor]:
    """The people of the hand-written knowledge (and user files), with their dated roles."""
    for layer in layers:
        for item in layer.get("people", []):
            default = Role(str(item.get("code", "")), str(item.get("sector", "")), source="knowledge")
            dated = tuple(_role(r, default) for r in item.get("roles", []))
            roles = (*dated, default) if default.code or default.sector else dated
            yield KnownActor(person_id(item["name"]), str(item["name"]), "person", roles, tuple(str(a) for a in item.get("aliases", [])),
                             str(item.get("gender", "")))  # fmt: skip


def _role(item: dict[str, Any], default: Role) -> Role:
    """A dated role of the knowledge file: {code?, sector?, office?, from?, to?}."""
    return Role(str(item.get("code", default.code)), str(item.get("sector", default.sector)), _day(item.get("from")),
                _day(item.get("to")), str(item.get("office", "")), "knowledge")  # fmt: skip


def _day(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    return dt.date.fromisoformat(text if len(text) == 10 else f"{text}-01-01" if len(text) == 4 else f"{text}-01")


def _build_compiled() -> ActorDictionary:
    found = ActorDictionary()
    for kind, name, variants, roles in _read_tsv("phoenix_actors.tsv"):
        if kind != "country":
            found.add_row((kind, name, variants, roles))
            continue
        # Countries themselves come from pycountry and the knowledge file; the cities and regions
        # their records list ("ALEPPO", "HELMAND") are places of that country.
        # The code of today: the role with no end (a country that changed hands: "Armenia" RUS
        # until 1990, ARM since), else the last.
        parsed = [parse_role(r, "phoenix") for r in roles.split(";") if r]
        code = next((r.code for r in parsed if r.end is None), parsed[-1].code if parsed else "")
        for variant in variants.split("|"):
            key = gazetteer_key(variant)
            if key and key not in found.places:
                found.places[key] = (code, variant)
                split = key.split(" ")
                found.prefixes.update(" ".join(split[:n]) for n in range(1, len(split) + 1))
    for phrase, code, sector in _read_tsv("phoenix_agents.tsv"):
        found.agents.setdefault(phrase.lower(), (code, sector))
    for phrase, scope, match in _read_tsv("phoenix_discards.tsv"):
        found.discards.setdefault(phrase.lower(), (scope, match))
    return found


_FORMAT = 7  # bump when what the index holds or how names are keyed changes


def _compiled() -> ActorDictionary:
    """The compiled dictionary, indexed. Indexing 27,000 actors and their spellings takes about two
    seconds, which every worker process would pay again: a pickle of the index, keyed by the data
    files' digest, loads in a fraction of that (a broken or missing cache is rebuilt)."""
    digest = hashlib.sha256()
    for name in ("phoenix_actors.tsv", "phoenix_agents.tsv", "phoenix_discards.tsv", "names.yaml"):
        digest.update((resources.files("dateline.core.data") / "actors" / name).read_bytes())
    return pickled(f"actors-{digest.hexdigest()[:16]}-{_FORMAT}.pickle", ActorDictionary, _build_compiled)


def build_dictionary(layers: list[dict[str, Any]]) -> ActorDictionary:
    """The compiled dictionary with the people of ``layers`` (hand-written knowledge, user files) over it."""
    found = _compiled()
    for actor in overlay_people(list(reversed(layers))):  # later layers (user files) win
        found.add(actor)
    return found
