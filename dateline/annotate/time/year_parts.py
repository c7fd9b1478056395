"""Parts of a year: quarters ("the third quarter", "the year-ago quarter"), halves and seasons.

An earnings report compares a quarter with the same quarter a year before: the scan remembers the
last quarter named (``Context.last_quarter``, ``last_reported``) so that "a year earlier" and "the
year-ago period" find it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from dateline.annotate.time import values
from dateline.annotate.time.context import (
    Context,
    Norm,
    Reject,
    day_number,
    month_number,
    point_mod,
    words_of,
)
from dateline.annotate.time.grammar import rule
from dateline.annotate.time.lexicon import alternation, lexicon
from dateline.annotate.time.tense import closest_year, tense
from dateline.annotate.time.years import spelled_year

QUARTER_MEMORY_CHARS = 1500
ENDED = re.compile(r"\s+end(?:ed|ing)\b", re.I)


def year_ago_quarter(ctx: Context, pos: int, year: int | None = None) -> str | None:
    """The quarter an earnings report compares with: the one just mentioned, a year back (or in ``year``)."""
    # A quarter already over is the one results are given for; a forecast's quarter only if there is none.
    recent = [q for q in (ctx.last_reported, ctx.last_quarter) if q is not None and pos - q[0] < QUARTER_MEMORY_CHARS]
    if not recent:
        return None
    year_text, quarter = recent[0][1].split("-")
    if not year_text.isdigit():
        return None
    return f"{year if year is not None else int(year_text) - 1:04d}-{quarter}"


def reported_quarter(value: str, dct: dt.date | None) -> bool:
    """A quarter that results can be reported for: one that has ended by the DCT, not a forecast's."""
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m is None:
        return False
    if dct is None:
        return True
    return (int(m.group(1)), int(m.group(2))) < (dct.year, values.quarter_of(dct))


# A determiner belongs to "the third quarter" but not to the adjective in "a third-quarter loss".
@rule("quarter", lambda p: (
    rf"{p.start}(?:(?P<det>the|this\s+year's|last\s+year's|next\s+year's|a)\s+(?!(?:(?:fiscal|calendar)\s+)?{p.ordinal}-))?"
    rf"(?:(?:fiscal|calendar)\s+)?(?P<ord>{p.ordinal})[\s-]+(?:fiscal\s+)?quarter"
    rf"(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?P<year>{p.year4})|\s+(?P<year2>{p.year4}))?{p.end}"
), priority=1)
def quarter(m: re.Match[str], ctx: Context) -> Norm:
    g = m.groupdict()
    number = lexicon().ordinals[g["ord"].lower()]
    year_token = g.get("year") or g.get("year2")
    det = (g.get("det") or "").lower()
    if year_token:
        return Norm("DATE", f"{int(year_token):04d}-Q{number}", quarter=True)
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-Q{number}", unresolved=True, quarter=True)
    year = ctx.dct.year + (-1 if det.startswith("last") else 1 if det.startswith("next") else 0)
    if not det.startswith(("last", "next", "this")) and number > values.quarter_of(ctx.dct) and tense(ctx, m.start(), m.end()) < 0:
        year -= 1
    return Norm("DATE", f"{year:04d}-Q{number}", anchor="dct", quarter=True)


# Quarters in the plural recur: "conducted in the second and fourth quarters".
# Not "the third and fourth quarters of 1989", "this year's third and fourth quarters".
@rule("quarter_set", lambda p: (
    rf"{p.start}(?<!'s\s)(?P<ord>{p.ordinal})(?:[\s-]+quarters{p.end}(?!\s+of\b)|(?=\s+and\s+{p.ordinal}[\s-]+quarters{p.end}(?!\s+of\b)))"
), priority=1)
def quarter_set(m: re.Match[str], ctx: Context) -> Norm:
    return Norm("SET", f"XXXX-Q{lexicon().ordinals[m.group('ord').lower()]}")


@rule("quarter_year", lambda p: (
    rf"{p.start}the\s+(?:(?P<year>{p.year4})|(?P<ago>(?:comparable\s+|same\s+)?year[\s-](?:ago|earlier)))\s+"
    rf"(?:(?P<ord>{p.ordinal})[\s-]+)?(?:fiscal\s+)?(?P<what>quarter|period){p.end}"
), priority=1)
# The period an earnings report compares with: "the corresponding period last year", "last year's quarter".
@rule("quarter_ago", lambda p: (
    rf"{p.start}(?:the\s+(?:corresponding|comparable|same)\s+(?:period|quarter)\s+(?:of\s+)?(?P<ago>last\s+year|a\s+year\s+(?:ago|earlier))"
    rf"|(?P<ago2>last\s+year's)\s+(?:quarter|period)){p.end}"
), priority=1)
def quarter_year(m: re.Match[str], ctx: Context) -> Norm:
    """"the 1988 second quarter", "the 1988 period", "the year-ago quarter"."""
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    if g.get("ord"):
        number = lexicon().ordinals[g["ord"].lower()]
        if year is None:
            if ctx.dct is None:
                return Norm("DATE", f"XXXX-Q{number}", unresolved=True)
            year = ctx.dct.year - 1
        return Norm("DATE", f"{year:04d}-Q{number}")
    value = year_ago_quarter(ctx, m.start(), year)
    if value is not None:
        return Norm("DATE", value, anchor="dct")
    if year is not None:
        return Norm("DATE", f"{year:04d}")
    if ctx.dct is None:
        return Norm("DATE", "XXXX", unresolved=True)
    return Norm("DATE", f"{ctx.dct.year - 1:04d}", anchor="dct")


@lru_cache(maxsize=1)
def _ended_on() -> re.Pattern[str]:
    months = alternation(list(lexicon().months), dot=True)
    return re.compile(rf"\s+end(?:ed|ing)\s+({months})\s+(\d{{1,2}})\b(?!,?\s*\d{{4}})", re.I)


@rule("quarter_rel", lambda p: (
    rf"{p.start}(?P<rel>the\s+latest|the\s+last|the\s+past|the\s+previous|the\s+current|the\s+same|the\s+latest\s+fiscal|this|last|next"
    rf"|the\s+fiscal|the\s+recent|the)\s+quarter(?P<ago>\s+a\s+year\s+(?:ago|earlier))?{p.end}"
), priority=2)
def quarter_rel(m: re.Match[str], ctx: Context) -> Norm:
    """"the latest quarter", "next quarter", "the quarter ended July 31"."""
    return replace(_relative_quarter(m, ctx), quarter=True)


@rule("period_rel", lambda p: rf"{p.start}(?P<rel>the\s+latest|the\s+last|the\s+same)\s+period{p.end}", priority=2)
def period_rel(m: re.Match[str], ctx: Context) -> Norm:
    """"the latest period": the quarter a report is about, not remembered as one named."""
    return _relative_quarter(m, ctx)


def _relative_quarter(m: re.Match[str], ctx: Context) -> Norm:
    rel = words_of(m.group("rel"))
    if ctx.dct is None:
        return Norm("DATE", "XXXX-QX", unresolved=True)
    if m.groupdict().get("ago") and (value := year_ago_quarter(ctx, m.start())) is not None:
        return Norm("DATE", value, anchor="dct")  # "the quarter a year ago"
    ended = _ended_on().match(ctx.text, m.end())
    if ended is not None and (end := closest_year(ctx.dct, month_number(ended.group(1)), day_number(ended.group(2)), -1)):
        # "the quarter ended July 31" (May to July): the calendar quarter most of those months are in.
        middle = end - dt.timedelta(days=45)
        return Norm("DATE", f"{middle.year:04d}-Q{values.quarter_of(middle)}", anchor="dct")
    offset = {"next": 1, "this": 0, "the current": 0}.get(rel, -1)
    year, month = values.shift_months(ctx.dct.year, ctx.dct.month, 3 * offset)
    return Norm("DATE", f"{year:04d}-Q{(month - 1) // 3 + 1}", anchor="dct")


@rule("half", lambda p: (
    rf"{p.start}(?:the\s+)?(?P<ord>first|second|last|latter)\s+half(?:\s+of\s+(?P<year>{p.year4}|(?P<rel>this|last|next)\s+year))?(?!\s+of\s){p.end}"
), priority=1)
def half(m: re.Match[str], ctx: Context) -> Norm:
    g = m.groupdict()
    number = 1 if g["ord"].lower() == "first" else 2  # "the last half", "the latter half": the second
    if g.get("year") and g["year"].isdigit():
        return Norm("DATE", f"{g['year']}-H{number}")
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-H{number}", unresolved=True)
    year = ctx.dct.year + {"last": -1, "next": 1}.get((g.get("rel") or "").lower(), 0)
    return Norm("DATE", f"{year:04d}-H{number}", anchor="dct")


@rule("season", lambda p: (
    rf"{p.start}(?:(?P<pmod>early|late|mid-?)\s+)?(?P<rel>this\s+past|last|this|next|the|early|late)\s+(?:(?P<pmod2>early|late)\s+)?"
    rf"(?P<season>{p.season})(?:\s+(?:of\s+)?(?P<year>{p.any_year}))?(?!\s+of\s+(?!{p.any_year}))(?!\w)"
), priority=2)
@rule("season_year", lambda p: rf"{p.start}(?P<season>{p.season})\s+(?:of\s+)?(?P<year>{p.any_year}){p.end}", priority=1)
def season(m: re.Match[str], ctx: Context) -> Norm:
    g = m.groupdict()
    code = lexicon().seasons[g["season"].lower()]
    mod = point_mod(g.get("pmod") or g.get("pmod2"))
    rel = words_of(g.get("rel") or "").replace("this past", "last")
    if rel in ("early", "late") and not mod:
        mod = point_mod(rel)
    if g.get("year"):
        return Norm("DATE", f"{spelled_year(g['year']):04d}-{code}", mod)
    if rel == "the" and g["season"].lower() == "fall":
        raise Reject  # "the fall" is far more often a collapse than autumn
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{code}", mod, unresolved=True)
    last_month = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}[code]
    year = ctx.dct.year
    if rel == "last":
        year = year if last_month < ctx.dct.month and code != "WI" else year - 1
    elif rel == "next":
        year = year + 1 if last_month <= ctx.dct.month else year
    return Norm("DATE", f"{year:04d}-{code}", mod, anchor="dct")
