"""Concepts: what a dated fact or an event is about ("ceasefire", "independence", "talks").

The shipped concepts (``data/concepts.yaml``) name the history background paragraphs tell in words
no PLOVER dictionary codes; users add their own with ``--concepts`` files. The facts stage finds
them in clauses, and the timeline merges sources that share one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from dateline.core.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Concept:
    name: str
    event: str
    label: str
    lemmas: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=4)
def load_concepts(extra: tuple[str, ...] = ()) -> dict[str, Concept]:
    """The shipped concepts plus those of the user's files (later files override earlier ones)."""
    texts = [(resources.files("dateline.core") / "data" / "concepts.yaml").read_text(encoding="utf-8")]
    for path in extra:
        try:
            texts.append(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read concepts file: {exc}") from exc
    out: dict[str, Concept] = {}
    for text in texts:
        data = yaml.safe_load(text) or {}
        if not isinstance(data, dict):
            raise ConfigError("a concepts file must map concept names to {event, label, lemmas, phrases}")
        for name, spec in data.items():
            if not isinstance(spec, dict):
                raise ConfigError(f"concept {name!r}: expected a mapping")
            out[str(name)] = Concept(
                name=str(name),
                event=str(spec.get("event", "OTHER")).upper(),
                label=str(spec.get("label", name)),
                lemmas=frozenset(str(w).lower() for w in spec.get("lemmas") or ()),
                phrases=tuple(tuple(str(p).lower().split()) for p in spec.get("phrases") or ()),
            )
    return out


def concepts_of_lemma(lemma: str, concepts: dict[str, Concept] | None = None) -> tuple[str, ...]:
    """The concepts a single word names (used to give an event trigger its concept)."""
    concepts = concepts if concepts is not None else load_concepts()
    return tuple(name for name, c in concepts.items() if lemma.lower() in c.lemmas)
