from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline import Corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    # "Not after today" bounds year inference; fix today so results do not drift with the calendar.
    monkeypatch.setenv("DATELINE_TODAY", "2026-11-23")


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the example corpus ingested once for the whole session (read-only use)."""
    import os

    os.environ["DATELINE_TODAY"] = "2026-11-23"
    path = tmp_path_factory.mktemp("seeded") / "seeds.db"
    with Corpus(path) as corpus:
        report = corpus.ingest([str(SEEDS)])
    assert report.ok, report.failed
    return path


@pytest.fixture
def seeded_copy(seeded_db: Path, tmp_path: Path) -> Path:
    """A private copy of the seeded database that a test may change."""
    with Corpus(seeded_db) as corpus:
        corpus.connect().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target = tmp_path / "copy.db"
    shutil.copy(seeded_db, target)
    return target


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Corpus]:
    with Corpus(tmp_path / "test.db") as c:
        yield c
