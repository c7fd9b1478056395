"""General English shared by every stage (``data/english.yaml``), typed, loaded once per process."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class English:
    months: Mapping[str, int]  # "january", "jan", "sept" → 1..12
    weekdays: Mapping[str, int]  # "monday" → 1 .. "sunday" → 7 (ISO)
    numbers: Mapping[str, int]  # "one" → 1 .. "hundred" → 100
    speech_verbs: Mapping[str, tuple[str, ...]]  # lemma → written forms: neutral reporting verbs
    stance_verbs: Mapping[str, tuple[str, ...]]  # lemma → written forms: reporting that is an act
    abbreviations: tuple[str, ...]  # "Mr", "vs": a full stop after them ends no sentence (as written)
    modals: tuple[str, ...]  # "will", "could", ...
    first_person: tuple[str, ...]  # "I", "we", "our": the writer's own voice outside a quotation
    openers: tuple[str, ...]  # "On", "After": open a sentence or a time phrase, never a title
    envoys: frozenset[str]  # "ambassador", "envoy": an office held abroad, for the state that sends it

    def short_months(self) -> tuple[str, ...]:
        """The abbreviated month names, often written with a full stop ("jan", "sept"); not "may",
        "june" or "july", which are whole names."""
        return tuple(name for name in self.months if len(name) <= 4 and name not in ("may", "june", "july"))

    def speech_forms(self) -> frozenset[str]:
        """Every written form of the neutral reporting verbs ("said", "tells", ...)."""
        return frozenset(f for forms in self.speech_verbs.values() for f in forms)

    def reporting_forms(self) -> frozenset[str]:
        """Every written form of the reporting verbs, neutral and stance."""
        return self.speech_forms() | frozenset(f for forms in self.stance_verbs.values() for f in forms)


@lru_cache(maxsize=1)
def english() -> English:
    raw = yaml.safe_load((resources.files("dateline.core") / "data" / "english.yaml").read_text(encoding="utf-8"))

    def verbs(key: str) -> dict[str, tuple[str, ...]]:
        return {str(lemma): tuple(str(f) for f in forms) for lemma, forms in raw[key].items()}

    return English(
        months={str(k): int(v) for k, v in raw["months"].items()},
        weekdays={str(k): int(v) for k, v in raw["weekdays"].items()},
        numbers={str(k): int(v) for k, v in raw["numbers"].items()},
        speech_verbs=verbs("speech_verbs"),
        stance_verbs=verbs("stance_verbs"),
        abbreviations=tuple(str(a) for a in raw["abbreviations"]),
        modals=tuple(str(m) for m in raw["modals"]),
        first_person=tuple(str(w) for w in raw["first_person"]),
        openers=tuple(str(w) for w in raw["openers"]),
        envoys=frozenset(str(w) for w in raw["envoys"]),
    )
