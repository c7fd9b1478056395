"""Holidays: "Christmas", "last Thanksgiving", "Easter Monday 2010", "Christmas week"."""

from __future__ import annotations

import datetime as dt
import re

from dateline.annotate.time import values
from dateline.annotate.time.context import Context, Norm, Reject, capitalised, words_of
from dateline.annotate.time.grammar import rule
from dateline.annotate.time.lexicon import lexicon
from dateline.annotate.time.tense import LOCAL_CUE_CHARS, closest_of, tense


def easter(year: int) -> dt.date | None:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    h = (19 * a + b - b // 4 - (b - (b + 8) // 25 + 1) // 3 + 15) % 30
    weekday = (32 + 2 * (b % 4) + 2 * (c // 4) - h - c % 4) % 7
    shift = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * shift + 114, 31)
    return values.safe_date(year, month, day + 1)


def holiday_date(name: str, year: int) -> dt.date | None:
    """The day of the holiday ``name`` (a key of the lexicon's holidays) in ``year``."""
    spec = lexicon().holidays[name]
    if isinstance(spec, str):
        month, day = (int(x) for x in spec.split("-"))
        return values.safe_date(year, month, day)
    if isinstance(spec, dict):
        sunday = easter(year)
        return values.add_days(sunday, int(spec["easter"])) if sunday else None
    month, weekday, nth, from_day = (int(x) for x in spec)
    if nth > 0:
        first = values.safe_date(year, month, from_day)
        return values.add_days(values.weekday_near(first, weekday, +1), 7 * (nth - 1)) if first else None
    next_month = values.safe_date(*values.shift_months(year, month, 1), 1)
    last = values.add_days(next_month, -1) if next_month else None
    return values.weekday_near(last, weekday, -1) if last else None


@rule("holiday", lambda p: rf"{p.start}(?:(?P<rel>last|this|next)\s+)?(?P<name>{p.holidays})(?P<week>\s+week)?(?:,?\s+(?P<year>{p.year4}))?{p.end}", priority=1)
def holiday(m: re.Match[str], ctx: Context) -> Norm:
    g = m.groupdict()
    if not capitalised(g["name"]):
        raise Reject
    key = words_of(g["name"]).replace("’", "'")
    holidays = lexicon().holidays
    if key not in holidays:
        key = re.sub(r"(\w)s\b", r"\1's", key, count=1) if "'" not in key else key.replace("'", "")
    # "Easter week", "Christmas week": the (ISO) week the holiday falls in.
    value = values.week if g.get("week") else values.ymd
    if g.get("year"):
        date = holiday_date(key, int(g["year"]))
        if date is None:
            raise Reject
        return Norm("DATE", value(date), ref=date)
    if ctx.dct is None:
        spec = holidays[key]
        return Norm("DATE", f"XXXX-{spec}" if isinstance(spec, str) else "XXXX-XX-XX", unresolved=True)
    rel = (g.get("rel") or "").lower()
    direction = {"last": -1, "next": 1}.get(rel) or tense(ctx, m.start(), m.end(), within=LOCAL_CUE_CHARS)
    options = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (d := holiday_date(key, y)) is not None]
    if rel == "last":
        options = [d for d in options if d < ctx.dct]
    elif rel == "next":
        options = [d for d in options if d > ctx.dct]
    elif rel == "this":
        options = [d for d in options if d.year == ctx.dct.year]
    date = closest_of(ctx.dct, options, 0 if rel else direction)
    if date is None:
        raise Reject
    return Norm("DATE", value(date), anchor="dct", ref=date)
