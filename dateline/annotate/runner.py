"""Running stages over documents: in this process or in worker processes, streaming, in order.

Work travels as :class:`Task` (plain text and dates) and comes back as :class:`Result` (rows):
no spaCy object crosses a process boundary. Each worker loads the model once. At most
``2 × jobs`` batches are in flight, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from dateline.annotate.model import MAX_PARSE_CHARS, load_model
from dateline.annotate.stage import Stage, StageInput
from dateline.annotate.stages import stage_order
from dateline.annotate.time_limit import TimeLimitExceeded, time_limit
from dateline.core.records import Result, Task
from dateline.core.settings import Settings

log = logging.getLogger(__name__)


def annotate(tasks: Sequence[Task], *, settings: Settings) -> list[Result]:
    """Run each task's stages, and the stages they require (their rows are the input of the stages
    that need them, and are written again); a failure is recorded on its document, never raised.

    Each document's parse and each of its stages may take ``settings.time_limit`` seconds; a step
    that fails or overruns is left out for that document, with the stages that need it, and the
    others still run."""
    results = {t.doc_id: Result(t.doc_id, published=t.published) for t in tasks}
    if not tasks:
        return []
    order = stage_order({name for t in tasks for name in t.stages})
    inputs = {
        t.doc_id: StageInput(
            doc_id=t.doc_id,
            text=t.text,
            published=dt.date.fromisoformat(t.published) if t.published else None,
            date_source=t.date_source,
            body_start=t.body_start,
        )
        for t in tasks
    }
    if any(s.needs_spacy for s in order):
        _parse(tasks, inputs, results, model=settings.model, limit=settings.time_limit)
    wanted = {t.doc_id: {s.name for s in stage_order(t.stages)} for t in tasks}
    lost: dict[int, set[str]] = {t.doc_id: set() for t in tasks}  # stages that failed or could not run
    for stage in order:
        for t in tasks:
            item = inputs[t.doc_id]
            if stage.name not in wanted[t.doc_id]:
                continue
            if (stage.needs_spacy and item.spacy_doc is None) or any(dep in lost[t.doc_id] for dep in stage.requires):
                lost[t.doc_id].add(stage.name)  # the reason is already recorded
            elif not _run_stage(stage, item, results[t.doc_id], settings, needed_by=_needing(stage, order, wanted[t.doc_id])):
                lost[t.doc_id].add(stage.name)
    for item in inputs.values():
        item.spacy_doc = None  # drop parses before results are pickled back
    return [results[t.doc_id] for t in tasks]


def _needing(stage: Stage, order: Sequence[Stage], wanted: set[str]) -> list[str]:
    """The wanted stages that need ``stage``, directly or through another."""
    needing = {stage.name}
    for other in order:
        if other.name in wanted and any(dep in needing for dep in other.requires):
            needing.add(other.name)
    return [s.name for s in order if s.name in needing and s.name != stage.name]


def _parse(tasks: Sequence[Task], inputs: dict[int, StageInput], results: dict[int, Result], *, model: str, limit: float) -> None:
    nlp = load_model(model)
    parseable = []
    for t in tasks:
        if len(t.text) > MAX_PARSE_CHARS:
            results[t.doc_id].errors.append(
                f"text of {len(t.text):,} characters is too long to parse (limit {MAX_PARSE_CHARS:,}); stored unannotated"
            )
        else:
            parseable.append(t)
    try:
        # The batch as a whole gets one document's time: a batch of articles parses in seconds, so
        # only a pathological text reaches it, and that text is then found one by one below.
        with time_limit(limit_for(limit, sum(len(t.text) for t in parseable))):
            for t, doc in zip(parseable, nlp.pipe(t.text for t in parseable), strict=True):
                inputs[t.doc_id].spacy_doc = doc
    except (Exception, TimeLimitExceeded):
        # One pathological text must not cost the batch its parses: retry one by one.
        log.debug("parsing a batch failed; retrying document by document", exc_info=True)
        for t in parseable:
            if inputs[t.doc_id].spacy_doc is not None:
                continue
            own = limit_for(limit, len(t.text))
            try:
                with time_limit(own):
                    inputs[t.doc_id].spacy_doc = nlp(t.text)
            except TimeLimitExceeded:
                results[t.doc_id].errors.append(
                    f"parsing stopped at the time limit of {own:g} s a document; stored without the stages that need the parse"
                )
            except Exception as exc:
                results[t.doc_id].errors.append(f"spaCy could not parse the text: {exc}")


# The time limit is for an article of up to this many characters (some 15,000 words); a longer text
# gets proportionally more, since its parse alone takes longer by right (a 326,000-character text
# took 200 s to parse on a busy 2-core machine).
LIMIT_CHARS = 100_000


def limit_for(limit: float, chars: int) -> float:
    """The time limit of a text of ``chars`` characters under the setting ``limit`` (0: none)."""
    return limit * max(1.0, chars / LIMIT_CHARS) if limit > 0 else 0.0


def _run_stage(stage: Stage, item: StageInput, result: Result, settings: Settings, *, needed_by: list[str]) -> bool:
    """Run ``stage`` on one document, within the time limit; False (and the reason noted on the
    result) if it failed or overran."""
    also = f"; not run either: {', '.join(needed_by)}" if needed_by else ""
    limit = limit_for(settings.time_limit, len(item.text))
    try:
        with time_limit(limit):
            rows = list(stage.fn([item], settings))
    except TimeLimitExceeded:
        result.errors.append(f"stage {stage.name} stopped at the time limit of {limit:g} s a document; "
                             f"stored without it{also}")  # fmt: skip
        return False
    except Exception as exc:
        log.debug("stage %s failed on document %s", stage.name, item.doc_id, exc_info=True)
        result.errors.append(f"stage {stage.name} failed: {type(exc).__name__}: {exc}{also}")
        return False
    rows = [row for row in rows if row.doc_id == item.doc_id]
    item.rows[stage.name] = rows
    result.rows[stage.name] = rows
    result.versions[stage.name] = stage.version
    return True


def batches(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    it = iter(tasks)
    while batch := list(islice(it, size)):
        yield batch


def _worker_init(model: str, parent: int) -> None:
    _exit_with_parent(parent)
    load_model(model)


def _exit_with_parent(parent: int) -> None:
    """A worker whose ingesting process was killed (not stopped: then the pool shuts it down) is
    adopted by another process; it then leaves rather than annotate for nobody."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="dateline-parent-watch", daemon=True).start()


# Invented, and touching what the stages load lazily: a date, a place, actors, a quote, an event.
_WARM_UP = ('TBILISI, March 3 (Reuters) - Georgia\'s foreign minister met Armenian officials on Tuesday '
            'and said: "The talks will resume next week." Protesters clashed with police in Yerevan.')


def warm_up(*, settings: Settings, stages: Sequence[str] | None = None) -> None:
    """Load the model and what the stages load on first use, now rather than on the first article:
    a long-running ingest then answers its first new article as fast as the next."""
    names = tuple(s.name for s in stage_order(set(stages) if stages else None))
    annotate([Task(0, _WARM_UP, "2020-03-03", "explicit", 0, names)], settings=settings)


def run(tasks: Iterable[Task], *, settings: Settings, jobs: int = 1, batch_size: int = 16) -> Iterator[Result]:
    """Annotate ``tasks`` with ``jobs`` worker processes (1 = here), yielding results in input order.

    Work that fits in one batch runs here too: starting workers that each load the model costs
    more than the batch itself (what adding a few articles to a big corpus amounts to)."""
    pending = batches(tasks, batch_size)
    first = next(pending, None)
    if first is None:
        return
    if jobs <= 1 or len(first) < batch_size:  # a short first batch is the whole input
        yield from annotate(first, settings=settings)
        for batch in pending:
            yield from annotate(batch, settings=settings)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_init, initargs=(settings.model, os.getpid())) as pool:
        window: deque[Future[list[Result]]] = deque()
        for batch in itertools.chain([first], pending):
            window.append(pool.submit(annotate, batch, settings=settings))
            if len(window) >= 2 * jobs:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
