"""The fuzz harness: mutated example articles through everything that handles one document.

An input is one of the example articles (``examples/seeds``) cut, spliced and mutated the ways real
text goes wrong (``tests/mutations.py``): flipped bytes, splices of two articles, dates and quotation
marks dropped in, Unicode spaces and control characters, no-break spaces and hard wraps inside names,
HTML fragments, very long lines, thousands of dates or quotation marks, word soups. Each input is
written as a file in one of the formats dateline reads and goes through the readers, the preparation (cleaning,
dateline, publication date), every annotation stage, and the store's writer. What comes out is one
:class:`Outcome`:

    ok        every stage ran and every row is sound
    refused   a clear error named the input (empty, binary, no text ...): the intended answer
    crash     an exception escaped a step, a stage failed, or a row points outside the text
              (inverted or out-of-range offsets)
    hang      a stage ran into the harness's time limit (it was interrupted, see
              ``dateline.annotate.time_limit``)

``tests/test_fuzz.py`` runs a short budget (and inputs whose mutations hypothesis chooses and
shrinks); ``bench/fuzz.py`` runs a long one and reports the figures.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import multiprocessing
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from dateline.annotate.runner import annotate
from dateline.annotate.stages import stage_order
from dateline.core.dates import parse_date
from dateline.core.errors import DateError, InputError
from dateline.core.records import Result, Row, SpanRow, TableRow, Task
from dateline.core.settings import Settings
from dateline.ingest.prepare import prepare
from dateline.ingest.readers import RawRecord, read_inputs
from dateline.store import writer
from dateline.store.db import connect

from .mutations import FORMATS, MUTATORS, FuzzInput, make_input, seed_texts

__all__ = ["FORMATS", "MUTATORS", "FuzzInput", "Harness", "Outcome", "make_input", "run_many", "seed_texts"]

TODAY = dt.date(2026, 11, 23)
# The target: no input costs more than 2 s of CPU per 1,000 words (inputs under 1,000 words count
# as 1,000: a parse has a fixed cost).
SECONDS_PER_1000_WORDS = 2.0

@dataclass(slots=True)
class Outcome:
    kind: str  # ok, refused, crash, hang
    words: int = 0
    cpu: float = 0.0  # CPU seconds of the whole input
    problems: list[str] = field(default_factory=list)  # what went wrong, with a traceback where there is one

    @property
    def budget(self) -> float:
        """The CPU seconds the target allows this input."""
        return SECONDS_PER_1000_WORDS * max(self.words, 1000) / 1000

    @property
    def over_budget(self) -> bool:
        return self.cpu > self.budget


class _Tracebacks(logging.Handler):
    """The runner logs a stage's exception at DEBUG before it notes it on the result: keep it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.seen.append(record.getMessage() + "\n" + "".join(traceback.format_exception(*record.exc_info)))


class Harness:
    """Runs inputs through the readers, preparation, every stage and the writer, one at a time.

    ``hang_seconds``: the time limit each step of an input gets (wall clock, for the parse and for
    each stage), after which the runner interrupts it; generous, since it only tells a hang (on a
    busy machine a slow step waits for a core): slowness is judged by CPU time, against the budget."""

    def __init__(self, *, hang_seconds: float = 300.0, settings: Settings | None = None) -> None:
        self.settings = replace(settings or Settings(), time_limit=hang_seconds)
        self.stages = tuple(s.name for s in stage_order(None))
        self._dir = tempfile.TemporaryDirectory(prefix="dateline-fuzz-")
        self.folder = Path(self._dir.name)
        self.conn = connect(self.folder / "fuzz.db")
        self.tracebacks = _Tracebacks()
        runner_log = logging.getLogger("dateline.annotate.runner")
        runner_log.addHandler(self.tracebacks)
        runner_log.setLevel(logging.DEBUG)
        runner_log.propagate = False  # the harness reports them; pytest need not print them too
        self._n = 0

    def close(self) -> None:
        logging.getLogger("dateline.annotate.runner").removeHandler(self.tracebacks)
        self.conn.close()
        self._dir.cleanup()

    def warm_up(self) -> None:
        """Load the model, the lexicons and dateparser's languages (a metadata date that is not
        ISO makes it load all of them: seconds, once per process) before the first timed input."""
        self.run(make_input(0, names=(), fmt="txt"))
        self.run(make_input(0, names=(), fmt="json"))
        with contextlib.suppress(DateError):
            parse_date("not a date at all")

    def run(self, item: FuzzInput) -> Outcome:
        self._n += 1
        path = self.folder / f"input-{self._n}.{item.fmt}"
        path.write_bytes(item.data)
        outcome = Outcome("ok")
        start = time.process_time()
        try:
            self._through(path, outcome)
        except Exception:
            outcome.kind = "crash"
            outcome.problems.append(traceback.format_exc())
        finally:
            outcome.cpu = time.process_time() - start
            path.unlink(missing_ok=True)
        return outcome

    def _through(self, path: Path, outcome: Outcome) -> None:
        records = []
        for item in read_inputs([str(path)]):
            if isinstance(item, InputError):
                outcome.problems.append(f"refused: {item}")
            elif isinstance(item, RawRecord):
                records.append(item)
        if not records:
            outcome.kind = "refused"
            return
        for record in records[:3]:
            try:
                prepared = prepare(record, now=TODAY)
            except InputError as exc:
                outcome.problems.append(f"refused: {exc}")
                continue
            outcome.words += int(prepared.values["n_words"])
            self._annotate_and_store(prepared.values, outcome)
        if outcome.kind == "ok" and not outcome.words:
            outcome.kind = "refused"

    def _annotate_and_store(self, values: dict[str, Any], outcome: Outcome) -> None:
        conn = self.conn
        conn.execute("BEGIN")
        try:
            stored = {**values, "doc_key": f"fuzz-{self._n}-{outcome.words}", "ingested_at": "2026-11-23T00:00:00+00:00"}
            doc_id = writer.insert_document(conn, stored)
            task = Task(doc_id, values["text"], values["published"], values["date_source"], int(values["body_start"]), self.stages)
            self.tracebacks.seen.clear()
            [result] = annotate([task], settings=self.settings)
            self._judge(result, values["text"], outcome)
            for name, rows in result.rows.items():
                writer.write_rows(conn, rows)
                writer.record_stage(conn, doc_id, name, result.versions[name], result.published, len(rows))
        finally:
            conn.execute("ROLLBACK")  # the store is exercised, never filled

    def _judge(self, result: Result, text: str, outcome: Outcome) -> None:
        for problem in result.errors:
            if "time limit" in problem:
                outcome.kind = "hang"
                outcome.problems.append(problem)
            elif "too long to parse" not in problem:
                outcome.kind = "crash"
                outcome.problems.append(problem + "\n" + "\n".join(self.tracebacks.seen))
        for stage, rows in result.rows.items():
            for row in rows:
                bad = bad_offsets(row, len(text))
                if bad:
                    outcome.kind = "crash"
                    outcome.problems.append(f"stage {stage}: {bad} in {row!r}"[:2000])


# Offset pairs a row may carry: its own span and the spans it points to (speaker, cue, trigger ...).
_PAIRS = (("start", "end"), ("speaker_start", "speaker_end"), ("cue_start", "cue_end"),
          ("trigger_start", "trigger_end"), ("sentence_start", "sentence_end"))  # fmt: skip


def bad_offsets(row: Row, length: int) -> str | None:
    """What is wrong with the offsets of ``row`` in a text of ``length`` characters, if anything."""
    pairs: list[tuple[str, Any, Any]] = []
    if isinstance(row, SpanRow):
        pairs.append(("span", row.start, row.end))
    elif isinstance(row, TableRow):
        pairs.extend((a.removesuffix("_start") or "span", row.values.get(a), row.values.get(b)) for a, b in _PAIRS
                     if a in row.values or b in row.values)  # fmt: skip
    for name, start, end in pairs:
        if start is None and end is None:
            continue
        if not isinstance(start, int) or not isinstance(end, int):
            return f"{name} offsets {start!r}..{end!r} are not both set"
        if not 0 <= start <= end <= length:
            return f"{name} offsets {start}..{end} are inverted or outside the text (0..{length})"
    return None


def inputs(count: int, run_seed: int = 0, first: int = 0, *, small: bool = False) -> Iterator[FuzzInput]:
    seeds = seed_texts()
    for index in range(first, first + count):
        yield make_input(index, run_seed, seeds, small=small)


# Running many inputs in worker processes (each with its own harness and model).
_harness: Harness | None = None
_seeds: list[str] = []


def _start(hang_seconds: float) -> None:
    global _harness
    _harness = Harness(hang_seconds=hang_seconds)
    _harness.warm_up()
    _seeds.extend(seed_texts())


def _one(job: tuple[int, int, bool, str | None]) -> dict[str, Any]:
    index, seed, small, out = job
    assert _harness is not None
    item = make_input(index, seed, _seeds, small=small)
    outcome = _harness.run(item)
    row = {"index": index, "kind": outcome.kind, "words": outcome.words, "cpu": round(outcome.cpu, 3),
           "per_1000_words": round(outcome.cpu * 1000 / max(outcome.words, 1000), 3), "describe": item.describe(),
           "over_budget": outcome.over_budget,
           "problems": [p.strip() for p in outcome.problems if not p.startswith("refused")]}  # fmt: skip
    if out and (outcome.kind in ("crash", "hang") or outcome.over_budget):
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"input-{seed}-{index}.{item.fmt}").write_bytes(item.data)
        (folder / f"input-{seed}-{index}.txt").write_text(item.describe() + "\n\n" + "\n\n".join(outcome.problems), encoding="utf-8")
    return row


def run_many(indices: range, *, seed: int = 0, jobs: int = 1, small: bool = False, hang_seconds: float = 300.0,
             out: str | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """One row per input (its outcome, CPU seconds, problems), in index order."""
    work = [(i, seed, small, out) for i in indices]
    if jobs > 1:
        context = multiprocessing.get_context("spawn")
        with context.Pool(jobs, initializer=_start, initargs=(hang_seconds,)) as pool:
            rows = list(pool.imap_unordered(_one, work, chunksize=8))
    else:
        _start(hang_seconds)
        rows = [_one(job) for job in work]
    return sorted(rows, key=lambda r: r["index"])
