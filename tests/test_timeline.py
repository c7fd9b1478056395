from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import Corpus
from dateline.cli.main import cli
from dateline.resolve.timeline import build_entries, compatible
from dateline.resolve.timeline_queries import list_timeline, statements

from .conftest import SEEDS

DATES = {"002_16036c732f52396c": dt.date(2020, 9, 30), "003_e7439246c67703c9": dt.date(2015, 5, 25),
         "004_52a82361d015938c": dt.date(2016, 4, 4)}  # fmt: skip


@pytest.fixture(scope="module")
def timeline_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("timeline") / "t.db"
    with Corpus(path) as corpus:
        corpus.ingest([str(SEEDS)], dates=DATES)
    return path


def test_date_compatibility_by_granularity() -> None:
    assert compatible("1994", "1994-05") and compatible("2016-04-04", "2016-04")
    assert not compatible("2016-04-04", "2016-04-05") and not compatible("1991", "1992") and not compatible(None, "1994")


def _row(**kw: object) -> dict[str, object]:
    base = {"id": 1, "doc_id": 1, "event": "ASSAULT", "mode": "", "date": "2016-04-01", "date_granularity": "day",
            "published": "2016-04-04", "historical": 0, "start": 0, "end": 10,
            "actors": json.dumps([{"actor_id": "ARM", "name": "Armenia", "code": "ARM", "sector": ""}]), "recipients": "[]"}  # fmt: skip
    base.update(kw)
    return base


def test_same_event_from_several_articles_is_one_entry() -> None:
    rows = [_row(), _row(id=2, doc_id=2, date="2016-04"), _row(id=3, doc_id=3, date="2016-04-05"),
            _row(id=4, doc_id=4, event="REQUEST")]  # fmt: skip
    entries = build_entries(rows)  # type: ignore[arg-type]
    assert [len(e.sources) for e in entries] == [3, 1]  # the REQUEST is another entry
    assert {s.doc_id for s in entries[0].sources} == {1, 2, 3}


def test_news_entries_on_their_own_dates(timeline_db: Path) -> None:
    with Corpus(timeline_db, readonly=True) as corpus:
        entries = list_timeline(corpus.connect(), kind="news")
    by = {(e["date"], e["event"]) for e in entries}
    assert {("2018-05-18", "CONSULT"), ("2020-01", "CONSULT"), ("2020-09-27", "ASSAULT"), ("2016-04-04", "REQUEST"),
            ("2016-04-01", "ASSAULT"), ("2015-05-25", "CONSULT")} <= by  # fmt: skip
    request = next(e for e in entries if e["event"] == "REQUEST" and e["date"] == "2016-04-04")
    assert request["n_sources"] >= 2 and {"ARM", "AZE"} <= {r["code"] for r in request["recipients"]}
    assert all(s["sentence"] and s["published"] for s in request["sources"])


def test_background_is_kept_apart(timeline_db: Path) -> None:
    with Corpus(timeline_db, readonly=True) as corpus:
        background = list_timeline(corpus.connect(), kind="background")
        news = list_timeline(corpus.connect(), kind="news")
    assert background and all(e["kind"] == "background" for e in background)
    assert all(e["date"] >= "2015" for e in news)


def test_statements_of_russia_about_karabakh(timeline_db: Path) -> None:
    with Corpus(timeline_db, readonly=True) as corpus:
        rows = statements(corpus.connect(), actor="Russia", about="Nagorno-Karabakh")
    assert rows and rows == sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "", r["doc_id"]))
    assert {"event"} <= {r["kind"] for r in rows}


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "md", "html", "timelinejs"])
def test_timeline_formats(timeline_db: Path, fmt: str) -> None:
    result = CliRunner().invoke(cli, ["timeline", "--db", str(timeline_db), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        entries = json.loads(result.stdout)
        for key in ("date", "granularity", "kind", "event", "actors", "headline", "n_sources", "sources", "contradictions"):
            assert all(key in e for e in entries)
    if fmt == "timelinejs":
        data = json.loads(result.stdout)
        assert data["events"] and all(isinstance(e["start_date"]["year"], int) and e["unique_id"] for e in data["events"])
        assert len({e["unique_id"] for e in data["events"]}) == len(data["events"])
    if fmt == "html":
        parser = _Scripts()
        parser.feed(result.stdout)
        assert "script" not in parser.tags and "section" in parser.tags


def test_timeline_filters(timeline_db: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["timeline", "--db", str(timeline_db), "--format", "json", "--code", "RUS",
                              "--from", "2016-01-01", "--to", "2016-12-31"])  # fmt: skip
    entries = json.loads(out.stdout)
    assert entries and all(e["date"].startswith("2016") for e in entries)
    assert all(any(p["code"] == "RUS" for p in e["actors"] + e["recipients"]) for e in entries)
