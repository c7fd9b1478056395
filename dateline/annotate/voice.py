"""Whose voice a sentence is in: the report's, or a reader's or the writer's own.

A news page carries more than its report. Many print readers' comments under the article, each
headed by a timestamp and a user name ("At 4:15 pm on 11 Jun 2009 , JamesJester wrote :"); blogs,
columns and readers' pages speak in the writer's own "I" and "we". Neither reports what somebody else did or
said, so events, quotes and facts come from the report alone: the text before the first comment's
header, and there only the sentences without the writer's first person outside a quotation.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.core.lexicon import english

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# A comment's header: a clock time, a date, a comma, a user name of one to three words, "wrote :".
# The clock time is what tells it from a report's "he wrote: ..." (bounded repeats: no backtracking
# blow-up on a long line).
_COMMENT_HEADER = re.compile(
    r"(?:\b(?:At|On)\s+)?\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s+)?(?:on\s+)?[^\n,]{0,40}?,\s*"
    r"[^\s,:]{1,40}(?:\s[^\s,:]{1,40}){0,2}\s+wrote\s*:"
)
# A page with this share of its sentences in the writer's own voice is written in the first person;
# news articles of three Timeline17 topics (H1N1, Michael Jackson, BP) have at most 0.18, blogs and
# readers' pages 0.30 to 0.64 (`python bench/first_person.py DB`). Under a few sentences no share tells.
FIRST_PERSON_SHARE = 0.25
FEW_SENTENCES = 4
# A quotation left open lapses after this many sentences: a speaker quoted at length has a new
# paragraph opened with a new mark; a lost closing mark must not make the rest of a page quoted.
QUOTED_SENTENCES = 4
_OPENING = frozenset({"``", "`", "\u201c"})  # spaCy may split "``" in two
_CLOSING = frozenset({"''", "\u201d"})


def comments_start(text: str) -> int:
    """Where the readers' comments under an article begin (``len(text)`` when it has none).

    Comments follow the report, so everything from the first header on is theirs."""
    found = _COMMENT_HEADER.search(text)
    return found.start() if found else len(text)


@lru_cache(maxsize=1)
def _first_person() -> frozenset[str]:
    # As written, lower case or capitalised ("i" too, as readers write it): "US" is the United
    # States, not "us".
    return frozenset(form for w in english().first_person for form in (w.lower(), w.capitalize()))


def writers_sentences(doc: Doc) -> set[int]:
    """The start tokens of the sentences of ``doc`` in the writer's own first person: an "I", "we",
    "my" or "our" outside any quotation.

    Quotation marks are followed through the text, so a quotation over several sentences keeps its
    speaker's "I"; a closing mark never opened in the sentence (a quotation begun before it) makes
    the words before it quoted too."""
    first_person = _first_person()
    found: set[int] = set()
    inside = False
    opened = 0  # sentences since the open quotation began
    for sentence in doc.sents:
        opened = opened + 1 if inside else 0
        if opened > QUOTED_SENTENCES:
            inside = False  # its closing mark was lost: no quotation runs on for so long
        mine = False
        for token in sentence:
            text = token.text
            if text in _OPENING or (text == '"' and not inside):
                inside = True
            elif text in _CLOSING or text == '"':
                if not inside:
                    mine = False  # what came before in this sentence was a quotation's end
                inside = False
            elif not inside and _is_first_person(token, first_person):
                mine = True
        if mine:
            found.add(sentence.start)
    return found


def _is_first_person(token: Token, first_person: frozenset[str]) -> bool:
    text = token.text
    if text == "I":
        # After a name "I" is a numeral ("World War I", "Elizabeth I"), which parsers take for "I".
        previous = token.nbor(-1) if token.i > token.sent.start else None
        return previous is None or not (
            previous.pos_ == "PROPN" or (previous.text.istitle() and previous.pos_ == "NOUN")
        )
    return token.pos_ == "PRON" and text in first_person


def report_of(doc: Doc) -> Report:
    """The :class:`Report` of a parse, found once for all the stages that read it."""
    found = doc.user_data.get(_REPORT)
    if not isinstance(found, Report):
        found = doc.user_data[_REPORT] = Report(doc)
    return found


_REPORT = "dateline.report"


class Report:
    """Which sentences of a parsed article report news: not a comment, not the writer's voice, and
    none of a page written in the first person (a blog, a readers' page, a column), where a
    quarter of the sentences or more speak as "I" or "we" (news reports have a few at most, their
    speakers' quotations aside)."""

    def __init__(self, doc: Doc) -> None:
        self.end = comments_start(doc.text)
        self._writers = writers_sentences(doc)
        told = [s for s in doc.sents if s.start_char < self.end]  # the readers' "I" is not the writer's
        self.told = len(told)
        self.share = sum(1 for s in told if s.start in self._writers) / self.told if self.told else 0.0
        self.first_person_page = self.told >= FEW_SENTENCES and self.share >= FIRST_PERSON_SHARE

    def holds(self, sentence: Span) -> bool:
        if self.first_person_page:
            return False
        return sentence.start_char < self.end and sentence.start not in self._writers
