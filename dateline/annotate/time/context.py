"""What a normaliser sees (the document's :class:`Context`) and returns (a :class:`Norm`), and the
readers of the words a match holds (numbers, months, units, modifiers)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dateline.annotate.time.lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(slots=True)
class Context:
    """One document as the scan goes through it: the text, its DCT and parse, and what the
    expressions found so far have established."""

    text: str
    dct: dt.date | None
    doc: Doc | None
    ref: dt.date | None = None  # the reference time the text has moved to
    ref_gran: str = "day"
    sentences: list[tuple[int, int]] = field(default_factory=list)
    last_quarter: tuple[int, str] | None = None  # (position, "1989-Q3") of the latest quarter mentioned
    last_reported: tuple[int, str] | None = None  # the same, of the latest one that has ended by the DCT
    token_ends: Any = None  # the character offset each token of ``doc`` ends at, once a tense needs it
    stamps: frozenset[int] | None = None  # offsets of a live blog's line-heading clock stamps, once asked

    def sentence(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding ``pos``."""
        for start, end in self.sentences:
            if start <= pos < end:
                return start, end
        return 0, len(self.text)


@dataclass(frozen=True, slots=True)
class Norm:
    """A normalised expression: TIMEX3 type, value and modifier, and what it tells the scan."""

    type: str
    value: str
    mod: str = ""
    unresolved: bool = False
    range_end: str | None = None
    anchor: str = "none"
    ref: dt.date | None = None  # a date this expression establishes for later "two days later"
    ref_gran: str = "day"
    # A date anchored to the DCT that the text moves to all the same ("on May 3", "in June", "on
    # Friday"), unlike a holiday or "last week": later "the next day" counts from it.
    moves_ref: bool = False
    quarter: bool = False  # a quarter named, that "a year earlier" may compare with


class Reject(Exception):
    """This match is not a temporal expression after all."""


def int_word(token: str | None) -> float | None:
    """The number a quantity word or figure stands for; ``None`` for a vague one ("several")."""
    if token is None:
        return None
    token = token.lower().strip()
    token = re.sub(r"\s+", " ", token)
    lx = lexicon()
    if token in lx.numbers:
        return float(lx.numbers[token])
    if token in lx.vague_numbers:
        return None
    m = re.fullmatch(r"(\d+)\s+1/2", token)
    if m:
        return int(m.group(1)) + 0.5
    m = re.fullmatch(r"(\d+)-(\d+)", token)
    if m:
        return float(m.group(1))  # "two-three" ranges: the lower bound, mod says the rest
    m = re.fullmatch(r"(\w+)[ -](\w+)", token)
    if m and m.group(1) in lx.tens_words():
        return float(lx.numbers[m.group(1)] + lx.numbers.get(m.group(2), 0))
    try:
        return float(token)
    except ValueError:
        return None


def month_number(token: str) -> int:
    return lexicon().months[token.lower().rstrip(".")]


def day_number(token: str) -> int:
    return int(re.sub(r"\D", "", token))


def weekday_number(token: str) -> int:
    return lexicon().weekdays[token.lower()]


def unit_of(token: str) -> tuple[str, bool, str]:
    """(duration letter, is time unit, canonical unit name) of a unit word."""
    word = token.lower()
    units = lexicon().units
    if word not in units:
        word = word[:-1] if word.endswith("s") and word[:-1] in units else word
    if word not in units and word == "centuries":
        word = "century"
    letter, time_unit = units[word]
    return letter, time_unit, word


def point_mod(token: str | None) -> str:
    """The TIMEX3 mod of a point's modifier ("early" → START)."""
    if not token:
        return ""
    key = re.sub(r"\s+", " ", token.lower()).rstrip("-")
    mods = lexicon().point_mods
    return mods.get(key, mods.get(key + "-", ""))


def quantity_mod(token: str | None) -> str:
    """The TIMEX3 mod of a quantity's modifier ("about" → APPROX)."""
    if not token:
        return ""
    return lexicon().quantity_mods.get(re.sub(r"\s+", " ", token.lower()), "")


def capitalised(token: str) -> bool:
    return token[:1].isupper()


def words_of(token: str) -> str:
    """``token`` lowercased, its whitespace runs as single spaces."""
    return re.sub(r"\s+", " ", token.lower())
