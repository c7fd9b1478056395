from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from dateline.cli.main import cli

from .conftest import ROOT, SEED_FILES, SEEDS


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name, command in group.commands.items():
        names.append(f"{prefix}{name}")
        if isinstance(command, click.Group):
            names.extend(_commands(command, f"{prefix}{name} "))
    return names


@pytest.mark.parametrize("command", _commands(cli))
def test_every_command_is_documented(command: str) -> None:
    docs = (ROOT / "README.md").read_text(encoding="utf-8") + (ROOT / "docs" / "CLI.md").read_text(encoding="utf-8")
    assert f"dateline {command}" in docs, f"`dateline {command}` is not documented in README.md or docs/CLI.md"


@pytest.mark.parametrize("command", _commands(cli))
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(cli, [*command.split(), "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_docs_json_fields(seeded_db: Path) -> None:
    result = CliRunner().invoke(cli, ["docs", "--db", str(seeded_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    docs = json.loads(result.stdout)
    assert len(docs) == 5
    for field in ("id", "path", "title", "outlet", "place", "published", "date_source", "date_confidence", "date_candidates"):
        assert all(field in d for d in docs)
    ambiguous = next(d for d in docs if d["path"].endswith("002_16036c732f52396c.txt"))
    assert ambiguous["published"] is None
    assert {"date", "score", "evidence"} <= set(ambiguous["date_candidates"][0])


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv"])
def test_output_bundle_on_listing_commands(seeded_db: Path, fmt: str) -> None:
    # Every format carries the records the JSON listing gives, in the same order.
    for args, count in ((["docs"], 5), (["search", "Lavrov"], 2), (["errors"], 0)):
        records = json.loads(CliRunner().invoke(cli, [*args, "--db", str(seeded_db), "--format", "json"]).stdout)
        assert len(records) == count, args
        result = CliRunner().invoke(cli, [*args, "--db", str(seeded_db), "--format", fmt])
        assert result.exit_code == 0, result.output
        first = next(iter(records[0])) if records else None
        if fmt == "jsonl":
            assert [json.loads(line) for line in result.stdout.splitlines()] == records
        elif fmt == "csv":
            header, *rows = list(csv.reader(io.StringIO(result.stdout)))
            assert len(rows) == count and len(header) >= 4, header
            if records:
                assert header == list(records[0]) and [row[0] for row in rows] == [str(r[first]) for r in records]
        else:
            cells = re.findall(r"^│ (\S+)\s+│", result.stdout, re.MULTILINE)
            assert [str(r[first]) for r in records] == cells, args


def test_ingest_reports_failures_on_stderr_with_nonzero_exit(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(cli, ["ingest", str(SEED_FILES[0]), str(bad), "--db", str(db), "--stages", "nlp"])
    assert result.exit_code == 1
    assert result.stdout == ""  # data to stdout only; the summary goes to stderr
    assert "1 failed" in result.stderr and f"{bad}: empty file" in result.stderr
    listed = CliRunner().invoke(cli, ["docs", "--db", str(db), "--format", "jsonl"])
    assert len(listed.stdout.splitlines()) == 1


def test_set_date_and_show(seeded_copy: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["set-date", "003_e7439246c67703c9", "2015-05-25", "--db", str(seeded_copy)])
    assert result.exit_code == 0, result.output
    shown = runner.invoke(cli, ["show", "003_e7439246c67703c9", "--db", str(seeded_copy), "--format", "json"])
    data = json.loads(shown.stdout)
    assert (data["published"], data["date_source"]) == ("2015-05-25", "user")
    assert any(s["kind"] == "entity" and s["text"] == "Sergey Lavrov" for s in data["spans"])
    text = runner.invoke(cli, ["show", "4", "--db", str(seeded_copy)])
    assert "published: 2015-05-25 (user" in text.stdout and "Mamedyarov" in text.stdout


def test_bad_search_and_unknown_document(seeded_db: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["search", 'Lavrov AND ("', "--db", str(seeded_db)])
    assert result.exit_code == 1 and "cannot search for" in result.stderr
    missing = runner.invoke(cli, ["show", "nope", "--db", str(seeded_db)])
    assert missing.exit_code == 1 and "no document matches 'nope'" in missing.stderr
    bad_date = runner.invoke(cli, ["set-date", "1", "2020-02-30", "--db", str(seeded_db)])
    assert bad_date.exit_code == 2


def test_dates_file(tmp_path: Path) -> None:
    dates = tmp_path / "dates.csv"
    dates.write_text("path,date\n002_16036c732f52396c.txt,2020-09-30\n004_52a82361d015938c,2016-04-04\n")
    db = tmp_path / "d.db"
    result = CliRunner().invoke(cli, ["ingest", str(SEEDS), "--db", str(db), "--dates", str(dates), "--stages", "nlp"])
    assert result.exit_code == 0, result.stderr
    docs = json.loads(CliRunner().invoke(cli, ["docs", "--db", str(db), "--format", "json"]).stdout)
    settled = {Path(d["path"]).stem[:3]: (d["published"], d["date_source"]) for d in docs}
    assert settled["002"] == ("2020-09-30", "user") and settled["004"] == ("2016-04-04", "user")
    assert settled["000"] == ("2018-05-19", "inferred")


def test_readme_has_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^make demo$", readme, re.M) and re.search(r"^make test$", readme, re.M)


def test_tables_and_show_print_text_verbatim(tmp_path: Path) -> None:
    """Brackets and colon words in articles are text, not rich markup or emoji codes."""
    name = "[red]brief[bold] :leg:.txt"
    text = "Officials said [the ministry] would reply [/] soon :leg: after talks in Vienna on Monday."
    (tmp_path / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "m.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["-q", "ingest", str(tmp_path / name), "--db", db]).exit_code == 0
    listing = runner.invoke(cli, ["docs", "--db", db, "--format", "table"])
    assert listing.exit_code == 0, listing.output
    assert "[red]brief[bold] :leg:" in listing.stdout
    shown = runner.invoke(cli, ["show", "1", "--db", db])
    assert shown.exit_code == 0, shown.output
    assert name in shown.stdout and "would reply [/] soon :leg: after" in shown.stdout
