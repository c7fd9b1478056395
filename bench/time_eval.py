#!/usr/bin/env python3
"""Temporal tagging quality on TimeML gold (TempEval-3 style) with the shared scorer.

    python bench/time_eval.py [--eval ../shared/eval] [--sets TimeBank AQUAINT] [--scorer PATH] [--old-pairing] [--halves]

For each set: tags every gold file's text with its DCT (dateline extract time --format timeml),
runs `scorers/score_timeml.py GOLD SYSTEM --json`, and prints one JSON object per set plus the
tagging speed in words/second (tagging only, no file I/O).

``--halves`` also scores each set's two fixed halves: a document whose id (its file name without
``.tml``) has an even ``zlib.crc32`` is in the first half, the others in the second. Errors are
looked at in the first half only; a change must hold on both.

The scorer pairs a system file with a gold file by the name up to its first dot, which several
documents share ("APW20000107.0088", "APW20000107.0318"); both gold and system files are therefore
handed to it under names whose first dot is the extension's, so each document is scored against
its own output. ``--old-pairing`` hands them over under their own names, as the bench did before
2026-11-23, to reproduce the figures published then.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateline.annotate.time import find_timexes  # noqa: E402
from dateline.annotate.time.timeml import TimeMLDoc, parse_timeml, to_timeml  # noqa: E402
from dateline.core.timexes import Timex  # noqa: E402


def scorer_name(name: str, *, old_pairing: bool = False) -> str:
    """``APW20000107.0318.tml`` → ``APW20000107_0318.tml``: unique up to the first dot."""
    if old_pairing:
        return name
    stem, _, ext = name.rpartition(".")
    return stem.replace(".", "_") + "." + ext


def link_gold(files: list[Path], into: Path, *, old_pairing: bool = False) -> Path:
    into.mkdir()
    for f in files:
        (into / scorer_name(f.name, old_pairing=old_pairing)).symlink_to(f.resolve())
    return into


def half(path: Path) -> str:
    """``first`` or ``second``: the fixed half of the document ``path`` (by its id, the name without ``.tml``)."""
    return "first" if zlib.crc32(path.name.removesuffix(".tml").encode()) % 2 == 0 else "second"


def score(scorer: str, tagged: list[tuple[Path, TimeMLDoc, list[Timex]]], *, old_pairing: bool) -> dict[str, Any]:
    """The scorer's figures for ``tagged`` (gold file, document, system expressions)."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_links = link_gold([f for f, _, _ in tagged], Path(tmp) / "gold", old_pairing=old_pairing)
        out = Path(tmp) / "system"
        out.mkdir()
        for f, d, timexes in tagged:
            (out / scorer_name(f.name, old_pairing=old_pairing)).write_text(to_timeml(d, timexes), encoding="utf-8")
        run = subprocess.run(
            [sys.executable, scorer, str(gold_links), str(out), "--json"], capture_output=True, text=True, check=True
        )
    result: dict[str, Any] = json.loads(run.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--sets", nargs="+", default=["TimeBank", "AQUAINT"])
    parser.add_argument("--scorer", default=None)
    parser.add_argument("--old-pairing", action="store_true", help="documents sharing a name prefix are mis-paired")
    parser.add_argument("--halves", action="store_true", help="also score each set's two fixed halves by document id")
    args = parser.parse_args()
    scorer = args.scorer or str(Path(args.eval) / "scorers" / "score_timeml.py")
    results = {}
    for name in args.sets:
        gold = Path(args.eval) / "timeml" / name
        docs = [(f, parse_timeml(str(f), f.read_text(encoding="utf-8"))) for f in sorted(gold.glob("*.tml"))]
        words = sum(len(d.text.split()) for _, d in docs)
        start = time.perf_counter()
        tagged = [(f, d, find_timexes(d.text, d.dct)) for f, d in docs]
        seconds = time.perf_counter() - start
        result = score(scorer, tagged, old_pairing=args.old_pairing)
        result.update(documents=len(docs), words=words, words_per_second=round(words / seconds))
        results[name] = result
        print(json.dumps({name: result}))
        if args.halves:
            for which in ("first", "second"):
                part = [t for t in tagged if half(t[0]) == which]
                print(json.dumps({f"{name}/{which}": {**score(scorer, part, old_pairing=args.old_pairing), "documents": len(part)}}))
    if len(results) > 1:
        print(json.dumps({"mean_value_f1": round(sum(r["value_f1"] for r in results.values()) / len(results), 4)}))


if __name__ == "__main__":
    main()
