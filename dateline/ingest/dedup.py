"""Exact and near-duplicate detection.

Exact duplicates share the sha256 of their normalised text. Near duplicates (the same wire story
re-published with a changed headline or a trimmed paragraph) are found with MinHash over word
5-shingles (datasketch) and locality-sensitive hashing: a signature is cut into bands, and two
documents are compared only when some band is equal. The banding is datasketch's (``MinHashLSH``
picks the number of bands and rows for the threshold); the band keys live in the store (table
``minhash_bands``), so the index neither grows in memory with the corpus nor is rebuilt on each run.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable
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


@dataclass(frozen=True, slots=True)
class NearMatch:
    doc_id: int
    similarity: float


class NearDuplicateIndex:
    """LSH over the signatures in the store; ``query`` returns the most similar earlier document.

    Only documents that are not exact duplicates are indexed. The first use on a store fills the
    band table from the stored signatures (once per store, or again for another threshold); after
    that, ``add`` and ``replace`` keep it current in the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection, threshold: float = DEFAULT_THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.conn = conn
        self.threshold = threshold
        lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.bands, self.rows = int(lsh.b), int(lsh.r)
        self._fill()

    def _fill(self) -> None:
        banding = self.bands * 1000 + self.rows
        row = self.conn.execute("SELECT value FROM corpus_state WHERE key = 'lsh_bands'").fetchone()
        if row is not None and row[0] == banding:
            return
        self.conn.execute("SAVEPOINT lsh_fill")
        try:
            self.conn.execute("DELETE FROM minhash_bands")
            signatures = self.conn.execute(
                "SELECT id, minhash FROM documents WHERE duplicate_kind IS NOT 'exact' AND minhash IS NOT NULL ORDER BY id"
            )
            self._insert((doc_id, _values(blob)) for doc_id, blob in signatures)
            self.conn.execute("INSERT OR REPLACE INTO corpus_state (key, value) VALUES ('lsh_bands', ?)", (banding,))
            self.conn.execute("RELEASE lsh_fill")
        except BaseException:
            self.conn.execute("ROLLBACK TO lsh_fill")
            self.conn.execute("RELEASE lsh_fill")
            raise

    def _keys(self, values: np.ndarray) -> list[int]:
        # 64 bits of a band's hash stand for the band: a collision only adds a candidate, which
        # the exact comparison of signatures then rejects.
        return [int.from_bytes(hashlib.blake2b(band.to_bytes(2, "little") + values[band * self.rows:(band + 1) * self.rows].tobytes(),
                                               digest_size=8).digest(), "little", signed=True)
                for band in range(self.bands)]  # fmt: skip

    def _insert(self, signatures: Iterable[tuple[int, np.ndarray]]) -> None:
        self.conn.executemany(
            "INSERT INTO minhash_bands (key, doc_id) VALUES (?, ?)",
            ((key, doc_id) for doc_id, values in signatures for key in self._keys(values)),
        )

    def add(self, doc_id: int, m: MinHash) -> None:
        self._insert([(doc_id, _hashvalues(m))])

    def replace(self, doc_id: int, m: MinHash, *, indexed: bool = True) -> None:
        """A document's text changed: its bands follow (``indexed``: it is not an exact duplicate)."""
        self.conn.execute("DELETE FROM minhash_bands WHERE doc_id = ?", (doc_id,))
        if indexed:
            self.add(doc_id, m)

    def query(self, m: MinHash) -> NearMatch | None:
        values = _hashvalues(m)
        keys = self._keys(values)
        best: NearMatch | None = None
        for doc_id, blob in self.conn.execute(
            "SELECT id, minhash FROM documents WHERE id IN (SELECT doc_id FROM minhash_bands WHERE key IN "
            f"({', '.join('?' * len(keys))})) ORDER BY id", keys,
        ):  # fmt: skip
            sim = float(np.count_nonzero(values == _values(blob))) / len(values)  # MinHash.jaccard
            if sim >= self.threshold and (best is None or sim > best.similarity):  # of equals, the earliest
                best = NearMatch(int(doc_id), sim)
        return best


def _values(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.uint64)


def _hashvalues(m: MinHash) -> np.ndarray:
    return np.asarray(m.hashvalues, dtype=np.uint64)
