"""The ``facts`` stage: dated statements of what happened, the history background paragraphs tell."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.annotate.facts import find_facts
from dateline.annotate.stage import StageInput, stage
from dateline.core.concepts import load_concepts
from dateline.core.mentions import mentions_from_rows
from dateline.core.records import Row, TableRow
from dateline.core.settings import Settings
from dateline.core.timexes import timexes_from_rows


@stage("facts", version="13", requires=("nlp", "actors", "time"), produces=("facts",), needs_spacy=True)
def facts_stage(batch: Sequence[StageInput], settings: Settings) -> list[Row]:
    """Facts at absolute dates ("broke away in 1988", "talks since 1992", "for almost a decade")."""
    concepts = load_concepts(settings.concept_files)
    rows: list[Row] = []
    for item in batch:
        doc = item.spacy_doc
        if doc is None:
            continue
        timexes = timexes_from_rows(item.rows["time"], item.text)
        mentions = mentions_from_rows(item.rows["actors"], item.text)
        for fact in find_facts(doc, timexes, mentions, concepts=concepts):
            rows.append(TableRow("facts", item.doc_id, fact.as_row()))
    return rows
