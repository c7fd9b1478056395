"""The cue lexicon (cues.yaml): which words attribute, and which complement carries what they attribute."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class Cues:
    verbs: frozenset[str]
    needs_clause: frozenset[str]
    object_content: frozenset[str]
    infinitive: frozenset[str]
    prepositions: dict[str, frozenset[str]]
    phrases: tuple[str, ...]
    not_sources: frozenset[str]
    not_cues: frozenset[str]
    nouns: dict[str, frozenset[str]]
    agent_nouns: dict[str, frozenset[str]]
    adjectives: dict[str, frozenset[str]]
    viewpoint_nouns: frozenset[str]
    hedges: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = yaml.safe_load((resources.files("dateline.annotate.quotes") / "cues.yaml").read_text(encoding="utf-8"))

    def groups(name: str) -> dict[str, frozenset[str]]:
        return {k: frozenset(v) for k, v in data[name].items()}

    return Cues(frozenset(data["verbs"]), frozenset(data["needs_clause"]), frozenset(data["object_content"]),
                 frozenset(data["infinitive"]), {k: frozenset(v) for k, v in data["prepositions"].items()},
                 tuple(data["phrases"]), frozenset(data["not_sources"]), frozenset(data["not_cues"]),
                 groups("nouns"), groups("agent_nouns"), groups("adjectives"),
                 frozenset(data["viewpoint_nouns"]), frozenset(data["hedges"]))  # fmt: skip
