from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import Corpus
from dateline.annotate.actors import actor_for_text, find_actor_mentions
from dateline.annotate.actors.knowledge import load
from dateline.annotate.actors.places import geocode
from dateline.annotate.model import load_model
from dateline.cli.main import cli
from dateline.core.errors import ConfigError

from .conftest import SEED_FILES


@pytest.fixture(scope="module")
def actors(seeded_db: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    with Corpus(seeded_db, readonly=True) as corpus:
        return {a.id: a.as_dict() for a in corpus.actors()}


@pytest.mark.parametrize(
    ("actor_id", "code", "sector", "office"),
    [
        ("person:lavrov", "RUS", "GOV", "Foreign Minister"),
        ("person:zakharova", "RUS", "GOV", "Foreign Ministry Spokeswoman"),
        ("person:rudenko", "RUS", "GOV", "Deputy Foreign Minister"),
        ("person:aliyev", "AZE", "GOV", "President"),
        ("person:pashinyan", "ARM", "GOV", "Prime Minister"),
        ("person:mamedyarov", "AZE", "GOV", "Foreign Minister"),
        ("person:naryshkin", "RUS", "LEG", "Speaker"),
        ("person:rogozin", "RUS", "GOV", "Deputy Prime Minister"),
        ("person:galbur", "MDA", "GOV", "Foreign Minister"),
        ("RUS:GOV:foreign-ministry", "RUS", "GOV", ""),
        ("ORG:osce-minsk-group", "IGO", "", ""),
        ("PRE:nagorno-karabakh", "AZE", "PRE", ""),
        ("PRE:abkhazia", "GEO", "PRE", ""),
    ],
)
def test_seed_actors(actors: dict[str, dict], actor_id: str, code: str, sector: str, office: str) -> None:  # type: ignore[type-arg]
    actor = actors[actor_id]
    assert (actor["code"], actor["sector"], actor["office"]) == (code, sector, office)


def test_one_actor_for_both_spellings(actors: dict[str, dict]) -> None:  # type: ignore[type-arg]
    lavrov = actors["person:lavrov"]
    assert {"Sergei Lavrov", "Lavrov"} <= set(lavrov["aliases"]) and lavrov["name"] == "Sergey Lavrov"
    assert lavrov["n_documents"] == 2


def test_spacy_errors_do_not_leak(actors: dict[str, dict]) -> None:  # type: ignore[type-arg]
    # spaCy tags Baku PERSON and Zakharova ORG in this corpus; neither becomes a wrong actor.
    assert not any(a["kind"] == "person" and a["name"] in ("Baku", "Yerevan", "Azerbaijan") for a in actors.values())
    assert "Zakharova" not in [a["name"] for a in actors.values() if a["kind"] != "person"]


def test_pronouns_and_nominals_resolve() -> None:
    nlp = load_model()
    mentions = find_actor_mentions(nlp(SEED_FILES[2].read_text(encoding="utf-8")))
    resolved = {m.text: m.actor_id for m in mentions if m.via in ("pronoun", "nominal")}
    assert resolved["the diplomat"] == "person:zakharova" and resolved["she"] == "person:zakharova"
    first = find_actor_mentions(nlp(SEED_FILES[0].read_text(encoding="utf-8")))
    nominals = {m.text: m.actor_id for m in first if m.via == "nominal"}
    assert nominals["the press service"] == "RUS:GOV:foreign-ministry"
    assert nominals["The ministry"] == "RUS:GOV:foreign-ministry"


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [("Azerbaijani Foreign Ministry", "AZE", "GOV"), ("Baku", "AZE", "GOV"), ("Turkish police", "TUR", "COP"),
     ("Afghan guerillas", "AFG", "REB"), ("the Kremlin", "RUS", "GOV"), ("UN Security Council", "IGO", "GOV"),
     ("Karabakh representatives", "AZE", "PRE")],
)  # fmt: skip
def test_actor_for_text(text: str, code: str, sector: str) -> None:
    found = actor_for_text(text)
    assert found is not None and (found.code, found.sector) == (code, sector)


def test_places_are_geocoded(seeded_db: Path) -> None:
    assert geocode("Sokhumi") is not None and geocode("Sokhumi").country == "GEO"  # type: ignore[union-attr]
    assert geocode("Geneva").country == "CHE"  # type: ignore[union-attr]
    with Corpus(seeded_db, readonly=True) as corpus:
        places = {s.text: s.attrs for s in corpus.spans(1, kind="place")}
    assert places["Sokhumi"]["country"] == "GEO" and abs(places["Sokhumi"]["lat"] - 43.0) < 0.1


def test_bad_user_actor_file_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("demonyms:\n  RUS: [Russian\n  AZE: [Azeri]\n")
    with pytest.raises(ConfigError, match=rf"{bad}:\d+: invalid YAML"):
        load((str(bad),))
    twice = tmp_path / "twice.yaml"
    twice.write_text("demonyms:\n  RUS: [Russian]\n  RUS: [Chechen]\n")
    with pytest.raises(ConfigError, match=rf"{twice}:3: invalid YAML: duplicate key 'RUS'"):
        load((str(twice),))
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("colours: [red]\n")
    with pytest.raises(ConfigError, match="unknown section"):
        load((str(wrong),))


def test_user_actor_file_extends_knowledge(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("organisations:\n  - {name: Minsk Process Watch, code: NGO, aliases: [MPW]}\n")
    kb = load((str(extra),))
    found = actor_for_text("MPW", knowledge=kb)
    assert found is not None and found.code == "NGO"


def test_odd_names_do_not_break() -> None:
    nlp = load_model()
    text = "Сергей Лавров met 王毅 in Moscow. " + "A" * 5000 + " said Zakharova."
    mentions = find_actor_mentions(nlp(text))
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert actor_for_text("x" * 10_000) is None


def test_cli_actors_actor_and_extract(seeded_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(cli, ["actors", "--db", str(seeded_db), "--code", "RUS", "--sector", "GOV", "--format", "json"])
    assert listed.exit_code == 0 and "person:zakharova" in {a["id"] for a in json.loads(listed.stdout)}
    one = runner.invoke(cli, ["actor", "Sergei Lavrov", "--db", str(seeded_db), "--format", "json"])
    data = json.loads(one.stdout)
    assert data["id"] == "person:lavrov" and len(data["documents"]) == 2
    with Corpus(seeded_db, readonly=True) as corpus:
        assert corpus.actor("Zakharowa").id == "person:zakharova"  # fuzzy
    extracted = runner.invoke(cli, ["extract", "entities", str(SEED_FILES[1])])
    record = json.loads(extracted.stdout)
    rudenko = next(m for m in record["mentions"] if m["actor_id"] == "person:rudenko")
    assert (rudenko["code"], rudenko["sector"]) == ("RUS", "GOV")


def test_place_index_is_cached_and_rebuilt_when_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.annotate.actors import places

    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path))
    places._index.cache_clear()
    try:
        built = places._index()
        [cached] = tmp_path.glob("places-*.pickle")
        places._index.cache_clear()
        assert places._index() == built and places.geocode("Moscow") is not None
        cached.write_bytes(b"not a pickle")  # a broken cache is rebuilt, not an error
        places._index.cache_clear()
        assert places._index() == built and cached.stat().st_size > 1000
    finally:
        places._index.cache_clear()


@pytest.mark.parametrize(
    ("text", "phrase", "code", "sector"),
    [
        ("Senior Danish and Swedish officials met in Oslo.", "Danish", "DNK", "GOV"),  # one body, two countries
        ("Senior Danish and Swedish officials met in Oslo.", "Swedish officials", "SWE", "GOV"),
        ("Peru's prime minister resigned.", "Peru's prime minister", "PER", "GOV"),  # an office without a name
        ("Former Peruvian President Alberto Fujimori was arrested.", "Alberto Fujimori", "PER", "ELI"),  # no longer GOV
        ("Kazakh Foreign Minister Erlan Idrissov Tuesday signed the treaty.", "Erlan Idrissov", "KAZ", "GOV"),
        ("The state-run Egyptian newspaper criticised Israel.", "Egyptian newspaper", "EGY", "GOV"),  # state media
        ("Bosnian Serbs demanded a truce.", "Bosnian Serbs", "BIH", "CVL"),  # spaCy says PERSON
        ("Clashes broke out in Nairobi on Monday.", "Nairobi", "KEN", ""),  # a place, not the government
        ("Nairobi accused Kampala of arming the rebels.", "Nairobi", "KEN", "GOV"),  # the government
        ("Baghdad University students marched.", "Baghdad", "IRQ", "EDU"),  # the capital names the university
        # An ethnic group is coded by the state it lives in; without "ethnic" the demonym is the state.
        ("Ethnic Hungarians in Slovakia demanded schools in their language.", "Hungarians", "SVK", "CVL"),
        ("Ethnic Serb militants attacked a police post in Croatia.", "Serb militants", "HRV", "REB"),
        ("Hungarians in Slovakia demanded schools in their language.", "Hungarians", "HUN", "CVL"),
        ("France deployed army engineers to the border.", "France", "FRA", ""),  # a clause, not "France ... army"
        ("Kenyan detainees went on hunger strike.", "Kenyan detainees", "KEN", "CVL"),
    ],
)  # fmt: skip
def test_mention_classes(text: str, phrase: str, code: str, sector: str) -> None:
    nlp = load_model()
    at = text.index(phrase)
    found = [m for m in find_actor_mentions(nlp(text)) if m.start <= at < m.end]
    assert found and (found[0].code, found[0].sector) == (code, sector), [(m.text, m.code, m.sector) for m in found]
    if phrase.endswith("Idrissov"):
        assert "Tuesday" not in found[0].text  # a name stops before a weekday


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [("Democratic People's Republic of Korea", "PRK", ""), ("Ghanaians", "GHA", "CVL"), ("Polish priests", "POL", "REL"),
     ("Protestant extremists in Northern Ireland", "GBR", "REB"), ("U.N. refugee agency", "IGO", "REF"),
     ("Colombian drug traffickers", "COL", "CRM"), ("the Association of Asian Journalists", "NGO", "JRN"),
     ("Global Forum on Clean Air", "NGO", ""), ("Hamas (Islamic Resistance Party)", "PSE", "REB")],
)  # fmt: skip
def test_actor_for_text_classes(text: str, code: str, sector: str) -> None:
    found = actor_for_text(text)
    assert found is not None and (found.code, found.sector) == (code, sector)


def test_nongovernmental_section_must_be_a_list_of_words(tmp_path: Path) -> None:
    bad = tmp_path / "ngo.yaml"
    bad.write_text("nongovernmental: {Forum: NGO}\n")
    with pytest.raises(ConfigError, match="'nongovernmental' must be a list of words"):
        load((str(bad),))
