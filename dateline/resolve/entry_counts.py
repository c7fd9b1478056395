"""How many timeline entries a filter selects, by SQL ``COUNT(*)`` (a page's "of N").

Over the very conditions :func:`~dateline.resolve.timeline_queries.list_timeline` builds
(:func:`~dateline.resolve.timeline_queries.timeline_clauses`), so the count and the listing cannot
disagree; ``top`` caps the count as it caps the listing.
"""

from __future__ import annotations

import sqlite3

from dateline.core.filters import NO_FILTER, Filter
from dateline.resolve.timeline_queries import timeline_clauses


def count_timeline(conn: sqlite3.Connection, where: Filter = NO_FILTER) -> int:
    """How many entries the timeline lists for ``where`` without its page."""
    where.check("the timeline", ("actor", "code", "event_type", "date_from", "date_to", "kind", "text", "min_sources", "top", "sort"))
    clauses, params = timeline_clauses(conn, where)
    condition = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    found = int(conn.execute(f"SELECT COUNT(*) FROM timeline_entries t{condition}", params).fetchone()[0])
    return found if where.top is None else min(found, where.top)
