"""The default engine: worker processes on this machine (see :func:`dateline.annotate.runner.run`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from dateline.annotate.runner import run as run_local
from dateline.core.records import Result, Task
from dateline.core.settings import Settings
from dateline.engines import engine


@engine("local")
def local_engine(tasks: Iterable[Task], *, settings: Settings, jobs: int, batch_size: int, **options: Any) -> Iterator[Result]:
    yield from run_local(tasks, settings=settings, jobs=jobs, batch_size=batch_size)
