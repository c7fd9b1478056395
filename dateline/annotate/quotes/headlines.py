"""Headline attributions and transcript turns ("Pence: ...", "TAPPER: ...")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.annotate.quotes.intervals import Spans
from dateline.annotate.quotes.lexicon import cues
from dateline.annotate.quotes.quote import Quote, doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc


_COLON_LINE = re.compile(r"^(?P<source>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}):\s+(?P<content>\S.{8,})$", re.M)


def colon_lines(doc: Doc, taken: Spans[None]) -> list[Quote]:
    """Headline attributions and transcript turns: "Pence: Trump Was 'Mocking' Clinton Camp" (a
    named source, a colon), "TAPPER: Do you think ..." (a speaker's name in capitals)."""
    out: list[Quote] = []
    for m in _COLON_LINE.finditer(doc_text(doc)):
        source = doc.char_span(m.start("source"), m.end("source"), alignment_mode="expand")
        if source is None or source.text.lower() in cues().not_sources:
            continue
        label = source.text.isupper() and sum(ch.isalpha() for ch in source.text) >= 3
        if not label and not any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in source):
            continue
        c_start, c_end = m.start("content"), m.end("content")
        if taken.meets(c_start, c_end):
            continue
        colon = m.end("source")
        out.append(Quote(c_start, c_end, colon, colon + 1, ":", m.start("source"), m.end("source"), False,
                         m.start(), m.end()))  # fmt: skip
    return out
