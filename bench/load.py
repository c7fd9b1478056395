"""Load on the web server: concurrent clients on the paged endpoints, and reads while a date is set.

Serves a copy of ``--db`` with ``dateline serve`` (the real command, in its own process, on
127.0.0.1 and a free port; the copy because the second phase writes), then:

1. ``--clients`` clients (default 20, one keep-alive connection each) share ``--requests`` GETs
   (default 2,000), spread evenly over the endpoints the UI pages through: ``/api/timeline``,
   ``/api/quotes`` and ``/api/actors`` one page of ``--page`` at a random offset within the
   table, ``/api/documents``, ``/api/timeline/{id}`` and ``/api/documents/{id}`` for random ids.
   Reported: requests per second over the phase, p50/p95/p99/max latency per endpoint.
2. ``--posts`` times (default 3), ``POST /api/documents/{id}/date`` moves a document's date by a
   day while ``--readers`` clients (default 4) keep reading one page of the timeline and one
   document each, back to back; reported: each POST's time, the p95 and slowest GET that ran during
   it, and the same for the second before it (the same readers with no write: the baseline that
   tells a read waiting on the write from a machine that is merely busy).

Only loopback is used and everything is bounded (request count, per-request timeout, server start
timeout). The table goes to stdout, progress to stderr. Exit status 1 when a request failed, the
p95 of an endpoint is 1 s or more, or a read during a POST took 0.5 s or more (``--no-gate``: report
only). The gates are issue 24's targets.

Usage: ``python bench/load.py --db DB [--clients 20] [--requests 2000] [--no-gate]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"
P95_GATE_S = 1.0
BLOCK_GATE_S = 0.5
IDLE_S = 1.0  # readers run alone this long before each POST: the baseline its reads are compared with


@dataclass
class Sizes:
    """What the database holds, so that offsets and ids fall inside it."""

    timeline_ids: list[int]
    document_ids: list[int]
    quotes: int
    actors: int


@dataclass
class Samples:
    latencies: defaultdict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, endpoint: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latencies[endpoint].append(seconds)
            if not ok:
                self.errors[endpoint] += 1


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def sizes(db: Path) -> Sizes:
    # Counted in the file, not through the API: discovering a large table page by page would cost
    # more than the bench, and the endpoints may or may not report a total.
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return Sizes(
            timeline_ids=[r[0] for r in conn.execute("SELECT id FROM timeline_entries")],
            document_ids=[r[0] for r in conn.execute("SELECT id FROM documents")],
            quotes=conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0],
            actors=conn.execute("SELECT COUNT(*) FROM actors").fetchone()[0],
        )
    finally:
        conn.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read()


@contextmanager
def server(db: Path, start_timeout: float) -> Iterator[int]:
    """``dateline serve`` on a copy of ``db``: yields its port once it answers."""
    with tempfile.TemporaryDirectory(prefix="dateline-load-") as tmp:
        copy = Path(tmp) / "load.db"
        # SQLite's backup, not a file copy: it carries what is still in the -wal file.
        src, dst = sqlite3.connect(f"file:{db}?mode=ro", uri=True), sqlite3.connect(copy)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        port = free_port()
        cmd = [sys.executable, "-c", "from dateline.cli.main import cli; cli()", "serve", "--db", str(copy), "--port", str(port)]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + start_timeout
            while True:
                if proc.poll() is not None:
                    raise SystemExit(f"dateline serve exited ({proc.returncode}): {proc.stderr.read() if proc.stderr else ''}")
                try:
                    conn = http.client.HTTPConnection(HOST, port, timeout=5)
                    status, _ = get(conn, "/")
                    conn.close()
                    if status == 200:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit(f"dateline serve did not answer within {start_timeout:.0f} s")
                time.sleep(0.2)
            log(f"serving a copy of {db} on http://{HOST}:{port}/")
            yield port
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def plan(n: int, page: int, have: Sizes, rng: random.Random) -> list[tuple[str, str]]:
    """``n`` (endpoint, path) requests, the endpoints taking turns, offsets and ids at random."""

    def offset(total: int) -> int:
        return rng.randrange(0, max(total, 1), page) if total > page else 0

    makers: dict[str, Callable[[], str]] = {
        "/api/timeline?limit&offset": lambda: f"/api/timeline?limit={page}&offset={offset(len(have.timeline_ids))}",
        "/api/quotes?limit&offset": lambda: f"/api/quotes?limit={page}&offset={offset(have.quotes)}",
        "/api/actors?limit&offset": lambda: f"/api/actors?limit={page}&offset={offset(have.actors)}",
        "/api/documents": lambda: "/api/documents",
        "/api/timeline/{id}": lambda: f"/api/timeline/{rng.choice(have.timeline_ids)}",
        "/api/documents/{id}": lambda: f"/api/documents/{rng.choice(have.document_ids)}",
    }
    if not have.timeline_ids:  # a corpus without events has no entry to ask for
        del makers["/api/timeline/{id}"]
    names = list(makers)
    return [(names[i % len(names)], makers[names[i % len(names)]]()) for i in range(n)]


def run_clients(port: int, requests: list[tuple[str, str]], clients: int, timeout: float) -> tuple[Samples, float]:
    """The requests shared by ``clients`` threads, each on its own keep-alive connection."""
    samples = Samples()
    local = threading.local()
    done = [0]

    def one(endpoint: str, path: str) -> None:
        if not hasattr(local, "conn"):
            local.conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
        start = time.perf_counter()
        try:
            status, _ = get(local.conn, path)
            ok = status == 200
        except (OSError, http.client.HTTPException):
            local.conn.close()  # reconnects on the next request
            ok = False
        samples.add(endpoint, time.perf_counter() - start, ok)
        with samples.lock:
            done[0] += 1
            if done[0] % 200 == 0:
                log(f"  {done[0]}/{len(requests)} requests")

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        for future in [pool.submit(one, e, p) for e, p in requests]:
            future.result()
    return samples, time.perf_counter() - start


@dataclass
class PostRun:
    doc_id: int
    post_s: float
    status: int
    reads: list[float]
    idle: list[float]


@dataclass
class Window:
    """One POST as the readers see it: open while it runs, with the reads that started in it."""

    open: threading.Event = field(default_factory=threading.Event)
    post_start: float = float("inf")
    reads: list[float] = field(default_factory=list)
    idle: list[float] = field(default_factory=list)  # the same reads in the second before the POST
    lock: threading.Lock = field(default_factory=threading.Lock)


def reader(port: int, window: Window, document_ids: list[int], page: int, timeout: float, seed: float) -> None:
    """GETs back to back, half a timeline page and half a document, until the window closes."""
    rng = random.Random(seed)
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        while window.open.is_set():
            path = f"/api/timeline?limit={page}&offset=0" if rng.random() < 0.5 else f"/api/documents/{rng.choice(document_ids)}"
            start = time.perf_counter()
            try:
                get(conn, path)
            except (OSError, http.client.HTTPException):
                conn.close()
            elapsed = time.perf_counter() - start
            # A read counts when it started once the POST was sent; the last may end after the POST
            # and still counts, as it may have waited on it. The reads before are the baseline: what
            # the same readers get on the same server and machine with no write going on.
            with window.lock:
                (window.reads if start >= window.post_start else window.idle).append(elapsed)
    finally:
        conn.close()


def reads_during_posts(port: int, have: Sizes, posts: int, readers: int, page: int, timeout: float,
                       rng: random.Random) -> list[PostRun]:  # fmt: skip
    """Each POST of a date timed, with the latency of every GET that ran while it did."""
    runs: list[PostRun] = []
    targets = rng.sample(have.document_ids, min(posts, len(have.document_ids)))
    for n, doc_id in enumerate(targets, 1):
        conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
        status, body = get(conn, f"/api/documents/{doc_id}")
        published = json.loads(body).get("published") if status == 200 else None
        day = dt.date.fromisoformat(published[:10]) if isinstance(published, str) and len(published) >= 10 else dt.date(2020, 1, 1)
        # A real change (a day later), so that everything anchored to the date is redone.
        payload = json.dumps({"date": (day + dt.timedelta(days=1)).isoformat()})
        window = Window()
        window.open.set()
        threads = [threading.Thread(target=reader, args=(port, window, have.document_ids, page, timeout, rng.random()))
                   for _ in range(readers)]  # fmt: skip
        for t in threads:
            t.start()
        time.sleep(IDLE_S)
        start = window.post_start = time.perf_counter()
        conn.request("POST", f"/api/documents/{doc_id}/date", body=payload, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        post_s = time.perf_counter() - start
        window.open.clear()
        for t in threads:
            t.join()
        conn.close()
        runs.append(PostRun(doc_id, post_s, response.status, window.reads, window.idle))
        log(f"  POST {n}/{len(targets)}: document {doc_id} in {post_s:.2f} s, {len(window.reads)} reads meanwhile")
    return runs


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1) + 0.5))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True, help="An existing corpus database (a copy is served).")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--page", type=int, default=50, help="limit= of the paged endpoints")
    parser.add_argument("--posts", type=int, default=3, help="set-date POSTs in the second phase (0: none)")
    parser.add_argument("--readers", type=int, default=4, help="clients reading during each POST")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a request counts as failed")
    parser.add_argument("--start-timeout", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--no-gate", action="store_true", help="report only; exit 0 whatever the figures")
    args = parser.parse_args()
    if not args.db.is_file():
        parser.error(f"{args.db}: no such database")
    if not 1 <= args.clients <= 200 or not 1 <= args.requests <= 100_000:
        parser.error("--clients must be 1-200 and --requests 1-100000 (the bench is bounded)")
    rng = random.Random(args.seed)
    have = sizes(args.db)
    if not have.document_ids:
        parser.error(f"{args.db} holds no documents")
    log(f"{args.db}: {len(have.document_ids)} documents, {len(have.timeline_ids)} timeline entries, "
        f"{have.quotes} quotes, {have.actors} actors")  # fmt: skip
    with server(args.db, args.start_timeout) as port:
        log(f"phase 1: {args.requests} GETs from {args.clients} clients")
        samples, wall = run_clients(port, plan(args.requests, args.page, have, rng), args.clients, args.timeout)
        log(f"phase 2: {args.posts} set-date POSTs, {args.readers} readers")
        runs = reads_during_posts(port, have, args.posts, args.readers, args.page, args.timeout, rng)

    total = sum(len(v) for v in samples.latencies.values())
    print(f"{total} GETs from {args.clients} clients in {wall:.1f} s: {total / wall:.1f} requests/s")
    print(f"{'endpoint':<30} {'n':>5} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    worst_p95 = 0.0
    for endpoint, values in samples.latencies.items():
        p95 = quantile(values, 0.95)
        worst_p95 = max(worst_p95, p95)
        print(f"{endpoint:<30} {len(values):>5} {samples.errors[endpoint]:>6} {quantile(values, 0.5) * 1000:>8.1f} "
              f"{p95 * 1000:>8.1f} {quantile(values, 0.99) * 1000:>8.1f} {max(values) * 1000:>8.1f}")  # fmt: skip
    worst_read = 0.0
    post_failed = 0
    if runs:
        print(f"{'set-date POST':<30} {'POST s':>8} {'status':>6} {'reads':>6} {'read p95 ms':>12} {'read max ms':>12} "
              f"{'idle p95 ms':>12} {'idle max ms':>12}")  # fmt: skip
        for run in runs:
            if run.status != 200:
                post_failed += 1
            longest = max(run.reads, default=0.0)
            worst_read = max(worst_read, longest)
            p95_read = quantile(run.reads, 0.95) * 1000 if run.reads else 0.0
            p95_idle = quantile(run.idle, 0.95) * 1000 if run.idle else 0.0
            print(f"{'document ' + str(run.doc_id):<30} {run.post_s:>8.2f} {run.status:>6} {len(run.reads):>6} "
                  f"{p95_read:>12.1f} {longest * 1000:>12.1f} {p95_idle:>12.1f} {max(run.idle, default=0.0) * 1000:>12.1f}")  # fmt: skip
    errors = sum(samples.errors.values())
    verdict = (f"worst endpoint p95 {worst_p95 * 1000:.0f} ms (gate {P95_GATE_S * 1000:.0f}), slowest read during a POST "
               f"{worst_read * 1000:.0f} ms (gate {BLOCK_GATE_S * 1000:.0f}), {errors} failed GETs, {post_failed} failed POSTs")  # fmt: skip
    print(verdict)
    failed = errors > 0 or post_failed > 0 or worst_p95 >= P95_GATE_S or worst_read >= BLOCK_GATE_S
    if failed and not args.no_gate:
        log("load bench: gate not met")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
