"""The stretch of days a TIMEX3 value stands for, so that dates of any granularity sort by their
start and filter by overlap.

A value the time tagger gives a date to is a day (``2012-02-09``, with a time of day or not), an ISO
week (``2012-W05``) or its weekend (``2012-W05-WE``), a month, a quarter (``2012-Q3``), a half
(``2012-H1``), a season (``2012-SU``), a year, a decade (``193``: the 1930s) or a century (``19``:
the 1900s), with ``X`` where the text leaves a part open (``1998-10-XX``: some day of that month).
Durations (``P3Y``), sets (``XXXX-WXX-1``) and references (``PRESENT_REF``) are no stretch of the
calendar, nor is a value whose year is open (``XXXX-05-03``): :func:`interval` gives ``None``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

# Meteorological seasons, three months from these; winter is the one that begins in December of the
# value's year.
_SEASON_STARTS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_VALUE = re.compile(
    r"^(?:(?P<century>\d{2})|(?P<decade>\d{3})|(?P<year>\d{4})"
    r"(?:-(?:(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?|W(?P<week>\d{2})(?:-(?P<weekday>[1-7]|WE))?"
    r"|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?)"
    r"(?:T[0-9A-Z:.]+)?$"
)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _span(value: str) -> tuple[dt.date, dt.date, str] | None:
    m = _VALUE.match(value)
    if m is None:
        return None
    g = m.groupdict()
    try:
        if g["century"] is not None:
            start = int(g["century"]) * 100
            return dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31), "century"
        if g["decade"] is not None:
            start = int(g["decade"]) * 10
            return dt.date(max(start, 1), 1, 1), dt.date(start + 9, 12, 31), "decade"
        year = int(g["year"])
        if g["week"] is not None:
            monday = dt.date.fromisocalendar(year, int(g["week"]), 1)
            if g["weekday"] == "WE":
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "weekend"
            if g["weekday"] is not None:
                day = monday + dt.timedelta(days=int(g["weekday"]) - 1)
                return day, day, "day"
            return monday, monday + dt.timedelta(days=6), "week"
        if g["quarter"] is not None:
            first = 3 * int(g["quarter"]) - 2
            return dt.date(year, first, 1), _last_day(year, first + 2), "quarter"
        if g["half"] is not None:
            first = 6 * int(g["half"]) - 5
            return dt.date(year, first, 1), _last_day(year, first + 5), "half"
        if g["season"] is not None:
            first = _SEASON_STARTS[g["season"]]
            last_year, last_month = divmod(year * 12 + first + 1, 12)  # two months on, 0-based month
            return dt.date(year, first, 1), _last_day(last_year, last_month + 1), "season"
        month_text, day_text = g["month"], g["day"]
        if month_text is None or month_text == "XX":
            return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
        if day_text is None or day_text == "XX":
            return dt.date(year, int(month_text), 1), _last_day(year, int(month_text)), "month"
        date = dt.date(year, int(month_text), int(day_text))
        return date, date, "day"
    except ValueError:  # a day, week or year the calendar has not got (2011-02-30, 2011-W53, year 0)
        return None


_TIME_OF_DAY = re.compile(r"T(?:\d|MO|AF|EV|NI|DT).*$")


def calendar_part(value: str) -> str:
    """``value`` without its time of day: ``2012-02-09TNI`` → ``2012-02-09``; a week's weekend
    (``2012-W03-WE``) stays whole, as every value without a time does."""
    return _TIME_OF_DAY.sub("", value)


def interval(value: str, range_end: str | None = None) -> tuple[dt.date, dt.date] | None:
    """The first and last day ``value`` covers (through the last day of ``range_end``, the end of a
    range such as "May 24-26" or "1992-1994"); ``None`` when it is not a stretch of the calendar."""
    span = _span(value)
    if span is None:
        return None
    start, end = span[0], span[1]
    if range_end is not None and (until := _span(range_end)) is not None and until[1] > end:
        end = until[1]
    return start, end


def granularity(value: str) -> str | None:
    """day, weekend, week, month, quarter, half, season, year, decade or century; ``None`` as for
    :func:`interval`."""
    span = _span(value)
    return span[2] if span is not None else None


def overlaps(value: str, start: dt.date | None, end: dt.date | None, range_end: str | None = None) -> bool:
    """Whether ``value`` shares a day with the period from ``start`` to ``end`` (either open)."""
    span = interval(value, range_end)
    if span is None:
        return False
    return (start is None or span[1] >= start) and (end is None or span[0] <= end)
