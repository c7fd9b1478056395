from __future__ import annotations

from pathlib import Path

import pytest

from dateline import Corpus
from dateline.resolve.headlines import PHRASES, event_headline, join_names


@pytest.mark.parametrize(
    ("event", "mode", "actors", "recipients", "headline"),
    [
        ("CONSULT", "", ["Armenia", "Azerbaijan"], [], "Armenia and Azerbaijan hold talks"),
        ("CONSULT", "", ["Russia"], [], "Russia holds talks"),
        ("CONSULT", "", ["Russia"], ["Armenia"], "Russia meets with Armenia"),
        ("CONSULT", "", [], ["Ilham Aliyev", "Nikol Pashinyan"], "Talks between Ilham Aliyev and Nikol Pashinyan"),
        ("CONSULT", "visit", ["Sergei Lavrov"], ["Armenia"], "Sergei Lavrov visits Armenia"),
        ("REQUEST", "", ["Russia"], ["Armenia", "Azerbaijan"], "Russia calls on Armenia and Azerbaijan"),
        ("REQUEST", "", [], ["Abkhazia", "Nagorno-Karabakh"], "Appeal to Abkhazia and Nagorno-Karabakh"),
        ("ACCUSE", "disapprove", ["France", "Germany"], ["Iran"], "France and Germany criticize Iran"),
        ("ACCUSE", "", [], [], "Accusations"),
        ("ASSAULT", "aerial", ["NATO"], [], "NATO launches airstrikes"),
        ("ASSAULT", "", ["A", "B", "C"], ["D"], "A, B and C attack D"),
        ("PROTEST", "strike-gen", ["Teamsters Union"], [], "Teamsters Union protests (strike-gen)"),  # a mode without a phrase is shown
        # A plural noun phrase takes a plural verb; a name never does, whatever its ending.
        ("REJECT", "", ["the ministers"], ["France"], "The ministers reject a demand of France"),
        ("CONSULT", "visit", ["three senators"], ["Mexico"], "Three senators visit Mexico"),
        ("AID", "", ["police"], [], "Police give aid"),
        ("REQUEST", "", ["United States"], ["Cuba"], "United States calls on Cuba"),
        ("REQUEST", "", ["The Netherlands"], [], "The Netherlands makes an appeal"),
        ("CONSULT", "visit", ["a young man"], ["Mexico"], "A young man visits Mexico"),
        # A name before a plural head does not make it one: "US lawmakers", "British businessmen".
        ("ACCUSE", "", ["US lawmakers"], ["BP"], "US lawmakers accuse BP"),
        ("ACCUSE", "disapprove", ["United Kingdom businessmen"], [], "United Kingdom businessmen voice criticism"),
        # The manual's modes that say more than their type.
        ("SANCTION", "convict", ["A court"], ["Dana Ruiz"], "A court convicts Dana Ruiz"),
        ("COERCE", "martial-law", ["Ohio", "Texas"], [], "Ohio and Texas declare a state of emergency"),
        ("SANCTION", "discontinue", ["China"], ["Mexico"], "China cuts ties or trade with Mexico"),
        ("COERCE", "arrest", [], ["Dana Ruiz"], "Arrest or trial of Dana Ruiz"),
    ],
)
def test_headline_agrees_with_its_actors(event: str, mode: str, actors: list[str], recipients: list[str], headline: str) -> None:
    assert event_headline(event, mode, actors, recipients) == headline


def test_every_type_reads_without_actor_or_recipient() -> None:
    for event in PHRASES:
        for actors in ([], ["X"], ["X", "Y"]):
            for recipients in ([], ["Z"]):
                text = event_headline(event, "", actors, recipients)
                assert "{" not in text and "  " not in text and text[0].isupper(), (event, text)


def test_join_names() -> None:
    assert [join_names(n) for n in ([], ["A"], ["A", "B"], ["A", "B", "C"])] == ["", "A", "A and B", "A, B and C"]


def test_example_corpus_headlines_read_as_sentences(seeded_db: Path) -> None:
    with Corpus(seeded_db, readonly=True) as corpus:
        headlines = [e.headline for e in corpus.timeline()]
    assert headlines and not any("Unknown actor" in h for h in headlines)
    assert "Armenia and Azerbaijan hold talks" in headlines  # "the foreign ministers of Armenia and Azerbaijan met"


def test_an_agreement_type_reads_as_a_commitment() -> None:
    # "vowed to make the company pay" is AGREE: a commitment, not an agreement reached.
    assert event_headline("AGREE", "", ["Barack Obama"], []) == "Barack Obama makes a commitment"
    assert event_headline("AGREE", "", ["Iran"], ["European Union"]) == "Iran makes a commitment to European Union"


def test_a_countrys_people_are_not_its_state_in_a_headline() -> None:
    import json

    from dateline.resolve.timeline_model import _participants, _shown

    actors = _participants(json.dumps([{"actor_id": "person:ana-ruiz", "name": "Ana Ruiz", "code": "MEX", "sector": "GOV"}]))
    people = _participants(json.dumps([{"actor_id": "MEX", "name": "Mexico", "code": "MEX", "sector": "CVL"}]))
    state = _participants(json.dumps([{"actor_id": "MEX", "name": "Mexico", "code": "MEX", "sector": ""}]))
    assert set(people) != set(state)  # "urged Mexicans to stay at home" is no act on the state
    # The actors' own state is left out of the recipients; its people, whom the act is on, are not.
    assert _shown(state.values(), {"MEX"}) == []
    shown = _shown(people.values(), {"MEX"})
    assert event_headline("REQUEST", "", _shown(actors.values()), shown) == "Ana Ruiz calls on people of Mexico"
    business = _participants(json.dumps([{"actor_id": "ESP", "name": "Spain", "code": "ESP", "sector": "BUS"}]))
    assert _shown(business.values()) == ["businesses of Spain"]  # "Spain's biggest airline suspended flights"
    assert event_headline("SANCTION", "", ["businesses of Spain"], ["Peru"]) == "Businesses of Spain impose sanctions on Peru"
    assert event_headline("SANCTION", "", ["Bank of England"], ["Peru"]).startswith("Bank of England imposes")


def test_a_court_known_by_where_it_sits_is_a_court_there() -> None:
    import json

    from dateline.resolve.timeline_model import _participants, _shown

    # "John Smith appeared in court in Los Angeles": the court of the state sits there.
    court = _participants(json.dumps([{"actor_id": "USA", "name": "Los Angeles", "code": "USA", "sector": "JUD"}]))
    assert _shown(court.values()) == ["a court in Los Angeles"]
    assert event_headline("COERCE", "arrest", _shown(court.values()), ["John Smith"]) == "A court in Los Angeles arrests or charges John Smith"
