from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import Corpus
from dateline.cli.main import cli
from dateline.resolve.event_queries import list_events

from .conftest import SEEDS

DATES = {"002_16036c732f52396c": dt.date(2020, 9, 30), "003_e7439246c67703c9": dt.date(2015, 5, 25),
         "004_52a82361d015938c": dt.date(2016, 4, 4)}  # fmt: skip


@pytest.fixture(scope="module")
def events_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("events") / "e.db"
    with Corpus(path) as corpus:
        corpus.ingest([str(SEEDS)], dates=DATES)
    return path


def _events(db: Path, **filters: object) -> list[dict]:  # type: ignore[type-arg]
    with Corpus(db, readonly=True) as corpus:
        return list_events(corpus.connect(), **filters)  # type: ignore[arg-type]


def _codes(items: list[dict]) -> set[str]:  # type: ignore[type-arg]
    return {a["code"] for a in items}


def test_sokhumi_meeting_on_its_own_date(events_db: Path) -> None:
    consult = [e for e in _events(events_db, event_type="CONSULT") if e["date"] == "2018-05-18"]
    assert consult and _codes(consult[0]["actor"]) == {"RUS"} and consult[0]["date_source"] == "trigger"
    assert any(r["actor_id"] == "PRE:nagorno-karabakh" for r in consult[0]["recipient"])


def test_condemnation_is_accuse_disapprove(events_db: Path) -> None:
    accuse = _events(events_db, event_type="ACCUSE")
    assert any(e["mode"] == "disapprove" and _codes(e["actor"]) == {"AZE"} for e in accuse)


def test_geneva_meeting_and_escalation_dates(events_db: Path) -> None:
    assert any(e["date"] == "2020-01" and {"ARM", "AZE"} <= _codes(e["actor"]) for e in _events(events_db, event_type="CONSULT"))
    assert any(e["date"] == "2020-09-27" for e in _events(events_db, event_type="ASSAULT"))
    assert any(e["mode"] == "martial-law" and {"ARM", "AZE"} <= _codes(e["actor"]) for e in _events(events_db, event_type="COERCE"))


def test_russia_calls_for_ceasefire_is_request(events_db: Path) -> None:
    requests = _events(events_db, event_type="REQUEST", code="RUS")
    call = next(e for e in requests if e["date"] == "2016-04-04" and _codes(e["actor"]) == {"RUS"})
    assert {"ARM", "AZE"} <= _codes(call["recipient"])
    hostilities = [e for e in _events(events_db, event_type="ASSAULT") if e["date"] == "2016-04-01TNI"]
    assert hostilities  # "restarted on Friday night"


def test_lavrov_mamedyarov_talks_are_consult(events_db: Path) -> None:
    talks = [e for e in _events(events_db, event_type="CONSULT") if e["date"] == "2015-05-25"]
    assert any({"RUS", "AZE"} <= _codes(e["actor"]) for e in talks)


def test_future_exercises_and_background_history(events_db: Path) -> None:
    exercises = [e for e in _events(events_db, event_type="COOPERATE") if e["date"] == "2015-09"]
    assert exercises and "future" in exercises[0]["flags"]
    background = [e for e in _events(events_db) if "historical" in e["flags"]]
    assert background and all(e["date"][:4] < "2015" for e in background)


def test_every_event_points_to_its_evidence(events_db: Path) -> None:
    with Corpus(events_db, readonly=True) as corpus:
        texts = {d.id: d.text for d in corpus.documents()}
    for e in _events(events_db):
        start, end = e["trigger"]
        assert e["evidence"] in texts[e["doc_id"]] and texts[e["doc_id"]][start:end] in e["evidence"]


def test_events_command_formats(events_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    plover = runner.invoke(cli, ["events", "--db", str(events_db), "--format", "plover", "--type", "REQUEST"])
    assert plover.exit_code == 0
    records = [json.loads(line) for line in plover.stdout.splitlines()]
    assert records and all(r["event"] == "REQUEST" and {"actor", "recipient", "mode", "context"} <= set(r) for r in records)
    out = tmp_path / "events.parquet"
    parquet = runner.invoke(cli, ["events", "--db", str(events_db), "--format", "parquet", "--out", str(out)])
    assert parquet.exit_code == 0 and out.stat().st_size > 0
    table = runner.invoke(cli, ["events", "--db", str(events_db), "--actor", "Lavrov", "--format", "json"])
    assert table.exit_code == 0


def test_extract_events_for_the_scorer(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "s1", "text": "Russia called on Armenia and Azerbaijan to cease hostilities.",
                                  "date": "2016-04-04"}) + "\n" + json.dumps({"id": "s2", "text": "The weather was fine."}) + "\n")  # fmt: skip
    result = CliRunner().invoke(cli, ["extract", "events", str(source)])
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["events"][0]["event"] == "REQUEST"
    assert {a["code"] for a in first["events"][0]["actor"]} == {"RUS"}
    assert {a["code"] for a in first["events"][0]["recipient"]} == {"ARM", "AZE"}
    assert second["events"] == []  # no political event, none coded
