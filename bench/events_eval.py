#!/usr/bin/env python3
"""PLOVER event coding quality with the shared scorer, on each fixed half of the dev set and on all.

    python bench/events_eval.py [--eval ../shared/eval] [--gold FILE]

Runs `dateline extract events` on the gold sentences of plover/gsr-dev.jsonl (id and text only) and
scores the output with `scorers/score_plover.py GOLD SYSTEM --json`, once per half (first half: ids
whose `zlib.crc32(id) % 2 == 0`) and once on the whole set. Prints one JSON object keyed
"first", "second", "all".
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

HALVES: dict[str, Callable[[str], bool]] = {
    "first": lambda key: zlib.crc32(key.encode()) % 2 == 0,
    "second": lambda key: zlib.crc32(key.encode()) % 2 == 1,
    "all": lambda key: True,
}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def extract_events(inputs: list[dict[str, Any]], tmp: Path) -> list[dict[str, Any]]:
    """`dateline extract events` on ``inputs``; its JSONL output, one record per input."""
    source = write_jsonl(tmp / "in.jsonl", inputs)
    system = tmp / "system.jsonl"
    with system.open("w", encoding="utf-8") as handle:
        subprocess.run([sys.executable, "-m", "dateline.cli.main", "extract", "events", str(source)],
                       stdout=handle, check=True, cwd=ROOT)  # fmt: skip
    return read_jsonl(system)


def score_halves(scorer: Path, gold: list[dict[str, Any]], system: list[dict[str, Any]], tmp: Path) -> dict[str, Any]:
    """The scorer's JSON on each half of ``gold`` and on all of it."""
    out: dict[str, Any] = {}
    for half, keep in HALVES.items():
        ids = {str(g["id"]) for g in gold if keep(str(g["id"]))}
        gold_file = write_jsonl(tmp / f"gold-{half}.jsonl", [g for g in gold if str(g["id"]) in ids])
        system_file = write_jsonl(tmp / f"system-{half}.jsonl", [s for s in system if str(s["id"]) in ids])
        run = subprocess.run([sys.executable, str(scorer), str(gold_file), str(system_file), "--json"],
                             capture_output=True, text=True, check=True)  # fmt: skip
        out[half] = json.loads(run.stdout)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--gold", default=None, help="gold JSONL (default: EVAL/plover/gsr-dev.jsonl)")
    args = parser.parse_args()
    gold_path = Path(args.gold) if args.gold else Path(args.eval) / "plover" / "gsr-dev.jsonl"
    gold = read_jsonl(gold_path)
    with tempfile.TemporaryDirectory() as tmp:
        system = extract_events([{"id": g["id"], "text": g["text"]} for g in gold], Path(tmp))
        result = score_halves(Path(args.eval) / "scorers" / "score_plover.py", gold, system, Path(tmp))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
