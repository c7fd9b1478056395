"""What matters in a timeline of thousands of entries: independent reports, counted by story.

Run on the published timeline tables, after every resolution. For each entry it sets

- ``n_sources``: the independent stories that report it (:mod:`dateline.resolve.stories`: the
  updated versions of one story count once), and ``n_outlets``: the outlets among them;
- ``start_day`` / ``end_day``: the first and last day its date covers, which listings sort by
  and filter on by overlap;
- ``importance``: a score in the spirit of timeline summarisation, where a date matters as much
  as the news reports about it (Tran et al. 2013; Martschat & Markert 2018 rank dates by how
  often articles mention them)::

      importance = (1.5·ln(1 + stories) + ½·ln(1 + outlets) + ½·centrality + ¼·ln(1 + date reports))
                   × precision of the date × (½ + ½·the coder's best confidence)
                   × (0.85 if only a paper's day dates it) × (½ if only told as a state)
                   × (0.6 if no source says who did it; 0.8 if the doers are only described)

  *centrality* is the share of the corpus's articles that mention the entry's best-known actor (an
  event of the conflict's main actors outranks one of a passer-by); *date reports* the stories that
  report anything on the entry's date; the *precision* weight ranks an entry that says when it
  happened above one only placed in a decade (:data:`PRECISION`). An entry every source of which
  dates by its publication day alone may have happened the day before; one every source of which
  tells as a state ("has been charged", "had agreed") is what the reports find, not that day's news
  (the active present perfect, "Russia has banned imports", is how British news tells today's).
  An entry says who did what to whom: PETRARCH codes an event only when it knows its source actor,
  and an entry whose doer no source names ("Attack on Mexico", "Appeal to Mexico") tells an analyst
  the least, and is the likeliest to be no one's act at all (a disease's deaths). A doer named but
  uncoded (a private person on trial) is a doer all the same.
"""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from dateline.core.timevalues import calendar_part, interval
from dateline.resolve.stories import stories

# How much an entry's date lets an analyst place it (a timeline reader's need, not a measured fit).
PRECISION = {"day": 1.0, "week": 0.95, "range": 0.9, "month": 0.9, "season": 0.85, "year": 0.8, "decade": 0.6}
UNPLACED = 0.4  # a date of no granularity the calendar knows
GUESSED_DAY = 0.85  # every source dated by its paper's day alone: the day may be the one before
STATE_ONLY = 0.5  # every source tells it as a state ("has been charged"): not that day's news
FACT_CONFIDENCE = 0.7  # a dated fact of a history paragraph: as sure as a typical coded event
NO_DOER = 0.6  # no source says who did it
DESCRIBED_DOER = 0.8  # its doers are only described, neither named nor coded ("the government", "several countries")


@dataclass(frozen=True, slots=True)
class Weakness:
    """What the timeline's builder knows of an entry that its ranking discounts."""

    guessed: bool  # every source dates it by its paper's day alone
    state_only: bool  # every source tells it as a state ("has been charged", "had agreed")


def rank(conn: sqlite3.Connection, weak: dict[int, Weakness]) -> None:
    """Set every timeline entry's story and outlet counts, days and importance (``weak``: what the
    builder found of each entry, by id)."""
    story_of = stories(conn)
    n_docs = max(1, len(story_of))
    entry_stories: dict[int, set[int]] = defaultdict(set)
    entry_outlets: dict[int, set[str]] = defaultdict(set)
    sure: dict[int, float] = {}  # the coder's best confidence among an entry's sources
    for entry_id, doc_id, coded in conn.execute(
        "SELECT s.entry_id, s.doc_id, e.confidence FROM timeline_sources s LEFT JOIN events e ON e.id = s.event_id"
    ):
        sure[entry_id] = max(sure.get(entry_id, 0.0), FACT_CONFIDENCE if coded is None else coded)
        story = story_of.get(doc_id)
        if story is None:
            continue
        entry_stories[entry_id].add(story.story)
        if story.outlet:
            entry_outlets[entry_id].add(story.outlet.casefold())
    # Articles per actor, among the actors some entry names (the rest are never asked for).
    reach: dict[str, int] = dict(conn.execute(
        "SELECT id, n_documents FROM actors WHERE id IN (SELECT actor_id FROM timeline_actors)"
    ).fetchall())
    centrality: dict[int, float] = defaultdict(float)
    for entry_id, actor_id in conn.execute("SELECT entry_id, actor_id FROM timeline_actors WHERE actor_id IS NOT NULL"):
        centrality[entry_id] = max(centrality[entry_id], reach.get(actor_id, 0) / n_docs)
    # Entries some source names a doer of (an actor, coded or not), and those whose doers are only
    # described ("the government" of a round-up that lost its country headings, "several countries").
    done_by = {r[0] for r in conn.execute("SELECT DISTINCT entry_id FROM timeline_actors WHERE role = 'actor'")}
    named = {r[0] for r in conn.execute(
        "SELECT DISTINCT entry_id FROM timeline_actors WHERE role = 'actor' AND (actor_id IS NOT NULL OR code != '')"
    )}
    entries = conn.execute("SELECT id, date, date_end, granularity FROM timeline_entries").fetchall()
    date_stories: dict[str, set[int]] = defaultdict(set)
    for entry_id, date, _, _ in entries:
        if date:
            date_stories[calendar_part(date)] |= entry_stories.get(entry_id, set())
    rows = []
    for entry_id, date, date_end, granularity in entries:
        value = calendar_part(date) if date else ""
        span = interval(value, calendar_part(date_end) if date_end else None) if value else None
        n_stories, n_outlets = len(entry_stories.get(entry_id, ())), len(entry_outlets.get(entry_id, ()))
        flags = weak.get(entry_id, Weakness(guessed=False, state_only=False))
        score = (1.5 * math.log1p(n_stories) + 0.5 * math.log1p(n_outlets) + 0.5 * centrality.get(entry_id, 0.0)
                 + 0.25 * math.log1p(len(date_stories.get(value, ())))) \
            * PRECISION.get(granularity, UNPLACED) * (0.5 + 0.5 * sure.get(entry_id, FACT_CONFIDENCE)) \
            * (GUESSED_DAY if flags.guessed else 1.0) * (STATE_ONLY if flags.state_only else 1.0) * (1.0 if entry_id in named else DESCRIBED_DOER if entry_id in done_by else NO_DOER)  # fmt: skip
        rows.append((max(n_stories, 1), n_outlets, round(score, 6), span[0].isoformat() if span else None,
                     span[1].isoformat() if span else None, entry_id))  # fmt: skip
    conn.executemany(
        "UPDATE timeline_entries SET n_sources = ?, n_outlets = ?, importance = ?, start_day = ?, end_day = ? WHERE id = ?", rows
    )
