"""The per-document time limit: a step that overruns is interrupted and left out, the run goes on."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from dateline import Corpus
from dateline.annotate.runner import annotate, warm_up
from dateline.annotate.stage import STAGES, Stage, StageInput
from dateline.annotate.time_limit import TimeLimitExceeded, time_limit
from dateline.core.records import Row, SpanRow, Task
from dateline.core.settings import Settings

from .conftest import SEED_FILES


def _spin_forever() -> None:
    while True:
        pass


def test_a_python_loop_is_interrupted_in_the_main_thread() -> None:
    start = time.monotonic()
    with pytest.raises(TimeLimitExceeded), time_limit(0.3):
        _spin_forever()
    assert time.monotonic() - start < 30


def test_a_stage_cannot_swallow_the_interruption() -> None:
    swallowed = []
    with pytest.raises(TimeLimitExceeded), time_limit(0.3):
        while True:
            try:
                _spin_forever()
            except Exception as exc:  # what careless stage code does
                swallowed.append(exc)
    assert swallowed == []


def test_limits_hold_in_other_threads_and_leave_nothing_behind() -> None:
    outcomes: list[str] = []

    def work(spin: bool) -> None:
        try:
            with time_limit(0.3):
                if spin:
                    _spin_forever()
            outcomes.append("finished")
        except TimeLimitExceeded:
            outcomes.append("interrupted")
        # Outside the limit nothing more may arrive.
        end = time.monotonic() + 0.5
        while time.monotonic() < end:
            pass
        outcomes.append("clean")

    threads = [threading.Thread(target=work, args=(spin,)) for spin in (True, False, True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(outcomes) == ["clean"] * 3 + ["finished"] + ["interrupted"] * 2


def test_no_limit() -> None:
    for seconds in (None, 0, 0.0):
        with time_limit(seconds):
            time.sleep(0.01)


def _hanging_stage(batch: Sequence[StageInput], settings: Settings) -> Iterator[Row]:
    """A stage that never ends on a text that mentions "HANG" (as a stage with an endless loop would)."""
    for item in batch:
        if "HANG" in item.text:
            _spin_forever()
        yield SpanRow(item.doc_id, "spinner", "mark", 0, 1)


@pytest.fixture
def spinner(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    stage = Stage("spinner", "1", _hanging_stage, requires=(), produces=("mark",))
    needing = Stage("after_spinner", "1", lambda batch, s: [SpanRow(i.doc_id, "after_spinner", "mark", 0, 1) for i in batch],
                    requires=("spinner",), produces=("mark",))  # fmt: skip
    monkeypatch.setitem(STAGES._members, "spinner", stage)
    monkeypatch.setitem(STAGES._members, "after_spinner", needing)
    yield "spinner"


def test_the_runner_leaves_out_the_stage_that_overran_and_goes_on(spinner: str) -> None:
    tasks = [Task(1, "Talks went on. HANG", None, "unknown", 0, ("after_spinner", "time")),
             Task(2, "Talks went on.", None, "unknown", 0, ("after_spinner", "time"))]  # fmt: skip
    warm_up(settings=Settings(time_limit=0), stages=["time"])  # lexicons load on first use, not within the limit
    results = annotate(tasks, settings=Settings(time_limit=0.5))
    hung, fine = results
    assert "spinner" not in hung.versions and "after_spinner" not in hung.versions
    assert "time" in hung.versions  # a stage that does not need the one that overran still runs
    assert hung.errors == ["stage spinner stopped at the time limit of 0.5 s a document; stored without it; "
                           "not run either: after_spinner"]  # fmt: skip
    assert not fine.errors and {"spinner", "after_spinner", "time"} <= set(fine.versions)


def test_an_overrun_is_listed_in_errors_and_the_batch_is_stored(spinner: str, tmp_path: Path) -> None:
    hang = tmp_path / "hang.txt"
    hang.write_text("MOSCOW, May 19 (Sputnik) - Lavrov met Mamedyarov on Tuesday. HANG", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(SEED_FILES[0].read_text(encoding="utf-8"), encoding="utf-8")
    with Corpus(tmp_path / "db.sqlite", settings=Settings(time_limit=1.0)) as corpus:
        report = corpus.ingest([str(hang), str(good)], stages=["spinner", "nlp"])
        assert report.new == 2 and report.annotated == 2
        assert [(source, "stage spinner stopped at the time limit of 1 s" in problem)
                for _, source, problem in report.annotation_errors] == [(str(hang), True)]  # fmt: skip
        assert [e.source for e in corpus.errors()] == [str(hang)]
        runs = corpus.connect().execute("SELECT d.path, s.stage FROM stage_runs s JOIN documents d ON d.id = s.doc_id "
                                        "ORDER BY d.id, s.stage").fetchall()  # fmt: skip
        assert [tuple(r) for r in runs] == [(str(hang), "nlp"), (str(good), "nlp"), (str(good), "spinner")]


def test_workers_apply_the_limit_they_are_sent(tmp_path: Path) -> None:
    # Worker processes get the settings with the tasks: a limit too short for any parse stops every
    # document's parse there, and each is stored without its annotations and listed. (A first batch
    # shorter than a full one runs in-process: 16 documents make the workers start.)
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(16):
        text = SEED_FILES[n % len(SEED_FILES)].read_text(encoding="utf-8")
        (folder / f"{n:02d}.txt").write_text(f"{text}\nThis is copy {n}.", encoding="utf-8")
    with Corpus(tmp_path / "db.sqlite", settings=Settings(time_limit=1e-6)) as corpus:
        report = corpus.ingest([str(folder)], jobs=2, stages=["nlp"])
        # The watchdog looks at the clock ten times a second, so a fast parse may finish first; a
        # limit that never reached the workers (120 s by default) would stop none.
        stopped = [problem for _, _, problem in report.annotation_errors]
        assert report.new == 16 and stopped
        assert all("parsing stopped at the time limit of 1e-06 s" in problem for problem in stopped)
        assert len(corpus.errors()) == len(stopped)
        assert report.annotated + len(stopped) == 16


def test_the_command_exits_1_and_names_the_file(spinner: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dateline.cli.main import cli

    hang = tmp_path / "hang.txt"
    hang.write_text("Lavrov met Mamedyarov on Tuesday. HANG", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(hang), "--db", str(tmp_path / "db.sqlite"), "--stages", "spinner",
                                      "--time-limit", "0.5"])  # fmt: skip
    assert result.exit_code == 1
    assert f"({hang}): stage spinner stopped at the time limit of 0.5 s a document" in result.stderr


def test_a_long_text_gets_proportionally_more_time() -> None:
    from dateline.annotate.runner import limit_for

    assert limit_for(120, 5_000) == 120 and limit_for(120, 100_000) == 120
    assert limit_for(120, 326_000) == pytest.approx(391.2)
    assert limit_for(0, 326_000) == 0
