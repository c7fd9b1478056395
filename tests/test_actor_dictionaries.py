"""The Phoenix converter on invented snippets of each format, and the compiled knowledge it feeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from dateline.core.knowledge import load
from dateline.core.knowledge.names import name_key
from dateline.core.knowledge.roles import Role, role_at
from tools.dictionaries.phoenix import (
    ACTOR_FILES,
    ORG_WORDS,
    CodeMap,
    compile_actors,
    compile_agents,
    display_name,
    split_identities,
)
from tools.dictionaries.phoenix_format import read_actors, read_agents, read_discards

CODES = CodeMap(yaml.safe_load((Path(__file__).parents[1] / "tools" / "dictionaries" / "cameo_plover.yaml").read_text(encoding="utf-8")))

ACTORS = """# a comment that is never copied
FREEDONIA_  [FRE]
+FREEDONIAN_

RUFUS_T_FIREFLY_  # invented
+MR_FIREFLY
	[ITAELI 300101-330301]
	[ITAGOV >330301]
	[ITAELI]
TRENTINO_ [ITAMED] # a newspaper, invented
"""


def test_actor_records_keep_entries_and_dated_roles() -> None:
    records, problems = read_actors(ACTORS)
    assert not problems
    assert [r.phrases for r in records] == [["FREEDONIA", "FREEDONIAN"], ["RUFUS T FIREFLY", "MR FIREFLY"], ["TRENTINO"]]
    firefly = records[1].restrictions
    assert firefly[0].start == dt.date(1930, 1, 1) and firefly[0].end == dt.date(1933, 3, 1)
    assert firefly[1].start == dt.date(1933, 3, 1) and firefly[1].end is None and firefly[2].default
    assert all("comment" not in p and "invented" not in p for r in records for p in r.phrases)


def test_cameo_codes_become_plover() -> None:
    assert CODES.plover("SYRGOVBUS") == ("SYR", "GOV")
    assert CODES.plover("USAMED") == ("USA", "JRN")  # CAMEO media is PLOVER's JRN
    assert CODES.plover("GBRHLH") == ("GBR", "MED")  # CAMEO health is PLOVER's MED
    assert CODES.plover("SYRINSMUS") == ("SYR", "REB")  # insurgents are rebels
    assert CODES.plover("IGOUNOKID") == ("IGO", "")
    assert CODES.plover("KSVGOV") == ("XKX", "GOV")
    assert CODES.plover("IMGMUSALQ") == ("IMG", "")  # a creed is not a militant group's sector
    assert CODES.plover("AFRGOV") is None  # a region is no PLOVER country
    assert CODES.plover("MNCUSA") == ("", "BUS")  # a company: its country is the text's to give


def test_synonyms_naming_someone_else_are_their_own_actors() -> None:
    [record], _ = read_actors("ACME_FRONT_\n+ACME_LIBERATION_FRONT\n+ABU_OMAR_AL-ZETA\n+ABU_BAKR_AL-ZETA\n+AL-ZETA\n\t[FREREB]\n")
    actors = split_identities(record, (), False, True, frozenset({"front"}), frozenset())
    names = [a.name for a in actors]
    assert names[0] == "Acme Front" and "Abu Omar al-Zeta" in names and "Abu Bakr al-Zeta" in names
    assert not any(v == "AL-ZETA" for a in actors for v in a.variants)  # fits two people: neither


def test_agents_plurals_and_markers() -> None:
    agents, problems = read_agents("!PERSON! = MAN, WOMAN\nREBEL [~REB]\nPOLICE {} [~COP]\nCHAIR!PERSON! [~GOV]\nRED_CROSS [NGO~]\n")
    phrases = {(a.phrase, a.code, a.prefix) for a in agents}
    assert {("REBEL", "REB", False), ("REBELS", "REB", False), ("POLICE", "COP", False), ("CHAIRMAN", "GOV", False),
            ("CHAIRWOMAN", "GOV", False), ("RED CROSS", "NGO", True)} <= phrases  # fmt: skip
    assert ("POLICES", "COP", False) not in phrases and not problems


def test_discards() -> None:
    found = list(read_discards("+WORLD CUP # sport\nBASEBALL_\n"))
    assert [(d.phrase, d.story, d.whole_word) for d in found] == [("WORLD CUP", True, False), ("BASEBALL", False, True)]


def test_display_names() -> None:
    assert display_name("BASHAR AL-ASSAD") == "Bashar al-Assad"
    assert display_name("AMBASSADOR RUFUS FIREFLY", frozenset({"ambassador"})) == "Rufus Firefly"
    assert display_name("US AMBASSADOR TO THE UN", frozenset({"us", "ambassador"})) == "US Ambassador to the UN"


def test_spelling_key_joins_variants_and_keeps_names_apart() -> None:
    assert name_key("Walid al-Muallem") == name_key("Walid Moallem") == name_key("Walid el-Muallem")
    assert name_key("Muammar Gaddafi") == name_key("Muammar Gadhafi") == name_key("Muammar Qadhafi")
    assert name_key("Sergey Lavrov") == name_key("Sergei Lavrov")
    assert name_key("Hassan Nasrallah") != name_key("Hussein Nasrallah")


def test_role_at_a_date() -> None:
    roles = (Role("SYR", "ELI", dt.date(1983, 1, 1), dt.date(2000, 1, 1)), Role("SYR", "GOV", dt.date(2000, 7, 17)), Role("SYR", "ELI"))
    assert role_at(roles, dt.date(2012, 1, 1)).sector == "GOV"  # type: ignore[union-attr]
    assert role_at(roles, dt.date(1995, 1, 1)).sector == "ELI"  # type: ignore[union-attr]
    assert role_at(roles, dt.date(1970, 1, 1)).sector == "ELI"  # the default  # type: ignore[union-attr]


def test_compiled_knowledge_answers_who_held_a_post() -> None:
    kb = load()
    assad = kb.dictionary.person("Bashar al-Assad")
    assert assad is not None and assad.role_at(dt.date(1999, 6, 1)).sector == "ELI"  # type: ignore[union-attr]
    assert assad.role_at(dt.date(2012, 6, 1)).sector == "GOV"  # type: ignore[union-attr]
    in_2012 = {a.actor_id for a in kb.dictionary.holders("SYR", "GOV", dt.date(2012, 6, 1))}
    assert assad.actor_id in in_2012
    assert assad.actor_id not in {a.actor_id for a in kb.dictionary.holders("SYR", "GOV", dt.date(1995, 6, 1))}
    moallem = kb.dictionary.person("Walid Moallem")
    assert moallem is not None and moallem is kb.dictionary.person("Walid al-Muallem")


def test_compiled_data_keeps_licence_and_provenance() -> None:
    data = Path(__file__).parents[1] / "dateline" / "core" / "data" / "actors"
    assert "MIT License" in (data / "PHOENIX_LICENSE.txt").read_text(encoding="utf-8")
    provenance = (data / "PHOENIX_PROVENANCE.md").read_text(encoding="utf-8")
    assert "676801cd9cb2924bbbad09f86d15c9323e7097bf" in provenance and "tools/dictionaries/phoenix.py" in provenance
    assert "8d4ee11692ccb1636a5cf4421849c420508acbd9b930adab457472b843276506" in provenance  # the countries file


def test_converter_reproduces_the_committed_data(tmp_path: Path) -> None:
    import pytest

    from tools.dictionaries.phoenix import main

    source = Path(__file__).parents[2] / "shared" / "resources" / "petrarch2"
    if not source.is_dir():
        pytest.skip(f"the Phoenix dictionaries are not at {source}")
    main([str(source), "--out", str(tmp_path)])
    data = Path(__file__).parents[1] / "dateline" / "core" / "data" / "actors"
    for name in ("phoenix_actors.tsv", "phoenix_agents.tsv", "phoenix_discards.tsv", "PHOENIX_PROVENANCE.md"):
        assert (tmp_path / name).read_bytes() == (data / name).read_bytes(), name


def test_an_organisation_keeps_its_first_word() -> None:
    [record], _ = read_actors("ENVIRONMENTAL_PROTECTION_AGENCY_\n+EPA_\n\t[USAGOVENV]\n")
    actors = split_identities(record, (), False, False, frozenset({"agency"}), frozenset({"environmental"}))
    assert actors[0].name == "Environmental Protection Agency"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The US Environmental Protection Agency said it would act .",
            {("Environmental Protection Agency", "USA")},
        ),
        # The end of another name is not the dictionary's organisation.
        ("The Health Protection Agency said it would act .", set()),
    ],
)
def test_a_name_inside_a_longer_name_is_not_that_name(text: str, expected: set[tuple[str, str]]) -> None:
    from dateline.annotate.actors import find_actor_mentions
    from dateline.annotate.model import load_model

    # Names only: "it" stands for the agency the sentence names (a pronoun, tested with the actors).
    found = {(m.text, m.code) for m in find_actor_mentions(load_model()(text)) if m.kind == "organization" and m.via != "pronoun"}
    assert found == expected


def test_a_city_before_a_surname_is_part_of_the_name() -> None:
    # "ORLANDO" is a city the countries file lists, and a first name: only an office is left out.
    places = frozenset({"orlando", "freedonian"})
    assert display_name("ORLANDO SMITH", frozenset({"minister", "foreign"}) | places, places) == "Orlando Smith"
    assert display_name("FREEDONIAN FOREIGN MINISTER RUFUS FIREFLY", frozenset({"minister", "foreign"}) | places, places) == "Rufus Firefly"


def test_a_country_that_changed_hands_is_a_country_with_its_cities(tmp_path: Path) -> None:
    # Its variants (a demonym, a capital) are its names and places, never people.
    (tmp_path / ACTOR_FILES[0]).write_text("FREEDONIA_\n+FREEDONIAN_\n+FREEDON_CITY_\n\t[USRUKR <911201]\n\t[UKR >911201]\n", encoding="utf-8")
    for name in ACTOR_FILES[1:]:
        (tmp_path / name).write_text("", encoding="utf-8")
    actors, _ = compile_actors(tmp_path, CODES, ORG_WORDS, frozenset())
    assert [(a.kind, a.name, a.variants) for a in actors] == [("country", "Freedonia", ("FREEDONIAN", "FREEDON CITY"))]
    assert [r.code for r in actors[0].roles] == ["RUS", "UKR"]


def test_the_compiled_knowledge_places_a_city_in_the_state_of_today() -> None:
    # Yerevan's record is Soviet until 1990 and Armenian since; "Smith" alone is nobody.
    d = load().dictionary
    assert d.places["yerevan"][0] == "ARM" and d.places["baku"][0] == "AZE"
    assert d.lookup("smith") is None and d.lookup("yerevan") is None


def test_a_non_governmental_agent_compiles_to_its_code() -> None:
    agents, _ = read_agents("AID_GROUP [~NGODEV]\nCIVIL_SOCIETY [~NGO]\n")
    rows = {phrase: (code, sector) for phrase, code, sector in compile_agents(agents, CODES)}
    assert rows["AID GROUPS"] == ("NGO", "") and rows["CIVIL SOCIETY"] == ("NGO", "")
