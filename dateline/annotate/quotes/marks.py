"""Quotation marks, scanned leniently: an unmatched mark closes at the end of its paragraph (unless
the next paragraph reopens the quote, as news writing does for long quotes), so unbalanced marks
degrade one stretch of text and never fail an article.
"""

from __future__ import annotations

import re

OPEN = {'"': '"', "“": "”", "«": "»", "„": "“"}
CLOSE = {"”", '"', "»"}


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation's content, lenient about unbalanced marks."""
    spans: list[tuple[int, int]] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    open_at: int | None = None
    closer = ""
    for p_start, p_end in paragraphs:
        i = p_start
        while i < p_end:
            ch, width = _mark(text, i)
            if not ch:
                pass
            elif open_at is None:
                if ch in OPEN and _opens(text, i, width):
                    open_at, closer = i + width, OPEN[ch]
            elif ch == closer or (ch in CLOSE and closer == '"' and ch == "”") or (closer == "”" and ch == '"'):
                if i - open_at >= 1:
                    spans.append((open_at, i))
                open_at = None
            i += width
        if open_at is not None:
            # Unbalanced, or a multi-paragraph quote (the next paragraph reopens it): either way the
            # quotation ends with its paragraph here.
            spans.append((open_at, p_end))
            open_at = None
    return [(s, e) for s, e in spans if e - s >= 1]


def _mark(text: str, i: int) -> tuple[str, int]:
    """The quotation mark at ``i`` (as its one-character equivalent) and its width: some wires and
    archives write ``...'' or ''...'' in ASCII."""
    pair = text[i : i + 2]
    if pair == "''":
        return '"', 2
    if pair == "``":
        return "“", 2
    ch = text[i]
    return (ch, 1) if ch in OPEN or ch in CLOSE else ("", 1)


def _opens(text: str, i: int, width: int = 1) -> bool:
    ch = text[i]
    if ch in "“«„`":
        return True
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{:—–-,") and not after.isspace()
