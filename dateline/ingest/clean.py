"""Cleaning raw article text: normalise line ends, drop page chrome, set apart headline and standfirst.

The stored text keeps the headline and standfirst (they often name the event) but records where
the body starts, so later stages can tell them apart; only chrome before the headline is removed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dateline.core.datelines import find_dateline

_BREADCRUMB = re.compile(r"^[\w .'-]{1,30}(\s*[>»/|]\s*[\w .'-]{1,30})+$")
_MAX_TITLE_CHARS = 250


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    title: str | None
    summary: str | None
    body_start: int


@lru_cache(maxsize=1)
def chrome_lines() -> frozenset[str]:
    data = (resources.files("dateline.ingest") / "data" / "chrome.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in data.splitlines() if line.strip() and not line.startswith("#")
    )


def normalise(raw: str) -> str:
    """Unicode NFC, unified line ends, no BOM, no trailing spaces on lines."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n")).lstrip("\ufeff")
    text = re.sub(r"[ \t]+\n", "\n", text)
    return text.strip("\n")


def is_chrome(line: str) -> bool:
    stripped = line.strip()
    return stripped.lower() in chrome_lines() or (bool(_BREADCRUMB.match(stripped)) and len(stripped) < 60)


def _looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= _MAX_TITLE_CHARS and not stripped.endswith((".", "?\"", ".\"", ".”"))


def clean(raw: str, *, title: str | None = None) -> CleanText:
    """Clean ``raw`` article text; ``title`` from metadata wins over a detected headline."""
    text = normalise(raw)
    lines = text.split("\n")
    # Drop chrome lines before the first real line (blank lines between them too).
    first = 0
    while first < len(lines) and (not lines[first].strip() or is_chrome(lines[first])):
        first += 1
    lines = lines[first:]
    text = "\n".join(lines).strip()
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    found_title: str | None = None
    summary: str | None = None
    body_start = 0
    dateline = find_dateline(text)
    if dateline is not None and dateline.start > 0:
        # Everything before a dateline is headline (first paragraph) and standfirst (the rest).
        head = [p.strip() for p in re.split(r"\n+", text[: dateline.start]) if p.strip()]
        if head:
            found_title = head[0]
            summary = " ".join(head[1:]) or None
        body_start = dateline.start
    elif len(paragraphs) > 1 and _looks_like_heading(paragraphs[0]):
        found_title = paragraphs[0].strip()
        body_start = text.find(paragraphs[1])
    return CleanText(text=text, title=title or found_title, summary=summary, body_start=max(body_start, 0))
