"""Built-in annotation stages. Importing this package registers them (one module per stage)."""

from dateline.annotate.stages import actors, events, facts, nlp, quotes, time  # noqa: F401
