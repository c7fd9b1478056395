#!/usr/bin/env python3
"""CPU seconds each per-document stage spends on the bad batch's stress texts (10,000 dates,
10,000 unbalanced quotation marks, 900 KB on one line; `tests/test_bad_batch.py`), beside the
parse: a stage whose cost grows faster than the text shows here first.

    python bench/stage_cost.py                     # every stage, every text
    python bench/stage_cost.py --stages actors --texts oneline

A stage's cost is the CPU time of extracting with it less that of the parse alone (the runner
parses once, then runs the stage and the stages it requires). One process, one run each.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateline import Corpus, TextInput  # noqa: E402
from tests.test_bad_batch import write_batch  # noqa: E402

TEXTS = ("dates", "curly", "oneline")
STAGES = ("nlp", "actors", "time", "quotes", "events", "facts")


def cpu_of(text: str, stages: list[str]) -> float:
    start = time.process_time()
    for _ in Corpus.extract([TextInput(id="t", text=text)], stages=stages):
        pass
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", default=",".join(TEXTS), help=f"of {', '.join(TEXTS)}")
    parser.add_argument("--stages", default=",".join(STAGES[1:]), help=f"of {', '.join(STAGES[1:])}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "batch"
        write_batch(folder)
        texts = {name: (folder / f"{name}.txt").read_text(encoding="utf-8") for name in args.texts.split(",")}
        (folder / "locked").chmod(0o700)  # the batch's unreadable folder, made removable again
    cpu_of("Warm up.", ["nlp"])  # the model loads once, outside the figures
    for name, text in texts.items():
        parse = cpu_of(text, ["nlp"])
        row: dict[str, object] = {"text": name, "chars": len(text), "parse": round(parse, 1)}
        for stage in args.stages.split(","):
            row[stage] = round(max(0.0, cpu_of(text, [stage]) - parse), 1)
            print(f"{name}: {stage} done", file=sys.stderr)
        print(json.dumps(row))


if __name__ == "__main__":
    main()
