"""The tagger's lexicon: its own lists (``lexicon.yaml``) with the general English it shares
(months, weekdays, number words, reporting verbs, modals from :func:`dateline.core.lexicon.english`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from dateline.core.lexicon import english


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    numbers: dict[str, int]  # the cardinal number words and the quantity phrases ("a couple of")
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, tuple[str, bool]]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    quantity_mods: dict[str, str]
    point_mods: dict[str, str]
    references: dict[str, str]
    future_markers: tuple[str, ...]
    future_signals: tuple[str, ...]
    past_signals: tuple[str, ...]
    sets: dict[str, str]
    holidays: dict[str, Any]
    month_prepositions: tuple[str, ...]
    count_nouns: tuple[str, ...]
    numbered_nouns: frozenset[str]
    group_nouns: tuple[str, ...]
    year_before: frozenset[str]
    not_plurals: frozenset[str]
    clock_zones: tuple[str, ...]
    clock_words: tuple[str, ...]
    past_cues: tuple[str, ...]
    reporting_verbs: frozenset[str]  # every written form of the reporting verbs
    deadline_verbs: frozenset[str]
    unplanned_event_nouns: tuple[str, ...]
    plural_after_date: frozenset[str]
    generic_after_today: tuple[str, ...]
    after_a_second: tuple[str, ...]
    signals: tuple[str, ...]
    modals: tuple[str, ...]

    def number_words(self, low: int, high: int) -> list[str]:
        """The cardinal number words from ``low`` to ``high`` ("two" … "ten"), no quantity phrases."""
        return [word for word, value in english().numbers.items() if low <= value <= high]

    def tens_words(self) -> list[str]:
        """"twenty" … "ninety"."""
        return [word for word, value in english().numbers.items() if 20 <= value <= 90 and value % 10 == 0]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw: dict[str, Any] = yaml.safe_load(
        (resources.files("dateline.annotate.time") / "lexicon.yaml").read_text(encoding="utf-8")
    )
    general = english()

    def words(key: str) -> tuple[str, ...]:
        return tuple(str(w) for w in raw[key])

    def codes(key: str) -> dict[str, str]:
        return {str(k): str(v) for k, v in raw[key].items()}

    return Lexicon(
        months=dict(general.months),
        ambiguous_months=frozenset(words("ambiguous_months")),
        weekdays=dict(general.weekdays),
        numbers={**general.numbers, **{str(k): int(v) for k, v in raw["quantity_words"].items()}},
        vague_numbers=words("vague_numbers"),
        ordinals={str(k): int(v) for k, v in raw["ordinals"].items()},
        units={str(k): (str(v[0]), bool(v[1])) for k, v in raw["units"].items()},
        seasons=codes("seasons"),
        parts_of_day=codes("parts_of_day"),
        quantity_mods=codes("quantity_mods"),
        point_mods=codes("point_mods"),
        references=codes("references"),
        future_markers=words("future_markers"),
        future_signals=words("future_signals"),
        past_signals=words("past_signals"),
        sets=codes("sets"),
        holidays={str(k): v for k, v in raw["holidays"].items()},
        month_prepositions=words("month_prepositions"),
        count_nouns=words("count_nouns"),
        numbered_nouns=frozenset(words("numbered_nouns")),
        group_nouns=words("group_nouns"),
        year_before=frozenset(words("year_before")),
        not_plurals=frozenset(words("not_plurals")),
        clock_zones=words("clock_zones"),
        clock_words=words("clock_words"),
        past_cues=words("past_cues"),
        reporting_verbs=general.reporting_forms(),
        deadline_verbs=frozenset(words("deadline_verbs")),
        unplanned_event_nouns=words("unplanned_event_nouns"),
        plural_after_date=frozenset(words("plural_after_date")),
        generic_after_today=words("generic_after_today"),
        after_a_second=words("after_a_second"),
        signals=words("signals"),
        modals=general.modals,
    )


def alternation(words: Iterable[str], *, dot: bool = False) -> str:
    """Longest-first alternation of ``words`` (spaces match any whitespace)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return f"(?:{body})" + (r"\.?" if dot else "")
