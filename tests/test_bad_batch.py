"""Issue 21's acceptance test: the example corpus plus every bad input the reliability run found,
in one batch. Every good article is stored, every bad one is named in ``dateline errors`` and on
stderr, the exit status is 1, the store is sound, and the batch ends in minutes, not hours."""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SEED_FILES
from .test_bad_input import unprivileged

pytestmark = pytest.mark.slow
# The bound for the whole batch on this (2-core) machine, here in CPU seconds of all its
# processes (two workers): a bound on the wall clock of an otherwise idle machine too.
BATCH_SECONDS = 240


def write_batch(folder: Path) -> dict[str, str]:
    """The batch: the example corpus and each bad input; returns what each bad input must become
    (``stored``, or the problem ``dateline errors`` names it with)."""
    folder.mkdir()
    seeds = [p.read_text(encoding="utf-8") for p in SEED_FILES]
    for path, text in zip(SEED_FILES, seeds, strict=True):
        (folder / path.name).write_text(text, encoding="utf-8")
    expected: dict[str, str] = {}

    def put(name: str, data: str | bytes, outcome: str = "stored") -> None:
        (folder / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expected[name] = outcome

    # Names joined by a no-break space or broken by a hard wrap.
    put("nbsp.txt", seeds[0].replace("Foreign Ministry", "Foreign\u00a0Ministry").replace("Russian Foreign", "Russian\nForeign")
        .replace("Nagorno-Karabakh Republic", "Nagorno-Karabakh\u00a0Republic") + "\nDonald\u00a0Trump met Security\nCouncil members.")  # fmt: skip
    # A file name that is not UTF-8 (stored, its bytes shown as escapes).
    raw = os.path.join(os.fsencode(folder), b"bad\xff\xfename.txt")
    with open(raw, "wb") as handle:
        handle.write(("TBILISI, March 3 (Reuters) - Georgia's foreign minister met Armenian officials on Tuesday. " * 3).encode())
    expected["bad\\xff\\xfename.txt"] = "stored"
    # A record with a lone surrogate, beside a good one.
    put("feed.jsonl", '{"id": "s", "text": "Lavrov said \\ud800 on Tuesday that the talks would resume."}\n'
                      '{"id": "g", "text": "Zakharova spoke on Monday about the talks in Geneva."}\n')  # fmt: skip
    put("deep.json", "[" * 100_000 + "]" * 100_000, "malformed JSON (nested too deeply to be an article)")
    put("deep.jsonl", '{"id": "ok", "text": "Officials met in Baku on Friday."}\n{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    expected["deep.jsonl:2"] = "malformed JSON (nested too deeply to be an article)"
    put("quotes.txt", "`` \u201d\n")  # failed the quotes stage (min() of nothing)
    put("according.txt", "According to - he said.\n")  # looped forever
    rng = random.Random(21)
    put("dates.txt", " ".join(f"On March {rng.randint(1, 28)}, {rng.randint(1990, 2025)} talks resumed." for _ in range(10_000)))
    put("curly.txt", "\n".join(f"\u201cThe talks {n} will resume, he said" for n in range(10_000)))
    words = [w for text in seeds for w in text.split()]
    put("oneline.txt", " ".join(rng.choice(words) for _ in range(150_000))[:900_000])
    locked = folder / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(seeds[1], encoding="utf-8")
    locked.chmod(0)
    expected["locked"] = "cannot read folder: Permission denied"
    return expected


# Minutes on an idle machine; a machine other jobs keep busy stretches the wall clock, not the CPU.
@pytest.mark.timeout(12 * BATCH_SECONDS)
def test_a_batch_of_every_bad_input(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    expected = write_batch(folder)
    db = tmp_path / "batch.db"
    dateline = [sys.executable, "-m", "dateline.cli.main"]
    env = {**os.environ, "DATELINE_TODAY": "2026-11-23"}
    # The wall-clock timeout only stops a run that went wrong: on a machine other jobs keep busy the
    # same CPU seconds can take many times as long.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        done = subprocess.run([*unprivileged(), *dateline, "ingest", str(folder), "--db", str(db), "--jobs", "2",
                               "--time-limit", "60"], capture_output=True, text=True, env=env, timeout=10 * BATCH_SECONDS)  # fmt: skip
    finally:
        (folder / "locked").chmod(0o755)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds of the ingest and its workers: on a machine other jobs share, the wall clock says
    # more about them than about dateline.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert done.returncode == 1, done.stderr

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {Path(p.split(":")[0]).name if ":" in p else Path(p).name for (p,) in conn.execute("SELECT path FROM documents")}
    errors = [(source, problem) for source, problem in conn.execute("SELECT source, problem FROM ingest_errors")]
    for path in SEED_FILES:
        assert path.name in stored
    for name, outcome in expected.items():
        if outcome == "stored":
            assert name in stored, (name, done.stderr)
        else:
            where = str(folder / name)
            assert (where, outcome) in errors, (name, errors)
            assert f"failed: {where}: {outcome}" in done.stderr
    # Every other problem (a stage left out at the time limit) names a stored document, on stderr too.
    named = {str(folder / name) for name, outcome in expected.items() if outcome != "stored"}
    for source, problem in errors:
        if source not in named:
            assert Path(source).name in stored and problem in done.stderr, (source, problem)
    # The articles that once crashed a stage are now annotated by it.
    ran = {(Path(p).name, stage) for p, stage in conn.execute("SELECT d.path, s.stage FROM stage_runs s JOIN documents d ON d.id = s.doc_id")}
    for name, stage in (("nbsp.txt", "actors"), ("nbsp.txt", "quotes"), ("quotes.txt", "quotes"), ("according.txt", "quotes")):
        assert (name, stage) in ran, (name, stage, errors)
    listed = subprocess.run([*dateline, "errors", "--db", str(db), "--format", "json"], capture_output=True, text=True, env=env)
    assert {(e["source"], e["problem"]) for e in json.loads(listed.stdout)} == set(errors)
    shutil.rmtree(folder)
    assert cpu < BATCH_SECONDS, f"the batch took {cpu:.0f} s of CPU"
