"""Calendar dates: full dates, month-days, months with or without a year, "the week of March 6"."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateline.annotate.time import values
from dateline.annotate.time.context import (
    Context,
    Norm,
    Reject,
    capitalised,
    day_number,
    month_number,
    point_mod,
    words_of,
)
from dateline.annotate.time.grammar import rule
from dateline.annotate.time.lexicon import lexicon
from dateline.annotate.time.tense import (
    closest_year,
    date_tense,
    day_in_year,
    heads_entry,
    names_unplanned_event,
)
from dateline.annotate.time.years import spelled_year

# Not the capitals of a page's navigation: "BACK 3 of 9 NEXT 26 MAY : TOP KILL".
_LAST_NEXT = re.compile(r"\b(?!(?-i:LAST|NEXT)\b)(last|next)\s+$", re.I)
# A point modifier before a month or a month-day: "early March", "mid-May 5".
_PMOD = r"(?:(?P<pmod>{p.point_mods})(?:\s+|-))?"


@lru_cache(maxsize=1)
def _group_after() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{'|'.join(lexicon().group_nouns)})\b", re.I)


@rule("iso", lambda p: rf"{p.start}(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?!\d)", priority=0)
@rule("slash", lambda p: rf"{p.start}(?P<month>\d{{1,2}})/(?P<day>\d{{1,2}})/(?P<year>\d{{4}}|\d{{2}})(?![\d/])", priority=1)
@rule("mdy", lambda p: (
    rf"{p.start}{_PMOD.format(p=p)}(?P<month>{p.month})\s+(?P<day>{p.day})(?:\s*(?:-|–|to)\s*(?P<day2>{p.day}))?"
    rf"{p.spaced_comma}(?P<year>\d{{4}}){p.end}{p.not_count}"
), priority=0)
@rule("dmy", lambda p: (
    rf"{p.start}(?P<day>{p.day})(?:\s*(?:-|–)\s*(?P<day2>{p.day}))?\s+(?:of\s+)?(?P<month>{p.month})"
    rf"{p.spaced_comma}(?P<year>\d{{4}}){p.end}{p.not_count}"
), priority=0)
def full_date(m: re.Match[str], ctx: Context) -> Norm:
    """A date with its year: "2010-04-20", "4/20/2010", "April 20, 2010", "20-22 April 2010"."""
    g = m.groupdict()
    month_token = g["month"]
    month = int(month_token) if month_token.isdigit() else month_number(month_token)
    day = day_number(g["day"])
    year_token = g.get("year")
    if year_token is None:
        raise Reject
    year = int(year_token)
    if len(year_token) == 2:
        year += 1900 if year > 30 else 2000
    date = values.safe_date(year, month, day)
    if date is None:
        raise Reject
    day2 = g.get("day2")
    end = values.safe_date(year, month, day_number(day2)) if day2 else None
    return Norm("DATE", values.ymd(date), point_mod(g.get("pmod")), range_end=values.ymd(end) if end else None, ref=date)


# The year of a month-day: after a comma, a space or a comma kept apart by tokenisation
# ("April 20 , 2010"), but not a count ("May 5, 2000 people") nor a clock ("19 January, 1130 GMT").
@rule("md", lambda p: (
    rf"{p.start}{_PMOD.format(p=p)}(?P<month>{p.month})\s+(?P<day>{p.day})(?:\s*(?:-|–)\s*(?P<day2>{p.day}))?"
    rf"(?![\w:]|(?:\s*,)?\s*\d{{4}}{p.end}{p.not_count}|\s*-\s*\d{{3}})"
), priority=2)
@rule("dm", lambda p: rf"{p.start}(?P<day>{p.day})(?:\s*(?:-|–)\s*(?P<day2>{p.day}))?\s+(?:of\s+)?(?P<month>{p.month}){p.end}", priority=2)
def month_day(m: re.Match[str], ctx: Context) -> Norm:
    """A month-day without a year, in the year its tense points to: "on May 3", "20 April"."""
    g = m.groupdict()
    if not capitalised(g["month"]):
        raise Reject
    if _group_after().match(ctx.text, m.end()):
        raise Reject  # "the March 14 alliance": a name, not a day
    month, day = month_number(g["month"]), day_number(g["day"])
    if values.safe_date(2000, month, day) is None:  # 2000 is a leap year: February 29 is allowed
        raise Reject
    day2 = day_number(g["day2"]) if g.get("day2") else None
    mod = point_mod(g.get("pmod"))
    if ctx.dct is None:
        end = f"XXXX-{month:02d}-{day2:02d}" if day2 else None
        return Norm("DATE", f"XXXX-{month:02d}-{day:02d}", mod, unresolved=True, range_end=end)
    rel = _LAST_NEXT.search(ctx.text, max(0, m.start() - 6), m.start())
    if rel is not None:  # "last Oct. 23": strictly before the DCT, without the slack
        options = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (d := values.safe_date(y, month, day))]
        before = rel.group(1).lower() == "last"
        options = [d for d in options if (d < ctx.dct if before else d > ctx.dct)]
        date = (max(options) if before else min(options)) if options else None
    elif heads_entry(ctx.text, m.start(), m.end()) or names_unplanned_event(ctx, m.start(), m.end()):
        # A dated record of what happened, written in the present ("June 16 - The two men meet …"),
        # long after the day: the present tense does not carry it to next year.
        date = closest_year(ctx.dct, month, day, -1)
    else:
        date = day_in_year(ctx, m, ctx.dct, month, day)
    if date is None:
        raise Reject
    end_date = values.safe_date(date.year, month, day2) if day2 else None
    return Norm("DATE", values.ymd(date), mod, range_end=values.ymd(end_date) if end_date else None, anchor="dct", ref=date,
                moves_ref=True)  # fmt: skip


@rule("weekday_date", lambda p: (
    rf"{p.start}(?P<wd>{p.weekday}){p.spaced_comma}(?P<month>{p.month})\s+(?P<day>{p.day})"
    rf"(?:{p.spaced_comma}(?P<year>{p.year4}){p.end}{p.not_count})?{p.end}"
), priority=0)
def weekday_date(m: re.Match[str], ctx: Context) -> Norm:
    """"Tuesday, April 20" (2010): the weekday says no more than the date."""
    if m.group("year"):
        return full_date(m, ctx)
    return month_day(m, ctx)


@rule("my", lambda p: rf"{p.start}{_PMOD.format(p=p)}(?P<month>{p.month}),?\s+(?:of\s+)?(?P<year>{p.any_year}){p.end}", priority=1)
def month_year(m: re.Match[str], ctx: Context) -> Norm:
    """"March 2019", "early June of 2010", "January nineteen ninety-seven"."""
    g = m.groupdict()
    if not capitalised(g["month"]):
        raise Reject
    month, year = month_number(g["month"]), spelled_year(g["year"])
    return Norm("DATE", values.ym(year, month), point_mod(g.get("pmod")), ref=dt.date(year, month, 1), ref_gran="month")


@rule("month", lambda p: rf"{p.start}{_PMOD.format(p=p)}(?P<month>{p.month}){p.end}", priority=3)
def month_only(m: re.Match[str], ctx: Context) -> Norm:
    """A month alone, in the year its tense points to: "in December", "late January"."""
    g = m.groupdict()
    token = g["month"]
    if not capitalised(token):
        raise Reject
    key = token.lower().rstrip(".")
    lx = lexicon()
    if key in lx.ambiguous_months and not token.endswith(".") and not g.get("pmod"):
        # "May" and "March" alone are months only after a temporal preposition.
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(rf"\b(?:{'|'.join(lx.month_prepositions)})\s+$", before):
            raise Reject
    month = month_number(token)
    mod = point_mod(g.get("pmod"))
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{month:02d}", mod, unresolved=True)
    direction = date_tense(ctx, m)
    # The middle of the month stands for it, so a past-tense "in December" written in late October is
    # still this year's within the same slack as a month-day; with no cue, the nearest such month.
    year = (closest_year(ctx.dct, month, 15, direction) or ctx.dct).year
    return Norm("DATE", values.ym(year, month), mod, anchor="dct", ref=dt.date(year, month, 1), ref_gran="month", moves_ref=True)


@rule("month_rel", lambda p: (
    rf"{p.start}{_PMOD.format(p=p)}(?P<rel>last|next|this|(?:the\s+)?(?:past|coming))\s+(?P<month>{p.month}){p.end}(?!\.?\s*\d)"
), priority=2)
def month_rel(m: re.Match[str], ctx: Context) -> Norm:
    """"last March", "next December", "this past May": the nearest such month on that side."""
    rel = words_of(m.group("rel"))
    offset = 0
    if ctx.dct is not None:
        if rel in ("last", "the past", "past"):
            offset = -1 if month_number(m.group("month")) >= ctx.dct.month else 0
        elif rel in ("next", "the coming", "coming"):
            offset = 1 if month_number(m.group("month")) <= ctx.dct.month else 0
    return _month_of_year(m, ctx, offset, moves_ref=True)


@rule("month_this_year", lambda p: rf"{p.start}{_PMOD.format(p=p)}(?P<month>{p.month})\s+(?P<rel>this|last|next)\s+year{p.end}", priority=1)
def month_this_year(m: re.Match[str], ctx: Context) -> Norm:
    """"March this year", "June last year"."""
    return _month_of_year(m, ctx, {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()], moves_ref=False)


def _month_of_year(m: re.Match[str], ctx: Context, offset: int, *, moves_ref: bool) -> Norm:
    g = m.groupdict()
    if not capitalised(g["month"]):
        raise Reject  # "at this march": a demonstration
    month = month_number(g["month"])
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{month:02d}", point_mod(g.get("pmod")), unresolved=True)
    year = ctx.dct.year + offset
    return Norm("DATE", values.ym(year, month), point_mod(g.get("pmod")), anchor="dct", ref=dt.date(year, month, 1),
                ref_gran="month", moves_ref=moves_ref)  # fmt: skip


@rule("week_of", lambda p: rf"{p.start}the\s+week\s+of\s+(?P<month>{p.month})\s+(?P<day>{p.day})(?:,?\s+(?P<year>{p.year4}))?{p.end}", priority=0)
def week_of(m: re.Match[str], ctx: Context) -> Norm:
    """"the week of March 6": the calendar week that day falls in."""
    month, day = month_number(m.group("month")), day_number(m.group("day"))
    if m.group("year"):
        date = values.safe_date(int(m.group("year")), month, day)
    elif ctx.dct is not None:
        date = closest_year(ctx.dct, month, day, date_tense(ctx, m))
    else:
        return Norm("DATE", "XXXX-WXX", unresolved=True)
    if date is None:
        raise Reject
    return Norm("DATE", values.week(date), anchor="dct" if not m.group("year") else "none")
