"""The default engine: worker processes on this machine (see :func:`dateline.annotate.runner.run`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from dateline.annotate.runner import Result, Task
from dateline.annotate.runner import run as run_local
from dateline.engines import engine


@engine("local")
def local_engine(tasks: Iterable[Task], *, jobs: int, batch_size: int, model: str | None, **options: Any) -> Iterator[Result]:
    yield from run_local(tasks, jobs=jobs, batch_size=batch_size, model=model)
