"""TIMEX3 values as stretches of days (dateline.core.timevalues)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.core.timevalues import calendar_part, granularity, interval, overlaps

D = dt.date


@pytest.mark.parametrize(
    ("value", "span", "kind"),
    [
        ("2012-02-09", (D(2012, 2, 9), D(2012, 2, 9)), "day"),
        ("2012-02-09T14:30", (D(2012, 2, 9), D(2012, 2, 9)), "day"),
        ("2012-02-09TEV", (D(2012, 2, 9), D(2012, 2, 9)), "day"),
        ("2012-W05", (D(2012, 1, 30), D(2012, 2, 5)), "week"),
        ("2012-W03-WE", (D(2012, 1, 21), D(2012, 1, 22)), "weekend"),
        ("2012-W03-3", (D(2012, 1, 18), D(2012, 1, 18)), "day"),
        ("2015-W53", (D(2015, 12, 28), D(2016, 1, 3)), "week"),  # an ISO week across the new year
        ("2012-02", (D(2012, 2, 1), D(2012, 2, 29)), "month"),
        ("2012-Q4", (D(2012, 10, 1), D(2012, 12, 31)), "quarter"),
        ("2012-H1", (D(2012, 1, 1), D(2012, 6, 30)), "half"),
        ("2012-FA", (D(2012, 9, 1), D(2012, 11, 30)), "season"),
        ("2011-WI", (D(2011, 12, 1), D(2012, 2, 29)), "season"),
        ("2012", (D(2012, 1, 1), D(2012, 12, 31)), "year"),
        ("193", (D(1930, 1, 1), D(1939, 12, 31)), "decade"),
        ("20", (D(2000, 1, 1), D(2099, 12, 31)), "century"),
        ("1998-10-XX", (D(1998, 10, 1), D(1998, 10, 31)), "month"),
        ("1998-XX-XX", (D(1998, 1, 1), D(1998, 12, 31)), "year"),
    ],
)
def test_a_value_covers_its_days(value: str, span: tuple[D, D], kind: str) -> None:
    assert interval(value) == span
    assert granularity(value) == kind


@pytest.mark.parametrize(
    "value",
    ["XXXX-05-03", "XXXX-WXX-1", "XXXX", "P3Y", "PT2H", "PXX", "PRESENT_REF", "PAST_REF", "2011-02-30", "2011-W53",
     "2012-13", "", "yesterday", "2012-W03-W"],
)  # fmt: skip
def test_what_is_no_stretch_of_the_calendar_has_none(value: str) -> None:
    assert interval(value) is None and granularity(value) is None


def test_a_range_runs_to_the_end_of_its_last_value() -> None:
    assert interval("2015-05-24", "2015-05-26") == (D(2015, 5, 24), D(2015, 5, 26))
    assert interval("1992", "1994") == (D(1992, 1, 1), D(1994, 12, 31))
    assert interval("1992", "XXXX") == (D(1992, 1, 1), D(1992, 12, 31))  # an open end adds nothing


def test_dates_of_any_granularity_sort_by_start_and_filter_by_overlap() -> None:
    values = ["2012-08-16", "2012-W05", "193", "2012", "2012-Q3", "2012-W03-WE"]
    starts = sorted(values, key=lambda v: interval(v) or (D.max, D.max))
    assert starts == ["193", "2012", "2012-W03-WE", "2012-W05", "2012-Q3", "2012-08-16"]
    in_2012 = [v for v in values if overlaps(v, D(2012, 1, 1), D(2012, 12, 31))]
    assert in_2012 == ["2012-08-16", "2012-W05", "2012", "2012-Q3", "2012-W03-WE"]
    assert overlaps("2012-W05", D(2012, 2, 1), None) and not overlaps("2012-W05", None, D(2012, 1, 29))


def test_the_calendar_part_drops_only_a_time_of_day() -> None:
    assert [calendar_part(v) for v in ("2012-02-09TNI", "2012-02-09T14:30", "2012-W03-WE", "2012-W05", "193")] == [
        "2012-02-09", "2012-02-09", "2012-W03-WE", "2012-W05", "193",
    ]


def test_a_weekend_reaches_the_timeline_and_statements_whole() -> None:
    # "2012-W03-WE" cut to ten characters was the malformed "2012-W03-W", taken for a day.
    from dateline.annotate.quotes.attribution import statement_date
    from dateline.annotate.quotes.quote import Quote
    from dateline.core.timexes import Timex
    from dateline.resolve.timeline_model import compatible, granularity_of

    assert granularity_of("2012-W03-WE") != "day" and compatible("2012-W03-WE", "2012-W03")
    text = '"We will stay," he said over the weekend. "We will go," she said on Friday.'
    said = text.index("said")
    quote = Quote(1, 14, said, said + 4, "say", said - 3, said - 1, True, 0, text.index(".") + 1)
    start = text.index("over the weekend")
    weekend = Timex(start, start + 16, "over the weekend", "DATE", "2012-W03-WE", anchor="dct")
    assert statement_date(quote, [weekend]) is None  # a statement's date is a day
    said2 = text.index("said", said + 4)
    later = Quote(43, 54, said2, said2 + 4, "say", said2 - 4, said2 - 1, True, 42, len(text))
    start = text.index("Friday")
    friday = Timex(start, start + 6, "Friday", "DATE", "2012-01-20", anchor="dct")
    assert statement_date(later, [friday]) == "2012-01-20"
    assert statement_date(later, [Timex(start, start + 6, "Friday", "DATE", "2012-01-20TNI")]) == "2012-01-20"
