"""The CAMEO dictionary converter (tools/dictionaries) on small invented dictionaries, and the
compiled data it wrote into the package."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools.dictionaries import cameo, cameo_verbs, plover_table

VERBS = """# A header comment that must not be copied: SECRET-HEADER
####### SYNONYM SETS #######

&WEAPONRY
+RIFLE
+HEAVY_GUN
+AMMUNITION_

&AUX_
+WILL

####### VERB PATTERNS #######

---  PLEAD   [020]  ---
PLEAD  # SECRET-COMMENT on a verb
BESEECH {BESOUGHT BESEECHES}
+CRY_OUT {+CRIED_OUT +CRIES_OUT} [---]
WIRE_+TAP [090]
- * (FOR &WEAPONRY)                                   [0232]        # SECRET-COMMENT on a pattern
- * {URGENT HELP}                                     [023]         # PLEAD
- * CALM (IN STREETS)                                 [0252:110]
- * (BEFORE TRIBUNAL)                                 [:173]
- &AUX * OUT                                          [---]
~ a (_ b PLEAD) WANT = a b 130
"""

TABLE = """# a comment
02: REQUEST
10: REQUEST
100: REQUEST,  ,  # Request
1032: REQUEST, assist, military # Demand military aid
103: REQUEST, assist,  # Demand aid
17: COERCE
173: COERCE, arrest, legal            # Arrest
110: ACCUSE, disapprove,    # Disapprove
09: ACCUSE
090: ACCUSE, investigate,  # Investigate
18: ASSAULT
186: ASSAULT, assassinate,    # Assassinate
"""


def test_synonym_sets_get_the_plurals_the_format_defines() -> None:
    parsed = cameo_verbs.parse(VERBS)
    assert parsed.synsets["weaponry"] == ("rifle", "rifles", "heavy gun", "heavy guns", "ammunition")
    assert parsed.synsets["aux"] == ("will",)  # a label ending in "_": no plurals


def test_verbs_with_their_forms_words_and_codes() -> None:
    block = cameo_verbs.parse(VERBS).blocks[0]
    assert (block.name, block.code) == ("PLEAD", cameo_verbs.Code("020"))
    plead, beseech, cry_out, wire_tap = block.verbs
    assert (plead.lemma, plead.code) == ("plead", None)  # the block's code
    assert beseech.forms == ("besought", "beseeches")
    assert (cry_out.lemma, cry_out.after, cry_out.code) == ("cry", ("out",), cameo_verbs.Code(""))  # [---]: no event
    assert (wire_tap.lemma, wire_tap.before, wire_tap.code) == ("tap", ("wire",), cameo_verbs.Code("090"))


def test_patterns_with_objects_prepositions_subjects_and_paired_codes() -> None:
    weapons, help_, calm, tribunal, out = cameo_verbs.parse(VERBS).blocks[0].patterns
    assert weapons.preps == (cameo_verbs.Prep("for", (("&weaponry",),)),) and weapons.code.code == "0232"
    assert help_.objects == (("urgent", "help"),)
    assert calm.objects == (("calm",),) and calm.preps == (cameo_verbs.Prep("in", (("streets",),)),)
    assert calm.code == cameo_verbs.Code("0252")  # the actor-on-recipient half of "[0252:110]"
    assert tribunal.code == cameo_verbs.Code("173", reverse=True)  # only the reverse: the recipient acts
    assert out.subject == (("&aux",),) and out.particles == ("out",) and out.code == cameo_verbs.Code("")


def test_a_line_that_cannot_be_read_is_named() -> None:
    with pytest.raises(cameo_verbs.DictionaryError, match="line 3"):
        cameo_verbs.parse("---  X   [010]  ---\nX\n- * (FOR {UNCLOSED                 [010]\n")
    with pytest.raises(cameo_verbs.DictionaryError, match="line 1"):
        cameo_verbs.parse("- * AID [070]\n")  # a pattern outside any verb block


def test_the_manual_decides_where_the_table_differs() -> None:
    table = plover_table.parse_table(TABLE)
    overrides = plover_table.load_overrides()
    mapping, notes = plover_table.apply_manual(table, overrides)
    assert mapping["186"].mode == "targeted"  # "assassinate" is the manual's `targeted'
    assert mapping["173"] == plover_table.Mapping("173", "COERCE", "arrest", ("legal",))
    assert mapping["163"].event == "SANCTION" and mapping["163"].mode == "discontinue"  # sanctions
    assert mapping["043"].reverse  # the host of a visit is its recipient
    assert any(n.startswith("186:") for n in notes)
    aliases = {str(k): str(v) for k, v in overrides["aliases"].items()}
    # An appeal (CAMEO 02) is a request, coded as its CAMEO 10 counterpart.
    assert plover_table.resolve("0232", mapping, aliases) == mapping["1032"]
    # A code absent from the table takes its parent's line; a public statement (01) has none.
    assert plover_table.resolve("0921", mapping, aliases) == mapping["09"]
    assert plover_table.resolve("1734", mapping, aliases) == mapping["173"]
    assert plover_table.resolve("013", mapping, aliases) is None


def test_convert_writes_data_with_provenance_licences_and_no_comments(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "CAMEO.txt").write_text(VERBS, encoding="utf-8")
    (source / "LICENSE").write_text("The MIT License (MIT)\nCopyright (c) invented\n", encoding="utf-8")
    (source / "TABLE.txt").write_text(TABLE, encoding="utf-8")
    out = tmp_path / "out"
    cameo.convert(source / "CAMEO.txt", source / "TABLE.txt", out)
    first = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}
    assert set(first) == {"cameo_verbs.json", "cameo_plover.tsv", "LICENSE-CAMEO.txt", "LICENSE-CAMEO2PLOVER.txt"}
    assert "SECRET" not in first["cameo_verbs.json"] + first["cameo_plover.tsv"]
    assert "Demand military aid" not in first["cameo_plover.tsv"]  # the table's descriptions are comments
    verbs = json.loads(first["cameo_verbs.json"])
    assert verbs["provenance"]["sha256"] == cameo.sha256(source / "CAMEO.txt")
    assert verbs["provenance"]["converter"] == "tools/dictionaries/cameo.py"
    assert verbs["blocks"][0]["patterns"][3] == {"line": 22, "code": "173", "reverse": True, "preps": [{"prep": "before", "nouns": ["tribunal"]}]}
    rows = {line.split("\t")[0]: line.split("\t") for line in first["cameo_plover.tsv"].splitlines() if line[:1].isdigit()}
    assert rows["0232"][1:3] == ["REQUEST", "assist"]  # a code the dictionary uses, resolved
    assert "MIT License" in first["LICENSE-CAMEO.txt"] and "CC BY-SA 4.0" not in first["LICENSE-CAMEO.txt"]
    assert "Attribution-ShareAlike 4.0" in first["LICENSE-CAMEO2PLOVER.txt"]
    cameo.convert(source / "CAMEO.txt", source / "TABLE.txt", out)
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == first  # deterministic


def test_convert_fails_clearly_without_the_licence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "CAMEO.txt").write_text(VERBS, encoding="utf-8")
    (tmp_path / "TABLE.txt").write_text(TABLE, encoding="utf-8")
    assert cameo.main([str(tmp_path / "CAMEO.txt"), str(tmp_path / "TABLE.txt"), "--out", str(tmp_path / "out")]) == 1
    assert "LICENSE" in capsys.readouterr().err


RESOURCES = Path(__file__).resolve().parents[2] / "shared" / "resources"
DATA = Path(__file__).resolve().parents[1] / "dateline" / "annotate" / "events" / "data"


@pytest.mark.skipif(not (RESOURCES / "petrarch2" / "CAMEO.2.0.txt").is_file(), reason="the CAMEO sources are not beside the project")
def test_the_shipped_data_is_what_the_converter_makes(tmp_path: Path) -> None:
    cameo.convert(RESOURCES / "petrarch2" / "CAMEO.2.0.txt", RESOURCES / "plover" / "CAMEO2PLOVER-2021.txt", tmp_path)
    for name in ("cameo_verbs.json", "cameo_plover.tsv", "LICENSE-CAMEO.txt", "LICENSE-CAMEO2PLOVER.txt"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (DATA / name).read_text(encoding="utf-8"), name


def test_the_shipped_dictionary_loads_with_its_provenance() -> None:
    from dateline.annotate.events.dictionary import dictionary

    loaded = dictionary()
    provenance = json.loads((DATA / "cameo_verbs.json").read_text(encoding="utf-8"))["provenance"]
    assert provenance["converter"] == "tools/dictionaries/cameo.py" and len(provenance["sha256"]) == 64
    assert len(loaded.verbs) > 2000 and "accuse" in loaded.verbs
    assert loaded.mapping["112"] is not None and loaded.mapping["112"].event == "ACCUSE"
    assert loaded.mapping["010"] is None  # public statements: no PLOVER type
