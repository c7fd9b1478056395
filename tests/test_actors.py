from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import Corpus, TextInput
from dateline.annotate.actors import actor_for_text, find_actor_mentions
from dateline.annotate.model import load_model
from dateline.cli.main import cli
from dateline.core.errors import ConfigError
from dateline.core.knowledge import load
from dateline.core.knowledge.places import geocode

from .conftest import SEED_FILES


@pytest.fixture(scope="module")
def actors(seeded_db: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    with Corpus(seeded_db, readonly=True) as corpus:
        return {a.id: a.as_dict() for a in corpus.actors()}


@pytest.mark.parametrize(
    ("actor_id", "code", "sector", "office"),
    [
        ("person:sirki-lavruv", "RUS", "GOV", "Foreign Minister"),
        ("person:maria-zakaruva", "RUS", "GOV", "Foreign Ministry Spokeswoman"),
        ("person:andri-rudinku", "RUS", "GOV", "Deputy Foreign Minister"),
        ("person:ilham-aliv", "AZE", "GOV", "President"),
        ("person:nikul-pasinian", "ARM", "GOV", "Prime Minister"),
        ("person:ilmar-mamidiaruv", "AZE", "GOV", "Foreign Minister"),
        ("person:sirki-nariskin", "RUS", "LEG", "Speaker"),
        ("person:dmitri-rukuzin", "RUS", "GOV", "Deputy Prime Minister"),
        ("person:andri-kalbur", "MDA", "GOV", "Foreign Minister"),
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
    lavrov = actors["person:sirki-lavruv"]
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
    assert resolved["the diplomat"] == "person:maria-zakaruva" and resolved["she"] == "person:maria-zakaruva"
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


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # An office in apposition gives its holder a country and sector; a former one makes an elite.
        ("Sir Peter Hale, the former British ambassador to Chile, said the war was a mistake.", "Sir Peter Hale", ("GBR", "ELI")),
        ("Jane Holloway, a US senator, criticised the plan.", "Jane Holloway", ("USA", "LEG")),
        ("Tomas Reyes, the president of Chile, said so.", "Tomas Reyes", ("CHL", "GOV")),
        # After "to", the country named is where the office is held, not whose it is.
        ("Anna Berg, the ambassador to Chile, said so.", "Anna Berg", ("", "GOV")),
        # No office: no role.
        ("Peter Brand, a friend of the president, said so.", "Peter Brand", ("", "")),
        # The office first, the name in apposition to it.
        ("However the former British ambassador to Chile, Sir Peter Hale, said so.", "Peter Hale", ("GBR", "ELI")),
        ("The French foreign minister, Jean Dupont, criticised the plan.", "Jean Dupont", ("FRA", "GOV")),
        # A country's office by its possessive, before or after the name; the name may end the sentence.
        ("Peru's ambassador to China, Luis Quispe, said the students were well.", "Luis Quispe", ("PER", "GOV")),
        ("Luis Quispe, Peru's ambassador to China, said the students were well.", "Luis Quispe", ("PER", "GOV")),
        ("The students were well, said Peru's ambassador to China, Luis Quispe.", "Luis Quispe", ("PER", "GOV")),
    ],
)
def test_an_office_in_apposition_gives_its_holder_a_role(text: str, name: str, expected: tuple[str, str]) -> None:
    found = {m.text: (m.code, m.sector) for m in find_actor_mentions(load_model()(text))}
    assert found[name] == expected


def test_a_name_without_its_second_surname_is_the_dictionary_person() -> None:
    # The dictionary knows "Patricia Espinosa Cantellano" (Mexico's foreign minister); news writes
    # "Patricia Espinosa". The country she criticises is not hers.
    text = "Foreign Minister Patricia Espinosa criticised Peru on Monday."
    found = {m.text: (m.code, m.sector) for m in find_actor_mentions(load_model()(text), day=dt.date(2009, 5, 3))}
    assert found["Foreign Minister Patricia Espinosa"] == ("MEX", "GOV")


def test_an_untitled_former_office_is_an_elite() -> None:
    found = {m.text: (m.code, m.sector) for m in find_actor_mentions(load_model()("The former British ambassador said so."))}
    assert found["British ambassador"] == ("GBR", "ELI")


def test_outlets_are_media_of_their_country(tmp_path: Path) -> None:
    nlp = load_model()
    found = {m.text: (m.kind, m.code, m.sector) for m in find_actor_mentions(nlp("The BBC and Xinhua reported the clashes."))}
    assert found["BBC"] == ("media", "GBR", "JRN") and found["Xinhua"] == ("media", "CHN", "JRN")
    # A user's file may list outlets by country, or as names alone (no country).
    mine = tmp_path / "outlets.yaml"
    mine.write_text("outlets:\n  NOR: [Aftenposten]\n")
    assert load((str(mine),)).outlets["Aftenposten"] == "NOR"
    plain = tmp_path / "plain.yaml"
    plain.write_text("outlets: [Daily Planet]\n")
    assert load((str(plain),)).outlets["Daily Planet"] == ""
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("outlets: {NOR: Aftenposten}\n")
    with pytest.raises(ConfigError, match="outlets"):
        load((str(wrong),))


def test_odd_names_do_not_break() -> None:
    nlp = load_model()
    text = "Сергей Лавров met 王毅 in Moscow. " + "A" * 5000 + " said Zakharova."
    mentions = find_actor_mentions(nlp(text))
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert actor_for_text("x" * 10_000) is None


def test_cli_actors_actor_and_extract(seeded_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(cli, ["actors", "--db", str(seeded_db), "--code", "RUS", "--sector", "GOV", "--format", "json"])
    assert listed.exit_code == 0 and "person:maria-zakaruva" in {a["id"] for a in json.loads(listed.stdout)}
    one = runner.invoke(cli, ["actor", "Sergei Lavrov", "--db", str(seeded_db), "--format", "json"])
    data = json.loads(one.stdout)
    assert data["id"] == "person:sirki-lavruv" and len(data["documents"]) == 2
    with Corpus(seeded_db, readonly=True) as corpus:
        assert corpus.actor("Zakharowa").id == "person:maria-zakaruva"  # fuzzy
    extracted = runner.invoke(cli, ["extract", "entities", str(SEED_FILES[1])])
    record = json.loads(extracted.stdout)
    rudenko = next(m for m in record["mentions"] if m["actor_id"] == "person:andri-rudinku")
    assert (rudenko["code"], rudenko["sector"]) == ("RUS", "GOV")


def test_place_index_is_cached_and_rebuilt_when_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.core.knowledge import places

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


@pytest.mark.parametrize("space", ["\xa0", "\u2009", "\n", "\u200d ", " \u200b"])
def test_names_across_any_space_keep_offsets(space: str) -> None:
    nlp = load_model()
    text = f"The UN Security{space}Council met. Donald{space}Trump and Bashar{space}al-Assad spoke in Moscow."
    mentions = find_actor_mentions(nlp(text))
    assert all(text[m.start : m.end] == m.text for m in mentions)
    council = [m for m in mentions if "Council" in m.text]
    assert council and council[0].code == "IGO"


def test_people_are_never_merged_by_surname() -> None:
    nlp = load_model()
    text = ("Syrian President Bashar al-Assad met rebels. Col Riad al-Assad, a rebel commander, refused. "
            "Hillary Clinton said she was worried. Bill Clinton said he agreed. Therefore Lavrov left. "
            "Abu Suleiman's men fled.")  # fmt: skip
    mentions = find_actor_mentions(nlp(text), day=dt.date(2012, 3, 1), doc_key="7")
    by_text = {m.text: m for m in mentions}
    assert by_text["Riad al-Assad"].actor_id != by_text["Syrian President Bashar al-Assad"].actor_id
    assert by_text["she"].actor_id == by_text["Hillary Clinton"].actor_id
    assert by_text["he"].actor_id == by_text["Bill Clinton"].actor_id != by_text["Hillary Clinton"].actor_id
    assert "Lavrov" in by_text and "Abu Suleiman" in by_text  # no adverb, no possessive in a name
    # A royal title sets a namesake apart as a rank does: Jordan's King Hussein is not Saddam Hussein.
    kings = find_actor_mentions(nlp("Saddam Hussein ruled Iraq for decades. King Hussein of Jordan met him in 1990."),
                                day=dt.date(1990, 6, 1), doc_key="8")  # fmt: skip
    saddam = next(m for m in kings if m.text == "Saddam Hussein")
    assert all(m.actor_id != saddam.actor_id for m in kings if "King" in m.text or (m.text == "Hussein" and m.start > 40))


def test_short_form_joins_only_one_compatible_full_name() -> None:
    nlp = load_model()
    one = find_actor_mentions(nlp("Jane Doorn arrived. Later Ms Doorn said she was tired."), doc_key="1")
    assert len({m.actor_id for m in one if m.kind == "person"}) == 1
    two = find_actor_mentions(nlp("Jane Doorn and Peter Doorn arrived. Doorn said nothing."), doc_key="2")
    short = next(m for m in two if m.text == "Doorn")
    assert short.actor_id.endswith("@2") and {m.actor_id for m in two if m.text != "Doorn"}.isdisjoint({short.actor_id})


def test_roles_depend_on_the_date() -> None:
    nlp = load_model()
    doc = nlp("Bashar al-Assad met the delegation in Damascus.")
    later = next(m for m in find_actor_mentions(doc, day=dt.date(2012, 1, 1)) if m.text == "Bashar al-Assad")
    earlier = next(m for m in find_actor_mentions(doc, day=dt.date(1995, 1, 1)) if m.text == "Bashar al-Assad")
    assert (later.code, later.sector) == ("SYR", "GOV") and (earlier.code, earlier.sector) == ("SYR", "ELI")


def test_reporters_are_media_and_places_are_not_people() -> None:
    nlp = load_model()
    mentions = find_actor_mentions(nlp("BBC correspondent Jim Muir says shelling resumed. Reuters reported the attack."))
    kinds = {m.text: m.kind for m in mentions}
    assert kinds.get("Jim Muir") == "media" and kinds.get("Reuters") == "media"


def test_a_state_of_a_federation_is_its_own_actor() -> None:
    nlp = load_model()
    mentions = find_actor_mentions(nlp("Ohio has declared a state of emergency, and Nevada may follow. Officials in New York and Washington met."))
    found = {m.text: (m.actor_id, m.kind, m.code) for m in mentions}
    assert found["Ohio"] == ("region:ohio", "region", "USA") and found["Nevada"] == ("region:nevada", "region", "USA")
    # A city of the same name is the place meant.
    assert found.get("New York", ("", "place"))[1] != "region" and found.get("Washington", ("", "place"))[1] != "region"


def test_pronouns_resolve_through_a_long_text() -> None:
    nlp = load_model()
    nlp.max_length = 2_000_000
    text = "Sergey Lavrov met Maria Zakharova. She said he left. " * 400
    mentions = find_actor_mentions(nlp(text))
    assert sum(m.via == "pronoun" for m in mentions) >= 400


def test_who_held_a_post_in_a_year(seeded_db: Path) -> None:
    from dateline.resolve.actor_queries import office_holders

    syria = {h.name for h in office_holders(None, "SYR", "GOV", dt.date(2012, 6, 1))}
    assert "Bashar al-Assad" in syria and "Walid Mualem" in syria
    armenia = office_holders(None, "ARM", "GOV", dt.date(2019, 1, 1), "Prime Minister")
    assert [h.name for h in armenia] == ["Nikol Pashinyan"] and armenia[0].source == "the knowledge file"
    assert not office_holders(None, "ARM", "GOV", dt.date(2016, 1, 1), "Prime Minister")  # before his term
    with Corpus(seeded_db, readonly=True) as corpus:
        conn = corpus.connect()
        year = conn.execute("SELECT substr(published, 1, 4) FROM documents WHERE text LIKE '%Rudenko%'").fetchone()[0]
        held = office_holders(conn, "RUS", "GOV", dt.date(int(year), 6, 1), "Deputy Foreign Minister")
    assert any(h.name == "Andrey Rudenko" and h.source.startswith("this corpus") for h in held)


def test_roles_give_undated_articles_date_evidence(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "undated.txt").write_text("Talks resumed.\n\nArmenian Prime Minister Nikol Pashinyan met the envoys on Monday.\n", encoding="utf-8")
    db = tmp_path / "c.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Corpus(db, readonly=True) as corpus:
        [doc] = corpus.documents()
        assert doc.published is None
        evidence = [e for e in doc.date_evidence if e.startswith("role: ")]
    assert evidence and "Nikol Pashinyan held ARM GOV from 2018-05-08" in evidence[0] and "knowledge file" in evidence[0]


def test_actor_by_short_name_is_the_most_mentioned_holder_of_it(seeded_db: Path) -> None:
    with Corpus(seeded_db, readonly=True) as corpus:
        assert corpus.actor("Lavrov").id == "person:sirki-lavruv"  # an alias of the full name
        assert corpus.actor("person:sirki-lavruv").name == "Sergey Lavrov"


def test_a_sea_named_after_a_country_is_no_actor() -> None:
    text = "Oil spread across the Gulf of Mexico and the Bay of Bengal, and Mexico asked for help."
    found = [m for m in find_actor_mentions(load_model()(text)) if m.code in ("MEX", "BGD")]
    # Only the Mexico that asks: not the one in the gulf's name, nor Bangladesh's bay.
    assert [(m.start, m.code) for m in found] == [(text.rindex("Mexico"), "MEX")]
    # Nor is the sea a place in Mexico where an event happens.
    (result,) = Corpus.extract([TextInput(id="gulf", text=text)], stages=["actors"])
    assert all(p.start == text.rindex("Mexico") for p in result.spans("actors", "place") if p.attrs.get("country") in ("MX", "MEX"))


def test_a_pronoun_is_the_latest_person_who_may_be_of_its_gender() -> None:
    # A president whose gender the dictionary knows does not outrank the man named since, in
    # apposition to the subject, whose gender the text does not state.
    text = ('President Barack Obama spoke on Monday. Later the ambassador, John Harvey, told reporters that '
            'the issue was serious. "The government must act now," he said.')  # fmt: skip
    pronouns = [m for m in find_actor_mentions(load_model()(text)) if m.via == "pronoun"]
    assert [(m.text, m.name) for m in pronouns] == [("he", "John Harvey")]
    # A woman named since is no candidate for "he".
    text = 'President Barack Obama spoke on Monday. Mrs Jane Harvey replied. "We must act," he said.'
    pronouns = [m for m in find_actor_mentions(load_model()(text)) if m.via == "pronoun"]
    assert [(m.text, m.name) for m in pronouns] == [("he", "Barack Obama")]


def test_a_name_after_its_title_at_the_end_of_a_subject_is_the_subject() -> None:
    # The parser may make the committee the subject of "said"; the chairman named after it spoke.
    text = ("President Barack Obama spoke on Monday. At a hearing on Tuesday , Senate committee on energy "
            "and transport chairman Robert Dawes said the firm had been careless . He accused the firm of lying .")  # fmt: skip
    pronouns = [m for m in find_actor_mentions(load_model()(text)) if m.via == "pronoun"]
    assert [(m.text, m.name) for m in pronouns] == [("He", "Robert Dawes")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Malawi has confirmed its first case. It is asking the UN for tents.", [("It", "MWI")]),
     # An "it" that stands for nothing, or for what no state or organisation named before is.
     ("Malawi has confirmed its first case. It is unclear whether more will follow.", []),
     ("Dr John Reyes spoke to reporters. It was a long day.", [])],
)
def test_it_is_the_state_or_organisation_just_named_as_a_subject(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(m.text, m.actor_id) for m in find_actor_mentions(load_model()(text)) if m.via == "pronoun"]
    assert found == expected


def test_a_countrys_troops_forces_soldiers_and_military_are_one_actor() -> None:
    text = "US troops entered the town. The US military said American soldiers and US forces met no resistance. US special forces left."
    ids = {m.text: m.actor_id for m in find_actor_mentions(load_model()(text))}
    assert ids["US troops"] == ids["The US military"] == ids["American soldiers"] == ids["US forces"] == "USA:MIL:armed-forces"
    assert ids["US special forces"] == "USA:MIL:special-forces"  # a body with words of its own stays itself


def test_a_body_group_must_be_a_mapping_of_lists(tmp_path: Path) -> None:
    from dateline.core.errors import ConfigError
    from dateline.core.knowledge import load

    bad = tmp_path / "k.yaml"
    bad.write_text("body_groups:\n  armed forces: troops\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="body_groups"):
        load((str(bad),))


def test_a_plural_nominal_is_the_group_just_named_by_the_same_noun() -> None:
    text = "EU health ministers met in Luxembourg on Thursday. The ministers rejected a French proposal to suspend flights."
    found = {m.text: m.actor_id for m in find_actor_mentions(load_model()(text))}
    assert found["The ministers"] == "ORG:european-union"
    text = "Russian officials met Chinese diplomats on Monday. The diplomats said the talks went well."
    found = {m.text: m.actor_id for m in find_actor_mentions(load_model()(text))}
    assert found["The diplomats"] == "CHN:GOV:diplomats"
    # No group of that noun named before: nothing to stand for.
    text = "Russia said on Monday that it would talk. The ministers rejected the plan."
    assert "The ministers" not in {m.text for m in find_actor_mentions(load_model()(text))}


@pytest.mark.parametrize(("text", "sector"), [("White House Chief of Staff John Doyle resigned on Monday.", "GOV"),
                                              ("Army Chief of Staff John Doyle visited the base on Monday.", "MIL")])  # fmt: skip
def test_a_chief_of_staff_is_of_a_government_unless_of_an_army(text: str, sector: str) -> None:
    # The Phoenix agents dictionary: CHIEF OF STAFF GOV, ARMY CHIEF OF STAFF MIL.
    [doyle] = [m for m in find_actor_mentions(load_model()(text)) if "Doyle" in m.text]
    assert doyle.sector == sector


def test_an_office_of_a_body_takes_the_bodys_sector() -> None:
    # "the leader of a group of insurgents" leads insurgents, not a government.
    text = "On Monday , Abu Karim , the leader of a group of Sunni insurgents , was seen in the desert ."
    [karim] = [m for m in find_actor_mentions(load_model()(text)) if "Karim" in m.text]
    assert karim.sector == "REB"
    text = "On Monday , Ana Ruiz , the leader of the country , was seen in the capital ."
    [ruiz] = [m for m in find_actor_mentions(load_model()(text)) if "Ruiz" in m.text]
    assert ruiz.sector == "GOV"


@pytest.mark.parametrize("text", ["Although President Bush has promised to act , little has changed .",
                                  "Wednesday 25 August 2010 19.30 BST President Bush said no .",
                                  "According to the poll , 33 % of Britons think the prime minister is to blame ."])  # fmt: skip
def test_a_sentence_opener_or_a_clause_is_never_part_of_a_title(text: str) -> None:
    spans = [m.text for m in find_actor_mentions(load_model()(text))]
    assert not any(s.startswith(("Although", "BST", "Britons think")) for s in spans)


def test_an_envoy_is_not_of_the_country_its_sentence_names() -> None:
    # "Ambassador X said ... across China": where the office is held, not whose it is.
    text = "Ambassador Jorge Ruiz said many of the flyers tested across China had no connection with the outbreak ."
    [ruiz] = [m for m in find_actor_mentions(load_model()(text)) if "Ruiz" in m.text]
    assert ruiz.code != "CHN"
    text = "Mexican Ambassador Jorge Ruiz said the flyers in China were fine ."
    [ruiz] = [m for m in find_actor_mentions(load_model()(text)) if "Ruiz" in m.text]
    assert ruiz.code == "MEX"
