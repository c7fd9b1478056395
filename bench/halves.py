"""The two fixed halves of a development set, by id (errors are read in the first half only).

First half: ids whose ``zlib.crc32(id.encode()) % 2 == 0``; second half: the rest.
"""

from __future__ import annotations

import zlib


def half_of(record_id: object) -> int:
    """1 or 2: the half the record with ``record_id`` belongs to."""
    return 1 if zlib.crc32(str(record_id).encode()) % 2 == 0 else 2


def keep(record_id: object, half: str) -> bool:
    """Is the record in the requested half ("1", "2" or "all")?"""
    return half == "all" or half_of(record_id) == int(half)
