"""The same pipeline on every engine: local processes, Dask and Ray give the same database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline import ConfigError, Corpus
from dateline.core.records import Result, SpanRow, TableRow
from dateline.core.settings import Settings
from dateline.engines import check_engine, get_engine, require
from dateline.store.dump import TABLES, dump
from dateline.store.shards import read_shard, write_shard

from .conftest import SEEDS


@pytest.fixture(scope="module")
def local_dump(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[object, ...]]]:
    path = tmp_path_factory.mktemp("local") / "local.db"
    with Corpus(path) as corpus:
        corpus.ingest([str(SEEDS)], jobs=2)
    return dump(path)


@pytest.mark.parametrize("engine", ["dask", "ray"])
def test_distributed_run_equals_local(engine: str, local_dump: dict[str, list[tuple[object, ...]]], tmp_path: Path) -> None:
    pytest.importorskip({"dask": "distributed", "ray": "ray"}[engine])
    path = tmp_path / f"{engine}.db"
    with Corpus(path) as corpus:
        report = corpus.ingest([str(SEEDS)], jobs=2, engine=engine)
    assert report.annotated == 5 and not report.annotation_errors
    theirs = dump(path)
    for table in TABLES:
        assert theirs[table] == local_dump[table], table
    assert local_dump["timeline_entries"] and local_dump["spans"]


def test_shards_round_trip(tmp_path: Path) -> None:
    results = [
        Result(7, {"nlp": [SpanRow(7, "nlp", "sentence", 0, 10)], "time": [],
                   "events": [TableRow("events", 7, {"event": "ASSAULT", "actors": [{"code": "ARM"}], "negated": False})]},
               {"nlp": "2", "time": "2", "events": "2"}, "2016-04-04", []),
        Result(8, {}, {}, None, ["spaCy could not parse the text: boom"]),
    ]  # fmt: skip
    back = read_shard(write_shard(results, tmp_path / "s.parquet"))
    assert back == results
    assert list(back[0].versions) == ["nlp", "time", "events"]  # the order rows are written in


def test_unknown_engine_and_missing_extra_are_clear() -> None:
    with pytest.raises(ConfigError, match="unknown engine 'spark'"):
        get_engine("spark")
    with pytest.raises(ConfigError, match=r"pip install 'dateline\[nope\]'"):
        require("dateline_no_such_module", "nope")
    assert check_engine("local").name == "local"


def test_worker_pool_equals_in_process() -> None:
    from dateline.annotate.runner import run
    from dateline.core.records import Task

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    tasks = [Task(i, text, "2020-01-01", "metadata", 0, ("nlp", "time")) for i, text in enumerate(texts, start=1)]
    here = list(run(tasks, settings=Settings(), jobs=1, batch_size=2))
    # Five tasks in batches of two fill more than one batch, so this run starts two workers.
    pooled = list(run(tasks, settings=Settings(), jobs=2, batch_size=2))
    assert [r.doc_id for r in pooled] == [1, 2, 3, 4, 5]
    assert pooled == here and all(r.rows["time"] for r in here)
    # Less than one batch of work runs here rather than paying for worker start-up; same rows.
    assert list(run(tasks[:3], settings=Settings(), jobs=2, batch_size=16)) == here[:3]


def test_ray_reads_ahead_and_keeps_order_across_windows(capfd: pytest.CaptureFixture[str]) -> None:
    """The first window is read while Ray starts; later windows are new datasets; one block per
    batch. Whatever the cut, the results come back in input order, as the in-process run gives them.
    Ray's notices about its own defaults (token auth, progress bars) stay out of a default run's log."""
    pytest.importorskip("ray")
    from dateline.annotate.runner import run
    from dateline.core.records import Task
    from dateline.engines.ray_engine import ray_engine

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    tasks = [Task(i, text, "2020-01-01", "metadata", 0, ("nlp", "time")) for i, text in enumerate(texts, start=1)]
    here = list(run(tasks, settings=Settings(), jobs=1, batch_size=2))
    read: list[int] = []

    def reading() -> Iterator[Task]:
        for t in tasks:
            read.append(t.doc_id)
            yield t

    # Windows of three: [1, 2, 3] read ahead (batches of 2 and 1), then [4, 5].
    there = list(ray_engine(reading(), settings=Settings(), jobs=2, batch_size=2, window=3))
    assert "Token authentication" not in capfd.readouterr().err  # Ray's handler writes to stderr itself
    assert read == [1, 2, 3, 4, 5]
    assert [r.doc_id for r in there] == [1, 2, 3, 4, 5]
    assert there == here


def test_workers_leave_when_the_ingesting_process_is_killed(tmp_path: Path) -> None:
    """A killed ``dateline ingest`` leaves no worker annotating for nobody."""
    import json
    import signal
    import subprocess
    import sys
    import time

    import psutil

    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    corpus = tmp_path / "many.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": f"Report {i}.\n\n{text}"}) + "\n" for i in range(400)))
    dateline = str(Path(sys.executable).with_name("dateline"))
    proc = subprocess.Popen([dateline, "-q", "ingest", str(corpus), "--db", str(tmp_path / "k.db"), "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + 120
    workers: list[psutil.Process] = []
    while len(workers) < 2 and time.monotonic() < deadline:  # both of the pool's workers (not its resource tracker)
        time.sleep(0.2)
        workers = [c for c in parent.children() if "spawn_main" in " ".join(c.cmdline())]
    assert len(workers) == 2, "the ingest started no worker pool"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    _, alive = psutil.wait_procs(workers, timeout=30)
    alive = [p for p in alive if _still_running(p)]
    for p in alive:
        p.kill()
    assert not alive


def _still_running(process: object) -> bool:
    import psutil

    assert isinstance(process, psutil.Process)
    try:
        return process.status() != psutil.STATUS_ZOMBIE  # a zombie has exited; only its new parent has not reaped it
    except psutil.NoSuchProcess:
        return False


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_settings_reach_the_workers_of_an_external_dask_cluster(tmp_path: Path) -> None:
    # A scheduler and two workers started apart from the ingest, as on other hosts: the user's actors
    # file reaches them with the tasks (it once went through the environment, which theirs is not).
    import subprocess
    import sys
    import time

    pytest.importorskip("distributed")
    dask = str(Path(sys.executable).parent / "dask")
    address = f"tcp://127.0.0.1:{_free_port()}"
    logs = (tmp_path / "cluster.log").open("w")
    started = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                                 "--no-dashboard"], stdout=logs, stderr=logs)]  # fmt: skip
    try:
        time.sleep(2)
        started += [subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"],
                                     stdout=logs, stderr=logs) for _ in range(2)]  # fmt: skip
        mine = tmp_path / "mine.yaml"
        mine.write_text("organisations:\n  - {name: Abkhaz Partners Forum, code: NGO, aliases: [Abkhaz international partners]}\n")
        settings = Settings().with_actor_files((str(mine),))
        with Corpus(tmp_path / "cluster.db", settings=settings) as corpus:
            report = corpus.ingest([str(SEEDS / "000_83cd7f098aba344e.txt")], engine="dask", scheduler=address)
            assert report.annotated == 1 and not report.annotation_errors
            actors = {r[0] for r in corpus.connect().execute("SELECT id FROM actors")}
        assert "ORG:abkhaz-partners-forum" in actors
    finally:
        for process in reversed(started):
            process.terminate()
        for process in started:
            process.wait(30)
        logs.close()
