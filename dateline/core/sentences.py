"""Splitting running text into sentences with a regular expression (no parse needed).

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets) before whitespace and
a capital, a digit or an opening quote, unless the full stop ends an abbreviation ("Mr.", "vs.",
"Oct."); at a blank line; and at a line break before a capital or an opening quote (a heading, a
line of a list). A line break before a lowercase word continues the sentence: wrapped text.

Tokenised corpora (Timeline17, many research sets) write one sentence a line, with their own
quotes (`` ''), brackets (-LRB-) and abbreviations split off; there each line is a sentence
(``one_per_line=True``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from dateline.core.lexicon import english

_LINE_END = re.compile(r"\n")


@lru_cache(maxsize=1)
def _sentence_end() -> re.Pattern[str]:
    words = english().abbreviations + tuple(name.capitalize() for name in english().short_months())
    not_abbreviation = "".join(rf"(?<!\b{re.escape(word)})" for word in words)
    # The look-ahead spares the look-behinds at every character that cannot end a sentence.
    return re.compile(
        rf"(?=[.!?\n])(?:{not_abbreviation}[.!?](?:[\"”’)]*)\s+(?=[\"“(]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"“]))"
    )


def sentence_spans(text: str, *, one_per_line: bool = False) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of the sentences of ``text``, covering it without gaps: each
    sentence keeps the punctuation and whitespace that end it (with ``one_per_line``, its line)."""
    out, start = [], 0
    for m in (_LINE_END.finditer(text) if one_per_line else _sentence_end().finditer(text)):
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    return out
