"""Timeline17 benchmark for ``dateline summarize``: every topic, the standard setting (number of
dates and average sentences per date taken from the gold), scored with the shared ``score_tls.py``.

Usage: .venv/bin/python bench/tls_eval.py [T17_DIR] [--out DIR] [--gold-span]
Prints one JSON line per topic and the mean to stdout; timings to stderr.

``--gold-span`` also gives the system the gold timeline's first and last date as the period
(``summarize --from --to``), as news-tls's evaluation does for its published Timeline17 figures
(``experiments/evaluate.py``: ``get_input_time_span(ref_dates, 0)``, articles and dates outside it
left out). Without it the system sees the whole collection, which is dateline's own setting.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import click

from dateline.summarize.articles import read_articles_jsonl
from dateline.summarize.timeline_summary import Period, summarize


@click.command()
@click.argument("t17", default="../shared/eval/t17", type=click.Path(exists=True, file_okay=False))
@click.option("--scorer", default="../shared/eval/scorers/score_tls.py", type=click.Path(exists=True))
@click.option("--out", default=None, type=click.Path(file_okay=False), help="Keep predictions here.")
@click.option("--gold-span", is_flag=True, help="Give the gold timeline's first and last date as the period.")
def main(t17: str, scorer: str, out: str | None, gold_span: bool) -> None:
    out_dir = Path(out or tempfile.mkdtemp(prefix="tls_"))
    out_dir.mkdir(parents=True, exist_ok=True)
    keys = ("ar1_f", "ar2_f", "date_f1")
    results: list[dict[str, float]] = []
    for topic in sorted(p for p in Path(t17).iterdir() if (p / "articles.jsonl").exists()):
        gold_path = topic / "timelines.jsonl"
        with gold_path.open() as f:
            gold = json.loads(f.readline())
        n_dates = len(gold)
        n_sents = max(1, round(sum(len(s) for _d, s in gold) / n_dates))
        articles = read_articles_jsonl(topic / "articles.jsonl")
        t0 = time.perf_counter()
        days = sorted(dt.date.fromisoformat(d[:10]) for d, _s in gold)
        period = Period(days[0], days[-1]) if gold_span else Period()
        pred = summarize(articles, n_dates, n_sents, period=period)
        secs = time.perf_counter() - t0
        pred_path = out_dir / f"{topic.name}.json"
        pred_path.write_text(json.dumps(pred))
        proc = subprocess.run([sys.executable, scorer, str(gold_path), str(pred_path), "--json"],
                              capture_output=True, text=True, check=True)  # fmt: skip
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        results.append(res)
        print(json.dumps({"topic": topic.name, "articles": len(articles), **{k: res[k] for k in keys}}))
        print(f"{topic.name}: {len(articles)} articles summarised in {secs:.1f}s", file=sys.stderr)
    mean = {k: round(statistics.mean(r[k] for r in results), 4) for k in keys}
    print(json.dumps({"topic": "MEAN", **mean}))


if __name__ == "__main__":
    main()
