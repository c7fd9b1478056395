from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline import Corpus
from dateline.annotate.time import Timex, find_timexes, is_valid
from dateline.annotate.time.timeml import parse_timeml, to_timeml
from dateline.cli.main import cli
from dateline.core.timevalues import interval
from dateline.ingest.clean import clean

from .conftest import SEED_FILES

if TYPE_CHECKING:
    from spacy.tokens import Doc


def tagged(index: int, dct: dt.date | None) -> dict[str, Timex]:
    text = clean(SEED_FILES[index].read_text(encoding="utf-8")).text
    return {t.text: t for t in find_timexes(text, dct)}


def test_seed_000_relative_and_absolute() -> None:
    t = tagged(0, dt.date(2018, 5, 19))
    assert t["Friday"].value == "2018-05-18"
    assert t["Saturday"].value == "2018-05-19"
    assert t["1991"].value == "1991" and t["2016"].value == "2016"
    assert (t["1992"].value, t["1992"].signal) == ("1992", "since")  # a start point
    assert "25th anniversary" not in " ".join(t)


def test_seed_001_months_and_mods() -> None:
    t = tagged(1, dt.date(2020, 2, 11))
    assert (t["late January"].value, t["late January"].mod) == ("2020-01", "END")
    assert t["March 2019"].value == "2019-03"
    assert t["February 1988"].value == "1988-02"


def test_seed_003_range_last_year_and_future_month() -> None:
    t = tagged(3, dt.date(2015, 5, 25))
    assert (t["May 24-26"].value, t["May 24-26"].range_end) == ("2015-05-24", "2015-05-26")
    assert t["last year"].value == "2014"
    assert t["September"].value == "2015-09"  # "exercises ... are scheduled for September"
    assert t["Monday"].value == "2015-05-25"
    assert t["the 1980s"].value == "198"


def test_seed_004_night_and_duration() -> None:
    t = tagged(4, dt.date(2016, 4, 4))
    assert (t["Friday night"].type, t["Friday night"].value) == ("TIME", "2016-04-01TNI")
    assert t["Monday"].value == "2016-04-04"
    decade = t["almost a decade"]
    assert (decade.type, decade.value, decade.mod) == ("DURATION", "P10Y", "APPROX")
    assert "the first minutes" not in t


def test_seed_002_unresolved_without_date_then_resolved() -> None:
    unresolved = tagged(2, None)
    assert (unresolved["September 27"].value, unresolved["September 27"].unresolved) == ("XXXX-09-27", True)
    assert unresolved["Wednesday"].value == "XXXX-WXX-3"
    assert unresolved["February 1988"].unresolved is False
    resolved = tagged(2, dt.date(2020, 9, 30))
    assert resolved["September 27"].value == "2020-09-27" and not resolved["September 27"].unresolved
    assert (resolved["1992-1994"].value, resolved["1992-1994"].range_end) == ("1992", "1994")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministers met on Monday.", "2016-04-04"),  # the DCT is a Monday: that day
        ("The ministers met on Tuesday.", "2016-03-29"),
        ("The ministers will meet on Tuesday.", "2016-04-05"),
        ("Lavrov said on Friday that talks will resume.", "2016-04-01"),
    ],
)
def test_tense_decides_weekday_direction(sentence: str, expected: str) -> None:
    (timex,) = find_timexes(sentence, dt.date(2016, 4, 4))
    assert timex.value == expected


@pytest.mark.parametrize(
    ("phrase", "value", "mod"),
    [
        ("last year", "2015", ""), ("next week", "2016-W15", ""), ("earlier this month", "2016-04", "START"),
        ("now", "PRESENT_REF", ""), ("recently", "PAST_REF", ""), ("the 1980s", "198", ""),
        ("between 1988 and 1994", "1988", ""), ("two years ago", "2014", ""), ("three days", "P3D", ""),
        ("for 2 1/2 years", "P2Y6M", ""), ("more than four hours", "PT4H", "MORE_THAN"), ("daily", "P1D", ""),
        ("yesterday", "2016-04-03", ""), ("this morning", "2016-04-04TMO", ""), ("10:35 a.m.", "2016-04-04T10:35", ""),
        ("in nineteen ninety-six", "1996", ""), ("in the year two thousand", "2000", ""), ("in the 20th century", "19", ""),
        ("in the nineties", "199", ""), ("at the end of the month", "2016-04", "END"),
    ],
)  # fmt: skip
def test_expressions(phrase: str, value: str, mod: str) -> None:
    found = find_timexes(f"It happened {phrase}.", dt.date(2016, 4, 4))
    assert found and (found[0].value, found[0].mod) == (value, mod)
    if found[0].type in ("DATE", "TIME") and value[:1].isdigit():
        assert interval(found[0].value, found[0].range_end) is not None  # it can be placed on a timeline


def test_reference_time_moves_with_the_text() -> None:
    text = "In March 2019 the leaders met in Vienna. On May 3, 2019 they met again, and two days later they signed."
    values = [t.value for t in find_timexes(text, dt.date(2020, 2, 11))]
    assert values == ["2019-03", "2019-05-03", "2019-05-05"]


@pytest.mark.parametrize("odd", ["0000-00-00", "32 May", "February 30", "the year 10000", "9" * 5000, "May 0", "13/45/2020"])
def test_odd_strings_never_give_invalid_values(odd: str) -> None:
    for dct in (dt.date(2016, 4, 4), None, dt.date(1, 1, 1), dt.date(9999, 12, 31)):
        for t in find_timexes(f"It was {odd} when it happened.", dct):
            assert is_valid(t.value), (odd, t)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.dates()))
def test_any_text_any_date_gives_valid_values(text: str, dct: dt.date | None) -> None:
    for t in find_timexes(text, dct):
        assert is_valid(t.value) and text[t.start : t.end] == t.text and t.end > t.start


WORDS = ["on", "Friday", "May", "19", "2018", "last", "year", "next", "week", "two", "days", "ago", "since", "1992",
         "the", "1980s", "September", "27", "-", "late", "January", "will", "said", "daily", "Monday", "night",
         "Thanksgiving", "Easter", "Christmas", "that", "day", "quarter", "third-quarter", "year-ago", "a", "current",
         "5", "p.m.", "EST", "Nov.", "nineteen", "ninety-seven", "mid-November", "until", "payable", "'80s", "fiscal",
         "ended", "earlier", "period", "1988", "Feb.", "29", "30"]  # fmt: skip


def test_no_date_before_the_calendar_begins() -> None:
    # Hypothesis found it: "year-ago" in a paper of year 1 gave the year 0000, which no calendar holds.
    assert find_timexes("year-ago", dt.date(1, 1, 1)) == []
    assert [t.value for t in find_timexes("a year ago", dt.date(2, 1, 1))] == ["0001"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12), st.one_of(st.none(), st.dates()))
def test_temporal_word_soup_gives_valid_values(words: list[str], dct: dt.date | None) -> None:
    text = " ".join(words)
    for t in find_timexes(text, dct):
        assert is_valid(t.value)
        assert t.range_end is None or is_valid(t.range_end)
        if t.type in ("DATE", "TIME") and t.value[:1].isdigit():  # a date, not a reference or an open year
            assert interval(t.value, t.range_end) is not None, t


def test_timeml_round_trip(tmp_path: Path) -> None:
    raw = (
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>x</DOCID>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>\n'
        "<TEXT>AT&amp;T said on Friday it would cut 5 &lt; 6 jobs <EVENT eid=\"e1\">next</EVENT> year.</TEXT>\n</TimeML>\n"
    )
    doc = parse_timeml("x.tml", raw)
    assert doc.dct == dt.date(1998, 1, 8) and doc.text == "AT&T said on Friday it would cut 5 < 6 jobs next year."
    out = to_timeml(doc, find_timexes(doc.text, doc.dct))
    again = parse_timeml("out.tml", out)
    assert again.text == doc.text
    assert '<TIMEX3 tid="t1" type="DATE" value="1998-01-02">Friday</TIMEX3>' in out


def test_extract_time_cli(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["extract", "time", str(SEED_FILES[0]), "--dct", "2018-05-19"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert {"text": "Friday", "value": "2018-05-18"}.items() <= next(t for t in record["timexes"] if t["text"] == "Friday").items()
    out = tmp_path / "out"
    result = runner.invoke(cli, ["extract", "time", str(SEED_FILES[1]), "--format", "timeml", "--out-dir", str(out), "--dct", "2020-02-11"])
    assert result.exit_code == 0
    written = next(out.iterdir()).read_text(encoding="utf-8")
    assert parse_timeml("w", written).text == SEED_FILES[1].read_text(encoding="utf-8")


def test_stage_stores_timexes_and_follows_set_date(seeded_copy: Path) -> None:
    with Corpus(seeded_copy) as corpus:
        doc = corpus.document("004_52a82361d015938c")
        before = {s.text: s for s in corpus.spans(doc.id, kind="timex")}
        assert before["Friday night"].value == "XXXX-WXX-5TNI" and before["Friday night"].attrs["unresolved"]
        corpus.set_date(doc.id, "2016-04-04")
        after = {s.text: s for s in corpus.spans(doc.id, kind="timex")}
        assert after["Friday night"].value == "2016-04-01TNI" and "unresolved" not in after["Friday night"].attrs
        assert after["Monday"].value == "2016-04-04"
        assert all(doc.text[s.start : s.end] == s.text for s in after.values())


def _values(text: str, dct: dt.date | None) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in find_timexes(text, dct)}


def test_year_ago_in_an_earnings_report_is_the_same_quarter() -> None:
    text = (
        "Acme Corp. said its third-quarter net income rose to $5 million from $4 million a year ago. "
        "Sales in the quarter rose 9% from a year earlier. In the year-ago quarter it had a charge, "
        "and the 1988 second quarter was weak."
    )
    found = _values(text, dt.date(1989, 10, 26))
    assert found["third-quarter"] == ("DATE", "1989-Q3")  # the adjective, without "its"
    assert found["a year ago"] == ("DATE", "1988-Q3")
    assert found["a year earlier"] == ("DATE", "1988-Q3")
    assert found["the year-ago quarter"] == ("DATE", "1988-Q3")
    assert found["the 1988 second quarter"] == ("DATE", "1988-Q2")
    # Without a quarter just named it is the year before.
    assert _values("Profit doubled from a year ago.", dt.date(1989, 10, 26))["a year ago"] == ("DATE", "1988")


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        ("The board declared a dividend payable Jan. 2.", "Jan. 2", "1990-01-02"),  # a payment date lies ahead
        ("The company extended the offer until Dec. 7.", "Dec. 7", "1989-12-07"),
        ("The deal was expected in December.", "December", "1989-12"),  # a past-tense report two months ahead
        ("Prices have fallen since March.", "March", "1989-03"),
        ("He was shot last Nov. 20 at his home.", "Nov. 20", "1988-11-20"),  # "last": before the DCT, no slack
        ("Bombs exploded next to the embassies on Friday.", "Friday", "1989-10-27"),  # "next to" is no future
    ],
)
def test_words_before_a_date_decide_its_direction(sentence: str, phrase: str, value: str) -> None:
    assert _values(sentence, dt.date(1989, 11, 2))[phrase][1] == value


@pytest.mark.parametrize(
    ("sentence", "dct", "phrase", "value"),
    [
        ("The boy was found on Thanksgiving Day.", dt.date(2000, 1, 7), "Thanksgiving Day", "1999-11-25"),
        ("Stores will open on Christmas Eve.", dt.date(2000, 4, 3), "Christmas Eve", "2000-12-24"),
        ("Pilgrims gathered for Easter 2016.", None, "Easter 2016", "2016-03-27"),
        ("The vote is on Election Day.", dt.date(1998, 10, 26), "Election Day", "1998-11-03"),
        ("They met last Labor Day.", dt.date(2016, 12, 1), "last Labor Day", "2016-09-05"),
        ("It closed on Good Friday, 2000.", None, "Good Friday, 2000", "2000-04-21"),
    ],
)
def test_holidays(sentence: str, dct: dt.date | None, phrase: str, value: str) -> None:
    assert _values(sentence, dct)[phrase] == ("DATE", value)


def test_the_year_that_day_and_spelt_out_years() -> None:
    dct = dt.date(1989, 11, 2)
    assert _values("Revenue for the year ended June 30 rose.", dct)["the year"] == ("DURATION", "P1Y")
    assert _values("Sales for the full year rose.", dct)["the full year"] == ("DATE", "1989")
    assert _values("He fled in June 1988 and returned later that year.", dct)["later that year"] == ("DATE", "1988")
    assert _values("It began in October 1988. That same day he left.", dct)["That same day"] == ("DATE", "1988-10-XX")
    assert _values("January nineteen ninety-seven.", dct)["January nineteen ninety-seven"] == ("DATE", "1997-01")
    assert _values("in the winter of nineteen ninety-four", dct)["the winter of nineteen ninety-four"][1] == "1994-WI"
    assert _values("Prices rose in the '80s.", dct)["the '80s"] == ("DATE", "198")
    assert _values("the current crisis", dct)["current"] == ("DATE", "PRESENT_REF")


def test_extents_and_rates() -> None:
    dct = dt.date(1989, 11, 2)
    assert "a week" in _values("It will be over within a week.", dct)
    assert "three years" in _values("Sales grew over three years.", dct)
    assert _values("the eight-year war", dct) == {"eight-year": ("DURATION", "P8Y")}
    assert _values("over the last twenty four hours", dct) == {"the last twenty four hours": ("DURATION", "PT24H")}
    assert _values("a minute and a half", dct) == {"a minute and a half": ("DURATION", "PT1M30S")}
    assert _values("until mid-November", dct) == {"mid-November": ("DATE", "1989-11")}
    assert _values("It pays $1.76 a year and 700 seats a week.", dct) == {}  # rates, not durations
    assert _values("It runs four flights a week.", dct) == {}
    assert _values("The offer expires at 5 p.m. EST Nov. 9.", dct) == {"5 p.m. EST Nov. 9": ("TIME", "1989-11-09T17:00")}
    assert _values("He was shot at 10 p.m. as he stood there.", dct) == {"10 p.m.": ("TIME", "1989-11-02T22:00")}


@pytest.mark.parametrize(
    ("sentence", "dct", "phrase", "value"),
    [
        # No tense cue at all: the nearest such month, whichever side of the DCT.
        ("The merger needs approval in January.", dt.date(1989, 11, 2), "January", "1990-01"),
        ("Traffic police cited him in December.", dt.date(1998, 4, 18), "December", "1997-12"),
        # A passive "be held" is no past tense; a distant "said" reports, it does not date the event.
        ("The official said the delegates of all the member states would be held at the summit on April 24.",
         dt.date(1999, 2, 10), "April 24", "1999-04-24"),
        # A past verb of the clause still counts when it is farther than the local window.
        ("Investigators have been looking for the suspect ever since the morning after the Oct. 23 shooting.",
         dt.date(1999, 5, 6), "Oct. 23", "1998-10-23"),
    ],
)
def test_month_direction_without_a_close_cue(sentence: str, dct: dt.date, phrase: str, value: str) -> None:
    assert _values(sentence, dct)[phrase] == ("DATE", value)


def test_plans_in_the_past_tense_still_point_ahead() -> None:
    # "were planning to", "was expected to": a past auxiliary before a prospective verb is no past cue.
    dct = dt.date(2000, 1, 7)  # a Friday
    values = _values("Fans planned a parade downtown on Saturday and were planning to march to the stadium on Monday.", dct)
    assert values["Saturday"] == ("DATE", "2000-01-08") and values["Monday"] == ("DATE", "2000-01-10")


def test_vague_and_decade_quantities() -> None:
    dct = dt.date(1998, 2, 13)
    assert _values("The rule changed several years ago.", dct)["several years ago"] == ("DATE", "PAST_REF")
    assert _values("Prices are the lowest in two decades.", dct)["two decades"] == ("DURATION", "P20Y")
    assert _values("Troops could arrive within weeks.", dct)["weeks"] == ("DURATION", "PXW")
    assert _values("Over the next couple of years sales will grow.", dct)["the next couple of years"] == ("DURATION", "P2Y")


def test_weekday_and_weekend_direction_cues() -> None:
    dct = dt.date(2000, 4, 5)  # a Wednesday
    sentence = "She announced that the minister would be flying to the United Kingdom Thursday with his staff."
    assert _values(sentence, dct)["Thursday"] == ("DATE", "2000-04-06")  # "United" is no past tense
    monday = dt.date(1989, 10, 30)
    assert _values("Over the weekend, the bidder continued to call for an auction.", monday)["the weekend"] == (
        "DATE", "1989-W43-WE")  # fmt: skip


def test_sentence_ends_and_reporting_verbs() -> None:
    dct = dt.date(1998, 10, 25)
    # "vs." does not end the sentence, so "exploded" still dates "January" to the past.
    sentence = "In January, a week after the anniversary of Roe vs. Wade, a bomb exploded at a clinic."
    assert _values(sentence, dct)["January"] == ("DATE", "1998-01")
    # "added" reports; the event itself is ahead.
    sentence = "He added that the ceremony for all of the new members would still be held at the summit on April 24."
    assert _values(sentence, dt.date(1999, 2, 10))["April 24"] == ("DATE", "1999-04-24")


def test_previous_and_following_weekday_from_the_last_date() -> None:
    dct = dt.date(1989, 10, 30)  # a Monday
    values = _values("Stocks fell Friday, down 4% from the previous Friday. The next day was calm.", dct)
    assert values["Friday"] == ("DATE", "1989-10-27")
    assert values["the previous Friday"] == ("DATE", "1989-10-20")
    assert _values("It met on Oct. 2 and again the following Monday.", dct)["the following Monday"] == ("DATE", "1989-10-09")


def test_clock_time_before_an_aside_and_a_weekday() -> None:
    dct = dt.date(1998, 8, 8)  # a Saturday
    values = _values("The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.", dct)
    assert values["about 10:35 a.m."] == ("TIME", "1998-08-07T10:35") and values["Friday"] == ("DATE", "1998-08-07")


def test_the_quarter_a_year_ago() -> None:
    dct = dt.date(1989, 10, 26)
    text = "Third-quarter net rose to $5 million. For the quarter a year ago, the bank earned $4 million."
    assert _values(text, dct)["the quarter a year ago"] == ("DATE", "1988-Q3")


def test_capitalised_units_are_titles() -> None:
    dct = dt.date(1990, 8, 13)
    assert _values('The senator said on ABC\'s "This Week" that talks will resume.', dct) == {}
    assert _values("He told CBS's 60 Minutes about it.", dct) == {}
    assert _values("This week the talks resume.", dct) == {"This week": ("DATE", "1990-W33")}


def test_irregular_past_tenses() -> None:
    dct = dt.date(1989, 10, 27)
    assert _values("In January, the company brought in a new chief.", dct)["January"] == ("DATE", "1989-01")
    assert _values("The rebels fled Tuesday.", dct)["Tuesday"] == ("DATE", "1989-10-24")


def test_words_that_only_look_temporal() -> None:
    dct = dt.date(1999, 3, 12)
    assert _values("He was arrested at this march in the capital.", dct) == {}
    assert _values("For the people, high noon has come.", dct) == {}
    assert _values("It would be a second betrayal, and a second group agreed.", dct) == {}
    assert _values("It lasted a second or two.", dct) == {"a second": ("DURATION", "PT1S")}


def test_titles_and_fractions() -> None:
    dct = dt.date(1998, 3, 31)
    assert _values("He told USA Today about the plan.", dct) == {}
    assert _values("Today, the plan starts.", dct) == {"Today": ("DATE", "1998-03-31")}
    assert _values("Funds hold more than a quarter of the market.", dct) == {}
    assert "the first two quarters" in _values("Sales fell in the first two quarters of 1990.", dct)


def test_this_past_season() -> None:
    dct = dt.date(1989, 10, 30)
    assert _values("It closed the unit this past spring.", dct)["this past spring"] == ("DATE", "1989-SP")


def test_a_planned_thing_is_no_future_cue() -> None:
    dct = dt.date(1998, 8, 17)  # a Monday
    # "the hastily planned trip": an adjective, so the past "set aside" dates Friday; "planned to" still looks ahead.
    values = _values("On Friday, when the minister set aside the hastily planned trip, the warning was lifted.", dct)
    assert values["Friday"] == ("DATE", "1998-08-14")
    assert _values("The team planned to leave the capital on Thursday.", dct)["Thursday"] == ("DATE", "1998-08-20")


def test_the_last_half_of_a_year() -> None:
    dct = dt.date(1989, 10, 26)
    assert _values("Earnings will be lower for the last half of 1989.", dct)["the last half of 1989"] == ("DATE", "1989-H2")
    assert "the last half" not in _values("Sales grew through the last half of the decade.", dct)  # not a year's half


def test_plural_weekdays_recur() -> None:
    dct = dt.date(1998, 2, 13)
    values = _values("Two flights will leave on Monday and Tuesday nights, and the shop shuts on Sundays.", dct)
    assert values["Monday"] == ("SET", "XXXX-WXX-1TNI") and values["Tuesday nights"] == ("SET", "XXXX-WXX-2TNI")
    assert values["Sundays"] == ("SET", "XXXX-WXX-7")
    assert _values("They meet on Monday and Tuesday.", dct)["Monday"] == ("DATE", "1998-02-09")


def test_phrases_that_are_not_the_date_they_look_like() -> None:
    dct = dt.date(1998, 4, 24)
    assert "the past" not in _values("Riots have followed parades for the past three summers.", dct)
    assert "two thousand" not in _values("The families kept the secret for two thousand years.", dct)
    assert _values("Teenagers in today's world read less.", dct) == {}
    assert _values("Today's meeting was short.", dct) == {"Today": ("DATE", "1998-04-24")}
    assert _values("Solar power will one day be cheap.", dct) == {"one day": ("DATE", "FUTURE_REF")}
    assert _values("The strike lasted one day.", dct) == {"one day": ("DURATION", "P1D")}


def test_the_week_of_a_date() -> None:
    dct = dt.date(2000, 2, 24)
    assert _values("The case may be heard the week of March 6.", dct) == {"the week of March 6": ("DATE", "2000-W10")}
    assert _values("It shipped the week of Jan. 4, 1999.", dct) == {"the week of Jan. 4, 1999": ("DATE", "1999-W01")}


def test_a_quarter_named_by_its_last_day() -> None:
    dct = dt.date(1989, 10, 30)
    assert _values("In the quarter ended July 31, sales rose.", dct)["the quarter"] == ("DATE", "1989-Q2")
    assert _values("For the quarter ended Sept. 30, net rose.", dct)["the quarter"] == ("DATE", "1989-Q3")


def test_a_plan_in_the_past_perfect_is_past() -> None:
    dct = dt.date(1989, 11, 2)  # a Thursday
    assert _values("The offer was extended. It had been due to expire Friday.", dct)["Friday"] == ("DATE", "1989-10-27")
    assert _values("The offer is due to expire Friday.", dct)["Friday"] == ("DATE", "1989-11-03")


def test_the_corresponding_period_last_year() -> None:
    dct = dt.date(1989, 11, 1)
    text = ("Third-quarter net fell to $1 million from $1.8 million for the corresponding period last year. "
            "Exports for last year's quarter were $3 million.")  # fmt: skip
    values = _values(text, dct)
    assert values["the corresponding period last year"] == ("DATE", "1988-Q3")
    assert values["last year's quarter"] == ("DATE", "1988-Q3")


def test_parts_of_the_day_with_a_modifier() -> None:
    dct = dt.date(1989, 11, 2)
    assert _values("In London at mid-afternoon yesterday, shares rose.", dct)["mid-afternoon yesterday"] == ("TIME", "1989-11-01TAF")
    by_then = _values("By late morning, the troops had left.", dct)["late morning"]
    assert by_then == ("TIME", "1989-11-02TMO")
    assert _values("They meet later this afternoon.", dct)["later this afternoon"] == ("TIME", "1989-11-02TAF")


def test_a_year_ago_compares_with_a_quarter_already_over() -> None:
    dct = dt.date(1989, 10, 26)
    text = ("Third-quarter profit fell 54%. Analysts expect the slump to last through the third quarter of 1990. "
            "In the year-ago period, the company earned $101 million.")  # fmt: skip
    assert _values(text, dct)["the year-ago period"] == ("DATE", "1988-Q3")


def test_lengths_as_adjectives() -> None:
    dct = dt.date(2000, 4, 3)
    assert _values("They left their third day-long meeting.", dct) == {"day-long": ("DURATION", "P1D")}
    assert _values("It is a decades-long feud.", dct) == {"decades-long": ("DURATION", "PXY")}
    assert _values("It ended an hour-long debate.", dct) == {"hour-long": ("DURATION", "PT1H")}


def test_the_day_before_a_date() -> None:
    dct = dt.date(2000, 2, 24)  # a Thursday
    values = _values("The day before last Tuesday's hearing, he visited his uncle.", dct)
    assert values == {"The day before last Tuesday": ("DATE", "2000-02-21")}
    assert _values("They met on the day after Feb. 3.", dct)["the day after Feb. 3"] == ("DATE", "2000-02-04")
    spans = sorted((t.start, t.end) for t in find_timexes("A day after Tuesday's vote, he left.", dct))
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))  # no span taken twice


def test_then_current_is_the_present_of_the_past() -> None:
    values = _values("Holders may buy shares at half the then current market price.", dt.date(1989, 10, 26))
    assert values == {"then current": ("DATE", "PAST_REF")}


def test_stretches_of_unknown_length() -> None:
    dct = dt.date(1998, 1, 11)
    assert _values("Many will live without power for a while.", dct) == {"a while": ("DURATION", "PXX")}
    assert _values("He left a while ago.", dct) == {}
    assert _values("Over the years, waiting lists grew.", dct) == {"the years": ("DURATION", "PXY")}
    assert _values("Prices may fall in the weeks ahead.", dct) == {"the weeks ahead": ("DURATION", "PXW")}
    assert is_valid("PXX") and not is_valid("PXXX")


def test_the_first_hours() -> None:
    dct = dt.date(1991, 2, 25)
    assert _values("Prisoners were taken in the first hours of the war.", dct) == {"the first hours": ("DURATION", "PTXH")}
    assert _values("He was arrested in the early hours of the day.", dct) == {}


def test_plural_quarters_recur_unless_a_year_is_named() -> None:
    dct = dt.date(1989, 10, 26)
    values = _values("Most sales come in the second and fourth quarters.", dct)
    assert values == {"second": ("SET", "XXXX-Q2"), "fourth quarters": ("SET", "XXXX-Q4")}
    assert not any(v[0] == "SET" for v in _values("Sales fell in the third and fourth quarters of 1989.", dct).values())


def test_vague_future_phrases_and_in_years() -> None:
    dct = dt.date(1989, 10, 26)
    assert _values("It will raise the money at a later date.", dct) == {"a later date": ("DATE", "FUTURE_REF")}
    assert _values("It will sell the unit as soon as possible.", dct) == {"as soon as possible": ("DATE", "FUTURE_REF")}
    assert _values("Sales grew for the first time in years.", dct) == {"years": ("DURATION", "PXY")}


def test_vague_lengths_as_adjectives() -> None:
    assert _values("He followed a several-year tenure as editor.", dt.date(1989, 11, 2)) == {"several-year": ("DURATION", "PXY")}


def test_the_nth_day_of_something_is_today() -> None:
    dct = dt.date(1998, 3, 6)
    assert _values("It's the second day of the strike.", dct) == {"the second day": ("DATE", "1998-03-06")}
    assert _values("Today is the 12th day of the siege.", dct)["the 12th day"] == ("DATE", "1998-03-06")
    assert _values("He will act on his first day in office.", dct) == {}


@pytest.mark.parametrize(
    ("sentence", "dct", "phrase", "value"),
    [
        # A distant future verb does not carry a recent month-day to next year.
        ("Obama will return to the coast Friday, his third trip since the explosion on April 20.",
         dt.date(2010, 8, 4), "April 20", "2010-04-20"),
        # A close cue still does.
        ("The board will meet on April 20.", dt.date(2010, 8, 4), "April 20", "2011-04-20"),
        # "ill-timed" is an adjective, not a past tense.
        ("The concert is an ill-timed event; it takes place in Cardiff on 8 October.",
         dt.date(2011, 7, 26), "8 October", "2011-10-08"),
    ],
)
def test_distant_cues_do_not_carry_a_day_far_ahead(sentence: str, dct: dt.date, phrase: str, value: str) -> None:
    assert _values(sentence, dct)[phrase] == ("DATE", value)


def test_a_participle_after_a_determiner_is_no_past_cue() -> None:
    dct = dt.date(1989, 10, 26)
    # "a still unspecified date", "the revised schedule": adjectives, so the month keeps its default reading.
    values = _values("The bonus would be handed out on a still unspecified date in January.", dct)
    assert values["January"] == ("DATE", "1990-01")
    values = _values("Under the revised schedule the plant opens in January.", dct)
    assert values["January"] == ("DATE", "1990-01")
    # A real past verb still decides.
    assert _values("The plant opened in January.", dct)["January"] == ("DATE", "1989-01")


def test_a_holiday_week_is_the_week_the_holiday_falls_in() -> None:
    dct = dt.date(2011, 4, 26)
    assert _values("Shops stayed closed during Easter week.", dct)["Easter week"] == ("DATE", "2011-W16")  # Easter: 24 April
    assert _values("Traffic was light in Christmas week 2010.", dct)["Christmas week 2010"] == ("DATE", "2010-W51")
    assert _values("He came home for Easter.", dct)["Easter"] == ("DATE", "2011-04-24")


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # Tokenised text keeps the comma apart: the year is still the day's.
        ("The plant closed on March 3 , 1998 after a fire .", "March 3 , 1998", "1998-03-03"),
        ("The plant closed on 3 March , 1998 after a fire .", "3 March , 1998", "1998-03-03"),
        ("It closed on Tuesday , March 3 , 1998 .", "Tuesday , March 3 , 1998", "1998-03-03"),
        ("The plant closed on March 3, 1998, after a fire.", "March 3, 1998", "1998-03-03"),
    ],
)
def test_a_year_after_a_spaced_comma_is_the_days_year(sentence: str, phrase: str, value: str) -> None:
    assert _values(sentence, dt.date(2010, 6, 1))[phrase] == ("DATE", value)


def test_a_count_after_a_month_day_is_no_year() -> None:
    found = _values("On May 5, 2000 people marched; on May 9 , 1500 troops left.", dt.date(2010, 6, 1))
    assert found["May 5"] == ("DATE", "2010-05-05")
    assert found["May 9"] == ("DATE", "2010-05-09")
    assert not any(v.startswith(("2000", "1500")) for _t, v in found.values())


def test_a_clock_after_a_month_day_is_no_year() -> None:
    found = _values("19 January , 1130 GMT , Bani : the convoy is late .", dt.date(2010, 1, 19))
    assert found["19 January"] == ("DATE", "2010-01-19")


@pytest.mark.parametrize(
    ("sentence", "dct", "phrase", "value"),
    [
        # "ahead of" a weekday is a point still to come, whatever the tense of the clause.
        ("Shares fell ahead of Thursday 's testimony by the chief executive .", dt.date(2012, 3, 6), "Thursday", "2012-03-08"),
        ("The lawyers filed a memo in advance of Tuesday's hearing.", dt.date(2012, 3, 6), "Tuesday", "2012-03-06"),
        # "before" alone is not: "before Tuesday's blast" is past.
        ("Regulators had worked on new rules before Tuesday's blast.", dt.date(2012, 3, 9), "Tuesday", "2012-03-06"),
    ],
)
def test_ahead_of_a_weekday_points_ahead(sentence: str, dct: dt.date, phrase: str, value: str) -> None:
    assert _values(sentence, dct)[phrase] == ("DATE", value)


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # A simple past before "until" / "by" ends a past stretch.
        ("The leak ran until July 15 , when the well was capped .", "July 15", "2012-07-15"),
        ("The firms knew by April 20 that the seal had failed.", "April 20", "2012-04-20"),
        # A present perfect or a future keeps the deadline ahead.
        ("The minister has halted drilling until Nov. 30 .", "Nov. 30", "2012-11-30"),
        ("The board will stay in office until July 15.", "July 15", "2013-07-15"),
        ("Victims have until July 15 to file claims.", "July 15", "2013-07-15"),
        # So does a verb that sets or moves the deadline.
        ("The minister extended the ban until March 30 .", "March 30", "2013-03-30"),
    ],
)
def test_a_past_verb_before_until_ends_a_past_stretch(sentence: str, phrase: str, value: str) -> None:
    assert _values(sentence, dt.date(2012, 11, 2))[phrase] == ("DATE", value)


def test_a_past_verb_of_another_clause_does_not_end_the_stretch() -> None:
    dct = dt.date(2012, 5, 27)
    found = _values("The oil was captured by the current and by noon Friday could reach the keys.", dct)
    assert found["noon Friday"] == ("TIME", "2012-06-01T12:00")
    found = _values("The panel formed in the last year has until July 15 to report.", dct)
    assert found["July 15"] == ("DATE", "2012-07-15")


def test_a_date_heading_a_line_is_a_record_of_the_past() -> None:
    text = "Key dates of the affair:\nApril 30 - The chief executive says the firm will pay.\n* 16 June: The two men meet officials.\n"
    found = _values(text, dt.date(2013, 1, 11))
    assert found["April 30"] == ("DATE", "2012-04-30")
    assert found["16 June"] == ("DATE", "2012-06-16")
    # Not a clock time after the dash, nor a date inside the line.
    found = _values("He said on April 30 - a Monday - that the firm will pay.\nApril 30 - 10:45 GMT\n", dt.date(2013, 1, 11))
    assert found["April 30"] == ("DATE", "2013-04-30")


def test_a_day_naming_an_unplanned_event_is_past() -> None:
    found = _values("Lawyers will meet victims of the April 20 explosion next week.", dt.date(2012, 11, 2))
    assert found["April 20"] == ("DATE", "2012-04-20")
    # A planned event keeps the tense of its clause.
    assert _values("Voters will go to the polls in the April 20 election.", dt.date(2012, 11, 2))["April 20"] == ("DATE", "2013-04-20")


def test_an_unplanned_event_on_a_day_is_past() -> None:
    dct = dt.date(2012, 11, 21)
    found = _values("The fund opened 100 days after an explosion on the rig on April 22 .", dct)
    assert found["April 22"] == ("DATE", "2012-04-22")
    found = _values("The captain in charge at the time of its sinking , on 3 March , will not testify .", dct)
    assert found["3 March"] == ("DATE", "2012-03-03")


def test_capitals_of_a_page_navigation_are_no_next() -> None:
    found = _values("BACK 3 of 9 NEXT 26 MAY : TOP KILL OF THE WELL", dt.date(2012, 6, 4))
    assert found["26 MAY"] == ("DATE", "2012-05-26")
    assert _values("The vote is set for next May 26.", dt.date(2012, 6, 4))["May 26"] == ("DATE", "2013-05-26")


def test_as_scheduled_says_nothing_of_direction() -> None:
    found = _values("He retired from the navy , as scheduled , on June 30 .", dt.date(2012, 10, 1))
    assert found["June 30"] == ("DATE", "2012-06-30")
    assert _values("The plant is scheduled to open on June 30.", dt.date(2012, 10, 1))["June 30"] == ("DATE", "2013-06-30")


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # A live blog stamps its posts with the time: no years, but a year in a post still is one.
        ("Live\n1405 The ministry has not confirmed reports .\n1512 Rescue teams arrive .\n"
         "1733 A reader in the capital e-mails : help .\nThe country voted in 1991 .\n", ["1991"]),
        # A chronology of years: some are no clock time (1988: no minute 88), so all stay years.
        ("Timeline\n1988 Nagorno-Karabakh votes to secede\n1991 Azerbaijan declares independence\n"
         "1994 A ceasefire is signed\n2016 Fighting flares\n", ["1988", "1991", "1994", "2016"]),
        # Recent years read as clock times from 20:00 on, but a live blog also posts before 19:00.
        ("Timeline\n2001 The war begins\n2004 Elections are held\n2009 Forces withdraw\n", ["2001", "2004", "2009"]),
        # Two stamps are no run of them.
        ("Updates\n1405 The ministry has not confirmed reports .\n1512 Rescue teams arrive .\n", ["1405", "1512"]),
    ],
)  # fmt: skip
def test_live_blog_stamps_are_no_years(text: str, years: list[str]) -> None:
    assert [t.value for t in find_timexes(text, dt.date(2020, 1, 15)) if t.type == "DATE"] == years


@pytest.fixture(scope="module")
def parse() -> Callable[[str], Doc]:
    from dateline.annotate.model import load_model

    return load_model()


@pytest.mark.parametrize("with_parse", [False, True])
@pytest.mark.parametrize(
    ("text", "years"),
    [
        # A number far from the publication date right before a plural noun is a count.
        ("Shelling killed 1400 civilians in the city, activists said.", []),
        ("Some 1700 homes were destroyed.", []),
        ("Prices rose to 1200 dollars.", []),
        # After a determiner, a possessive or a temporal preposition, or coordinated with a year, a year.
        ("The 1948 borders were never agreed.", ["1948"]),
        ("In 1900 prices were lower.", ["1900"]),
        ("The country's 1963 emergency laws were lifted.", ["1963"]),
        ("The family is listed in the 1861 and 1871 censuses.", ["1861", "1871"]),
        # A year near the publication date stays one: "the 2001 attacks", "2012 elections".
        ("Voters await 2012 elections.", ["2012"]),
    ],
)  # fmt: skip
def test_a_number_before_a_plural_noun_far_from_the_date_is_a_count(
    text: str, years: list[str], with_parse: bool, parse: Callable[[str], Doc]
) -> None:
    found = find_timexes(text, dt.date(2012, 2, 9), doc=parse(text) if with_parse else None)
    assert [t.value for t in found if t.rule == "year"] == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("The council passed Resolution 1973 on a no-fly zone.", []),
        ("Under resolution No. 1559 the militias were to disarm.", []),
        ("Flight 1549 landed on the river; room 1208 was empty.", []),
        ("The council passed a resolution in 1973.", ["1973"]),
    ],
)
def test_a_number_after_a_document_or_series_noun_is_no_year(text: str, years: list[str]) -> None:
    assert [t.value for t in find_timexes(text, dt.date(2012, 2, 9)) if t.type == "DATE"] == years


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Ministers of the March 8 coalition walked out.", []),
        ("The March 14 Alliance boycotted the talks.", []),
        ("Leaders of the 14 March movement met.", []),
        ("The April 6 Youth Movement called a strike.", []),
        # The same month-day before an event is a day: "the March 14 rally", "a May 26 party".
        ("The March 14 rally drew thousands.", ["2012-03-14"]),
        ("He hosted a May 26 party for donors.", ["2011-05-26"]),
    ],
)
def test_a_month_day_before_a_group_noun_is_a_name(text: str, dates: list[str]) -> None:
    assert [t.value for t in find_timexes(text, dt.date(2012, 2, 9))] == dates


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The verb of the expression's own clause decides, not a nearer one beyond a comma.
        ("The plan, which two members blocked on Saturday, will be put to a vote.", "2012-02-04"),
        ("After two members blocked the plan on Saturday, the league will meet again.", "2012-02-04"),
        ("Two members vetoed the plan on Saturday; the capital will host talks.", "2012-02-04"),
        ("The envoy, who will arrive on Saturday, said the talks had stalled.", "2012-02-11"),
        # A weekday in a past clause is the last such day; the publication's own weekday is that day
        # itself (as the TempEval-3 news annotates it), a week earlier only after "last".
        ("Troops blocked the road on Thursday.", "2012-02-09"),
        ("Troops blocked the road last Thursday.", "2012-02-02"),
    ],
)
def test_a_weekday_takes_the_tense_of_its_own_clause(text: str, value: str) -> None:
    (found,) = [t for t in find_timexes(text, dt.date(2012, 2, 9)) if t.rule == "weekday"]
    assert found.value == value


D = dt.date


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        ("It fell on May 3.", "2016-05-03", (D(2016, 5, 3), D(2016, 5, 3))),
        ("It fell at 10:35 a.m.", "2016-04-04T10:35", (D(2016, 4, 4), D(2016, 4, 4))),
        ("It fell on Friday night.", "2016-04-01TNI", (D(2016, 4, 1), D(2016, 4, 1))),
        ("It fell last week.", "2016-W13", (D(2016, 3, 28), D(2016, 4, 3))),
        ("It fell over the weekend.", "2016-W13-WE", (D(2016, 4, 2), D(2016, 4, 3))),
        ("It fell in March.", "2016-03", (D(2016, 3, 1), D(2016, 3, 31))),
        ("It fell in the third quarter.", "2015-Q3", (D(2015, 7, 1), D(2015, 9, 30))),
        ("It fell in the first half of 2015.", "2015-H1", (D(2015, 1, 1), D(2015, 6, 30))),
        ("It fell last summer.", "2015-SU", (D(2015, 6, 1), D(2015, 8, 31))),
        ("It fell in the winter of 2014.", "2014-WI", (D(2014, 12, 1), D(2015, 2, 28))),
        ("It fell in 1998.", "1998", (D(1998, 1, 1), D(1998, 12, 31))),
        ("It fell in the early 1930s.", "193", (D(1930, 1, 1), D(1939, 12, 31))),
        ("It fell in the 19th century.", "18", (D(1800, 1, 1), D(1899, 12, 31))),
        ("It ran from 1992-1994.", "1992", (D(1992, 1, 1), D(1994, 12, 31))),
        ("It ran May 24-26.", "2016-05-24", (D(2016, 5, 24), D(2016, 5, 26))),
        ("In October 1998 they met. That day it fell.", "1998-10-XX", (D(1998, 10, 1), D(1998, 10, 31))),
    ],
)
def test_every_kind_of_date_the_tagger_gives_is_a_stretch_of_days(text: str, value: str, span: tuple[D, D]) -> None:
    found = find_timexes(text, dt.date(2016, 4, 4))[-1]
    assert found.value == value and is_valid(found.value)
    assert interval(found.value, found.range_end) == span


def test_a_chronology_run_into_one_line_keeps_each_entry_in_the_past(parse: Callable[[str], Doc]) -> None:
    # A factbox whose line breaks were lost: each "date :" heads an entry told in the historical present.
    text = ("March : Dam fails to hold flood 2 June : Government begins criminal inquiry 15 July : "
            "New barrier brings temporary halt to flooding .")
    found = {t.text: t.value for t in find_timexes(text, dt.date(2010, 9, 8), doc=parse(text))}
    assert found["2 June"] == "2010-06-02" and found["15 July"] == "2010-07-15"
    # A date that ends a plan is still ahead.
    text = "Talks will resume 2 June : the envoy said so ."
    assert {t.text: t.value for t in find_timexes(text, dt.date(2010, 9, 8), doc=parse(text))}["2 June"] == "2011-06-02"
