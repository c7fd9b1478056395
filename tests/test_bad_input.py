"""Each kind of bad input gets a clear message naming the file, the batch goes on, the store stays sound."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest

from dateline import Corpus

from .conftest import SEED_FILES


def _integrity(corpus: Corpus) -> str:
    return str(corpus.connect().execute("PRAGMA integrity_check").fetchone()[0])


def _ingest_with_good(corpus: Corpus, tmp_path: Path, bad: Path) -> tuple[list[tuple[str, str]], int]:
    good = tmp_path / "good.txt"
    good.write_text(SEED_FILES[0].read_text(encoding="utf-8"), encoding="utf-8")
    report = corpus.ingest([str(bad), str(good)], stages=[])
    assert _integrity(corpus) == "ok"
    return report.failed, report.new


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file"),
        ("page.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
        ("notes.xyz", b"some text", "unsupported extension '.xyz'"),
        ("broken.json", b'{"text": "unterminated', "malformed JSON"),
        ("nothing.json", b'{"title": "no text here"}', "record has no text"),
    ],
)
def test_bad_file_is_reported_and_batch_goes_on(corpus: Corpus, tmp_path: Path, name: str, content: bytes, message: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    failed, new = _ingest_with_good(corpus, tmp_path, bad)
    assert new == 1
    assert len(failed) == 1 and failed[0][0] == str(bad) and message in failed[0][1]
    assert corpus.errors()[0].source == str(bad)


def test_invalid_utf8_is_replaced_with_a_warning(corpus: Corpus, tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("MOSCOW, May 19 (Sputnik) – Caf\xe9 talks were held in 2016.".encode().replace(b"\xc3\xa9", b"\xe9"))
    report = corpus.ingest([str(bad)], stages=[])
    assert report.ok and report.new == 1
    assert any("invalid UTF-8" in w and str(bad) in w for w in report.warnings)
    assert "\ufffd" in corpus.documents()[0].text


def test_malformed_jsonl_line_names_its_line(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a", "text": "Lavrov met Mamedyarov."}\n{"id": "b", "text": \n{"id": "c", "text": "Zakharova spoke."}\n')
    report = corpus.ingest([str(path)], stages=[])
    assert report.new == 2
    assert [s for s, _ in report.failed] == [f"{path}:2"]
    assert "malformed JSON" in report.failed[0][1]


def test_directory_with_unreadable_files(corpus: Corpus, tmp_path: Path) -> None:
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED_FILES[1].read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    locked = folder / "locked.txt"
    locked.write_text("text")
    locked.chmod(0)
    report = corpus.ingest([str(folder)], stages=[])
    sources = dict(report.failed)
    assert "cannot read" in sources[str(folder / "dangling.txt")]
    try:
        locked.read_bytes()
        readable = True  # as root, mode 0 does not stop reading
    except PermissionError:
        readable = False
        assert "cannot read" in sources[str(locked)]
    stored = ["a.txt", "locked.txt"] if readable else ["a.txt"]
    assert report.new == len(stored) and [Path(d.path).name for d in corpus.documents()] == stored
    assert set(sources) == {str(folder / "dangling.txt")} | (set() if readable else {str(locked)})
    assert _integrity(corpus) == "ok"


def test_huge_file_is_refused_without_reading_it(corpus: Corpus, tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a sparse 50 MB file: no need to write it
    failed, new = _ingest_with_good(corpus, tmp_path, big)
    assert new == 1 and "52.4 MB" in failed[0][1] and "limit" in failed[0][1]


def test_long_text_is_stored_even_if_too_long_to_parse(corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.annotate import runner

    monkeypatch.setattr(runner, "MAX_PARSE_CHARS", 500)
    long = tmp_path / "long.txt"
    long.write_text(("Lavrov met Mamedyarov in Moscow. " * 40).strip(), encoding="utf-8")
    report = corpus.ingest([str(long)], stages=["nlp"])
    assert report.new == 1 and report.annotation_errors and "too long to parse" in report.annotation_errors[0][2]


def test_missing_path_and_empty_glob(corpus: Corpus, tmp_path: Path) -> None:
    report = corpus.ingest([str(tmp_path / "nope.txt"), str(tmp_path / "*.none")], stages=[])
    assert [p for _, p in report.failed] == ["no such file or directory", "no file matches this pattern"]


def test_newer_database_is_refused(tmp_path: Path) -> None:
    from dateline.core.errors import SchemaVersionError

    path = tmp_path / "future.db"
    Corpus(path).connect().close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (9999, 'from_the_future', 'now')")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaVersionError, match="newer dateline"):
        Corpus(path).connect()


def test_not_a_database(tmp_path: Path) -> None:
    from dateline.core.errors import StoreError

    path = tmp_path / "text.db"
    path.write_text("this is not sqlite" * 100)
    with pytest.raises(StoreError, match=str(path)):
        Corpus(path).connect()


def test_jsonl_limit_is_per_record_not_per_file(tmp_path: Path) -> None:
    # An archive of many articles may be far larger than one article may be.
    path = tmp_path / "archive.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": f"Article {i}. " + "The talks went on. " * 40}) for i in range(30)]
    lines.insert(7, json.dumps({"id": "huge", "text": "x " * 6000}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 20_000
    with Corpus(tmp_path / "db.sqlite") as corpus:
        report = corpus.ingest([str(path)], max_bytes=10_000, stages=["nlp"])
    assert report.new == 30
    assert [(source, "limit" in problem) for source, problem in report.failed] == [(f"{path}:8", True)]


def test_file_name_that_is_not_utf8_is_stored_with_escapes(corpus: Corpus, tmp_path: Path) -> None:
    import os

    raw = os.path.join(os.fsencode(tmp_path), b"bad\xff\xfename.txt")
    with open(raw, "wb") as handle:
        handle.write(SEED_FILES[0].read_bytes())
    report = corpus.ingest([str(tmp_path)], stages=[])
    shown = f"{tmp_path}/bad\\xff\\xfename.txt"
    assert report.ok and report.new == 1
    assert corpus.documents()[0].path == shown
    assert any("not valid UTF-8" in w and shown in w for w in report.warnings)


def test_file_name_that_is_not_utf8_is_named_when_it_fails(corpus: Corpus, tmp_path: Path) -> None:
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    open(os.path.join(os.fsencode(folder), b"empty\xff.txt"), "wb").close()
    failed, new = _ingest_with_good(corpus, tmp_path, folder)
    assert new == 1 and failed == [(f"{folder}/empty\\xff.txt", "empty file")]
    assert corpus.errors()[0].source == f"{folder}/empty\\xff.txt"


def test_lone_surrogate_in_a_record_is_replaced_with_a_warning(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "s", "title": "\\udfff", "text": "Lavrov said \\ud800 on Tuesday that talks resume."}\n'
                    '{"id": "ok", "text": "Zakharova spoke on Monday."}\n', encoding="utf-8")  # fmt: skip
    report = corpus.ingest([str(path)], stages=[])
    assert report.ok and report.new == 2
    stored = {d.record_id: d for d in corpus.documents()}
    assert "Lavrov said \ufffd on Tuesday" in stored["s"].text
    assert any(f"{path}:1: text: 1 lone surrogate" in w for w in report.warnings)
    assert _integrity(corpus) == "ok"


@pytest.mark.parametrize("name", ["deep.json", "deep.jsonl"])
def test_json_nested_too_deep_is_named(corpus: Corpus, tmp_path: Path, name: str) -> None:
    bad = tmp_path / name
    body = "[" * 100_000 + "]" * 100_000
    bad.write_text(body if name.endswith(".json") else '{"text": "a"}\n{"text": ' + body + "}\n", encoding="utf-8")
    failed, new = _ingest_with_good(corpus, tmp_path, bad)
    where = str(bad) if name.endswith(".json") else f"{bad}:2"
    assert failed == [(where, "malformed JSON (nested too deeply to be an article)")]
    assert new == (1 if name.endswith(".json") else 2)
    assert corpus.errors()[0].source == where


def test_unreadable_folder_is_listed_like_an_unreadable_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text(SEED_FILES[0].read_text(encoding="utf-8"), encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("Talks resumed on Tuesday.", encoding="utf-8")
    locked.chmod(0)
    listing = ("import json, sys; from dateline.ingest.readers import read_inputs; from dateline.core.errors import InputError; "
               "print(json.dumps([[i.source, i.problem] if isinstance(i, InputError) else [i.source] for i in read_inputs(sys.argv[1:])]))")  # fmt: skip
    try:
        done = subprocess.run([*unprivileged(), sys.executable, "-c", listing, str(tmp_path)], capture_output=True, text=True, check=True)
    finally:
        locked.chmod(0o755)
    assert json.loads(done.stdout) == [[str(tmp_path / "a.txt")], [str(locked), "cannot read folder: Permission denied"]]


def unprivileged() -> list[str]:
    """A command prefix under which folder permissions hold: root reads any folder, so as root the
    command runs without the capabilities that let it (util-linux's setpriv)."""
    import os
    import shutil

    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: every folder is readable")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]


def test_the_store_takes_what_it_cannot_encode(corpus: Corpus) -> None:
    from dateline.store import writer

    conn = corpus.connect()
    writer.record_error(conn, "bad\udcff.txt", "problem with \ud800", "2026-01-01T00:00:00+00:00")
    assert corpus.errors()[0].source == "bad\ufffd.txt" and corpus.errors()[0].problem == "problem with \ufffd"


def test_a_document_the_store_refuses_costs_only_itself(corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A stage whose rows name a column its table lacks: the store refuses that document's rows, names
    # the document, and keeps the rest of the batch.
    from dateline.annotate.stage import STAGES, Stage, StageInput
    from dateline.core.records import Row, TableRow
    from dateline.core.settings import Settings

    def careless(batch: Sequence[StageInput], settings: Settings) -> list[Row]:
        return [TableRow("quotes", item.doc_id, {"no_such_column": 1}) for item in batch if "BAD" in item.text]

    monkeypatch.setitem(STAGES._members, "careless", Stage("careless", "1", careless, produces=("quotes",)))
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text("Lavrov spoke. BAD", encoding="utf-8")
    good.write_text("Lavrov spoke on Tuesday.", encoding="utf-8")
    report = corpus.ingest([str(bad), str(good)], stages=["careless"])
    assert report.new == 2
    assert [(source, "cannot store" in problem and "no_such_column" in problem) for source, problem in report.failed] == [(str(bad), True)]
    stored = corpus.connect().execute("SELECT d.path FROM stage_runs s JOIN documents d ON d.id = s.doc_id").fetchall()
    assert [r[0] for r in stored] == [str(good)]
    assert _integrity(corpus) == "ok"


def test_a_metadata_date_too_long_to_be_one_is_ignored(corpus: Corpus, tmp_path: Path) -> None:
    # dateparser's cost grows faster than the string: 40,000 characters took 14 s.
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "Lavrov met Mamedyarov on Tuesday.", "published": "On March 3, 2020 talks resumed. " * 600}))
    report = corpus.ingest([str(path)], stages=[])
    assert report.new == 1
    assert any("ignoring metadata date of 19,200 characters (too long to be a date)" in w for w in report.warnings)
