"""Years, ranges of years, decades and centuries: "1991", "1992-94", "the 1980s", "the '80s",
"the nineties", "nineteen ninety-six", "the 19th century"."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateline.annotate.time.context import Context, Norm, Reject, point_mod
from dateline.annotate.time.grammar import parts, rule
from dateline.annotate.time.lexicon import lexicon
from dateline.annotate.time.tense import token_at
from dateline.core.lexicon import english

# A line-heading stamp of a live blog: four digits, then a capitalised word.
_LINE_STAMP = re.compile(r"^[ \t]*(\d{4})[ \t]+(?=[A-Z])", re.M)
# A count and a year are both numbers before a plural noun ("killing 1400 civilians", "the 2001
# attacks"); a number this many years or more from the publication date is taken for a count there.
COUNT_YEARS_AWAY = 50
_WORD_BEFORE = re.compile(r"([\w.'’]+)\s+$")
_WORD_AFTER = re.compile(r"\s+([a-z]{3,})\b")
_YEAR_AND_BEFORE = re.compile(r"\d{4}\s+(?:and|or)\s+$", re.I)  # "the 1861 and 1871 censuses"


@lru_cache(maxsize=1)
def _count_after() -> re.Pattern[str]:
    return re.compile(rf"\s+({parts().count_noun})\b", re.I)


def clock_stamps(text: str) -> frozenset[int]:
    """Where a live blog stamps its posts: four digits heading a line before a capitalised word
    ("1733 Rescue teams reach the port", "1405 The ministry has not confirmed"). They are taken for clock
    times only when there are three or more, every one a valid 24-hour time, and one is before 19:00,
    which no year of a chronology of recent years ("2003 US forces invade") is, while a chronology of
    older ones names some year whose last two digits are no minutes (1988, 1991)."""
    heads = [(m.start(1), m.group(1)) for m in _LINE_STAMP.finditer(text)]
    if len(heads) < 3 or not all(int(h[:2]) < 24 and int(h[2:]) < 60 for _, h in heads):
        return frozenset()
    if not any(h < "1900" for _, h in heads):
        return frozenset()
    return frozenset(start for start, _ in heads)


@rule("year", lambda p: (
    r"(?<![\w$€£.,/-])(?:(?P<pmod>early|mid-?|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)[\s-]+)?"
    rf"(?:fiscal\s+)?(?P<year>{p.year4})(?![\d%]|,\d|\.\d|\s*(?:-|–)\s*\d)"
), priority=4)
def year(m: re.Match[str], ctx: Context) -> Norm:
    g = m.groupdict()
    number = int(g["year"])
    if not 1000 <= number <= 2099:
        raise Reject
    if not g.get("pmod"):
        if _count_after().match(ctx.text, m.end()):
            raise Reject  # "2000 troops": a count, not a year
        before = _WORD_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
        if before is not None and m.start("year") == m.start():  # not "fiscal 1990"
            if before.group(1).lower().rstrip(".") in lexicon().numbered_nouns:
                raise Reject  # "Resolution 1973", "Flight 1549": a number of a series
            if _counts_a_plural(ctx, m, number, before.group(1)):
                raise Reject  # "killing 1400 civilians": a count
        if ctx.stamps is None:
            ctx.stamps = clock_stamps(ctx.text)
        if m.start("year") in ctx.stamps:
            raise Reject  # a live blog's "1733 Rescue teams reach the port" is 17:33, no year
    return Norm("DATE", f"{number:04d}", point_mod(g.get("pmod")), ref=dt.date(number, 1, 1), ref_gran="year")


def _counts_a_plural(ctx: Context, m: re.Match[str], number: int, word_before: str) -> bool:
    """A number far from the publication date right before a plural noun, and not after a determiner,
    a possessive or a temporal preposition ("the 1948 borders", "in 1900 prices"), is a count."""
    if ctx.dct is None or abs(number - ctx.dct.year) < COUNT_YEARS_AWAY:
        return False
    lx = lexicon()
    if word_before.lower() in lx.year_before or word_before.lower().endswith(("'s", "’s")):
        return False
    if _YEAR_AND_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return False
    after = _WORD_AFTER.match(ctx.text, m.end())
    if after is None:
        return False
    if ctx.doc is not None:
        token = token_at(ctx, ctx.doc, after.start(1))
        return token is not None and token.idx == after.start(1) and token.tag_ == "NNS"
    word = after.group(1)
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in lx.not_plurals


@rule("year_range", lambda p: rf"{p.start}(?P<year>{p.year4})\s*(?:-|–|—|/)\s*(?P<year2>{p.year4}|\d{{2}})(?![\d%])", priority=1)
def year_range(m: re.Match[str], ctx: Context) -> Norm:
    first, second = m.group("year"), m.group("year2")
    end = int(first[:2] + second) if len(second) == 2 else int(second)
    if end <= int(first) or end - int(first) > 100:
        raise Reject
    return Norm("DATE", first, range_end=f"{end:04d}", ref=dt.date(int(first), 1, 1), ref_gran="year")


@rule("decade", lambda p: (
    rf"{p.start}(?:the\s+)?(?:(?P<pmod>early|mid-?|late)[\s-]+)?(?:(?P<decade>(?:1[0-9]|20)[0-9]0)|'(?P<short>[0-9]0))'?s{p.end}"
), priority=1)
def decade(m: re.Match[str], ctx: Context) -> Norm:
    g = m.groupdict()
    if g.get("decade"):
        value = g["decade"][:3]
    else:
        short = g["short"]
        # "the '80s" is the nearest such decade that has begun, or begins within ten years.
        if ctx.dct is None:
            century = 19
        else:
            century = ctx.dct.year // 100 - (1 if int(short) > ctx.dct.year % 100 + 10 else 0)
        value = f"{century:02d}{short[0]}"
    return Norm("DATE", value, point_mod(g.get("pmod")))


def spelled_year(text: str) -> int:
    """"nineteen ninety-six" → 1996, "two thousand and one" → 2001; digits as they are."""
    if text.isdigit():
        return int(text)
    numbers = english().numbers
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w not in ("and", "hundred")]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(numbers.get(w, 0) for w in words[2:])
    century = numbers[words[0]]
    return century * 100 + sum(numbers.get(w, 0) for w in words[1:] if w != "o")


@rule("year_words", lambda p: rf"{p.start}(?:the\s+year\s+)?(?P<words>{p.spelled_year}){p.end}", priority=2)
def year_words(m: re.Match[str], ctx: Context) -> Norm:
    if re.match(r"[\s-]+(?:years?|people|dollars|men|troops)\b", ctx.text[m.end() :], re.I):
        raise Reject  # "two thousand years": a count
    number = spelled_year(m.group("words"))
    return Norm("DATE", f"{number:04d}", ref=dt.date(number, 1, 1), ref_gran="year")


@rule("century", lambda p: rf"{p.start}(?:the\s+)?(?P<n>\d{{1,2}})(?:st|nd|rd|th)[\s-]+century{p.end}", priority=1)
def century(m: re.Match[str], ctx: Context) -> Norm:
    number = int(m.group("n"))
    if not 1 <= number <= 99:
        raise Reject
    return Norm("DATE", f"{number - 1:02d}")


def _decade_words() -> str:
    """"twenties" … "nineties"."""
    return "|".join(word[:-1] + "ies" for word in lexicon().tens_words())


@rule("decade_words", lambda p: rf"{p.start}the\s+(?:(?P<pmod>early|mid|late)[\s-]+)?(?P<word>{_decade_words()}){p.end}", priority=2)
def decade_words(m: re.Match[str], ctx: Context) -> Norm:
    """"the nineties": of the 1900s, unless the DCT is before that decade of them."""
    tens = english().numbers[m.group("word").lower().replace("ies", "y")] // 10
    century_digits = "19" if ctx.dct is None or ctx.dct.year >= 1900 + tens * 10 else "18"
    return Norm("DATE", f"{century_digits}{tens}", point_mod(m.group("pmod")))
