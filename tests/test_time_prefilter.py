"""The grammar scan's shortcuts (dateline.annotate.time.prefilter) never lose or change a match."""

from __future__ import annotations

import random
import re

import pytest

from dateline.annotate.time.grammar import Rule, rules
from dateline.annotate.time.lexicon import lexicon
from dateline.annotate.time.prefilter import Presence, first_char_lookahead, prefilter
from dateline.annotate.time.scanner import candidates

_GLUE = (" ", " ", " ", " ", " ", " ", ", ", "-", ". ", "'s ", "\n", " , ", " – ", "s ", "’ ")
_WORDS = (
    "the", "a", "an", "of", "in", "on", "for", "over", "within", "through", "is", "it's", "and", "or",
    "last", "next", "this", "that", "same", "past", "coming", "previous", "following", "early", "late",
    "mid", "mid-", "earlier", "later", "ago", "before", "after", "end", "beginning", "middle", "start",
    "year", "year's", "quarter", "quarters", "period", "half", "century", "decade", "fiscal", "calendar",
    "every", "each", "per", "full", "corresponding", "comparable", "straight", "consecutive", "ahead",
    "to come", "while", "or so", "turn", "week", "weekend", "people", "troops", "GMT", "hrs", "local time",
    "1990", "1990s", "'90s", "2010", "20", "5", "12", "3rd", "21st", "10:30", "7.15", "p.m.", "am",
    "2010-05-04", "5/4/2010", "1989-90", "2,000", "$5", "100%", "nineteen ninety-seven", "two thousand one",
    "twenty-one", "eighties", "said", "police", "market", "day", "days", "hours", "years", "-long",
    "Monday, March 5", "March 5, 2010", "5 March 2010", "the week of", "the day", "is the", "day of",
    "a year", "in the", "the same", "the latest", "this morning", "yesterday", "noon", "around",
)  # fmt: skip
# Invented phrases the rules are written for; the texts are these, cut, recased and recombined.
_PHRASES = (
    "in March this year", "the 21st century", "the late eighties", "at the end of the month",
    "the 1990 third quarter", "the year-ago period", "the corresponding period last year",
    "the first half of 2010", "it is the third straight day of talks", "the day before yesterday",
    "on Mondays and Tuesdays", "Tuesday and Friday nights", "the week of March 5, 2010",
    "over the past weekend", "early in the week", "three days ago", "two weeks later",
    "the following morning", "a decade-long fight", "over the years", "in the months ahead",
    "for a while", "within days", "the coming weeks", "the fiscal year", "that same day",
    "every two weeks", "each Monday", "at 10:30 p.m. EST on Friday", "noon Tuesday", "late morning",
    "last night", "this past summer", "winter of 1990", "Christmas week", "year-end", "a year earlier",
    "the third and fourth quarters", "several months", "the latest quarter", "mid-1990", "the 1980s",
    "nineteen ninety-seven", "1989-90", "May 5, 2000 people", "19 January, 1130 GMT", "at present",
    "the same period",
)  # fmt: skip
# Characters that ``re`` matches with an ASCII letter ignoring case although ``str.lower`` keeps them.
_ODD = {"s": "ſ", "i": "ı", "k": "\u212a", "I": "İ"}


def _vocabulary() -> list[list[str]]:
    """Words by lexicon slot, so that a slot of a hundred numbers is not drawn a hundred times as often."""
    lx = lexicon()
    slots = (lx.months, lx.weekdays, lx.numbers, lx.vague_numbers, lx.ordinals, lx.units, lx.seasons,
             lx.parts_of_day, lx.quantity_mods, lx.references, lx.sets, lx.holidays)  # fmt: skip
    return [list(_WORDS)] * len(slots) + [sorted(map(str, slot)) for slot in slots]


def _invented(rng: random.Random, vocabulary: list[list[str]]) -> str:
    out = []
    for _ in range(rng.randint(1, 7)):
        if rng.random() < 0.3:
            phrase = rng.choice(_PHRASES).split(" ")
            cut = rng.randrange(len(phrase) + 1)  # often whole, sometimes without a word
            word = " ".join(phrase[:cut] + phrase[cut + 1 :] if rng.random() < 0.3 else phrase)
        else:
            word = rng.choice(rng.choice(vocabulary))
        word = rng.choice((word, word.title(), word.upper()))
        if rng.random() < 0.05:
            word = "".join(_ODD.get(c, c) if rng.random() < 0.5 else c for c in word)
        out.append(word + rng.choice(_GLUE))
    return "".join(out)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), m.groups()) for m in pattern.finditer(text)]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    rng = random.Random(20261123)
    vocabulary = _vocabulary()
    return [_invented(rng, vocabulary) for _ in range(4000)]


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.name)
def test_shortcuts_are_implied_by_the_pattern(rule: Rule, texts: list[str]) -> None:
    pre = prefilter(rule.pattern)
    matched = 0
    for text in texts:
        found = _matches(rule.pattern, text)
        # The required strings are there whenever the rule matches ...
        if found:
            matched += 1
            assert Presence(text).meets(pre.clauses), (rule.name, text)
        # ... and the look-ahead finds the same matches, groups and all.
        assert _matches(pre.scan, text) == found, (rule.name, text)
    assert matched, f"no invented text exercises {rule.name}"


def test_rules_that_cannot_match_are_skipped() -> None:
    # Not a check of speed: that the filter knows "quarter" is required where the rule needs it.
    quarter = next(pre for rule, pre in ((r, prefilter(r.pattern)) for r in rules()) if rule.name == "quarter")
    assert not Presence("Talks resumed on Monday.").meets(quarter.clauses)
    assert Presence("in the third quarter").meets(quarter.clauses)


def test_odd_case_letters_still_match() -> None:
    # "ſ" (long s) matches "s" ignoring case, but "ſeptember".lower() does not contain "september".
    found = {(c[2].name, c[3].group()) for c in candidates("On ſeptember 5 the ſummer ended, ſeveral days ago.")}
    assert ("md", "ſeptember 5") in found
    assert ("ago", "ſeveral days ago") in found


@pytest.mark.parametrize(
    ("pattern", "flags", "text"),
    [
        (r"x(?i:ab)c", 0, "xABc xabc XABC"),  # case-sensitive outside, either case inside
        (r"(?<!\w)ab|cd(?=e)", re.I, "AB cde cdx xab"),  # a top-level alternation stays whole
        (r"(?P<n>\d+)(?:st|nd)?|z", re.I, "21st 2 z Z 3nd"),  # groups keep their numbers
        (r"a?", 0, "aa b"),  # can match empty: left as it is
    ],
)
def test_look_ahead_keeps_matches(pattern: str, flags: int, text: str) -> None:
    original = re.compile(pattern, flags)
    assert _matches(first_char_lookahead(original), text) == _matches(original, text)


def test_look_ahead_left_out_where_a_match_can_be_empty() -> None:
    assert first_char_lookahead(re.compile("a?")).pattern == "a?"
