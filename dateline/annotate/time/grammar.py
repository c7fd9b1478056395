"""The grammar: rules that find temporal expressions, each registered with its normaliser.

A rule is a name, a regular expression built from the lexicon and a priority. It is declared once,
by the ``@rule`` decorator on the function that normalises its matches, in the module that
normalises that kind of expression (calendar dates, years, parts of the year, relative expressions,
clock times, durations and sets, holidays, references). The scanner collects every match of every
rule, keeps the longest non-overlapping ones and hands each to its rule's normaliser.

The patterns share the sub-patterns of :class:`Parts` (a month, a day, a year, a number …).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from dateline.annotate.time.context import Context, Norm
from dateline.annotate.time.lexicon import alternation, lexicon
from dateline.core.lexicon import english
from dateline.core.registry import Registry

Normaliser = Callable[[re.Match[str], Context], Norm]


@dataclass(frozen=True, slots=True)
class Parts:
    """Sub-patterns the rules share, built from the lexicon."""

    month: str  # "January", "Jan.", "Sept"
    weekday: str
    day: str  # 1-31, with an ordinal suffix or not
    year4: str  # 1000-2099
    spelled_year: str  # "nineteen ninety-seven", "two thousand and one"
    any_year: str  # in digits or spelt out
    number: str  # "three", "twenty-five", "12", "2.5", "3 1/2", "2-3", "a couple of"
    units: str
    quantity_mods: str  # "about", "more than" (before a quantity)
    point_mods: str  # "early", "the end of" (before a point)
    vague: str  # "several", "a few"
    season: str
    part_of_day: str  # morning, afternoon, evening, night
    ordinal: str
    references: str
    sets: str
    holidays: str
    start: str  # a word start that is not inside a number or an amount
    end: str  # a word end
    spaced_comma: str  # the comma before a month-day's year, kept apart by tokenisation or not
    not_count: str  # not before a count's noun ("5, 2000 people") nor a clock's zone ("1130 GMT")
    count_noun: str  # "people", "troops": a number before one is a count


@lru_cache(maxsize=1)
def parts() -> Parts:
    lx = lexicon()
    short = list(english().short_months())
    full = [name for name in lx.months if name not in short]
    units_1_9 = alternation(lx.number_words(1, 9))
    tens = alternation(lx.tens_words())
    compound_number = rf"(?:{tens}[\s-]{units_1_9}(?!\w))"
    number = r"(?:" + alternation(list(lx.numbers)) + r"|\d+(?:\.\d+)?(?:\s+1/2)?|\d+-\d+)"
    teens = alternation(lx.number_words(10, 19))
    spelled_year = (
        rf"(?:nineteen|twenty)[\s-]+(?:hundred(?:\s+and)?[\s-]+)?(?:{teens}|{tens}(?:[\s-]+{units_1_9})?|o[\s-]+{units_1_9})"
        rf"|two\s+thousand(?:[\s-]+and)?(?:[\s-]+{alternation(lx.number_words(1, 10))})?"
    )
    year4 = r"(?:1[0-9]{3}|20[0-9]{2})"
    count_noun = alternation(lx.count_nouns)
    clock = rf"(?-i:{alternation(lx.clock_zones)})|{alternation(lx.clock_words)}"
    return Parts(
        month=f"(?:{alternation(full)}(?!\\.\\w)|{alternation(short, dot=True)})",
        weekday=alternation(list(lx.weekdays)),
        day=r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?",
        year4=year4,
        spelled_year=spelled_year,
        any_year=f"(?:{year4}|{spelled_year})",
        number=f"(?:{compound_number}|{number})",
        units=alternation(list(lx.units)),
        quantity_mods=alternation(list(lx.quantity_mods)),
        point_mods=alternation(list(lx.point_mods)),
        vague=alternation(list(lx.vague_numbers)),
        season=alternation(list(lx.seasons)),
        part_of_day=r"(?:morning|afternoon|evening|night)",
        ordinal=alternation(list(lx.ordinals)),
        references=alternation(list(lx.references)),
        sets=alternation(list(lx.sets)),
        holidays=alternation(list(lx.holidays)).replace("'", "['’]?"),
        start=r"(?<![\w$€£])",
        end=r"(?![\w])",
        spaced_comma=r"(?:\s*,)?\s+",
        not_count=rf"(?!\s+(?:{count_noun}|{clock})\b)",
        count_noun=count_noun,
    )


@dataclass(frozen=True, slots=True)
class RuleSpec:
    name: str
    pattern: Callable[[Parts], str]
    priority: int  # lower wins between equally long matches
    normalise: Normaliser


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    priority: int
    normalise: Normaliser


RULES: Registry[RuleSpec] = Registry("time rule")


def rule(name: str, pattern: Callable[[Parts], str], *, priority: int) -> Callable[[Normaliser], Normaliser]:
    """Register the decorated normaliser for the matches of ``pattern`` (case-insensitive), as ``name``."""

    def register(normalise: Normaliser) -> Normaliser:
        RULES.add(name, RuleSpec(name, pattern, priority, normalise))
        return normalise

    return register


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """Every registered rule, compiled, in registration order (importing the package registers them)."""
    grammar = parts()
    return tuple(
        Rule(spec.name, re.compile(spec.pattern(grammar), re.IGNORECASE), spec.priority, spec.normalise)
        for spec in (RULES[name] for name in RULES)
    )
