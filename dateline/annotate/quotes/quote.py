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


# Curly pairs and straight double quotes only: "’" is also an apostrophe, so it cannot be counted.
_PAIRS = (("“", "”"), ('"', '"'))


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the punctuation and quotation marks around it — except a mark that closes
    (or opens) a quoted phrase inside it: "called it a “witch hunt”" keeps its closing mark."""
    first, last = start, end
    while start < end and text[start] in " \t\n,\"'“”‘’:—–-":
        start += 1
    while end > start and text[end - 1] in " \t\n,\"'“”‘’:":
        end -= 1
    inner = text[start:end]
    # The parser often hangs a closing mark on the verb, not on the phrase: look on past the end,
    # over the full stop or comma American style puts inside the marks ("a triumph.”").
    after = min(last + 2 if text[last : last + 1] in {".", ",", "?", "!"} else last + 1, len(text))
    for opening, closing in _PAIRS:
        if _left_open(inner, opening, closing) and (close := text.find(closing, end, after)) >= 0:
            return start, close + 1
        if _left_open(inner, closing, opening) and (mark := text.rfind(opening, first, start)) >= 0:
            return mark, end
    return start, end


def _left_open(inner: str, mark: str, other: str) -> bool:
    """Whether ``inner`` has a ``mark`` its ``other`` does not answer."""
    return inner.count(mark) % 2 == 1 if mark == other else inner.count(mark) > inner.count(other)


_TEXT = "dateline.quotes.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document: spaCy joins every token's text on each access, and
    the rules ask for it per quotation (on long articles that join was half the stage's time)."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text
