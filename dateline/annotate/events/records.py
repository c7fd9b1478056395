"""What the event coder produces: events with their participants, status and date."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Whether the sentence says the event took place: only ``asserted`` events happened (or are going
# on). A verbal act is asserted when it was made, whatever became of what it was about.
ASSERTED = "asserted"
NEGATED = "negated"  # "did not attack", "there has been no agreement"
HYPOTHETICAL = "hypothetical"  # conditional, possible, asked about, or only demanded of another
FUTURE = "future"  # scheduled or expected, with no actor's own commitment ("is set to resume talks")
GENERIC = "generic"  # habitual or generic ("outbreaks regularly affect pigs")
STATUSES = (ASSERTED, NEGATED, HYPOTHETICAL, FUTURE, GENERIC)


@dataclass(frozen=True, slots=True)
class Participant:
    actor_id: str
    name: str
    code: str
    sector: str
    entity_text: str
    start: int
    end: int
    kind: str = ""  # the mention's: person | organization | country | region | igo | pre | place ("" unknown)
    via: str = ""  # how the actors stage resolved it: name | alias | demonym | metonym | ...

    @property
    def is_state(self) -> bool:
        """A state or an IGO acting as such ("Russia", "the UN"), not its people ("Nigerians")."""
        return self.kind in ("country", "region", "igo") and self.via != "demonym" and self.sector in ("", "GOV")

    def as_dict(self) -> dict[str, Any]:
        return {"actor_id": self.actor_id or None, "name": self.name, "code": self.code, "sector": self.sector,
                "entity_text": self.entity_text}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Place:
    """A place the actors stage geocoded: where an event happened, and whose people act there."""

    start: int
    end: int
    name: str
    country: str  # ISO 3166 alpha-3, "" when unknown


@dataclass(frozen=True, slots=True)
class Event:
    event: str
    mode: str
    context: tuple[str, ...]
    actors: tuple[Participant, ...]
    recipients: tuple[Participant, ...]
    trigger_start: int
    trigger_end: int
    trigger_lemma: str
    sentence_start: int
    sentence_end: int
    status: str = ASSERTED
    historical: bool = False
    date: str | None = None
    date_granularity: str = ""
    date_source: str = "unknown"
    location: str | None = None
    confidence: float = 0.5
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def negated(self) -> bool:
        return self.status == NEGATED

    @property
    def hypothetical(self) -> bool:
        """Irrealis other than negated or future: hypothetical, or generic."""
        return self.status in (HYPOTHETICAL, GENERIC)

    @property
    def future(self) -> bool:
        return self.status == FUTURE
