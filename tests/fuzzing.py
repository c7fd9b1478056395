"""The fuzz harness: mutated example articles through everything that handles one document.

An input is one of the example articles (``examples/seeds``) cut, spliced and mutated the ways real
text goes wrong: flipped bytes, splices of two articles, dates and quotation marks dropped in,
Unicode spaces and control characters, no-break spaces and hard wraps inside names, HTML fragments,
very long lines, thousands of dates or quotation marks, word soups. Each input is written as a file
in one of the formats dateline reads and goes through the readers, the preparation (cleaning,
dateline, publication date), every annotation stage, and the store's writer. What comes out is one
:class:`Outcome`:

    ok        every stage ran and every row is sound
    refused   a clear error named the input (empty, binary, no text ...): the intended answer
    crash     an exception escaped a step, a stage failed, or a row points outside the text
              (inverted or out-of-range offsets)
    hang      a stage ran into the harness's time limit (it was interrupted, see
              ``dateline.annotate.time_limit``)

``tests/test_fuzz.py`` runs a short budget through hypothesis (which shrinks a failure to a small
input); ``bench/fuzz.py`` runs a long one and reports the figures. An input is a pure function of
(run seed, index), so any input a report names can be made again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import multiprocessing
import random
import re
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
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

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "examples" / "seeds").glob("*.txt"))
TODAY = dt.date(2026, 11, 23)
# The target: no input costs more than 2 s of CPU per 1,000 words (inputs under 1,000 words count
# as 1,000: a parse has a fixed cost).
SECONDS_PER_1000_WORDS = 2.0
_WORDS = re.compile(r"\S+")

Mutator = Callable[[random.Random, str, list[str]], str]
# How big the stress mutations make an input: 1 in the long run, small in the test suite's budget.
SIZE = {"size": 1.0}

DATES = ("March 3, 2020", "3 March 2020", "2020-03-03", "03/04/2021", "4/3/21", "last Tuesday", "on Monday",
         "next week", "two years ago", "in the 1990s", "Q3 2019", "12:30 p.m.", "mid-2018", "2020-02-30",
         "February 29, 2019", "the year 0", "9999", "10000 BC", "1 Jan", "Jan. 32", "between 2001 and 1999",
         "the 21st century", "yesterday morning", "since 1992", "May 19 (Sputnik) –", "20200303", "1e9 days")  # fmt: skip
MARKS = ('"', "“", "”", "„", "«", "»", "‘", "’", "'", "``", "''", "‹", "›", "「", "」")
SPACES = ("\u00a0", "\u2009", "\u202f", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u2028", "\u2029",
          "\u3000", "\u1680", "\x0b", "\x0c", "\x85", "\r", "\t", "\x00", "\x01", "\x1b", "\x7f", "\u202e",
          "\u0301", "\ud800", "\udfff", "\U0001f600", "\ufffd")  # fmt: skip
HTML = ("<p>", "</p>", "<div class='x'>", "</div>", "<br/>", "<script>alert(1)</script>", "<!-- note -->",
        "&nbsp;", "&amp;", "&#8220;", "&#x201d;", "<b>Moscow</b>", "<a href='x'>link", "<html><body>",
        "</body></html>", "<![CDATA[ x ]]>", "<style>p{}</style>", "<h1>Title</h1>", "<time datetime='2020-03-03'>")  # fmt: skip
SPEECH = ("According to", "according to -", "he said.", ", she said", "said:", "told reporters", " said that ",
          "the ministry said on Saturday.", "“We will,” he added.", "TAPPER: ", "Pence: ", "claimed", "it seems")  # fmt: skip


def _at(rng: random.Random, text: str) -> int:
    return rng.randrange(len(text) + 1)


def _insert(rng: random.Random, text: str, piece: str) -> str:
    i = _at(rng, text)
    return text[:i] + piece + text[i:]


def window(rng: random.Random, text: str, seeds: list[str]) -> str:
    """A stretch of one to a few paragraphs (most inputs are short: the budget counts inputs)."""
    paragraphs = text.split("\n")
    start = rng.randrange(len(paragraphs))
    return "\n".join(paragraphs[start : start + rng.randint(1, 3)])


def byte_flips(rng: random.Random, text: str, seeds: list[str]) -> str:
    data = bytearray(text.encode("utf-8", errors="surrogatepass"))
    for _ in range(rng.randint(1, 8)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return data.decode("utf-8", errors=rng.choice(["replace", "surrogateescape", "ignore"]))


def splice(rng: random.Random, text: str, seeds: list[str]) -> str:
    other = rng.choice(seeds)
    a, b = sorted((_at(rng, other), _at(rng, other)))
    return _insert(rng, text, other[a:b])


def crossover(rng: random.Random, text: str, seeds: list[str]) -> str:
    other = rng.choice(seeds)
    return text[: _at(rng, text)] + other[_at(rng, other) :]


def dates(rng: random.Random, text: str, seeds: list[str]) -> str:
    for _ in range(rng.randint(1, 6)):
        text = _insert(rng, text, f" {rng.choice(DATES)} ")
    return text


def quote_marks(rng: random.Random, text: str, seeds: list[str]) -> str:
    for _ in range(rng.randint(1, 12)):
        text = _insert(rng, text, rng.choice(MARKS))
    return text


def spaces_and_controls(rng: random.Random, text: str, seeds: list[str]) -> str:
    for _ in range(rng.randint(1, 12)):
        text = _insert(rng, text, rng.choice(SPACES))
    return text


def no_break_names(rng: random.Random, text: str, seeds: list[str]) -> str:
    """Names written with a no-break space or broken by a hard wrap ("Donald\\xa0Trump", "Security\\nCouncil")."""
    joiner = rng.choice(["\u00a0", "\n", "\u202f", "\u2009", "  ", "\r\n"])
    return re.sub(r"(?<=[A-Z][a-z]) (?=[A-Z])", lambda m: joiner if rng.random() < 0.7 else " ", text)


def hard_wrap(rng: random.Random, text: str, seeds: list[str]) -> str:
    width = rng.randint(20, 80)
    return re.sub(f"(.{{{width}}}) ", "\\1\n", text)


def html(rng: random.Random, text: str, seeds: list[str]) -> str:
    for _ in range(rng.randint(1, 6)):
        text = _insert(rng, text, rng.choice(HTML))
    return text


def speech(rng: random.Random, text: str, seeds: list[str]) -> str:
    for _ in range(rng.randint(1, 4)):
        text = _insert(rng, text, f" {rng.choice(SPEECH)} ")
    return text


def one_line(rng: random.Random, text: str, seeds: list[str]) -> str:
    """Every line break gone, and the text repeated: one very long line."""
    return " ".join(text.split("\n")) * rng.randint(1, max(1, round(6 * SIZE["size"])))


def long_word(rng: random.Random, text: str, seeds: list[str]) -> str:
    return _insert(rng, text, rng.choice("ab-.'“0") * rng.randint(100, max(100, round(20_000 * SIZE["size"]))))


def many_dates(rng: random.Random, text: str, seeds: list[str]) -> str:
    return text + " " + " ".join(f"On {rng.choice(DATES)} talks resumed." for _ in range(rng.randint(5, max(5, round(1500 * SIZE["size"])))))


def many_marks(rng: random.Random, text: str, seeds: list[str]) -> str:
    mark = rng.choice(MARKS)
    sep = rng.choice([" ", "\n", "", " no "])
    return text + sep.join(mark for _ in range(rng.randint(10, max(10, round(4000 * SIZE["size"])))))


def word_soup(rng: random.Random, text: str, seeds: list[str]) -> str:
    words = _WORDS.findall(" ".join(seeds))
    return " ".join(rng.choice(words) for _ in range(rng.randint(5, max(5, round(600 * SIZE["size"])))))


def drop_punctuation(rng: random.Random, text: str, seeds: list[str]) -> str:
    return re.sub(r"[.,;:!?]", "", text)


def repeat_lines(rng: random.Random, text: str, seeds: list[str]) -> str:
    lines = text.split("\n")
    line = rng.choice(lines)
    return "\n".join([*lines, *([line] * rng.randint(2, max(2, round(200 * SIZE["size"]))))])


def truncate(rng: random.Random, text: str, seeds: list[str]) -> str:
    return text[: rng.randint(0, max(0, min(len(text), 40)))]


# Cheap mutations are drawn often; the ones that make long inputs (stress) rarely, so that a budget
# of inputs is mostly many small texts and now and then a big one.
MUTATORS: dict[str, tuple[Mutator, int]] = {
    "window": (window, 30), "byte_flips": (byte_flips, 10), "splice": (splice, 8), "crossover": (crossover, 6),
    "dates": (dates, 10), "quote_marks": (quote_marks, 10), "spaces_and_controls": (spaces_and_controls, 10),
    "no_break_names": (no_break_names, 8), "hard_wrap": (hard_wrap, 4), "html": (html, 6), "speech": (speech, 8),
    "drop_punctuation": (drop_punctuation, 3), "repeat_lines": (repeat_lines, 2), "truncate": (truncate, 2),
    "word_soup": (word_soup, 3), "one_line": (one_line, 1), "long_word": (long_word, 1), "many_dates": (many_dates, 1),
    "many_marks": (many_marks, 1),
}  # fmt: skip
FORMATS = ("txt", "txt", "txt", "html", "json", "jsonl")


@dataclass(frozen=True, slots=True)
class FuzzInput:
    index: int
    mutations: tuple[str, ...]
    fmt: str
    text: str
    data: bytes  # the file's bytes

    def describe(self) -> str:
        return f"input {self.index} ({self.fmt}; {' + '.join(self.mutations) or 'seed'}; {len(self.text):,} chars)"


def make_input(index: int, run_seed: int = 0, seeds: list[str] | None = None, *, names: tuple[str, ...] | None = None,
               fmt: str | None = None, small: bool = False) -> FuzzInput:  # fmt: skip
    """Input ``index`` of run ``run_seed``: a seed article with one to four mutations, as a file.
    ``small``: a paragraph or two of one, and stress mutations a tenth of their size (the test
    suite's budget counts inputs, and a parse costs by the word)."""
    seeds = seeds if seeds is not None else seed_texts()
    rng = random.Random(f"{run_seed}:{index}:{'small' if small else ''}")
    text = rng.choice(seeds)
    if small:
        text = window(rng, text, seeds)
    SIZE["size"] = 0.1 if small else 1.0
    if names is None:
        keys = list(MUTATORS)
        names = tuple(rng.choices(keys, weights=[MUTATORS[k][1] for k in keys], k=rng.randint(1, 4)))
    for name in names:
        text = MUTATORS[name][0](rng, text, seeds)
    fmt = fmt or rng.choice(FORMATS)
    return FuzzInput(index, names, fmt, text, encode(rng, text, fmt))


def encode(rng: random.Random, text: str, fmt: str) -> bytes:
    """``text`` as the bytes of a ``fmt`` file (JSON escapes keep lone surrogates; raw files
    carry them as invalid UTF-8)."""
    if fmt == "json":
        # A metadata date is mostly a date, now and then any text at all.
        published = rng.choice(DATES) if rng.random() < 0.8 else text[: rng.choice([20, 200, 20_000])]
        record: dict[str, Any] = {"id": "x", "text": text, "title": text[:40], "published": published}
        return json.dumps(record).encode()
    if fmt == "jsonl":
        lines = [json.dumps({"id": f"r{i}", "text": part}) for i, part in enumerate(text.split("\n\n")[:3] or [text])]
        return ("\n".join(lines) + "\n").encode()
    if fmt == "html":
        text = f"<html><head><title>{text[:30]}</title></head><body><article><p>{text}</p></article></body></html>"
    return text.encode("utf-8", errors="surrogatepass")


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SEEDS]


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
