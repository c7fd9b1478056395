"""``dateline ingest --watch``: one process ingests what is new or changed, pass after pass."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import Corpus
from dateline.cli.main import cli
from dateline.core.errors import ConfigError
from dateline.ingest.watch import WatchPass, changed, snapshot, watch

ARTICLE = "{title}\n\nTBILISI, March {day} (Reuters) - {body}\n"


def _write(folder: Path, name: str, day: int, body: str) -> Path:
    path = folder / name
    path.write_text(ARTICLE.format(title=f"Talks resume, day {day}", day=day, body=body), encoding="utf-8")
    return path


def test_each_pass_takes_only_new_or_changed_files(tmp_path: Path) -> None:
    feed = tmp_path / "feed"
    feed.mkdir()
    _write(feed, "a.txt", 3, "Georgia's foreign minister met his Armenian counterpart on Tuesday.")
    heard: list[WatchPass[list[str]]] = []
    drops = iter([
        lambda: _write(feed, "b.txt", 4, "The ministers said talks would resume next week."),
        lambda: None,  # nothing changes: no ingest at all
        lambda: (feed / "a.txt").write_text("Talks resume\n\nA longer, corrected version of the first report.\n"),
    ])  # fmt: skip

    def sleep(_: float) -> None:
        next(drops)()

    watch([str(feed)], ingest=lambda inputs: inputs, interval=0, passes=4, on_pass=heard.append, sleep=sleep)
    assert [(p.number, p.report) for p in heard] == [
        (1, [str(feed)]),
        (2, [str(feed / "b.txt")]),
        (4, [str(feed / "a.txt")]),
    ]


def test_snapshot_and_changed() -> None:
    assert changed({"a": (1, 1), "b": (2, 2)}, {"a": (1, 1), "b": (2, 3), "c": (5, 5)}) == ["b", "c"]
    assert snapshot(["/nonexistent/*.txt"]) == {}  # a pattern that matches nothing yet is not an error
    with pytest.raises(ConfigError, match="standard input"):
        snapshot(["-"])


def test_watch_rejects_stdin_and_passes_without_watch(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    result = CliRunner().invoke(cli, ["ingest", "-", "--watch", "--db", db])
    assert result.exit_code != 0 and "standard input (-) cannot be watched" in result.output
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--passes", "2", "--db", db])
    assert result.exit_code != 0 and "--passes needs --watch" in result.output


def _wait_for(proc: subprocess.Popen[str], text: str, lines: list[str], timeout: float = 120) -> None:
    assert proc.stderr is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        lines.append(line)
        if text in line:
            return
    raise AssertionError(f"{text!r} never appeared in:\n{''.join(lines)}")


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_cli_watch_ingests_a_dropped_article_and_stops_cleanly(tmp_path: Path, stop: signal.Signals) -> None:
    feed = tmp_path / "feed"
    feed.mkdir()
    _write(feed, "a.txt", 3, "Georgia's foreign minister met his Armenian counterpart in Tbilisi on Tuesday.")
    db = tmp_path / "watch.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "dateline.cli.main", "ingest", str(feed), "--watch", "--interval", "0.2", "--db", str(db)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # as at a terminal, even when this test runs in a background job that ignores SIGINT
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    lines: list[str] = []
    try:
        _wait_for(proc, "1 new", lines)
        _write(feed, "b.txt", 4, "Armenia's prime minister said on Wednesday that the border talks would go on.")
        _wait_for(proc, "pass", lines)
        _wait_for(proc, "1 new", lines)
        proc.send_signal(stop)
        assert proc.wait(timeout=60) == 0
        assert proc.stderr is not None and "watch stopped" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
    with Corpus(db, readonly=True) as corpus:
        docs = corpus.documents()
    assert sorted(Path(d.path).name for d in docs) == ["a.txt", "b.txt"]
    assert any("Armenia's prime minister" in d.text for d in docs)
