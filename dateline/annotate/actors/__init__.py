"""Actors: who a document mentions, coded the PLOVER way (country code and sector).

``find_actor_mentions(doc)`` for a parsed document, ``actor_for_text(text)`` for a bare phrase.
The knowledge behind both (:mod:`dateline.core.knowledge`) is data that a user can extend per corpus.
"""

from dateline.annotate.actors.finder import find_actor_mentions
from dateline.annotate.actors.phrases import actor_for_text
from dateline.core.knowledge import Knowledge, load

__all__ = ["Knowledge", "actor_for_text", "find_actor_mentions", "load"]
