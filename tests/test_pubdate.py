from __future__ import annotations

import datetime as dt

import pytest

from dateline.core.datelines import find_dateline
from dateline.core.dates import parse_date
from dateline.core.errors import DateError
from dateline.ingest.clean import clean
from dateline.ingest.pubdate import past_years, settle

from .conftest import SEED_FILES

TODAY = dt.date(2026, 11, 23)


def decide(path_index: int):  # type: ignore[no-untyped-def]
    text = clean(SEED_FILES[path_index].read_text(encoding="utf-8")).text
    return settle(text, find_dateline(text), now=TODAY)


def test_weekday_and_past_year_infer_2018() -> None:
    d = decide(0)
    assert (d.published, d.source) == (dt.date(2018, 5, 19), "inferred")
    assert any("2016" in e for e in d.evidence) and any("Saturday" in e for e in d.evidence)


def test_explicit_iso_date() -> None:
    d = decide(1)
    assert (d.published, d.source) == (dt.date(2020, 2, 11), "explicit")


@pytest.mark.parametrize(("index", "must_include"), [(2, ["2015-09-30", "2020-09-30"]), (3, ["2015-05-25"])])
def test_ambiguous_keeps_candidates_and_picks_none(index: int, must_include: list[str]) -> None:
    d = decide(index)
    assert d.source == "ambiguous" and d.published is None
    dates = [c.date.isoformat() for c in d.candidates]
    assert set(must_include) <= set(dates)
    assert len({c.score for c in d.candidates}) == 1  # equally plausible: no silent favourite
    assert all(c.date <= TODAY for c in d.candidates)


def test_no_dateline_is_unknown() -> None:
    d = decide(4)
    assert (d.published, d.source, d.candidates) == (None, "unknown", ())


def test_user_and_metadata_outrank_text() -> None:
    text = "MOSCOW, May 19 (Sputnik) – Russia said on Saturday that it met them in 2016."
    dl = find_dateline(text)
    assert settle(text, dl, metadata_date=dt.date(2018, 5, 20), now=TODAY).source == "metadata"
    user = settle(text, dl, metadata_date=dt.date(2018, 5, 20), user_date=dt.date(2018, 5, 19), now=TODAY)
    assert (user.source, user.published) == ("user", dt.date(2018, 5, 19))


def test_not_after_today() -> None:
    text = "MOSCOW, December 30 (Sputnik) – The ministry said on Wednesday it had met in 2026."
    d = settle(text, find_dateline(text), now=TODAY)
    # 2026-12-30 would fit, but lies after today; no earlier year is allowed by "met in 2026".
    assert d.source == "unknown" and d.published is None


def test_contradicting_weekday_lowers_confidence() -> None:
    text = "MOSCOW, December 30 (Sputnik) – The ministry said on Wednesday it had met in 2025."
    d = settle(text, find_dateline(text), now=TODAY)
    # Only 2025 is possible, but 2025-12-30 is a Tuesday: inferred, with the contradiction said.
    assert (d.source, d.published) == ("inferred", dt.date(2025, 12, 30))
    assert d.confidence < 0.9 and any("fits no candidate" in e for e in d.evidence)


def test_future_years_do_not_bound_the_past() -> None:
    assert past_years("The plan will run until 2030. It began in 2014.", until=2026) == [2014]
    assert past_years("Casualties were 25,000-30,000 in 1994.", until=2026) == [1994]


@pytest.mark.parametrize("bad", ["", "0000-00-00", "February 30 2020", "yesterday-ish", "32 May 2020"])
def test_parse_date_rejects_bad_dates(bad: str) -> None:
    with pytest.raises(DateError):
        parse_date(bad)


def test_parse_date_forms() -> None:
    assert parse_date("2016-04-04T10:00:00Z") == dt.date(2016, 4, 4)
    assert parse_date("4 April 2016") == dt.date(2016, 4, 4)
