"""Engines: where the per-document annotation runs.

Every engine maps the same function, :func:`dateline.annotate.runner.annotate` (a batch of
:class:`Task` in, a batch of :class:`Result` out, with the run's :class:`Settings` travelling with
each batch), over the corpus and yields the results in input order; the caller merges them into SQLite and runs the corpus-level resolvers. There is no second
code path: an engine only decides where batches run.

    local   worker processes on this machine (default; ``jobs=1`` runs in-process)
    dask    a Dask cluster (``scheduler`` address, or a local cluster of ``jobs`` processes);
            each batch is written by its worker as a Parquet shard, merged here in order
    ray     Ray Data ``map_batches`` with the model loaded once per actor; Parquet shards likewise

Register another with :func:`engine`; the built-in ones are imported on first use, so an engine
whose library is not installed costs nothing until it is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from dateline.core.errors import ConfigError
from dateline.core.records import Result, Task
from dateline.core.registry import Registry
from dateline.core.settings import Settings

EngineFn = Callable[..., Iterator[Result]]
BUILTIN = {"local": "dateline.engines.local", "dask": "dateline.engines.dask_engine", "ray": "dateline.engines.ray_engine"}
# engine → (the module it needs, the pip extra that installs it)
NEEDS = {"dask": ("distributed", "dask"), "ray": ("ray", "ray")}


@dataclass(frozen=True, slots=True)
class EngineSpec:
    name: str
    fn: EngineFn
    extra: str | None  # the pip extra that installs what it needs


ENGINES: Registry[EngineSpec] = Registry("engine")


def engine(name: str, *, extra: str | None = None) -> Callable[[EngineFn], EngineFn]:
    """Register ``fn`` as the engine ``name`` (``extra``: the pip extra that installs what it needs)."""

    def register(fn: EngineFn) -> EngineFn:
        ENGINES.add(name, EngineSpec(name, fn, extra))
        return fn

    return register


def engine_names() -> tuple[str, ...]:
    return tuple(dict.fromkeys([*BUILTIN, *ENGINES]))


def get_engine(name: str) -> EngineSpec:
    if name not in ENGINES and name in BUILTIN:
        importlib.import_module(BUILTIN[name])
    if name not in ENGINES:
        raise ConfigError(f"unknown engine {name!r} (choose from {', '.join(engine_names())})")
    return ENGINES[name]


def run(
    tasks: Iterable[Task],
    *,
    engine: str = "local",
    settings: Settings,
    jobs: int = 1,
    batch_size: int = 16,
    **options: Any,
) -> Iterator[Result]:
    """Annotate ``tasks`` on ``engine``, yielding results in input order."""
    spec = get_engine(engine)
    yield from spec.fn(tasks, settings=settings, jobs=jobs, batch_size=batch_size, **options)


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
