"""What a distributed worker runs on one batch: annotate it, write the results as a Parquet shard."""

from __future__ import annotations

from pathlib import Path

from dateline.annotate.runner import annotate
from dateline.core.records import Task
from dateline.core.settings import Settings
from dateline.store.shards import write_shard


def annotate_to_shard(tasks: list[Task], path: str, settings: Settings) -> str:
    """Annotate ``tasks`` (the model is loaded once per worker process and cached) into ``path``."""
    write_shard(annotate(tasks, settings=settings), Path(path))
    return path
