"""Clock times: "5 p.m.", "10:35 a.m. EST Friday", "5 p.m. Nov. 9", "noon Tuesday"."""

from __future__ import annotations

import re
from functools import lru_cache

from dateline.annotate.time import values
from dateline.annotate.time.context import Context, Norm, Reject, day_number, month_number, weekday_number
from dateline.annotate.time.days import resolve_weekday
from dateline.annotate.time.grammar import rule
from dateline.annotate.time.lexicon import alternation, lexicon
from dateline.annotate.time.tense import LOCAL_CUE_CHARS, closest_year, tense


@lru_cache(maxsize=1)
def _weekday_after_aside() -> re.Pattern[str]:
    return re.compile(rf"\s*\([^()]{{1,24}}\),?\s+(?:on\s+)?({alternation(list(lexicon().weekdays))})\b", re.I)


@rule("clock", lambda p: (
    rf"{p.start}(?:(?P<approx>around|about|approximately)\s+)?(?P<h>[01]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am|pm)"
    rf"(?:\s+(?P<tz>(?-i:[A-Z]{{2,4}})))?(?:,?\s+(?:on\s+)?(?:(?P<wd>{p.weekday})|(?P<month>{p.month})\s+(?P<day>{p.day})(?:,\s+(?P<year>{p.year4}))?))?{p.end}"
), priority=1)
def clock(m: re.Match[str], ctx: Context) -> Norm:
    g = m.groupdict()
    hour = int(g["h"])
    minute = int(g["m"]) if g.get("m") else 0
    if not 1 <= hour <= 12:
        raise Reject
    ampm = g["ampm"].lower()
    if ampm.startswith("p") and hour != 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    mod = "APPROX" if g.get("approx") else ""
    if g.get("month"):  # "5 p.m. EST Nov. 9": that day, found as a month-day would be
        month, day = month_number(g["month"]), day_number(g["day"])
        if g.get("year"):
            date = values.safe_date(int(g["year"]), month, day)
        elif ctx.dct is not None:
            date = closest_year(ctx.dct, month, day, tense(ctx, m.start(), m.end(), within=LOCAL_CUE_CHARS))
        else:
            return Norm("TIME", f"XXXX-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}", mod, unresolved=True)
        if date is not None:
            return Norm("TIME", f"{values.ymd(date)}T{hour:02d}:{minute:02d}", mod, anchor="dct")
    day_word = g.get("wd")
    if not day_word and (after := _weekday_after_aside().match(ctx.text, m.end())):
        day_word = after.group(1)  # "10:35 a.m. (0735 GMT) Friday": that Friday's time, tagged apart
    return _timed(ctx, m, day_word, f"{hour:02d}:{minute:02d}", mod)


@rule("clock_word", lambda p: rf"{p.start}(?P<word>noon|midnight|midday)(?:\s+(?:on\s+)?(?P<wd>{p.weekday}|yesterday|today|tomorrow))?{p.end}", priority=2)
def clock_word(m: re.Match[str], ctx: Context) -> Norm:
    g = m.groupdict()
    if re.search(r"\bhigh\s+$", ctx.text[max(0, m.start() - 6) : m.start()], re.I):
        raise Reject  # "high noon": a showdown, not a time
    time = lexicon().parts_of_day[g["word"].lower()]
    return _timed(ctx, m, g.get("wd"), time, "")


def _timed(ctx: Context, m: re.Match[str], day_word: str | None, time: str, mod: str) -> Norm:
    if ctx.dct is None:
        return Norm("TIME", f"XXXX-XX-XXT{time}", mod, unresolved=True)
    date = ctx.dct
    if day_word:
        word = day_word.lower()
        found = (
            values.add_days(ctx.dct, {"yesterday": -1, "today": 0, "tomorrow": 1}[word])
            if word in ("yesterday", "today", "tomorrow")
            else resolve_weekday(ctx, weekday_number(word), "", tense(ctx, m.start(), m.end()))
        )
        if found is None:
            raise Reject
        date = found
    return Norm("TIME", f"{values.ymd(date)}T{time}", mod, anchor="dct")
