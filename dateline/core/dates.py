"""Reading dates, and today's date: the one outside input a run depends on."""

from __future__ import annotations

import datetime as dt
import os

from dateline.core.errors import DateError

TODAY_ENV = "DATELINE_TODAY"


def today() -> dt.date:
    """Today, or ``DATELINE_TODAY`` (YYYY-MM-DD) so runs can be reproduced on another day."""
    fixed = os.environ.get(TODAY_ENV)
    return parse_date(fixed) if fixed else dt.date.today()


def parse_date(value: str) -> dt.date:
    """A date from ``YYYY-MM-DD``, an ISO timestamp, or (via dateparser) a written date."""
    value = value.strip()
    if not value:
        raise DateError("empty date")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser  # slow to import; only for non-ISO strings

    # English only: with no language given, a string that is no English date ("12:30 p.m.") is tried
    # in each of dateparser's 200 locales, seconds of CPU per string (a minute the first time).
    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    if not isinstance(parsed, dt.datetime):
        raise DateError(f"cannot read a full date from {value!r}")
    return parsed.date()
