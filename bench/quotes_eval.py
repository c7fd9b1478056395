#!/usr/bin/env python3
"""Quote and attribution quality on PolNeAR with the shared scorer, and the stage's speed.

    python bench/quotes_eval.py [--split dev] [--eval ../shared/eval]

Parses every article of the split with the spaCy model, extracts quotes (dateline extract quotes'
format), runs `scorers/score_polnear.py TEXT_DIR ANN_DIR SYSTEM --json` and prints its figures plus
failures (articles that raised), and words/second of the quote extraction alone next to the parse.
An article whose gold annotation the scorer cannot read is named on stderr and left out of the
figures (``unreadable_gold``) rather than failing the whole run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateline.annotate.model import load_model  # noqa: E402
from dateline.annotate.quotes import extract_quotes  # noqa: E402


def readable_gold(scorer: Path, ann_dir: Path, link_dir: Path) -> list[str]:
    """Link into ``link_dir`` the annotation files of every article whose gold the scorer reads (it
    reads the first file of each article, as ``load_ann`` does here); return the stems it cannot."""
    spec = importlib.util.spec_from_file_location("score_polnear", scorer)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    files: dict[str, list[str]] = {}
    for name in sorted(os.listdir(ann_dir)):
        files.setdefault(name.rsplit("_", 1)[0], []).append(name)
    unreadable: list[str] = []
    for stem, names in files.items():
        try:
            module.load_ann(str(ann_dir / names[0]))
        except Exception as exc:  # whatever the scorer trips on, the article is unreadable
            unreadable.append(stem)
            print(f"unreadable gold, not scored: {stem} ({names[0]}: {exc!r})", file=sys.stderr)
            continue
        for name in names:
            (link_dir / name).symlink_to(ann_dir / name)
    return unreadable


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--split", default="dev")
    args = parser.parse_args()
    base = Path(args.eval) / "polnear" / args.split
    scorer = Path(args.eval) / "scorers" / "score_polnear.py"
    gold_dir = tempfile.TemporaryDirectory()
    unreadable = set(readable_gold(scorer, base / "attributions", Path(gold_dir.name)))
    texts = [p for p in sorted((base / "text").glob("*.txt")) if p.stem not in unreadable]
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
    run = subprocess.run([sys.executable, str(scorer), str(base / "text"), gold_dir.name, out.name, "--json"],
                         capture_output=True, text=True, check=True)  # fmt: skip
    result = json.loads(run.stdout)
    gold_dir.cleanup()
    result.update(failures=failures, unreadable_gold=sorted(unreadable), words=words, parse_wps=round(words / parse_seconds),
                  quotes_wps=round(words / quote_seconds))  # fmt: skip
    Path(out.name).unlink()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
