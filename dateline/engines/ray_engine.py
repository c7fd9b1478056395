"""The Ray engine: Ray Data ``map_batches`` over the tasks, the model loaded once per actor.

Each batch is annotated by an actor of a pool of ``jobs`` and written as a Parquet shard; the
driver streams the shard paths back in input order (Ray Data's ``preserve_order``) and merges
them. Ray is started locally with ``jobs`` CPUs unless ``scheduler`` names a cluster
(``ray://host:10001`` or ``auto``).
"""

from __future__ import annotations

import importlib
import itertools
import logging
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any

from dateline.annotate.runner import batches
from dateline.core.records import Result, Task
from dateline.core.settings import Settings
from dateline.engines import engine, require
from dateline.store.shards import ShardFolder, shard_folder


class _Annotator:
    """One per Ray actor: loads the model on creation, then annotates batch after batch."""

    def __init__(self, settings: Settings, folder: str) -> None:
        from dateline.annotate.model import load_model

        self.settings = settings
        self.folder = folder
        load_model(settings.model)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        from dateline.engines.shard_worker import annotate_to_shard

        tasks = [Task(int(d), str(t), p or None, str(s), int(b), tuple(st))
                 for d, t, p, s, b, st in zip(batch["doc_id"], batch["text"], batch["published"], batch["date_source"],
                                              batch["body_start"], batch["stages"], strict=True)]  # fmt: skip
        first = int(batch["seq"][0])
        path = annotate_to_shard(tasks, ShardFolder(Path(self.folder), keep=True).path(first), self.settings)
        return {"seq": [first], "path": [path]}


# Loggers whose WARNING lines only describe Ray's defaults.
_RAY_NOTICES = ("ray._private.authentication", "ray.data._internal.progress")


def _start(ray: Any, *, jobs: int, scheduler: str | None) -> bool:
    """Connect to ``scheduler`` or start a local Ray; True if this call started one."""
    if ray.is_initialized():
        return False
    level = logging.getLogger().getEffectiveLevel()
    # Notices about Ray's own defaults (token auth is on for a local cluster; progress bars are
    # off) are not the user's warnings: shown with -v, like Ray Data's INFO lines.
    for name in _RAY_NOTICES:
        logging.getLogger(name).setLevel(logging.ERROR if level > logging.INFO else level)
    if scheduler:
        ray.init(address=scheduler, log_to_driver=False)
    else:
        ray.init(num_cpus=max(jobs, 1), include_dashboard=False, log_to_driver=False, configure_logging=False)
    importlib.import_module("ray.data")  # seconds of imports, also while the first window is being read
    # Ray Data logs each dataset's start and plan to stderr at INFO: dateline's -v / -q decide.
    logging.getLogger("ray.data").setLevel(level)
    return True


@engine("ray", extra="ray")
def ray_engine(
    tasks: Iterable[Task],
    *,
    settings: Settings,
    jobs: int,
    batch_size: int,
    scheduler: str | None = None,
    shard_dir: str | None = None,
    keep_shards: bool = False,
    window: int = 4096,
    **options: Any,
) -> Iterator[Result]:
    ray = require("ray", "ray")
    # The driver holds ``window`` tasks at a time: Ray Data streams within a dataset, and one
    # dataset per window keeps the driver flat on an unbounded input.
    chunks = batches(tasks, window)
    # Reading, cleaning and storing the first window is the driver's own work; it runs while Ray
    # starts (seconds in which the driver would otherwise only wait), before any result comes back.
    reader = ThreadPoolExecutor(1, thread_name_prefix="dateline-read-ahead")
    first: Future[list[Task]] = reader.submit(next, chunks, [])
    try:
        started = _start(ray, jobs=jobs, scheduler=scheduler)
    finally:
        reader.shutdown(wait=True)  # the store's connection is the driver's again from here on
    try:
        head = first.result()  # a reading error is raised here, and Ray is still stopped below
        with shard_folder(shard_dir, keep=keep_shards) as shards:
            context = ray.data.DataContext.get_current()
            context.execution_options.preserve_order = True
            context.enable_progress_bars = False
            seq = 0
            for chunk in itertools.chain([head] if head else [], chunks):
                items = []
                for t in chunk:
                    item = asdict(t)
                    item["published"] = t.published or ""
                    item["stages"] = list(t.stages)
                    item["seq"] = seq
                    seq += 1
                    items.append(item)
                # One block per batch: Ray Data's own split (200 blocks) bundles blocks of five into
                # batches of 16 and 4, twice the batches and shards for the same documents.
                blocks = -(-len(items) // max(batch_size, 1))
                actors = max(1, min(jobs, blocks))  # an actor with no batch would only load the model
                dataset = ray.data.from_items(items, override_num_blocks=blocks).map_batches(
                    _Annotator, fn_constructor_args=(settings, str(shards.folder)), batch_size=batch_size,
                    compute=ray.data.ActorPoolStrategy(size=actors), batch_format="numpy", num_cpus=1,
                )  # fmt: skip
                for row in dataset.iter_rows():
                    yield from shards.take(str(row["path"]))
    finally:
        if started:
            # Stopped here, not in a thread while the corpus resolves: a Ray object reference the
            # driver frees after its core worker is gone makes the process exit (code 1, no message
            # on stdout) -- seen under load, in CI.
            ray.shutdown()
