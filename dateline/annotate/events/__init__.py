"""PLOVER event coding over spaCy parses, with a pattern dictionary written as data."""

from dateline.annotate.events.coder import Event, Participant, code_events

__all__ = ["Event", "Participant", "code_events"]
