"""Scale: engines at 1 and 2 workers, memory and time as the corpus grows, incremental re-runs.

Articles are synthesised by resampling the example corpus: each one draws paragraphs from the five
seed articles in a random order, with a numbered headline, so texts are distinct (no exact
duplicates) while the language is real news. Every run is a separate ``dateline ingest`` process,
timed on the wall clock, with the peak RSS of its largest process and of its whole process tree, and the CPU seconds of the tree and of the ingesting process.

    python bench/scale.py engines --docs 200            # local, dask, ray × 1 and 2 workers; start-up
    python bench/scale.py growth --sizes 1000,10000     # time and peak RSS per corpus size
    python bench/scale.py incremental --docs 1000       # unchanged re-ingest; +1% new articles
    python bench/scale.py resolution --base B.db --copies 1,10,100   # the corpus-level step alone

Each prints JSON lines on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATELINE = str(Path(sys.executable).with_name("dateline"))


def synthesise(n: int, path: Path, *, seed: int = 20261123, start: int = 0) -> int:
    """Write ``n`` articles as JSONL to ``path``; return their word count."""
    rng = random.Random(seed + start)
    paragraphs = []
    for p in sorted((ROOT / "examples" / "seeds").glob("*.txt")):
        paragraphs += [x.strip() for x in p.read_text(encoding="utf-8").split("\n\n")[1:] if len(x.strip()) > 80]
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            body = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(4, 7)))
            text = f"Report {i}: developments in the South Caucasus\n\n" + "\n\n".join(body)
            words += len(text.split())
            day = f"20{10 + i % 11:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            fh.write(json.dumps({"id": f"synthetic-{i}", "text": text, "date": day}) + "\n")
    return words


def _annotated(db: Path) -> int | None:
    """Documents with at least one stage stored so far (None while the database cannot be read)."""
    import sqlite3

    if not db.exists():
        return None
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(DISTINCT doc_id) FROM stage_runs").fetchone()[0])
    except sqlite3.Error:
        return None


def ingest(inputs: list[Path], db: Path, *extra: str, trace: Path | None = None,
           watch_results: bool = False) -> dict[str, float]:  # fmt: skip
    """One ``dateline ingest`` run: wall seconds, the peak RSS of its largest process and the peak
    of the whole process tree (parent, workers, cluster processes), sampled every 0.1 s (psutil),
    and the CPU seconds of the tree and of the parent (the last sample of each process: a process
    that ends between samples loses at most 0.1 s).
    With ``watch_results``, the stored results are counted twice a second: ``first_result_seconds``
    is when the first were stored (the engine's start-up is behind it), ``annotating_seconds`` the
    stretch from then until the last, and ``annotated_in_stretch`` how many documents it covers.
    With ``trace``, a JSON line a minute goes there: the articles stored so far and the peaks so
    far, so that a long run shows how memory moves as the corpus grows, even if it is cut short."""
    import sqlite3

    import psutil

    start = time.perf_counter()
    log = db.with_suffix(".log").open("w+", encoding="utf-8")  # a file, not a pipe nobody reads until the end
    proc = subprocess.Popen([DATELINE, "-q", "ingest", *map(str, inputs), "--db", str(db), *extra],
                            stdout=subprocess.DEVNULL, stderr=log, text=True)  # fmt: skip
    largest = tree = 0
    root = psutil.Process(proc.pid)
    cpu: dict[int, float] = {}  # per process, the last CPU time seen: where an engine spends the cores
    next_trace = start + 60
    next_count = start + 0.5
    first: tuple[float, int] | None = None
    last: tuple[float, int] | None = None
    while proc.poll() is None:
        if watch_results and time.perf_counter() >= next_count:
            next_count += 0.5
            n = _annotated(db)
            now = time.perf_counter() - start
            if n:
                first = first or (now, n)
                if last is None or n > last[1]:
                    last = (now, n)
        sizes = []
        try:
            for p in [root, *root.children(recursive=True)]:
                with p.oneshot():
                    sizes.append(p.memory_info().rss)
                    times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
        except psutil.Error:
            pass
        largest, tree = max(largest, max(sizes, default=0)), max(tree, sum(sizes))
        if trace is not None and time.perf_counter() >= next_trace:
            next_trace += 60
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                    stored = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            except sqlite3.Error:
                stored = None
            with trace.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps({"seconds": round(time.perf_counter() - start), "stored": stored,
                                     "peak_rss_mb": round(largest / 2**20), "peak_tree_mb": round(tree / 2**20),
                                     "now_rss_mb": round(sizes[0] / 2**20) if sizes else None}) + "\n")  # fmt: skip
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    log.seek(0)
    err = log.read()
    log.close()
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed: {err[-2000:]}")
    out = {"seconds": round(seconds, 2), "peak_rss_mb": round(largest / 2**20), "peak_tree_mb": round(tree / 2**20),
           "cpu_seconds": round(sum(cpu.values()), 1), "parent_cpu_seconds": round(cpu.get(proc.pid, 0.0), 1)}  # fmt: skip
    if watch_results and first and last:
        out |= {"first_result_seconds": round(first[0], 1), "annotating_seconds": round(last[0] - first[0], 1),
                "annotated_in_stretch": last[1] - first[1]}  # fmt: skip
    return out


def engines(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        words = synthesise(args.docs, corpus)
        one = Path(tmp) / "one.jsonl"
        synthesise(1, one, start=10**6)
        for engine in args.engines.split(","):
            # Start-up: a one-article run, whose cost is almost all the engine's own start.
            startup = ingest([one], Path(tmp) / f"{engine}-one.db", "--engine", engine, "--jobs", "2")
            runs = {}
            for jobs in (1, 2):
                run = ingest([corpus], Path(tmp) / f"{engine}-{jobs}.db", "--engine", engine, "--jobs", str(jobs),
                             watch_results=True)  # fmt: skip
                runs[jobs] = run
                print(json.dumps({"engine": engine, "jobs": jobs, "docs": args.docs, "words": words, **run,
                                  "words_per_second": round(words / run["seconds"])}), flush=True)  # fmt: skip
            summary = {"engine": engine, "speedup_2_over_1": round(runs[1]["seconds"] / runs[2]["seconds"], 2),
                       "one_article_run_seconds": startup["seconds"],
                       "one_article_run_cpu_seconds": startup["cpu_seconds"]}  # fmt: skip
            # Once started: documents per second while results come in, 2 workers over 1. Both
            # stretches end at the last stored result, so the final merge and resolution are outside.
            if all("annotating_seconds" in r and r["annotating_seconds"] > 0 for r in runs.values()):
                rate = {j: r["annotated_in_stretch"] / r["annotating_seconds"] for j, r in runs.items()}
                summary["speedup_once_started"] = round(rate[2] / rate[1], 2)
            print(json.dumps(summary), flush=True)


def growth(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            corpus = Path(tmp) / f"corpus-{size}.jsonl"
            words = synthesise(size, corpus)
            extra = ["--jobs", str(args.jobs)] + (["--stages", args.stages] if args.stages else [])
            run = ingest([corpus], Path(tmp) / f"growth-{size}.db", *extra, trace=args.trace)
            db_mb = round((Path(tmp) / f"growth-{size}.db").stat().st_size / 1e6)
            print(json.dumps({"docs": size, "words": words, "jobs": args.jobs, "stages": args.stages or "all", **run,
                              "words_per_second": round(words / run["seconds"]), "db_mb": db_mb}), flush=True)  # fmt: skip
            os.unlink(corpus)


def incremental(args: argparse.Namespace) -> None:
    import shutil

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        synthesise(args.docs, corpus)
        db = Path(tmp) / "inc.db"
        first = ingest([corpus], db, "--jobs", str(args.jobs))
        again = ingest([corpus], db, "--jobs", str(args.jobs))
        shutil.copy(db, Path(tmp) / "watch.db")
        extra = Path(tmp) / "more.jsonl"
        synthesise(max(1, args.docs // 100), extra, start=args.docs)
        more = ingest([corpus, extra], db, "--jobs", str(args.jobs))
        watched = watch_drop(corpus, extra, Path(tmp) / "watch.db", jobs=args.jobs)
        print(json.dumps({"docs": args.docs, "first_seconds": first["seconds"], "unchanged_seconds": again["seconds"],
                          "unchanged_share": round(again["seconds"] / first["seconds"], 4),
                          "plus_1pct_seconds": more["seconds"], "plus_1pct_share": round(more["seconds"] / first["seconds"], 4),
                          "watch_plus_1pct_seconds": watched, "watch_plus_1pct_share": round(watched / first["seconds"], 4)}))  # fmt: skip


def watch_drop(corpus: Path, extra: Path, db: Path, *, jobs: int) -> float:
    """``dateline ingest --watch`` on the corpus and a feed folder: once its first pass is done,
    ``extra`` is moved into the folder; returns the seconds the pass that ingested it took (as
    the watching process reports it: from seeing the new file to the resolution being stored)."""
    import re
    import signal

    feed = db.parent / "feed"
    feed.mkdir()
    proc = subprocess.Popen([DATELINE, "ingest", str(corpus), str(feed), "--db", str(db), "--jobs", str(jobs),
                             "--watch", "--interval", "0.2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})  # fmt: skip
    assert proc.stderr is not None
    try:
        for line in proc.stderr:  # the first pass: the corpus, unchanged
            if "unchanged" in line:
                break
        os.replace(extra, feed / extra.name)  # whole, at once: the watch never sees half a file
        for line in proc.stderr:
            if (found := re.match(r"pass \d+ \(\d+ input\(s\) new or changed, ([\d.]+) s\)", line)) is not None:
                return float(found.group(1))
        raise SystemExit("the watch ended without a second pass")
    finally:
        proc.send_signal(signal.SIGTERM)  # stops a watch as Ctrl-C does, even where SIGINT is ignored
        proc.wait(timeout=120)


# Tables of per-document rows that the corpus-level resolution reads (everything else it rebuilds).
PER_DOCUMENT = ("spans", "events", "facts", "quotes", "stage_runs")


def replicate(base: Path, db: Path, copies: int) -> None:
    """``db``: the annotated corpus ``base`` ``copies`` times over, as distinct documents (new ids
    and keys) with the same rows — what the resolution would read after ingesting that many
    articles, without parsing them again. Full-text indexing is skipped: resolution never reads it."""
    import shutil
    import sqlite3

    shutil.copyfile(base, db)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    for trigger in ("documents_ai", "documents_ad", "documents_au"):
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    top = conn.execute("SELECT MAX(id) FROM documents").fetchone()[0]
    cols = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in ("documents", *PER_DOCUMENT)}
    conn.execute("BEGIN")
    for c in range(1, copies):
        off = c * top
        doc_cols = cols["documents"]
        values = [f"id + {off}" if k == "id" else f"{k} || '#{c}'" if k in ("doc_key", "content_hash") else
                  f"CASE WHEN duplicate_of IS NULL THEN NULL ELSE duplicate_of + {off} END" if k == "duplicate_of" else k
                  for k in doc_cols]  # fmt: skip
        conn.execute(f"INSERT INTO documents ({', '.join(doc_cols)}) SELECT {', '.join(values)} FROM documents WHERE id <= {top}")
        for table in PER_DOCUMENT:
            kept = [k for k in cols[table] if k != "id"]
            values = [f"doc_id + {off}" if k == "doc_id" else k for k in kept]
            conn.execute(f"INSERT INTO {table} ({', '.join(kept)}) SELECT {', '.join(values)} FROM {table} WHERE doc_id <= {top}")
    conn.execute("COMMIT")
    conn.close()


RESOLVE = """
import json, resource, sys, time
from dateline import Settings
from dateline.resolve import resolvers
from dateline.store.db import connect
conn = connect(sys.argv[1])
settings = Settings()
out = {}
for name, fn in resolvers().items():
    start = time.perf_counter()
    fn(conn, settings)
    out[name + "_seconds"] = round(time.perf_counter() - start, 2)
    out[name + "_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps(out))
"""


def resolution(args: argparse.Namespace) -> None:
    """The corpus-level resolution (actors, event index, timeline) over ``copies`` × an annotated
    corpus, in a fresh process each time: its wall time and peak RSS (cumulative after each resolver)."""
    with tempfile.TemporaryDirectory() as tmp:
        for copies in (int(c) for c in args.copies.split(",")):
            db = Path(tmp) / f"resolve-{copies}.db"
            replicate(Path(args.base), db, copies)
            docs = copies * int(subprocess.check_output([sys.executable, "-c", "import sqlite3, sys; print(sqlite3.connect(sys.argv[1])"
                                                         ".execute('SELECT COUNT(*) FROM documents').fetchone()[0])", str(args.base)]))  # fmt: skip
            start = time.perf_counter()
            out = json.loads(subprocess.check_output([sys.executable, "-c", RESOLVE, str(db)]))
            print(json.dumps({"copies": copies, "docs": docs, "seconds": round(time.perf_counter() - start, 2), **out}), flush=True)
            db.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("engines")
    p.add_argument("--docs", type=int, default=200)
    p.add_argument("--engines", default="local,dask,ray")
    p = sub.add_parser("growth")
    p.add_argument("--sizes", default="1000,10000")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--stages", default=None)
    p.add_argument("--trace", type=Path, default=None, help="a JSON line a minute: articles stored, peaks so far")
    p = sub.add_parser("incremental")
    p.add_argument("--docs", type=int, default=1000)
    p.add_argument("--jobs", type=int, default=2)
    p = sub.add_parser("resolution")
    p.add_argument("--base", required=True, help="an ingested database (e.g. of --docs 1000 synthesised articles)")
    p.add_argument("--copies", default="1,10,100")
    args = parser.parse_args()
    {"engines": engines, "growth": growth, "incremental": incremental, "resolution": resolution}[args.what](args)


if __name__ == "__main__":
    main()
