"""PLOVER event coding over spaCy parses: the CAMEO verb dictionary mapped to PLOVER, with an overlay.

``code_events(doc, published=..., mentions=..., timexes=..., places=...)`` codes a parsed document;
each event carries its status (asserted, negated, hypothetical, future, generic) and its own date.
"""

from dateline.annotate.events.coder import code_events
from dateline.annotate.events.records import STATUSES, Event, Participant, Place

__all__ = ["STATUSES", "Event", "Participant", "Place", "code_events"]
