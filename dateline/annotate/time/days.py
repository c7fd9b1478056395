"""Days named relative to the publication date: "today", "yesterday morning", "the day before
yesterday", "on Friday", "last Tuesday night", "on Mondays", "the weekend"."""

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
    point_mod,
    weekday_number,
    words_of,
)
from dateline.annotate.time.grammar import rule
from dateline.annotate.time.lexicon import lexicon
from dateline.annotate.time.tense import tense

# "ahead of Thursday's testimony", "in advance of Tuesday's hearing": a point still to come.
_AHEAD_OF = re.compile(r"\b(?:ahead|in\s+advance)\s+of\s+$", re.I)


@lru_cache(maxsize=1)
def _generic_after_today() -> re.Pattern[str]:
    """"in today's world", "today's youth": the present in general, not the day of the report."""
    return re.compile(rf"['’]s\s+(?:{'|'.join(lexicon().generic_after_today)})\b", re.I)


@rule("relday", lambda p: (
    rf"{p.start}(?:(?P<pmod>early|late|earlier|later)\s+)?(?P<word>today|yesterday|tomorrow|tonight)(?:\s+(?P<pod>{p.part_of_day}))?{p.end}"
), priority=1)
def relday(m: re.Match[str], ctx: Context) -> Norm:
    word = m.group("word").lower()
    return _day_from_dct(m, ctx, {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word])


@rule("day_before", lambda p: rf"{p.start}the\s+day\s+(?P<dir>before|after)\s+(?P<word>yesterday|tomorrow){p.end}", priority=0)
def day_before(m: re.Match[str], ctx: Context) -> Norm:
    """"the day before yesterday", "the day after tomorrow"."""
    offset = (-1 if m.group("word").lower() == "yesterday" else 1) + (-1 if m.group("dir").lower() == "before" else 1)
    return _day_from_dct(m, ctx, offset)


def _day_from_dct(m: re.Match[str], ctx: Context, offset: int) -> Norm:
    g = m.groupdict()
    word = g["word"].lower()
    if word == "today" and _generic_after_today().match(ctx.text, m.end()):
        raise Reject
    if g["word"] == "Today" and re.search(r"(?-i:[A-Z])\w*\s+$", ctx.text[max(0, m.start() - 20) : m.start()]):
        raise Reject  # "USA Today", "VOA Today": a title after a name
    pod = lexicon().parts_of_day.get((g.get("pod") or "").lower(), "")
    if word == "tonight":
        pod = "NI"
    mod = point_mod(g.get("pmod"))
    if ctx.dct is None:
        base = "XXXX-XX-XX"
        return Norm("TIME" if pod else "DATE", base + (f"T{pod}" if pod else ""), mod, unresolved=True)
    date = values.add_days(ctx.dct, offset)
    if date is None:
        raise Reject
    if pod:
        return Norm("TIME", f"{values.ymd(date)}T{pod}", mod, anchor="dct")
    return Norm("DATE", values.ymd(date), mod, anchor="dct")


# "Today is the eighth day of the blockade", "It's the second day of an offensive": the day of writing.
@rule("nth_day_now", lambda p: (
    r"(?<=\b(?:is|'s)\s)(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+"
    r"(?:straight\s+|consecutive\s+)?day(?=\s+of\b)"
), priority=1)
def nth_day_now(m: re.Match[str], ctx: Context) -> Norm:
    if ctx.dct is None:
        return Norm("DATE", "XXXX-XX-XX", unresolved=True)
    return Norm("DATE", values.ymd(ctx.dct), anchor="dct")


@rule("pod_rel", lambda p: rf"{p.start}(?:(?P<pmod>early|late|earlier|later)\s+)?(?P<rel>this|last|yesterday|tomorrow)\s+(?P<pod>{p.part_of_day}){p.end}", priority=1)
# "by mid-afternoon", "late morning yesterday": a part of the day the report is about.
@rule("pod_mod", lambda p: rf"{p.start}(?P<pmod>early|late|mid-?)[\s-]*(?P<pod>morning|afternoon|evening)(?:\s+(?P<rel>yesterday|today|tomorrow))?{p.end}", priority=2)
def part_of_day(m: re.Match[str], ctx: Context) -> Norm:
    rel = (m.group("rel") or "today").lower()
    pod = lexicon().parts_of_day[m.group("pod").lower()]
    mod = point_mod(m.group("pmod"))
    if ctx.dct is None:
        return Norm("TIME", f"XXXX-XX-XXT{pod}", mod, unresolved=True)
    offset = {"this": 0, "today": 0, "yesterday": -1, "tomorrow": 1, "last": -1 if pod == "NI" else 0}[rel]
    date = values.add_days(ctx.dct, offset)
    if date is None:
        raise Reject
    return Norm("TIME", f"{values.ymd(date)}T{pod}", mod, anchor="dct")


def resolve_weekday(ctx: Context, weekday: int, rel: str, direction: int) -> dt.date | None:
    """The date of ``weekday`` that ``rel`` ("last", "next", "the previous" …) or, without one, the
    tense ``direction`` picks."""
    if ctx.dct is None:
        return None
    dct = ctx.dct
    if rel.startswith("the "):  # "the previous Friday": the one before the date the text is at
        base = ctx.ref or dct
        if rel.endswith("following"):
            return values.weekday_near(base + dt.timedelta(days=1), weekday, +1)
        return values.weekday_near(base - dt.timedelta(days=1), weekday, -1)
    if rel == "last" or rel == "past":
        return values.weekday_near(dct - dt.timedelta(days=1), weekday, -1)
    if rel in ("next", "coming"):
        return values.weekday_near(dct + dt.timedelta(days=1), weekday, +1)
    if rel == "this":
        monday = dct - dt.timedelta(days=dct.isoweekday() - 1)
        return monday + dt.timedelta(days=weekday - 1)
    return values.weekday_near(dct, weekday, +1 if direction > 0 else -1)


@rule("weekday", lambda p: (
    rf"{p.start}(?:(?P<pmod>early|late|earlier|later)\s+)?(?:(?P<rel>last|next|this|coming|past|the\s+(?:previous|preceding|following))\s+)?"
    rf"(?P<wd>{p.weekday})(?:\s+(?P<pod>{p.part_of_day}))?{p.end}"
), priority=2)
def weekday(m: re.Match[str], ctx: Context) -> Norm:
    g = m.groupdict()
    if not capitalised(g["wd"]):
        raise Reject
    number = weekday_number(g["wd"])
    rel = (g.get("rel") or "").lower()
    pod = lexicon().parts_of_day.get((g.get("pod") or "").lower(), "")
    mod = point_mod(g.get("pmod"))
    kind = "TIME" if pod else "DATE"
    suffix = f"T{pod}" if pod else ""
    if ctx.dct is None:
        return Norm(kind, f"XXXX-WXX-{number}{suffix}", mod, unresolved=True)
    # "by Wednesday", "until Thursday" are as often a deadline just past as one ahead: within a week
    # only the verb decides.
    ahead = not rel and _AHEAD_OF.search(ctx.text, max(0, m.start() - 20), m.start()) is not None
    date = resolve_weekday(ctx, number, rel, 1 if ahead else tense(ctx, m.start(), m.end(), signals=False))
    assert date is not None
    return Norm(kind, values.ymd(date) + suffix, mod, anchor="dct", ref=date, moves_ref=kind == "DATE")


# A plural weekday recurs: "on Mondays", "Tuesday nights"; so does a weekday coordinated with one.
@rule("weekday_set", lambda p: rf"{p.start}(?P<wd>{p.weekday})(?:s|\s+(?P<pod>{p.part_of_day})s){p.end}", priority=1)
@rule("weekday_pair", lambda p: (
    rf"{p.start}(?P<wd>{p.weekday})(?=\s+(?:and|or)\s+{p.weekday}(?:s|\s+(?P<pod>{p.part_of_day})s){p.end})"
), priority=1)
def weekday_set(m: re.Match[str], ctx: Context) -> Norm:
    g = m.groupdict()
    if not capitalised(g["wd"]):
        raise Reject
    code = lexicon().parts_of_day.get((g.get("pod") or "").lower(), "")
    return Norm("SET", f"XXXX-WXX-{weekday_number(g['wd'])}" + (f"T{code}" if code else ""))


@rule("weekend", lambda p: rf"{p.start}(?:(?P<rel>last|next|this|the|the\s+past|the\s+coming)\s+)weekend{p.end}", priority=2)
def weekend(m: re.Match[str], ctx: Context) -> Norm:
    rel = words_of(m.group("rel") or "the")
    if ctx.dct is None:
        return Norm("DATE", "XXXX-WXX-WE", unresolved=True)
    direction = tense(ctx, m.start(), m.end())
    base = ctx.dct
    # With no tense cue, early in the week "the weekend" is the one just gone, a day or two back.
    if rel in ("last", "the past") or (rel == "the" and (direction < 0 or (direction == 0 and ctx.dct.isoweekday() <= 2)) and ctx.dct.isoweekday() < 6):
        base = ctx.dct - dt.timedelta(days=7)
    elif rel in ("next", "the coming") or (rel == "the" and direction > 0 and ctx.dct.isoweekday() >= 6):
        base = ctx.dct + dt.timedelta(days=7)
    return Norm("DATE", values.week(base) + "-WE", anchor="dct")
