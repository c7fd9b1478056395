#!/usr/bin/env python3
"""The long fuzz run: mutated example articles through the readers, preparation, every stage and
the store (the harness of ``tests/fuzzing.py``; ``make test`` runs a short budget of it).

    python bench/fuzz.py --inputs 100000 --jobs 2             # the figures in docs/QUALITY.md
    python bench/fuzz.py --inputs 2000 --seed 7 --out /tmp/fz  # another run; failing inputs saved
    python bench/fuzz.py --replay 4711 --seed 7                # one input again, with its problems

Prints JSON: inputs, outcomes (ok / refused / crash / hang), over_budget (inputs over 2 s of CPU per
1,000 words), the slowest inputs (CPU seconds and seconds per 1,000 words), the crashes and hangs
(first line of each problem), and the wall time. With ``--out`` every crashing, hanging or
over-budget input is written there as its file plus a ``.txt`` of its problems (tracebacks).
Exits 1 if any input crashed, hung or went over budget.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzzing import Harness, make_input, seed_texts  # noqa: E402

_harness: Harness | None = None


def _start(hang_seconds: float) -> None:
    global _harness
    _harness = Harness(hang_seconds=hang_seconds)
    _harness.warm_up()


def _one(job: tuple[int, int, str | None]) -> dict[str, Any]:
    index, seed, out = job
    assert _harness is not None
    item = make_input(index, seed, _seeds())
    outcome = _harness.run(item)
    row = {"index": index, "kind": outcome.kind, "words": outcome.words, "cpu": round(outcome.cpu, 3),
           "per_1000_words": round(outcome.cpu * 1000 / max(outcome.words, 1000), 3), "describe": item.describe(),
           "over_budget": outcome.over_budget,
           "problems": [p.strip().splitlines()[0] for p in outcome.problems if not p.startswith("refused")]}  # fmt: skip
    if out and (outcome.kind in ("crash", "hang") or outcome.over_budget):
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"input-{seed}-{index}.{item.fmt}").write_bytes(item.data)
        (folder / f"input-{seed}-{index}.txt").write_text(item.describe() + "\n\n" + "\n\n".join(outcome.problems), encoding="utf-8")
    return row


_SEEDS: list[str] = []


def _seeds() -> list[str]:
    if not _SEEDS:
        _SEEDS.extend(seed_texts())
    return _SEEDS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=2000, help="how many inputs (default 2000)")
    parser.add_argument("--seed", type=int, default=0, help="the run's seed: input N of a seed is always the same")
    parser.add_argument("--first", type=int, default=0, help="index of the first input")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (each loads the model)")
    parser.add_argument("--hang-seconds", type=float, default=60.0,
                        help="wall-clock limit of each step of an input, after which it counts as a hang")
    parser.add_argument("--out", default=None, help="folder for the inputs that crash, hang or go over budget")
    parser.add_argument("--replay", type=int, default=None, help="run only this input and print its problems")
    parser.add_argument("--slowest", type=int, default=5, help="how many of the slowest inputs to list")
    args = parser.parse_args()

    if args.replay is not None:
        _start(args.hang_seconds)
        assert _harness is not None
        item = make_input(args.replay, args.seed, _seeds())
        outcome = _harness.run(item)
        print(item.describe(), outcome.kind, f"{outcome.cpu:.2f} s CPU, {outcome.words} words")
        print("\n\n".join(outcome.problems))
        sys.exit(0 if outcome.kind in ("ok", "refused") and not outcome.over_budget else 1)

    started = time.time()
    jobs = [(i, args.seed, args.out) for i in range(args.first, args.first + args.inputs)]
    if args.jobs > 1:
        context = multiprocessing.get_context("spawn")
        with context.Pool(args.jobs, initializer=_start, initargs=(args.hang_seconds,)) as pool:
            rows = list(pool.imap_unordered(_one, jobs, chunksize=8))
    else:
        _start(args.hang_seconds)
        rows = [_one(job) for job in jobs]
    rows.sort(key=lambda r: r["index"])
    kinds = Counter(r["kind"] for r in rows)
    failing = [r for r in rows if r["kind"] in ("crash", "hang")]
    over = [r for r in rows if r["over_budget"]]
    slowest = sorted(rows, key=lambda r: r["per_1000_words"], reverse=True)[: args.slowest]
    report = {
        "inputs": len(rows), "seed": args.seed, "first": args.first, "outcomes": dict(sorted(kinds.items())),
        "crashes": kinds.get("crash", 0), "hangs": kinds.get("hang", 0), "over_budget": len(over),
        "slowest": [{k: r[k] for k in ("index", "describe", "words", "cpu", "per_1000_words")} for r in slowest],
        "words": sum(r["words"] for r in rows), "cpu_seconds": round(sum(r["cpu"] for r in rows), 1),
        "wall_seconds": round(time.time() - started, 1), "jobs": args.jobs, "cpus": os.cpu_count(),
        "failing": [{k: r[k] for k in ("index", "kind", "describe", "problems")} for r in failing[:50]],
        "over_budget_inputs": [{k: r[k] for k in ("index", "describe", "words", "cpu")} for r in over[:50]],
    }  # fmt: skip
    print(json.dumps(report, indent=2, ensure_ascii=False))
    sys.exit(1 if failing or over else 0)


if __name__ == "__main__":
    main()
