"""Which spans of a document hold a point or meet a range: answered by bisection, not by a scan.

The quote rules ask, for every quotation, cue or verb, whether it lies inside another quotation
or attribution. Asked with ``any(...)`` over all of them, that costs the product of the two counts:
an article of 10,000 unbalanced quotation marks took minutes. Sorted by start, with the furthest
end reached so far, each question takes a bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Spans(Generic[T]):
    """Half-open spans ``[start, end)``, each carrying an item."""

    def __init__(self, spans: Iterable[tuple[int, int, T]]) -> None:
        ordered = sorted(spans, key=lambda span: (span[0], span[1]))
        self._starts = [start for start, _, _ in ordered]
        self._ends = [end for _, end, _ in ordered]
        self._items = [item for _, _, item in ordered]
        # _reach[i]: the furthest end among the first i + 1 spans.
        self._reach = list(accumulate(self._ends, max))

    @classmethod
    def of(cls, pairs: Sequence[tuple[int, int]]) -> Spans[None]:
        return Spans((start, end, None) for start, end in pairs)

    def __len__(self) -> int:
        return len(self._starts)

    def _reaches(self, count: int, past: int) -> bool:
        """Whether one of the first ``count`` spans (by start) ends after ``past``."""
        return count > 0 and self._reach[count - 1] > past

    def holds(self, point: int) -> bool:
        """Whether a span holds ``point`` (``start <= point < end``)."""
        return self._reaches(bisect_right(self._starts, point), point)

    def covers(self, start: int, end: int) -> bool:
        """Whether one span holds all of ``[start, end)`` (``s <= start`` and ``end <= e``)."""
        return self._reaches(bisect_right(self._starts, start), end - 1)

    def meets(self, start: int, end: int) -> bool:
        """Whether a span overlaps ``[start, end)`` (``s < end`` and ``start < e``)."""
        return self._reaches(bisect_left(self._starts, end), start)

    def holding(self, point: int) -> Iterator[T]:
        """The items of the spans that hold ``point``, nearest start first."""
        i = bisect_right(self._starts, point) - 1
        while i >= 0 and self._reach[i] > point:
            if self._ends[i] > point:
                yield self._items[i]
            i -= 1
