"""Every exception dateline raises, in one place.

::

    DatelineError                 base of everything below
    ├── ConfigError               bad option, unknown stage, bad knowledge file
    ├── InputError                one input cannot be read or parsed (names the file and the problem)
    │   └── UnsupportedInputError an extension or content type dateline does not read
    ├── StoreError                the database cannot be opened, migrated or written
    │   └── SchemaVersionError    the database was written by a newer dateline
    ├── NotFoundError             no document/actor/... matches the reference given
    ├── QuerySyntaxError          a malformed full-text search query
    ├── DateError                 a date string that cannot be parsed or is out of range
    └── ExportError               an export that cannot be written (unknown table or format, unwritable path)
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base class of every error dateline raises on purpose."""


class ConfigError(DatelineError):
    """An option, a stage name or a knowledge file is wrong."""


class InputError(DatelineError):
    """One input cannot be ingested. ``source`` names the file (and line) at fault."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class UnsupportedInputError(InputError):
    """The input's extension or content is not one dateline reads."""


class StoreError(DatelineError):
    """The SQLite store cannot be opened, migrated or written."""


class SchemaVersionError(StoreError):
    """The database carries migrations this version of dateline does not know."""


class NotFoundError(DatelineError):
    """Nothing matches the reference (document id, path, actor name ...)."""


class QuerySyntaxError(DatelineError):
    """A full-text search query SQLite FTS5 cannot parse."""


class DateError(DatelineError):
    """A date that cannot be parsed or is out of range."""


class ExportError(DatelineError):
    """An export cannot be written: unknown table or format, or a destination that cannot be written."""
