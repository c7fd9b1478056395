"""The Dask engine: batches run on a Dask cluster, each written by its worker as a Parquet shard.

``scheduler`` is the address of a running scheduler (``tcp://host:8786``); without one a local
cluster of ``jobs`` single-threaded worker processes is started for the run. At most ``2 × jobs``
batches are in flight, so memory stays flat on the driver whatever the corpus size; shards are
read back and yielded in input order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import Any

from dateline.annotate.runner import batches
from dateline.core.records import Result, Task
from dateline.core.settings import Settings
from dateline.engines import engine, require
from dateline.engines.shard_worker import annotate_to_shard
from dateline.store.shards import shard_folder


@engine("dask", extra="dask")
def dask_engine(
    tasks: Iterable[Task],
    *,
    settings: Settings,
    jobs: int,
    batch_size: int,
    scheduler: str | None = None,
    shard_dir: str | None = None,
    keep_shards: bool = False,
    **options: Any,
) -> Iterator[Result]:
    distributed = require("distributed", "dask")
    with ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(distributed.Client(scheduler))
        else:
            cluster = stack.enter_context(distributed.LocalCluster(
                n_workers=max(jobs, 1), threads_per_worker=1, processes=True, dashboard_address=None,
                silence_logs=40,
            ))  # fmt: skip
            client = stack.enter_context(distributed.Client(cluster))
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        shards = stack.enter_context(shard_folder(shard_dir, keep=keep_shards))
        window: deque[Any] = deque()
        for n, batch in enumerate(batches(tasks, batch_size)):
            window.append(client.submit(annotate_to_shard, batch, shards.path(n), settings, pure=False,
                                        key=f"dateline-batch-{n}-{id(shards)}"))  # fmt: skip
            if len(window) >= 2 * workers:
                yield from shards.take(window.popleft().result())
        while window:
            yield from shards.take(window.popleft().result())
