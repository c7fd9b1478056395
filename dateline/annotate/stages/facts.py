"""The ``facts`` stage: dated statements of what happened, the history background paragraphs tell."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.annotate.facts import find_facts, load_concepts, user_concept_files
from dateline.annotate.registry import Row, StageInput, TableRow, stage
from dateline.annotate.stages.quotes import prior_mentions, prior_timexes


@stage("facts", version="1", requires=("nlp", "actors", "time"), produces=("facts",), needs_spacy=True)
def facts_stage(batch: Sequence[StageInput]) -> list[Row]:
    """Facts at absolute dates ("broke away in 1988", "talks since 1992", "for almost a decade")."""
    concepts = load_concepts(user_concept_files())
    rows: list[Row] = []
    for item in batch:
        doc = item.spacy_doc
        if doc is None:
            continue
        for fact in find_facts(doc, prior_timexes(item), prior_mentions(item), concepts=concepts):
            rows.append(TableRow("facts", item.doc_id, fact.as_row()))
    return rows
