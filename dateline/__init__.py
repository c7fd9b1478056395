"""dateline: news articles in, a sourced, dated record of events, statements and actors out.

The public API is what this module exports; everything else is private to the package.
"""

from dateline.core.errors import (
    ConfigError,
    DateError,
    DatelineError,
    ExportError,
    InputError,
    NotFoundError,
    QuerySyntaxError,
    SchemaVersionError,
    StoreError,
    UnsupportedInputError,
)
from dateline.corpus import Corpus, Document, IngestReport, SearchHit, Span

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "Corpus",
    "DateError",
    "DatelineError",
    "Document",
    "ExportError",
    "IngestReport",
    "InputError",
    "NotFoundError",
    "QuerySyntaxError",
    "SchemaVersionError",
    "SearchHit",
    "Span",
    "StoreError",
    "UnsupportedInputError",
    "__version__",
]
