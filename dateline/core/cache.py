"""What dateline derives from installed data and keeps between processes: pickles in one cache
folder, each named by what it was built from, so that another version of the data builds anew."""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


def cache_dir() -> Path:
    """Where dateline keeps what it derives from installed data: ``$DATELINE_CACHE``, else the XDG cache."""
    root = os.environ.get("DATELINE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "dateline"
    )
    return Path(root)


def pickled(name: str, kind: type[T], build: Callable[[], T]) -> T:
    """The object cached as ``name`` in :func:`cache_dir`, else ``build()``'s, cached for the next
    process. A missing, broken or foreign file is rebuilt; a cache that cannot be written is skipped."""
    path = cache_dir() / name
    try:
        with path.open("rb") as fh:
            cached = pickle.load(fh)
        if isinstance(cached, kind):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ImportError):
        pass
    built = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as tmp:
            pickle.dump(built, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)  # atomic: a concurrent worker reads the old file or the new one, never half
    except OSError as exc:
        log.debug("could not cache %s at %s: %s", name, path, exc)
    return built
