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
from collections import defaultdict
from collections.abc import Iterator
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
    day: dt.date | None
    title: str
    signature: np.ndarray | None


def stories(conn: sqlite3.Connection) -> dict[int, Story]:
    """Every stored document's story."""
    outlets: dict[int, str] = {}
    duplicate_of: dict[int, int] = {}
    groups: dict[str, list[_Version]] = defaultdict(list)
    for doc_id, outlet, published, title, blob, original in conn.execute(
        "SELECT id, outlet, published, title, minhash, duplicate_of FROM documents ORDER BY id"
    ):
        outlets[doc_id] = outlet or ""
        if original is not None:
            duplicate_of[doc_id] = original
            continue
        signature = np.frombuffer(blob, dtype=np.uint64) if blob else None
        groups[(outlet or "").casefold()].append(_Version(doc_id, _day(published), _title_key(title), signature))
    parent = {doc_id: doc_id for doc_id in outlets}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for versions in groups.values():
        for a, b in _close_pairs(versions):
            if _same_story(a, b):
                union(a.doc_id, b.doc_id)
    for doc_id, original in duplicate_of.items():
        if original in parent:
            union(doc_id, original)
    return {doc_id: Story(find(doc_id), outlets[doc_id]) for doc_id in outlets}


def _close_pairs(versions: list[_Version]) -> Iterator[tuple[_Version, _Version]]:
    """Pairs of dated versions at most WINDOW_DAYS apart (a sliding window over the dates, so the
    cost follows the number of articles an outlet publishes in a few days, not its whole archive)."""
    dated = sorted(((v.day, v) for v in versions if v.day is not None), key=lambda dv: (dv[0], dv[1].doc_id))
    first = 0
    for i, (day, v) in enumerate(dated):
        while dated[first][0] < day - dt.timedelta(days=WINDOW_DAYS):
            first += 1
        for _, u in dated[first:i]:
            yield u, v


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
