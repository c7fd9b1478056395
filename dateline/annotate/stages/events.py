"""The ``events`` stage: PLOVER events with actors, recipients, status, own dates and evidence."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.annotate.events import Event, Place, code_events
from dateline.annotate.stage import StageInput, stage
from dateline.core.mentions import mentions_from_rows
from dateline.core.records import Row, SpanRow, TableRow
from dateline.core.settings import Settings
from dateline.core.timexes import timexes_from_rows


def event_values(e: Event, rank: int) -> dict[str, object]:
    """The ``events`` table row of one event."""
    return {
        "start": e.sentence_start, "end": e.sentence_end, "trigger_start": e.trigger_start,
        "trigger_end": e.trigger_end, "trigger_lemma": e.trigger_lemma, "event": e.event, "mode": e.mode,
        "context": list(e.context), "actors": [a.as_dict() for a in e.actors],
        "recipients": [r.as_dict() for r in e.recipients], "date": e.date,
        "date_granularity": e.date_granularity, "date_source": e.date_source, "location": e.location,
        "status": e.status, "negated": e.negated, "hypothetical": e.hypothetical, "future": e.future,
        "historical": e.historical, "confidence": e.confidence, "rank": rank,
    }  # fmt: skip


@stage("events", version="43", requires=("nlp", "actors", "time"), produces=("events",), needs_spacy=True,
       depends_on_date=True)  # fmt: skip
def events_stage(batch: Sequence[StageInput], settings: Settings) -> list[Row]:
    """PLOVER events (type, mode, actors, recipients, status, date) with their evidence."""
    rows: list[Row] = []
    for item in batch:
        doc = item.spacy_doc
        if doc is None:
            continue
        mentions = mentions_from_rows(item.rows["actors"], item.text)
        places = [Place(r.start, r.end, str(r.value), str(r.attrs.get("country", ""))) for r in item.rows["actors"]
                  if isinstance(r, SpanRow) and r.kind == "place"]  # fmt: skip
        timexes = timexes_from_rows(item.rows["time"], item.text)
        rank = 0
        last_sentence = -1
        for e in code_events(doc, published=item.published, mentions=mentions, timexes=timexes, places=places):
            rank = rank + 1 if e.sentence_start == last_sentence else 0
            last_sentence = e.sentence_start
            rows.append(TableRow("events", item.doc_id, event_values(e, rank)))
    return rows
