""""According to X, ..." attributions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.annotate.quotes.intervals import Spans
from dateline.annotate.quotes.quote import MIN_QUOTE_CHARS, Quote, doc_text, strip_span
from dateline.annotate.quotes.speakers import noun_phrase

if TYPE_CHECKING:
    from spacy.tokens import Doc


def according_to(doc: Doc, inside: Spans[None]) -> list[Quote]:
    out: list[Quote] = []
    for sent in doc.sents:
        m = re.search(r"\b[Aa]ccording to\s+", sent.text)
        if not m:
            continue
        phrase_start = sent.start_char + m.start()
        source = doc.char_span(sent.start_char + m.end(), sent.end_char, alignment_mode="expand")
        if source is None or not len(source):
            continue
        head = source[0]
        # spaCy makes a new Token object at each access, so only indices tell the root (its own head).
        while head.dep_ != "pobj" and head.head.i != head.i and head.head.i >= source.start and head.i < source.end:
            head = head.head
        s_start, s_end = noun_phrase(head) if head.dep_ == "pobj" else (source.start_char, source[0].idx + len(source[0].text))
        # The content is the rest of the sentence, on whichever side of the phrase it stands.
        if phrase_start - sent.start_char < 3:
            c_start, c_end = s_end, sent.end_char
        else:
            c_start, c_end = sent.start_char, phrase_start
        c_start, c_end = strip_span(doc_text(doc), c_start, c_end)
        if c_end - c_start < MIN_QUOTE_CHARS or inside.holds(c_start):
            continue
        out.append(Quote(c_start, c_end, phrase_start, phrase_start + len("according to"), "according to",
                         s_start, s_end, False, sent.start_char, sent.end_char))  # fmt: skip
    return out
