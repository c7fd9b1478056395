"""Exact and near-duplicate detection.

Exact duplicates share the sha256 of their normalised text. Near duplicates (the same wire story
re-published with a changed headline or a trimmed paragraph) are found with MinHash LSH from
datasketch over word 5-shingles; signatures are stored with each document so the index is rebuilt
from the database on the next run, and new articles are compared against everything stored.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
SCHEME = "affine32"  # stored signatures are only comparable under the scheme that made them
SHINGLE = 5
DEFAULT_THRESHOLD = 0.8
_WORD = re.compile(r"\w+", re.UNICODE)


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(_WORD.findall(text.lower())).encode("utf-8")).hexdigest()


def minhash(text: str) -> MinHash:
    from datasketch import MinHash  # imported on first use: it pulls in SciPy, a second at start-up

    words = _WORD.findall(text.lower())
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return m


def to_blob(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_blob(blob: bytes) -> MinHash:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(blob, dtype=np.uint64).copy())


@dataclass(frozen=True, slots=True)
class NearMatch:
    doc_id: int
    similarity: float


class NearDuplicateIndex:
    """An LSH index over stored signatures; ``query`` returns the most similar earlier document."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[int, MinHash] = {}

    def add(self, doc_id: int, m: MinHash) -> None:
        if doc_id not in self._sigs:
            self._lsh.insert(str(doc_id), m)
            self._sigs[doc_id] = m

    def query(self, m: MinHash) -> NearMatch | None:
        best: NearMatch | None = None
        for key in self._lsh.query(m):
            doc_id = int(key)
            sim = float(m.jaccard(self._sigs[doc_id]))
            if sim >= self.threshold and (
                best is None or sim > best.similarity or (sim == best.similarity and doc_id < best.doc_id)
            ):
                best = NearMatch(doc_id, sim)
        return best
