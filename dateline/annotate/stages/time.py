"""The ``time`` stage: TIMEX3 temporal expressions, normalised against the publication date."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.annotate.stage import StageInput, stage
from dateline.annotate.time import find_timexes
from dateline.core.records import Row, SpanRow
from dateline.core.settings import Settings


@stage("time", version="7", requires=("nlp",), produces=("timex",), needs_spacy=True, depends_on_date=True)
def time_stage(batch: Sequence[StageInput], settings: Settings) -> list[Row]:
    """Temporal expressions (TIMEX3 type, value, mod) anchored to the publication date."""
    rows: list[Row] = []
    for item in batch:
        for t in find_timexes(item.text, item.published, doc=item.spacy_doc):
            attrs: dict[str, object] = {"mod": t.mod, "anchor": t.anchor, "rule": t.rule}
            if t.unresolved:
                attrs["unresolved"] = True
            if t.range_end:
                attrs["range_end"] = t.range_end
            if t.signal:
                attrs["signal"] = t.signal
            rows.append(SpanRow(item.doc_id, "time", "timex", t.start, t.end, t.type, t.value, attrs))
    return rows
