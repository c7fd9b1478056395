"""Building the WHERE clause and the page of a listing query from the filter's fields."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(slots=True)
class Query:
    """Conditions joined by AND with their parameters, and an optional page: ``add`` only what the
    filter sets, then ``sql(select, order)`` gives the statement and ``params`` its values."""

    clauses: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)

    def add(self, clause: str, *params: object) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def add_in(self, column: str, values: Iterable[str]) -> None:
        """``column IN (...)`` for every value of ``values`` (sorted, so the statement is stable)."""
        items = sorted(values)
        self.add(f"{column} IN ({','.join('?' * len(items))})", *items)

    def sql(self, select: str, order: str, *, limit: int | None = None, offset: int = 0) -> str:
        where = f" WHERE {' AND '.join(self.clauses)}" if self.clauses else ""
        page = ""
        if limit is not None:
            page = " LIMIT ? OFFSET ?"
            self.params.extend([limit, offset])
        return f"{select}{where} ORDER BY {order}{page}"
