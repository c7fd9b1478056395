"""Engines: where the per-document annotation runs.

Every engine maps the same function, :func:`dateline.annotate.runner.annotate` (a batch of
:class:`Task` in, a batch of :class:`Result` out), over the corpus and yields the results in input
order; the caller merges them into SQLite and runs the corpus-level resolvers. There is no second
code path: an engine only decides where batches run.

    local   worker processes on this machine (default; ``jobs=1`` runs in-process)
    dask    a Dask cluster (``scheduler`` address, or a local cluster of ``jobs`` processes);
            each batch is written by its worker as a Parquet shard, merged here in order
    ray     Ray Data ``map_batches`` with the model loaded once per actor; Parquet shards likewise

Register another with :func:`engine`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from dateline.annotate.runner import Result, Task
from dateline.errors import ConfigError

EngineFn = Callable[..., Iterator[Result]]
BUILTIN = {"local": "dateline.engines.local", "dask": "dateline.engines.dask_engine", "ray": "dateline.engines.ray_engine"}
# engine → (the module it needs, the pip extra that installs it)
NEEDS = {"dask": ("distributed", "dask"), "ray": ("ray", "ray")}
_ENGINES: dict[str, EngineSpec] = {}


@dataclass(frozen=True, slots=True)
class EngineSpec:
    name: str
    fn: EngineFn
    extra: str | None  # the pip extra that installs what it needs


def engine(name: str, *, extra: str | None = None) -> Callable[[EngineFn], EngineFn]:
    def register(fn: EngineFn) -> EngineFn:
        _ENGINES[name] = EngineSpec(name, fn, extra)
        return fn

    return register


def engine_names() -> tuple[str, ...]:
    return tuple(dict.fromkeys([*BUILTIN, *_ENGINES]))


def get_engine(name: str) -> EngineSpec:
    if name not in _ENGINES and name in BUILTIN:
        importlib.import_module(BUILTIN[name])
    if name not in _ENGINES:
        raise ConfigError(f"unknown engine {name!r} (choose from {', '.join(engine_names())})")
    return _ENGINES[name]


def run(
    tasks: Iterable[Task],
    *,
    engine: str = "local",
    jobs: int = 1,
    batch_size: int = 16,
    model: str | None = None,
    **options: Any,
) -> Iterator[Result]:
    """Annotate ``tasks`` on ``engine``, yielding results in input order."""
    spec = get_engine(engine)
    yield from spec.fn(tasks, jobs=jobs, batch_size=batch_size, model=model, **options)


def check_engine(name: str) -> EngineSpec:
    """The engine ``name``, with its optional dependency importable (else a clear ConfigError)."""
    spec = get_engine(name)
    if name in NEEDS:
        require(*NEEDS[name])
    return spec


def require(module: str, extra: str) -> Any:
    """Import an optional dependency or say how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ConfigError(
            f"the {extra} engine needs {module!r}, which is not installed: pip install 'dateline[{extra}]'"
        ) from exc
