"""The ``nlp`` stage: sentences and named entities from the spaCy parse."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.annotate.stage import StageInput, stage
from dateline.core.records import Row, SpanRow
from dateline.core.settings import Settings


@stage("nlp", version="3", produces=("sentence", "entity"), needs_spacy=True)
def nlp_stage(batch: Sequence[StageInput], settings: Settings) -> list[Row]:
    """Sentences and named entities (spaCy)."""
    rows: list[Row] = []
    for item in batch:
        doc = item.spacy_doc
        if doc is None:
            continue
        for sent in doc.sents:
            # spaCy sentences may start or end on whitespace tokens; trim so spans are tight.
            start, end = sent.start_char, sent.end_char
            chunk = item.text[start:end]
            start += len(chunk) - len(chunk.lstrip())
            end -= len(chunk) - len(chunk.rstrip())
            if end > start:
                rows.append(SpanRow(item.doc_id, "nlp", "sentence", start, end))
        for ent in doc.ents:
            rows.append(SpanRow(item.doc_id, "nlp", "entity", ent.start_char, ent.end_char, ent.label_))
    return rows
