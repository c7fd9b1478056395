#!/usr/bin/env python3
"""Words/second of `dateline ingest` (every registered stage on) against bare spaCy `nlp.pipe`
on the same texts, on one core, in one run; and the peak memory of the process.

    python bench/throughput.py                                  # example corpus, repeated
    python bench/throughput.py --input ../shared/eval/t17/bpoil_bbc/articles.jsonl --limit 200
    python bench/throughput.py --repeat 10 --stages              # also seconds per stage (best round)
    python bench/throughput.py --repeat 10 --rounds 7            # more rounds: a steadier median ratio

Prints JSON: dateline_wps, spacy_wps, ratio (of the best times), ratio_median_of_rounds, peak_rss_mb,
plus what was measured.
Both sides use the same loaded model; model loading is excluded from both timings.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateline import Corpus  # noqa: E402
from dateline.annotate.model import load_model  # noqa: E402
from dateline.annotate.stages import STAGES  # noqa: E402
from dateline.ingest.readers import RawRecord, read_inputs  # noqa: E402


def load_texts(path: str, limit: int, repeat: int) -> list[str]:
    texts = [r.text for r in read_inputs([path]) if isinstance(r, RawRecord)]
    texts = texts[:limit] if limit else texts
    # Copies are made distinct (a numbered first line) so dedup does not skip their annotation.
    return [f"Copy {n}.\n{t}" if repeat > 1 else t for n in range(repeat) for t in texts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", default=str(ROOT / "examples" / "seeds"))
    parser.add_argument("--limit", type=int, default=0, help="use the first N records only")
    parser.add_argument("--repeat", type=int, default=20, help="repeat the inputs N times (distinct copies)")
    parser.add_argument("--rounds", type=int, default=2, help="alternate the two sides N times; best time counts")
    parser.add_argument("--stages", action="store_true",
                        help="also report dateline's seconds per stage, the parse, and the time grammar's scan")  # fmt: skip
    args = parser.parse_args()
    spent = _time_stages() if args.stages else None

    texts = load_texts(args.input, args.limit, args.repeat)
    words = sum(len(t.split()) for t in texts)
    nlp = load_model()
    list(nlp.pipe(texts[:5]))  # warm up both sides alike

    spacy_times, dateline_times = [], []
    by_round: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for n, text in enumerate(texts):
            (folder / f"{n:06d}.txt").write_text(text, encoding="utf-8")
        # Alternating the sides and keeping each one's best time evens out load from elsewhere.
        for round_ in range(args.rounds):
            start = time.perf_counter()
            for _ in nlp.pipe(texts):
                pass
            spacy_times.append(time.perf_counter() - start)
            if spent is not None:
                spent.clear()
            with Corpus(Path(tmp) / f"bench{round_}.db") as corpus:
                start = time.perf_counter()
                report = corpus.ingest([str(folder)], jobs=1)
                dateline_times.append(time.perf_counter() - start)
            if spent is not None:
                by_round.append(dict(spent))
            assert report.annotated == len(texts), report
    spacy_seconds, dateline_seconds = min(spacy_times), min(dateline_times)

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "documents": len(texts),
        "words": words,
        "stages": sorted(STAGES),
        "spacy_seconds": round(spacy_seconds, 3),
        "dateline_seconds": round(dateline_seconds, 3),
        "spacy_wps": round(words / spacy_seconds),
        "dateline_wps": round(words / dateline_seconds),
        "ratio": round(spacy_seconds / dateline_seconds, 3),
        # Each round's two sides run back to back: the middle of their ratios moves less with the
        # machine's speed from one minute to the next than the ratio of the two best times does.
        "ratio_median_of_rounds": round(statistics.median(s / d for s, d in zip(spacy_times, dateline_times, strict=True)), 3),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "cpu_count": os.cpu_count(),
    }
    if by_round:
        best = by_round[dateline_times.index(dateline_seconds)]
        # "time_grammar_scan" is inside "time"; "other" is reading, cleaning, storing and resolution.
        best["other"] = dateline_seconds - sum(v for k, v in best.items() if k != "time_grammar_scan")
        result["stage_seconds"] = {k: round(v, 3) for k, v in sorted(best.items())}
    print(json.dumps(result, indent=2))


def _time_stages() -> dict[str, float]:
    """Wrap the runner's parse and stage calls (and the time grammar's pattern scan) in timers."""
    from collections import defaultdict

    from dateline.annotate import runner
    from dateline.annotate.time import scanner

    spent: defaultdict[str, float] = defaultdict(float)

    def timed(name: Callable[..., str], fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name(*args)] += time.perf_counter() - start

        return wrapper

    runner._parse = timed(lambda *a: "parse", runner._parse)
    runner._run_stage = timed(lambda stage, *a: stage.name, runner._run_stage)
    scanner.candidates = timed(lambda *a: "time_grammar_scan", scanner.candidates)
    return spent


if __name__ == "__main__":
    main()
