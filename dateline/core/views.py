"""What reading a corpus gives back: typed, read-only views of stored documents, actors, quotes,
events and timeline entries.

Every view is a frozen dataclass with ``as_dict()`` (the shape of the CLI's ``--format json`` and of
the web API's responses). Nested values that are stored as JSON (an event's participants, a
document's date candidates) stay plain JSON values.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar

Json = dict[str, Any]


class View:
    """A record users read: ``as_dict()`` gives its JSON shape."""

    __slots__ = ()

    def as_dict(self) -> Json:
        data: Json = asdict(self)  # type: ignore[call-overload]
        return data


@dataclass(frozen=True, slots=True)
class Document(View):
    id: int
    doc_key: str
    path: str
    record_id: str | None
    url: str | None
    title: str | None
    summary: str | None
    outlet: str | None
    place: str | None
    dateline: str | None
    published: str | None
    date_source: str
    date_confidence: float
    date_candidates: list[Json]
    date_evidence: list[str]
    duplicate_of: int | None
    duplicate_kind: str | None
    similarity: float | None
    n_words: int
    body_start: int
    text: str = field(repr=False)

    # What a listing of documents shows of each, in this order.
    LISTING: ClassVar[tuple[str, ...]] = (
        "id", "path", "title", "outlet", "place", "published", "date_source", "date_confidence", "date_candidates",
        "duplicate_of", "duplicate_kind", "similarity", "n_words",
    )  # fmt: skip

    def as_dict(self, *, with_text: bool = False) -> Json:
        data = asdict(self)
        if not with_text:
            data.pop("text")
        return data

    def listing(self, *, flat: bool) -> Json:
        """The document as a listing shows it: its columns, date evidence, and its duplicate status in
        words (``flat``: candidate dates only, for tables and CSV; else with scores and evidence)."""
        row: Json = {c: getattr(self, c) for c in self.LISTING}
        row["date_evidence"] = self.date_evidence
        if flat:
            row["date_candidates"] = [c["date"] for c in self.date_candidates]
        dup = f"{self.duplicate_kind} of {self.duplicate_of}" if self.duplicate_of else ""
        if self.similarity is not None and self.duplicate_kind == "near":
            dup += f" ({self.similarity:.2f})"
        row["duplicates"] = dup
        return row


@dataclass(frozen=True, slots=True)
class Span(View):
    id: int
    doc_id: int
    stage: str
    kind: str
    start: int
    end: int
    label: str
    value: str | None
    attrs: Json
    text: str


@dataclass(frozen=True, slots=True)
class SearchHit(View):
    doc_id: int
    title: str | None
    published: str | None
    outlet: str | None
    snippet: str
    rank: float


@dataclass(frozen=True, slots=True)
class IngestError(View):
    """An input that could not be ingested, or a stage that failed on a document."""

    id: int
    source: str
    problem: str
    at: str


@dataclass(slots=True)
class IngestReport(View):
    seen: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    annotated: int = 0
    words: int = 0
    exact_duplicates: list[tuple[str, int]] = field(default_factory=list)  # (source, original id)
    near_duplicates: list[tuple[str, int, float]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, problem)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # files in folders that are not articles
    warnings: list[str] = field(default_factory=list)
    annotation_errors: list[tuple[int, str, str]] = field(default_factory=list)  # (document id, source, problem)
    doc_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(frozen=True, slots=True)
class Actor(View):
    id: str  # "RUS", "RUS:GOV:foreign-ministry", "person:sergey-lavrov"
    name: str
    kind: str  # person | organization | country | igo | pre | media
    code: str
    sector: str
    office: str
    aliases: list[str]
    n_mentions: int
    n_documents: int
    first_seen: str | None
    last_seen: str | None


@dataclass(frozen=True, slots=True)
class ActorDocument(View):
    """A document that mentions an actor, with how often."""

    id: int
    title: str | None
    path: str
    published: str | None
    mentions: int


@dataclass(frozen=True, slots=True)
class Neighbour(View):
    """An actor another acted on or was acted on by: event counts by type, each way."""

    id: str
    name: str
    code: str | None
    sector: str | None
    outgoing: dict[str, int]
    incoming: dict[str, int]
    weight: int


@dataclass(frozen=True, slots=True)
class Quote(View):
    id: int
    doc_id: int
    date: str | None
    date_source: str
    speaker: str | None
    speaker_text: str | None
    actor_id: str | None
    office: str
    code: str
    sector: str
    outlet: str | None
    published: str | None
    direct: bool
    cue: str | None
    quote: str
    start: int
    end: int
    speaker_span: list[int | None]
    pieces: list[list[int]]


@dataclass(frozen=True, slots=True)
class Event(View):
    id: int
    doc_id: int
    date: str | None
    date_granularity: str
    date_source: str
    event: str
    mode: str
    context: list[str]
    actor: list[Json]  # participants as stored: actor_id, name, code, sector, entity_text
    recipient: list[Json]
    actors: str  # the participants written out: "Sergey Lavrov (RUS GOV)"
    recipients: str
    flags: str  # negated, hypothetical, future, historical
    location: str | None
    confidence: float
    outlet: str | None
    published: str | None
    evidence: str
    trigger: list[int]
    # Whether the sentence says it happened: asserted | negated | hypothetical | future | generic.
    status: str = "asserted"

    def as_plover(self) -> Json:
        """The event in the PLOVER JSON shape (as the shared scorer and POLECAT records use)."""

        def role(items: list[Json]) -> list[Json]:
            return [{"code": a["code"], "sector": a["sector"], "entity_text": a.get("entity_text", a.get("name", ""))}
                    for a in items]  # fmt: skip

        return {"event": self.event, "mode": self.mode, "context": self.context, "actor": role(self.actor),
                "recipient": role(self.recipient), "date": self.date, "evidence": self.evidence}  # fmt: skip


@dataclass(frozen=True, slots=True)
class TimelineSource(View):
    doc_id: int
    outlet: str | None
    published: str | None
    title: str | None
    path: str
    date: str | None
    claim: str
    sentence: str
    start: int
    end: int
    event_id: int | None
    fact_id: int | None


@dataclass(frozen=True, slots=True)
class EntryQuote(View):
    """A quote of an entry's evidence sentence: where a statement is the event, what was said."""

    quote_id: int
    doc_id: int
    speaker: str | None
    actor_id: str | None
    direct: bool
    date: str | None
    text: str


@dataclass(frozen=True, slots=True)
class TimelineEntry(View):
    id: int
    date: str | None
    date_end: str | None
    granularity: str
    kind: str  # news | background
    event: str
    mode: str
    concepts: list[str]
    actors: list[Json]
    recipients: list[Json]
    headline: str
    n_sources: int  # independent stories: the versions of one story count once
    n_documents: int
    sources: list[TimelineSource]
    contradictions: list[Json]
    quotes: list[EntryQuote]
    n_outlets: int = 0
    importance: float = 0.0  # the rank score (dateline.resolve.importance); higher matters more


@dataclass(frozen=True, slots=True)
class Statement(View):
    """Something an actor said (a quote) or did (an event), by date."""

    date: str | None
    kind: str  # quote | reported | event
    event: str
    who: str | None
    text: str
    outlet: str | None
    doc_id: int


@dataclass(frozen=True, slots=True)
class Reporter(View):
    """A dated article that reports the event an undated one shares."""

    doc_id: int
    path: str
    published: str | None
    sentence: str


@dataclass(frozen=True, slots=True)
class DateProposal(View):
    """A publication date proposed for an undated or ambiguous article, with its evidence."""

    doc_id: int
    path: str
    title: str | None
    date_source: str
    candidates: list[str]
    proposed: str
    granularity: str
    score: float
    because: str
    entry_ids: list[int]
    own: list[str]
    reported_by: list[Reporter]


@dataclass(frozen=True, slots=True)
class ActorDetail(View):
    """One actor with the documents that mention it, its network neighbours and its statements."""

    actor: Actor
    documents: list[ActorDocument]
    neighbours: list[Neighbour]
    statements: list[Statement]

    def as_dict(self) -> Json:
        return {**self.actor.as_dict(), "documents": [d.as_dict() for d in self.documents],
                "neighbours": [n.as_dict() for n in self.neighbours],
                "statements": [s.as_dict() for s in self.statements]}  # fmt: skip
