"""Stories: the versions of one report counted once.

A wire service or a live page updates one story many times in a day ("… says UN", then "… as
Russia and China veto"); each version is stored as its own article, under the near-duplicate
threshold because a paragraph or two changed. Counted as sources they make one report look like
many. Two articles are versions of one story when they come from the same outlet (or neither names
one), were published at most :data:`WINDOW_DAYS` apart, and either share their title or overlap in
text: the estimated Jaccard similarity of their word 5-shingles (the MinHash signatures stored at
ingest) at least :data:`OVERLAP`. Stories are the connected groups of that relation; a stored
duplicate belongs to the story of the article it duplicates.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections import deque
from dataclasses import dataclass

import numpy as np

WINDOW_DAYS = 3  # updates of one story fall within days; a follow-up a week later is a new report
OVERLAP = 0.5  # versions share most of their text; two reports of one event share a few phrases
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Story:
    story: int  # the lowest document id among the story's versions
    outlet: str  # the outlet as stored, "" when unknown


@dataclass(slots=True)
class _Version:
    doc_id: int
    day: dt.date
    title: str
    signature: np.ndarray | None


def stories(conn: sqlite3.Connection) -> dict[int, Story]:
    """Every stored document's story. Articles are read outlet by outlet in date order and compared
    within a sliding window of days, so memory holds a few days' signatures, not the corpus's."""
    outlets: dict[int, str] = {}
    duplicate_of: dict[int, int] = {}
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    window: deque[_Version] = deque()  # one outlet's versions of the last WINDOW_DAYS
    current = None
    for doc_id, outlet, group, published, title, blob, original in conn.execute(
        "SELECT id, outlet, lower(COALESCE(outlet, '')), published, title, minhash, duplicate_of FROM documents "
        "ORDER BY lower(COALESCE(outlet, '')), published, id"
    ):  # fmt: skip
        outlets[doc_id] = outlet or ""
        parent[doc_id] = doc_id
        day = _day(published)
        if original is not None or day is None:
            if original is not None:
                duplicate_of[doc_id] = original
            continue
        if group != current:
            window.clear()
            current = group
        oldest = day - dt.timedelta(days=WINDOW_DAYS)
        while window and window[0].day < oldest:
            window.popleft()
        version = _Version(doc_id, day, _title_key(title), np.frombuffer(blob, dtype=np.uint64) if blob else None)
        for earlier in window:
            if _same_story(earlier, version):
                union(earlier.doc_id, doc_id)
        window.append(version)
    for doc_id, original in duplicate_of.items():
        if original in parent:
            union(doc_id, original)
    return {doc_id: Story(find(doc_id), outlets[doc_id]) for doc_id in outlets}


def _same_story(a: _Version, b: _Version) -> bool:
    if a.title and a.title == b.title:
        return True
    if a.signature is None or b.signature is None or len(a.signature) != len(b.signature):
        return False
    return float(np.count_nonzero(a.signature == b.signature)) / len(a.signature) >= OVERLAP


def _day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published) if published else None
    except ValueError:
        return None


def _title_key(title: str | None) -> str:
    """A title's words, lower-cased: a headline re-published with other punctuation is the same.
    Titles of fewer than four words ("Syria", "Live updates") say too little to join two reports."""
    found = _WORD.findall((title or "").lower())
    return " ".join(found) if len(found) >= 4 else ""
