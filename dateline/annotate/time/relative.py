"""Units counted from the publication date or from the date the text has moved to: "last week",
"this year", "two years ago", "the next day", "three days later", "that month", "the end of the year"."""

from __future__ import annotations

import datetime as dt
import re

from dateline.annotate.time import values
from dateline.annotate.time.context import (
    Context,
    Norm,
    Reject,
    capitalised,
    int_word,
    point_mod,
    quantity_mod,
    unit_of,
    words_of,
)
from dateline.annotate.time.grammar import rule
from dateline.annotate.time.year_parts import ENDED, year_ago_quarter

UNRESOLVED_UNIT = {"week": "XXXX-WXX", "month": "XXXX-XX", "day": "XXXX-XX-XX", "quarter": "XXXX-QX",
                   "decade": "XXX", "century": "XX", "year": "XXXX"}  # fmt: skip


def unit_value(base: dt.date, unit: str, offset: int) -> str | None:
    """The value of the ``unit`` (day, week, month …) ``offset`` units from ``base``."""
    if unit == "week":
        shifted = values.add_days(base, 7 * offset)
        return values.week(shifted) if shifted else None
    if unit == "month":
        year, month = values.shift_months(base.year, base.month, offset)
        return values.ym(year, month) if values.MIN_YEAR <= year <= values.MAX_YEAR else None
    if unit == "day":
        shifted = values.add_days(base, offset)
        return values.ymd(shifted) if shifted else None
    if unit == "quarter":
        year, month = values.shift_months(base.year, base.month, 3 * offset)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit == "decade":
        return f"{(base.year + 10 * offset) // 10:03d}"
    if unit == "century":
        return f"{(base.year + 100 * offset) // 100:02d}"
    year = base.year + offset
    return f"{year:04d}" if values.MIN_YEAR <= year <= values.MAX_YEAR else None


@rule("unit_edge", lambda p: rf"{p.start}(?P<pmod>the\s+end|the\s+beginning|the\s+middle|the\s+start)\s+of\s+the\s+(?P<unit>week|month|year){p.end}", priority=1)
def unit_edge(m: re.Match[str], ctx: Context) -> Norm:
    """"the end of the month", "the beginning of the week"."""
    mod = point_mod(words_of(m.group("pmod")) + " of")
    unit = m.group("unit").lower()
    if ctx.dct is None:
        return Norm("DATE", UNRESOLVED_UNIT[unit], mod, unresolved=True)
    value = unit_value(ctx.dct, unit, 0)
    if value is None:
        raise Reject
    return Norm("DATE", value, mod, anchor="dct")


@rule("ref_next", lambda p: rf"{p.start}the\s+(?P<rel>next|following|previous|preceding|same)\s+(?P<unit>day|morning|week|month|year){p.end}", priority=1)
def ref_next(m: re.Match[str], ctx: Context) -> Norm:
    """"the next day", "the following week": from the date the text is at (else the DCT)."""
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    base = ctx.ref or ctx.dct
    if base is None:
        raise Reject
    offset = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0}[rel]
    if unit == "morning":
        date = values.add_days(base, offset)
        if date is None:
            raise Reject
        return Norm("TIME", f"{values.ymd(date)}TMO", anchor="ref")
    value = unit_value(base, unit, offset)
    if value is None:
        raise Reject
    shifted = values.add_days(base, offset) if unit == "day" else None
    return Norm("DATE", value, anchor="ref" if ctx.ref is not None else "dct", ref=shifted)


@rule("unit_rel", lambda p: (
    rf"{p.start}(?:(?P<pmod>{p.point_mods})(?:\s+|-))?(?P<rel>last|this|next|the\s+past|the\s+coming|the\s+current|the\s+previous"
    rf"|the\s+following|the\s+same|the\s+next)\s+(?P<unit>week|month|year|decade|century){p.end}"
), priority=2)
@rule("unit_in", lambda p: rf"{p.start}(?P<pmod>earlier|later|early|late)\s+in\s+the\s+(?P<unit>week|month|year){p.end}", priority=2)
@rule("that_unit", lambda p: rf"{p.start}(?:(?P<pmod>earlier|later)\s+)?(?P<rel>that|that\s+same|the\s+same)\s+(?P<unit>day|week|month|year){p.end}(?!-)", priority=1)
def unit_rel(m: re.Match[str], ctx: Context) -> Norm:
    """"last week", "this year", "earlier in the month", "that day", "later that same year"."""
    g = m.groupdict()
    if capitalised(g["unit"]):
        raise Reject  # "ABC's \"This Week\"": a title, as a capitalised unit always is in running text
    unit = g["unit"].lower()
    rel = words_of(g.get("rel") or "this")
    mod = point_mod(g.get("pmod"))
    if rel in ("the following", "the previous", "the same", "the next", "that", "that same") and ctx.ref is not None:
        offset = {"the following": 1, "the next": 1, "the previous": -1}.get(rel, 0)
        if unit == "day" and ctx.ref_gran != "day":  # "that day" after "in October 1998": a day of it
            some_day = values.ym(ctx.ref.year, ctx.ref.month) + "-XX" if ctx.ref_gran == "month" else f"{ctx.ref.year:04d}-XX-XX"
            return Norm("DATE", some_day, mod, anchor="ref")
        value = unit_value(ctx.ref, unit, offset)
        if value is None:
            raise Reject
        return Norm("DATE", value, mod, anchor="ref")
    if rel == "the next":
        rel = "next"
    if rel in ("the following", "the previous", "the same", "that", "that same"):
        raise Reject
    offset = {"last": -1, "the past": -1, "this": 0, "the current": 0, "next": 1, "the coming": 1}.get(rel, 0)
    if ctx.dct is None:
        return Norm("DATE", UNRESOLVED_UNIT[unit], mod, unresolved=True)
    value = unit_value(ctx.dct, unit, offset)
    if value is None:
        raise Reject
    return Norm("DATE", value, mod, anchor="dct")


@rule("year_end", lambda p: rf"{p.start}(?:the\s+end\s+of\s+the\s+year|year[\s-]end|year's\s+end|the\s+turn\s+of\s+the\s+year){p.end}", priority=2)
def year_end(m: re.Match[str], ctx: Context) -> Norm:
    if ctx.dct is None:
        return Norm("DATE", "XXXX", "END", unresolved=True)
    return Norm("DATE", f"{ctx.dct.year:04d}", "END", anchor="dct")


@rule("year_earlier", lambda p: rf"{p.start}(?:a|one|the)\s+year\s+(?P<dir>earlier|ago|before)|year-(?P<dir2>earlier|ago){p.end}", priority=1)
def year_earlier(m: re.Match[str], ctx: Context) -> Norm:
    base = ctx.ref if (m.group("dir") or m.group("dir2") or "").lower() in ("earlier", "before") and ctx.ref else ctx.dct
    if base is None:
        return Norm("DATE", "XXXX", unresolved=True)
    # "…third-quarter net rose to $5 million from $4 million a year earlier": the comparison is
    # with the same quarter of the year before, when a quarter was just mentioned.
    quarter = year_ago_quarter(ctx, m.start())
    if quarter is not None:
        return Norm("DATE", quarter, anchor="dct")
    return Norm("DATE", f"{base.year - 1:04d}", anchor="dct")


@rule("ago", lambda p: (
    rf"{p.start}(?:(?P<qmod>{p.quantity_mods})\s+)?(?P<num>{p.number}|{p.vague})\s+(?:or\s+so\s+)?(?P<unit>{p.units})s?\s+(?:or\s+so\s+)?ago{p.end}"
), priority=0)
def ago(m: re.Match[str], ctx: Context) -> Norm:
    """"two years ago", "about a week ago", "several years ago"."""
    g = m.groupdict()
    amount = int_word(g["num"])
    _, _, unit = unit_of(g["unit"])
    mod = quantity_mod(g.get("qmod"))
    if amount is None:  # "several years ago": some time in the past, no more
        return Norm("DATE", "PAST_REF", mod)
    if ctx.dct is None:
        return Norm("DATE", UNRESOLVED_UNIT.get(unit, "XXXX"), mod, unresolved=True, anchor="dct")
    whole = int(amount)
    if unit == "year" and whole == 1 and (quarter := year_ago_quarter(ctx, m.start())) is not None:
        return Norm("DATE", quarter, mod, anchor="dct")
    if unit in ("hour", "minute", "second"):
        return Norm("DATE", values.ymd(ctx.dct), mod, anchor="dct")
    if unit == "decade":
        return Norm("DATE", f"{ctx.dct.year - 10 * whole:04d}", mod, anchor="dct")
    if unit in ("century", "centuries"):
        return Norm("DATE", f"{ctx.dct.year - 100 * whole:04d}", mod, anchor="dct")
    value = unit_value(ctx.dct, unit, -whole)
    if value is None:
        raise Reject
    return Norm("DATE", value, mod, anchor="dct")


@rule("ref_shift", lambda p: rf"{p.start}(?P<num>{p.number})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|earlier){p.end}", priority=0)
def ref_shift(m: re.Match[str], ctx: Context) -> Norm:
    """"two days later", "a week earlier": from the date the text is at (else the DCT)."""
    g = m.groupdict()
    amount = int_word(g["num"])
    unit = g["unit"].lower()
    base = ctx.ref or ctx.dct
    if amount is None or base is None:
        raise Reject
    sign = 1 if g["dir"].lower() == "later" else -1
    if unit == "year" and amount == 1 and sign < 0 and (quarter := year_ago_quarter(ctx, m.start())) is not None:
        return Norm("DATE", quarter, anchor="dct")
    gran = ctx.ref_gran if ctx.ref is not None else "day"
    if unit == "day" and gran != "day":
        unit = gran  # "two days later" after "in March 2019" stays in that month
        amount = 0
    value = unit_value(base, unit, sign * int(amount))
    if value is None:
        raise Reject
    shifted = values.add_days(base, sign * int(amount)) if unit == "day" else None
    return Norm("DATE", value, anchor="ref" if ctx.ref is not None else "dct", ref=shifted)


# "the year" is the current (or, after "that", the last mentioned) year; "the fiscal year ended
# June 30" a stretch of one year. Not "the year 2000" nor the adjective "the year-ago quarter".
@rule("the_year", lambda p: (
    rf"{p.start}(?P<det>the)\s+(?:(?P<kind>full|fiscal|current\s+fiscal|calendar)\s+)?year"
    r"(?![-\w]|\s+(?:\d|two\s+thousand|nineteen|before|earlier|ago|after|later))"
), priority=3)
def the_year(m: re.Match[str], ctx: Context) -> Norm:
    if ENDED.match(ctx.text, m.end()):
        return Norm("DURATION", "P1Y")
    if ctx.dct is None:
        return Norm("DATE", "XXXX", unresolved=True)
    return Norm("DATE", f"{ctx.dct.year:04d}", anchor="dct")
