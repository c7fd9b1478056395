#!/usr/bin/env python3
"""Quote and attribution quality on PolNeAR with the shared scorer, and the stage's speed.

    python bench/quotes_eval.py [--split dev] [--eval ../shared/eval]

Parses every article of the split with the spaCy model, extracts quotes (dateline extract quotes'
format), runs `scorers/score_polnear.py TEXT_DIR ANN_DIR SYSTEM --json` and prints its figures plus
failures (articles that raised), and words/second of the quote extraction alone next to the parse.
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

from dateline.annotate.model import load_model  # noqa: E402
from dateline.annotate.quotes import extract_quotes  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--split", default="dev")
    args = parser.parse_args()
    base = Path(args.eval) / "polnear" / args.split
    texts = sorted((base / "text").glob("*.txt"))
    nlp = load_model()
    parse_seconds = quote_seconds = 0.0
    words = failures = 0
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for path in texts:
            text = path.read_text(encoding="utf-8")
            words += len(text.split())
            start = time.perf_counter()
            doc = nlp(text)
            parse_seconds += time.perf_counter() - start
            start = time.perf_counter()
            try:
                quotes = extract_quotes(doc)
            except Exception:
                failures += 1
                quotes = []
            quote_seconds += time.perf_counter() - start
            record = {"id": path.stem, "quotes": [q.spans_record() for q in quotes]}
            out.write(json.dumps(record) + "\n")
    scorer = Path(args.eval) / "scorers" / "score_polnear.py"
    run = subprocess.run([sys.executable, str(scorer), str(base / "text"), str(base / "attributions"), out.name, "--json"],
                         capture_output=True, text=True, check=True)  # fmt: skip
    result = json.loads(run.stdout)
    result.update(failures=failures, words=words, parse_wps=round(words / parse_seconds),
                  quotes_wps=round(words / quote_seconds))  # fmt: skip
    Path(out.name).unlink()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
