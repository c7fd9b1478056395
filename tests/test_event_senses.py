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


def _parsed(rows: list[tuple[str, str, str, str, int]]) -> object:
    """A parse given by hand (word, tag, pos, dep, head): the shape the tagger sometimes gives."""
    from spacy.tokens import Doc

    from dateline.annotate.model import load_model

    words, tags, pos, deps, heads = map(list, zip(*rows, strict=True))
    return Doc(load_model().vocab, words=words, tags=tags, pos=pos, deps=deps, heads=heads, lemmas=[w.lower() for w in words])


def test_a_participle_read_as_a_past_tense_is_not_done_by_the_main_subject() -> None:
    from dateline.annotate.events.roles import subject

    # "The Government has a stockpile , ordered as a precaution ." with "ordered" tagged VBD.
    doc = _parsed([("The", "DT", "DET", "det", 1), ("Government", "NNP", "PROPN", "nsubj", 2), ("has", "VBZ", "VERB", "ROOT", 2),
                   ("a", "DT", "DET", "det", 4), ("stockpile", "NN", "NOUN", "dobj", 2), (",", ",", "PUNCT", "punct", 2),
                   ("ordered", "VBD", "VERB", "advcl", 2), ("as", "IN", "ADP", "prep", 6), ("a", "DT", "DET", "det", 9),
                   ("precaution", "NN", "NOUN", "pobj", 7), (".", ".", "PUNCT", "punct", 2)])  # fmt: skip
    assert subject(doc[6]) is None  # type: ignore[index]
    assert subject(doc[2]).text == "Government"  # type: ignore[index,union-attr]


def test_a_relative_clause_verb_read_as_a_conjunct_is_not_done_by_the_main_subject() -> None:
    from dateline.annotate.events.roles import subject

    # "Ministers met to discuss the floods , which officials suspect have killed 90 ." misparsed.
    doc = _parsed([("Ministers", "NNS", "NOUN", "nsubj", 1), ("met", "VBD", "VERB", "ROOT", 1), ("to", "TO", "PART", "aux", 3),
                   ("discuss", "VB", "VERB", "advcl", 1), ("the", "DT", "DET", "det", 5), ("floods", "NNS", "NOUN", "dobj", 3),
                   (",", ",", "PUNCT", "punct", 5), ("which", "WDT", "PRON", "nsubj", 9), ("officials", "NNS", "NOUN", "nsubj", 9),
                   ("suspect", "VBP", "VERB", "relcl", 5), ("have", "VBP", "AUX", "aux", 11), ("killed", "VBN", "VERB", "conj", 1),
                   ("90", "CD", "NUM", "dobj", 11), (".", ".", "PUNCT", "punct", 1)])  # fmt: skip
    assert subject(doc[11]) is None  # type: ignore[index]
    assert _types("The army entered the city at dawn , arrested the mayor .").count("COERCE") == 2


def test_information_released_to_the_public_is_a_statement_and_to_another_actor_shared() -> None:
    assert _types("The World Health Organization released a new global update earlier today .") == []
    [shared] = _code("Britain released information on the suspects to Interpol .", DAY)
    assert shared.event == "COOPERATE" and [r.code for r in shared.recipients] == ["IGO"]


def test_people_owned_by_a_pronoun_are_the_actors_not_the_place_they_are_in() -> None:
    [advised] = _code("Canada advised its citizens in Egypt to leave the country .", DAY)
    assert advised.event == "REQUEST" and [(r.code, r.sector) for r in advised.recipients] == [("CAN", "CVL")]
    # The pronoun is of the last one named before it: here China's, not the accuser's.
    accused = [e for e in _code("Peru criticised China on Monday , accusing its government of discrimination .", DAY)
               if e.trigger_lemma == "accuse"]  # fmt: skip
    assert accused and [(r.code, r.sector) for e in accused for r in e.recipients] == [("CHN", "GOV")]


@pytest.mark.parametrize(("text", "actor"), [("The Peruvian ambassador to China criticised the quarantine on Monday .", "PER"),
                                              ("The US envoy to the UN criticised Iran on Monday .", "USA")])  # fmt: skip
def test_an_envoy_is_of_the_one_who_sends_them_not_where_they_are_posted(text: str, actor: str) -> None:
    [criticised] = _code(text, DAY)
    assert [a.code for a in criticised.actors] == [actor]


def test_examining_samples_investigates_no_one() -> None:
    assert _types("Those samples are now being examined by the French health ministry .") == []
    assert _types("French police are investigating the minister for corruption .") == ["ACCUSE"]


@pytest.mark.parametrize("text", ["The UN on Monday gave the number of recorded cases as 7,000 worldwide .",
                                  "The president gave a speech in Cairo on Monday .",
                                  "The minister gave an interview to French television .",
                                  "Police gave no details of the arrests ."])  # fmt: skip
def test_a_speech_an_interview_or_figures_given_are_statements(text: str) -> None:
    assert _types(text) == []


def test_a_states_neighbour_is_another_state() -> None:
    [banned] = _code("Peru 's northern neighbour Ecuador has banned all flights from Lima .", DAY)
    assert [a.code for a in banned.actors] == ["ECU"] and [r.code for r in banned.recipients] == ["PER"]
    assert all("PER" not in {a.code for a in e.actors} for e in _code("Peru 's northern neighbour has banned all flights from Lima .", DAY))
    # A state's own body is its own.
    [attack] = _code("Russia 's army attacked the town on Monday .", DAY)
    assert [a.code for a in attack.actors] == ["RUS"]


def test_each_entry_of_a_chronology_takes_the_date_that_heads_it() -> None:
    text = "3 March : Police arrest protest leaders 9 March : Government imposes curfew in the capital ."
    dates = {e.trigger_lemma: e.date for e in _code(text, dt.date(2011, 4, 8))}
    assert dates == {"arrest": "2011-03-03", "impose": "2011-03-09"}


def test_relief_sent_is_aid_to_where_it_is_sent() -> None:
    [sent] = _code("France sent food and medicine to Haiti on Monday .", DAY)
    assert sent.event == "AID" and [r.code for r in sent.recipients] == ["HTI"]


def test_who_is_sent_is_not_whom_it_is_sent_to() -> None:
    [dispatched] = _code("President Obama has dispatched senior officials , including the interior secretary , to the area .", DAY)
    assert dispatched.recipients == ()


@pytest.mark.parametrize(("text", "requests"), [("The minister insisted he was not a suspect in the case .", 0),
                                                 ("The minister has insisted that nothing he did should have harmed the patient .", 0),
                                                 ("Iran insisted that the inspectors leave the country .", 1),
                                                 ("The expert insisted that strict precautions are in place .", 0),
                                                 ("Iran insisted that the inspectors should leave the country .", 1)])  # fmt: skip
def test_insisting_on_what_is_so_demands_nothing(text: str, requests: int) -> None:
    assert _types(text).count("REQUEST") == requests


def test_a_verb_that_is_no_event_alone_keeps_the_patterns_that_say_what_was_done() -> None:
    assert _types("The minister expressed outrage at the attack on Monday .") == ["ACCUSE"]
    assert _types("The dissident applied for asylum in Sweden .") == ["REQUEST"]
    assert _types("The doctor applied cream to his back .") == []


def test_hosting_a_show_receives_no_visitor() -> None:
    assert _types("The presenter will co-host the event with the actor Tom Hale .") == []
    assert _types("Egypt hosted the Israeli prime minister on Monday .") == ["CONSULT"]


def test_a_body_released_is_no_release_of_a_captive() -> None:
    assert _types("The singer 's body has been released to his family .") == []
    assert _types("Two hostages have been released by the rebels .") == ["RETREAT"]


@pytest.mark.parametrize(("text", "talks"), [("Tonight the president talked about faith several times .", 0),
                                              ("The minister talked to reporters about the crisis .", 0),
                                              ("The president talked with the Russian leader for an hour .", 1),
                                              ("Obama and Medvedev talked for an hour on Monday .", 1)])  # fmt: skip
def test_talks_need_someone_to_talk_with(text: str, talks: int) -> None:
    assert _types(text).count("CONSULT") == talks


def test_what_a_thing_means_is_no_intent_and_going_somewhere_no_visit() -> None:
    assert _types("The WHO said it means the virus is spreading in two regions of the world .") == []
    assert _types("The minister went to Paris on Monday .") == []


def test_a_company_of_a_country_acts_as_a_business_not_as_the_state() -> None:
    [suspended] = _code("Spain 's biggest airline suspended all flights to Lima on Monday .", DAY)
    assert [(a.code, a.sector) for a in suspended.actors] == [("ESP", "BUS")]


def test_what_would_have_been_done_is_no_threat_and_no_act() -> None:
    events = _code("The senator said Britain would have attacked Iraq anyway .", DAY)
    assert "THREATEN" not in {e.event for e in events} and all(e.status != "asserted" for e in events)
    [threat] = _code("The senator said Britain would attack Iraq .", DAY)
    assert threat.event == "THREATEN" and threat.status == "asserted"


def test_a_wish_about_things_demands_nothing_and_one_of_another_asks_them() -> None:
    assert _types("Most Americans just want the leak to stop .") == []
    [wish] = [e for e in _code("Russia wants Britain to pay for the damage .", DAY) if e.status == "asserted"]
    assert wish.event == "REQUEST" and [r.code for r in wish.recipients] == ["GBR"]
    [sought] = _code("France sought assurances from Germany about the treaty .", DAY)
    assert sought.event == "REQUEST" and [r.code for r in sought.recipients] == ["DEU"]
    assert _types("France wants guarantees from the treaty .") == []  # from no one: nothing asked


@pytest.mark.parametrize(("text", "talks"), [("The French president says he thinks about the crisis morning and night .", 0),
                                             ("The French president pondered the crisis for a week .", 0),
                                             ("The French president met the German chancellor on Monday .", 1)])  # fmt: skip
def test_pondering_alone_consults_no_one(text: str, talks: int) -> None:
    assert _types(text).count("CONSULT") == talks


def test_who_owns_a_word_hung_on_the_head_is_not_the_doer() -> None:
    [asked] = _code("Lawyers for Michael Jackson 's family have asked a judge to delay the trial .", DAY)
    assert [a.name for a in asked.actors] == ["Lawyers"] and [a.sector for a in asked.actors] == ["JUD"]
    [shelled] = _code("Bashar al-Assad 's forces shelled the town of Homs .", DAY)
    assert [a.code for a in shelled.actors] == ["SYR"]  # the owner of the head itself acts through it


def test_a_plural_auxiliary_refuses_a_single_person_as_the_shared_subject() -> None:
    # A photo caption run into the story: "have asked" is not the dead singer's verb.
    text = "John Smith died in June 2009 aged 50 Executors of John Smith 's estate have asked the Discovery Channel to cancel plans ."
    assert all(not e.actors for e in _code(text, DAY))
    [asked] = [e for e in _code("Barack Obama met the Mexican president and has asked Congress for more money .", DAY) if e.event == "REQUEST"]
    assert [a.code for a in asked.actors] == ["USA"]


@pytest.mark.parametrize(("text", "sector"), [("US congressmen accused the company of complacency .", "LEG"),
                                              ("Iraqi farmers protested against the government on Monday .", "AGR")])  # fmt: skip
def test_a_country_that_modifies_an_agent_is_that_agent_of_it(text: str, sector: str) -> None:
    [event] = _code(text, DAY)
    assert [(a.code, a.sector) for a in event.actors] == [(event.actors[0].code, sector)] and event.actors[0].code


def test_a_thing_described_as_a_disaster_accuses_no_one() -> None:
    assert _types("President Barack Obama has described it as a potentially unprecedented environmental disaster .") == []
    [accused] = _code("President Barack Obama has criticised Iran .", DAY)
    assert accused.event == "ACCUSE" and [r.code for r in accused.recipients] == ["IRN"]


def test_those_acted_on_along_with_the_object_are_recipients_too() -> None:
    [criticised] = _code("The minister criticised China , along with Peru and Cuba , for cutting flights .", DAY)
    assert [r.code for r in criticised.recipients] == ["CHN", "PER", "CUB"]
    [joined] = _code("Mexico , along with Canada , criticised China on Saturday .", DAY)
    assert [r.code for r in joined.recipients] == ["CHN"]


def test_a_second_verb_that_codes_nothing_names_the_recipient_of_the_first() -> None:
    # One commitment told in two verbs: what is bought is sent to Mexico.
    [promise] = _code("The US has announced that it will buy 13 million courses of the drug and send 400,000 of them to Mexico .", DAY)
    assert promise.event == "AGREE" and [r.code for r in promise.recipients] == ["MEX"]
    # A second verb with its own auxiliary is a second act, whoever it names.
    [advice] = _code("Japan advised its nationals in Mexico to return home and has suspended visa waivers for Mexicans .", DAY)
    assert [(r.code, r.sector) for r in advice.recipients] == [("JPN", "CVL")]
