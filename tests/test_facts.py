"""Dated facts: the concept and the kind of date a sentence gives its history."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.annotate.actors import find_actor_mentions
from dateline.annotate.facts import find_facts, load_concepts
from dateline.annotate.model import load_model
from dateline.annotate.time import find_timexes
from dateline.core.errors import ConfigError
from dateline.core.knowledge import load

TEXT = (
    "Kosovo declared independence from Serbia in 2008.\n\n"
    "Talks between Belgrade and Pristina have been mediated by the European Union since 2011.\n\n"
    "The war lasted from 1998 to 1999, and NATO troops have controlled the border for almost two decades.\n\n"
    "On Saturday, the president said he would not recognise the breakaway state."
)


@pytest.fixture(scope="module")
def facts() -> list[tuple[str, str | None, str | None, str | None, tuple[str, ...]]]:
    doc = load_model()(TEXT)
    timexes = find_timexes(TEXT, None, doc=doc)
    mentions = find_actor_mentions(doc, knowledge=load(()))
    return [(f.kind, f.date, f.date_end, f.duration, f.concepts) for f in find_facts(doc, timexes, mentions)]


def test_point_since_range_and_duration(facts: list[tuple[str, str | None, str | None, str | None, tuple[str, ...]]]) -> None:
    kinds = {(k, d, e, dur): c[0] for k, d, e, dur, c in facts}
    assert kinds[("point", "2008", None, None)] == "independence"
    assert kinds[("since", "2011", None, None)] == "mediation"
    assert kinds[("range", "1998", "1999", None)] == "war"
    assert any(k == "duration" and dur and dur.startswith("P2") for k, _, _, dur, _ in facts)


def test_relative_dates_are_news_not_history(facts: list[tuple[str, str | None, str | None, str | None, tuple[str, ...]]]) -> None:
    # "On Saturday ... the breakaway state" is the article's own news, which the events stage codes.
    assert all(d is None or d[:1].isdigit() for _, d, _, _, _ in facts)
    assert not any("secession" in c for *_, c in facts)


def test_user_concepts_file(tmp_path: Path) -> None:
    path = tmp_path / "concepts.yaml"
    path.write_text("coup:\n  event: COERCE\n  label: coup\n  lemmas: [coup, putsch]\n", encoding="utf-8")
    concepts = load_concepts((str(path),))
    assert concepts["coup"].event == "COERCE" and "ceasefire" in concepts
    broken = tmp_path / "broken.yaml"
    broken.write_text("- not a mapping\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="concepts file"):
        load_concepts((str(broken),))


def _concepts_of(text: str) -> set[str]:
    doc = load_model()(text)
    mentions = find_actor_mentions(doc, knowledge=load(()))
    return {c for f in find_facts(doc, find_timexes(text, None, doc=doc), mentions) for c in f.concepts}


def test_leaving_is_secession_only_from_a_named_state_and_found_is_not_founded() -> None:
    assert "secession" in _concepts_of("In 1990 the province voted to leave the Yugoslav Federation.")
    assert "secession" not in _concepts_of("In 2011 the singer's family left the court in silence.")
    assert "secession" not in _concepts_of("In 1902 Ellen Price left the Harlech area with her brothers.")
    assert "secession" not in _concepts_of("On 3 May 2015 the players left court after the verdict against the club's chairman.")
    assert "founding" in _concepts_of("The party was founded in 1998 by former army officers.")
    assert "founding" not in _concepts_of("In 2011 the doctor was found guilty of manslaughter.")
