"""Parsing the dateline: where, by whom and when the article was filed.

Forms recognised at the start of a paragraph near the top of the article::

    MOSCOW, May 19 (Sputnik) –           place, month-day, outlet
    MOSCOW, September 30. /TASS/.        place, month-day, outlet (TASS style)
    WASHINGTON (Reuters) -               place, outlet
    LONDON, Jan. 5, 2016 (AP) —          place, full date, outlet
    date 2020-02-11                      an explicit ISO date
    Published: 30 September 2020        an explicit full date
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateline.core.lexicon import english

MONTHS = english().months
_MONTH = r"(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PLACE = (
    r"(?P<place>[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3}"
    rf"(?:,\s+(?!{_MONTH}\s*\d)[A-Z][A-Za-z.]+)?)"
)
_DATE = (
    rf"(?P<md>(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:,?\s+(?P<y1>\d{{4}}))?)"
    rf"|(?P<dm>(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>\d{{4}}))?)"
    r"|(?P<iso>(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))"
)
_OUTLET = r"(?:\((?P<outlet1>[^()\n]{2,40})\)|/(?P<outlet2>[A-Za-z][A-Za-z .-]{1,30})/\.?)"
_SEP = r"\s*[-–—:.]*\s*"

_PLACE_FORM = re.compile(
    rf"^[ \t]*{_PLACE}(?:,\s+(?:{_DATE})\.?)?\s*{_OUTLET}?{_SEP}"
)
_ISO_FORM = re.compile(r"^[ \t]*(?:date|dated|published|posted|updated)?:?[ \t]*(?P<iso>(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))\b[ \t]*", re.I)
_FULL_FORM = re.compile(
    rf"^[ \t]*(?:published|posted|updated|date|dated)?:?[ \t]*(?:{_DATE})(?=[ \t]*(?:$|\n|[-–—|(]))[ \t]*",
    re.I,
)
_SEARCH_CHARS = 1500
_SEARCH_PARAGRAPHS = 6


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int
    end: int
    text: str
    place: str | None
    outlet: str | None
    month: int | None
    day: int | None
    year: int | None

    @property
    def full_date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None


def _month(token: str | None) -> int | None:
    return MONTHS.get(token.lower().rstrip(".")) if token else None


def _int(token: str | None) -> int | None:
    return int(token) if token else None


def _from_match(m: re.Match[str], offset: int) -> Dateline | None:
    groups = m.groupdict()
    month = _month(groups.get("m1") or groups.get("m2")) or _int(groups.get("m3"))
    day = _int(groups.get("d1") or groups.get("d2") or groups.get("d3"))
    year = _int(groups.get("y1") or groups.get("y2") or groups.get("y3"))
    outlet = (groups.get("outlet1") or groups.get("outlet2") or "").strip() or None
    place = (groups.get("place") or "").strip() or None
    if month is not None and (day is None or not 1 <= day <= 31 or not 1 <= month <= 12):
        return None
    if place is not None and month is None and outlet is None:
        return None  # a capitalised word alone is not a dateline
    if place is not None and (len(place) < 2 or place.isdigit()):
        return None
    text = m.group(0)
    end = offset + len(text.rstrip())
    return Dateline(offset, end, text.strip(), place.title() if place else None, outlet, month, day, year)


def parse_dateline(paragraph: str, offset: int = 0) -> Dateline | None:
    """The dateline at the start of ``paragraph`` (offsets shifted by ``offset``), if any."""
    for pattern in (_ISO_FORM, _PLACE_FORM, _FULL_FORM):
        m = pattern.match(paragraph)
        if m and m.group(0).strip():
            found = _from_match(m, offset)
            if found is not None:
                lead = len(m.group(0)) - len(m.group(0).lstrip())
                return Dateline(
                    found.start + lead, found.end, found.text, found.place, found.outlet,
                    found.month, found.day, found.year,
                )  # fmt: skip
    return None


def find_dateline(text: str) -> Dateline | None:
    """The first dateline among the opening paragraphs of ``text``."""
    pos = 0
    for n, line in enumerate(text[:_SEARCH_CHARS].split("\n")):
        if n >= _SEARCH_PARAGRAPHS * 2:
            break
        if line.strip():
            found = parse_dateline(line, pos)
            if found is not None:
                return found
        pos += len(line) + 1
    return None
