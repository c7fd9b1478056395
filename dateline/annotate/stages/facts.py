"""The ``facts`` stage: dated statements of what happened, the history background paragraphs tell."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.annotate.actors import find_actor_mentions
from dateline.annotate.actors.knowledge import load
from dateline.annotate.facts import find_facts, load_concepts, user_concept_files
from dateline.annotate.registry import Row, SpanRow, StageInput, TableRow, stage
from dateline.annotate.stages.actors import user_files
from dateline.annotate.stages.quotes import mentions_from_rows
from dateline.annotate.timex import Timex, find_timexes


def _timexes(rows: list[Row], text: str) -> list[Timex]:
    # The signal and range end matter here ("since 1992", "1992-1994"), so rebuild them in full.
    return [
        Timex(r.start, r.end, text[r.start : r.end], r.label, str(r.value), str(r.attrs.get("mod", "")),
              bool(r.attrs.get("unresolved")), r.attrs.get("range_end"), str(r.attrs.get("anchor", "none")),
              str(r.attrs.get("signal", "")), str(r.attrs.get("rule", "")))
        for r in rows
        if isinstance(r, SpanRow) and r.kind == "timex"
    ]


@stage("facts", version="1", requires=("nlp", "actors", "time"), produces=("facts",), needs_spacy=True)
def facts_stage(batch: Sequence[StageInput]) -> list[Row]:
    """Facts at absolute dates ("broke away in 1988", "talks since 1992", "for almost a decade")."""
    concepts = load_concepts(user_concept_files())
    rows: list[Row] = []
    for item in batch:
        doc = item.spacy_doc
        if doc is None:
            continue
        mentions = (mentions_from_rows(item.rows["actors"], item.text) if "actors" in item.rows
                    else find_actor_mentions(doc, knowledge=load(user_files())))  # fmt: skip
        timexes = (_timexes(item.rows["time"], item.text) if "time" in item.rows
                   else find_timexes(item.text, item.published, doc=doc))  # fmt: skip
        for fact in find_facts(doc, timexes, mentions, concepts=concepts):
            rows.append(TableRow("facts", item.doc_id, fact.as_row()))
    return rows
