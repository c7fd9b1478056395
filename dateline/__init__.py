"""dateline: news articles in, a sourced, dated record of events, statements and actors out.

The public API is what this module exports; everything else is private to the package.
"""

from dateline.core.dates import parse_date
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
from dateline.core.filters import Filter
from dateline.core.settings import Settings
from dateline.core.version import __version__
from dateline.core.views import (
    Actor,
    ActorDetail,
    DateProposal,
    Document,
    Event,
    IngestError,
    IngestReport,
    Quote,
    SearchHit,
    Span,
    Statement,
    TimelineEntry,
)
from dateline.corpus import Corpus
from dateline.ingest.watch import WatchPass
from dateline.pipeline.extraction import Extraction, TextInput

__all__ = [
    "Actor",
    "ActorDetail",
    "ConfigError",
    "Corpus",
    "DateError",
    "DateProposal",
    "DatelineError",
    "Document",
    "Event",
    "ExportError",
    "Extraction",
    "Filter",
    "IngestError",
    "IngestReport",
    "InputError",
    "NotFoundError",
    "QuerySyntaxError",
    "Quote",
    "SchemaVersionError",
    "SearchHit",
    "Settings",
    "Span",
    "Statement",
    "StoreError",
    "TextInput",
    "TimelineEntry",
    "UnsupportedInputError",
    "WatchPass",
    "__version__",
    "parse_date",
]
