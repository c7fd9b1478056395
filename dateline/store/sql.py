"""Building the WHERE clause and the page of a listing query from the filter's fields."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dateline.core.errors import ConfigError


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

    def count_sql(self, select_from: str) -> str:
        """``SELECT COUNT(*)`` over ``select_from`` with the same conditions (call before ``sql``,
        which appends the page's parameters)."""
        where = f" WHERE {' AND '.join(self.clauses)}" if self.clauses else ""
        return f"SELECT COUNT(*) FROM {select_from}{where}"


def order_by(listing: str, sort: str | None, orders: Mapping[str, str], default: str) -> str:
    """The ORDER BY of ``sort`` among a listing's ``orders`` (``-name`` is ``name`` reversed, each
    spelt out: undated rows stay last both ways, ties break the same way)."""
    key = sort or default
    if key not in orders:
        raise ConfigError(f"{listing} cannot be sorted by {key!r} (choose from {', '.join(orders)})")
    return orders[key]
