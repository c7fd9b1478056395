"""The attribution record every extractor returns, and the limits they share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

MIN_QUOTE_CHARS = 12
MIN_REPORTED_CHARS = 3  # "endorsed Trump", "backed Cruz": a name is what a stance verb attributes
MAX_TAG_WORDS = 6  # "…,” the former secretary of state quipped": longer stretches are narrative
MIN_QUOTE_WORDS = 5  # shorter quoted stretches are scare quotes or titles ('face to face'), not statements


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # content span (inside the marks for direct quotes)
    end: int
    cue_start: int | None
    cue_end: int | None
    cue_lemma: str
    speaker_start: int | None
    speaker_end: int | None
    direct: bool
    sentence_start: int
    sentence_end: int
    # A direct quote run's quoted pieces when there are several ("“A,” she said, “B.”"): the
    # narrative between them is the reporter's, not the speaker's content.
    pieces: tuple[tuple[int, int], ...] = ()

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The content as the speaker's words only: the quoted pieces, else the one content span."""
        return self.pieces or ((self.start, self.end),)

    def spans_record(self) -> dict[str, Any]:
        """Its offsets as ``scorers/score_polnear.py`` reads them (``dateline extract quotes``)."""
        return {"content_spans": [list(span) for span in self.spans],
                "speaker_span": [self.speaker_start, self.speaker_end] if self.speaker_start is not None else None,
                "cue_span": [self.cue_start, self.cue_end] if self.cue_start is not None else None, "direct": self.direct}  # fmt: skip


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,\"'“”‘’:—–-":
        start += 1
    while end > start and text[end - 1] in " \t\n,\"'“”‘’:":
        end -= 1
    return start, end


_TEXT = "dateline.quotes.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document: spaCy joins every token's text on each access, and
    the rules ask for it per quotation (on long articles that join was half the stage's time)."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text
