#!/usr/bin/env python3
"""The long fuzz run: mutated example articles through the readers, preparation, every stage and
the store (the harness of ``tests/fuzzing.py``; ``make test`` runs a short budget of it).

    python bench/fuzz.py --inputs 100000 --jobs 2             # the figures in docs/QUALITY.md
    python bench/fuzz.py --inputs 2000 --seed 7 --out /tmp/fz  # another run; failing inputs saved
    python bench/fuzz.py --replay 4711 --seed 7                # one input again, with its problems
    python bench/fuzz.py --inputs 2000 --small --jobs 2        # what `make test` runs (tests/test_fuzz.py)

Prints JSON: inputs, outcomes (ok / refused / crash / hang), over_budget (inputs over 2 s of CPU per
1,000 words), the slowest inputs (CPU seconds and seconds per 1,000 words), the crashes and hangs
(first line of each problem), and the wall time. With ``--out`` every crashing, hanging or
over-budget input is written there as its file plus a ``.txt`` of its problems (tracebacks).
Exits 1 if any input crashed, hung or went over budget.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzzing import Harness, make_input, run_many, seed_texts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=2000, help="how many inputs (default 2000)")
    parser.add_argument("--seed", type=int, default=0, help="the run's seed: input N of a seed is always the same")
    parser.add_argument("--first", type=int, default=0, help="index of the first input")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (each loads the model)")
    parser.add_argument("--hang-seconds", type=float, default=300.0,
                        help="wall-clock limit of each step of an input, after which it counts as a hang")
    parser.add_argument("--out", default=None, help="folder for the inputs that crash, hang or go over budget")
    parser.add_argument("--replay", type=int, default=None, help="run only this input and print its problems")
    parser.add_argument("--slowest", type=int, default=5, help="how many of the slowest inputs to list")
    parser.add_argument("--small", action="store_true", help="the test suite's small inputs (a paragraph or two)")
    args = parser.parse_args()

    if args.replay is not None:
        harness = Harness(hang_seconds=args.hang_seconds)
        harness.warm_up()
        item = make_input(args.replay, args.seed, seed_texts(), small=args.small)
        outcome = harness.run(item)
        print(item.describe(), outcome.kind, f"{outcome.cpu:.2f} s CPU, {outcome.words} words")
        print("\n\n".join(outcome.problems))
        sys.exit(0 if outcome.kind in ("ok", "refused") and not outcome.over_budget else 1)

    started = time.time()
    rows = run_many(range(args.first, args.first + args.inputs), seed=args.seed, jobs=args.jobs, small=args.small,
                    hang_seconds=args.hang_seconds, out=args.out)  # fmt: skip
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
        "failing": [{"index": r["index"], "kind": r["kind"], "describe": r["describe"],
                     "problems": [p.splitlines()[0] for p in r["problems"]]} for r in failing[:50]],
        "over_budget_inputs": [{k: r[k] for k in ("index", "describe", "words", "cpu")} for r in over[:50]],
    }  # fmt: skip
    print(json.dumps(report, indent=2, ensure_ascii=False))
    sys.exit(1 if failing or over else 0)


if __name__ == "__main__":
    main()
