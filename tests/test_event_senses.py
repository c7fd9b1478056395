"""Senses of a trigger that report no act, or another doer, told by the words around it (invented
sentences, general English and the PLOVER manual)."""

from __future__ import annotations

import datetime as dt

import pytest

from .test_events import _code

DAY = dt.date(2011, 3, 2)


def _types(text: str) -> list[str]:
    return [e.event for e in _code(text, DAY)]


def test_a_disease_a_relative_clause_reports_on_kills_no_one_by_attack() -> None:
    text = "Ministers will meet on Friday to discuss the epidemic , which doctors believe has killed about 300 people in Peru ."
    assert "ASSAULT" not in _types(text)


@pytest.mark.parametrize(("text", "requests"), [("The senator asked whether the agency had enough staff .", 0),
                                                 ("She asked the minister what he would do about the shortage .", 0),
                                                 ("The senator asked the agency for more staff .", 1)])  # fmt: skip
def test_asking_a_question_requests_nothing(text: str, requests: int) -> None:
    assert _types(text).count("REQUEST") == requests


def test_joining_another_in_an_act_is_doing_it_not_meeting() -> None:
    assert "CONSULT" not in _types("Italy joined France and Germany in reporting new cases of the disease .")
    [condemned] = _code("Italy joined France in condemning the attack .", DAY)
    assert condemned.event == "ACCUSE" and [a.code for a in condemned.actors] == ["ITA"]
    assert _types("Italy joined the talks in Geneva on Monday .") == ["CONSULT"]


def test_the_doer_of_a_verb_does_what_its_by_gerund_says() -> None:
    [expelled] = _code("Russia responded by expelling ten British diplomats .", DAY)
    assert expelled.event == "SANCTION" and [a.code for a in expelled.actors] == ["RUS"]
    assert [r.code for r in expelled.recipients] == ["GBR"]


def test_who_is_released_is_the_recipient_and_who_withdraws_the_actor() -> None:
    [released] = _code("Two British hostages were released on Monday .", DAY)
    assert released.actors == () and [r.code for r in released.recipients] == ["GBR"]
    [withdrawn] = _code("Hundreds of troops were withdrawn from the border on Monday .", DAY)
    assert withdrawn.event == "RETREAT" and [a.sector for a in withdrawn.actors] == ["MIL"]


def test_one_invited_somewhere_did_not_invite() -> None:
    invited = [e for e in _code("Invited to Moscow last year , the Syrian president met Russian leaders on Monday .", DAY)
               if e.event == "AGREE"]  # fmt: skip
    assert all("SYR" not in {a.code for a in e.actors} for e in invited)


def test_leaving_a_place_is_no_visit_and_leaving_for_one_is() -> None:
    assert _types("The minister left Cairo on Monday , accompanied by his aides .") == []
    [trip] = _code("The minister left for Beijing on Monday for talks with Chinese leaders .", DAY)
    assert (trip.event, trip.mode) == ("CONSULT", "visit") and "CHN" in {r.code for r in trip.recipients}


@pytest.mark.parametrize("text", ["The government ordered 20 million doses of the vaccine last year .",
                                  "The airline has ordered 50 new jets from Boeing .",
                                  "The ministry has ordered millions of face masks ."])  # fmt: skip
def test_an_order_of_goods_is_a_purchase_not_a_demand(text: str) -> None:
    assert "REQUEST" not in _types(text)


def test_an_order_to_people_stays_one() -> None:
    assert _types("The governor ordered the residents to leave the coast .") == ["REQUEST"]
