"""TIMEX3 values: building them from calendar arithmetic, and checking them.

A value is always one of the TimeML forms: ``YYYY``, ``YYY`` (decade), ``YY`` (century),
``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Www``, ``YYYY-Www-WE``, ``YYYY-Qn``, ``YYYY-Hn``, ``YYYY-SU``,
a date followed by ``Thh:mm`` or ``TMO/TAF/TEV/TNI``, a duration ``P…`` (``PXX`` of no stated unit), ``PRESENT_REF``,
``PAST_REF``, ``FUTURE_REF``; with ``X`` for any digit the text leaves open.
"""

from __future__ import annotations

import datetime as dt
import re

MIN_YEAR, MAX_YEAR = 1, 9999

_VALID = re.compile(
    r"^(?:"
    r"PRESENT_REF|PAST_REF|FUTURE_REF|PXX"  # PXX: a stretch of no stated unit ("for a while")
    r"|P(?:[0-9X]+(?:\.[0-9]+)?(?:Y|M|W|D|Q|DE|CE|ML|L|E))+"
    r"|PT(?:[0-9X]+(?:\.[0-9]+)?[HMS])+"
    r"|[0-9X]{2,4}"
    r"|[0-9X]{4}-(?:[0-9X]{2}(?:-[0-9X]{2})?|W[0-9X]{2}(?:-(?:WE|[1-7X]))?|Q[1-4X]|H[12X]|SP|SU|FA|WI)"
    r")(?:T(?:MO|AF|EV|NI|DT|[0-9]{2}(?::[0-9]{2})?))?$"
)


def is_valid(value: str) -> bool:
    return bool(_VALID.match(value))


def ymd(d: dt.date) -> str:
    return d.isoformat()


def ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week(d: dt.date) -> str:
    year, number, _ = d.isocalendar()
    return f"{year:04d}-W{number:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def add_days(d: dt.date, days: int) -> dt.date | None:
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return None


def weekday_near(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The ``weekday`` (1 = Monday) on or before (direction -1) or on or after (+1) ``anchor``."""
    delta = (weekday - anchor.isoweekday()) % 7
    if direction > 0:
        return anchor + dt.timedelta(days=delta)
    return anchor - dt.timedelta(days=(7 - delta) % 7)


def duration(amount: float | None, letter: str, time_unit: bool) -> str:
    """``P3Y``, ``PT5H``, ``PXW`` (amount ``None``); whole amounts without decimals."""
    if letter == "W2":  # a fortnight
        letter, amount = "W", (amount or 1) * 2 if amount is not None else None
    if letter == "DE":  # "two decades" is counted in years: P20Y; "decades" some number of years
        letter, amount = "Y", amount * 10 if amount is not None else None
    if amount is not None and not float(amount).is_integer():
        smaller = {("Y", False): ("M", 12, False), ("D", False): ("H", 24, True), ("H", True): ("M", 60, True),
                   ("M", False): ("D", 30, False), ("W", False): ("D", 7, False), ("M", True): ("S", 60, True)}  # fmt: skip
        if (letter, time_unit) in smaller:
            sub, factor, sub_time = smaller[(letter, time_unit)]
            whole, part = int(amount), round((amount - int(amount)) * factor)
            head = f"{whole}{letter}" if whole else ""
            if time_unit or sub_time:
                return f"PT{head}{part}{sub}" if time_unit else f"P{head}T{part}{sub}"
            return f"P{head}{part}{sub}"
    text = "X" if amount is None else (str(int(amount)) if float(amount).is_integer() else f"{amount:g}")
    return f"PT{text}{letter}" if time_unit else f"P{text}{letter}"
