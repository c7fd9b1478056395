"""The ``quotes`` stage: who said what, with the speaker resolved to a canonical actor and the
statement dated ("said on Saturday" → that day, else the publication date)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from dateline.annotate.quotes import extract_quotes
from dateline.annotate.quotes.attribution import speaker_mention, statement_date
from dateline.annotate.stage import StageInput, stage
from dateline.annotate.voice import comments_start
from dateline.core.mentions import mentions_from_rows
from dateline.core.records import Row, TableRow
from dateline.core.settings import Settings
from dateline.core.timexes import timexes_from_rows


# Runs after "actors" and "time": speakers are their mentions, statement dates their expressions.
@stage("quotes", version="12", requires=("nlp", "actors", "time"), produces=("quotes",), needs_spacy=True,
       depends_on_date=True)  # fmt: skip
def quotes_stage(batch: Sequence[StageInput], settings: Settings) -> list[Row]:
    """Direct and reported quotes with speaker actor, cue and date."""
    rows: list[Row] = []
    for item in batch:
        doc = item.spacy_doc
        if doc is None:
            continue
        mentions = mentions_from_rows(item.rows["actors"], item.text)
        timexes = timexes_from_rows(item.rows["time"], item.text)
        comments = comments_start(item.text)
        for q in extract_quotes(doc):
            if q.start >= comments:
                continue  # a reader's comment under the article: nobody in the news said it
            speaker = speaker_mention(q, mentions)
            own = statement_date(q, timexes)
            date = own or (item.published.isoformat() if item.published else None)
            rows.append(TableRow("quotes", item.doc_id, {
                "start": q.start, "end": q.end, "cue_start": q.cue_start, "cue_end": q.cue_end, "cue_lemma": q.cue_lemma,
                "speaker_start": q.speaker_start, "speaker_end": q.speaker_end,
                "speaker_text": item.text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None,
                "actor_id": speaker.actor_id if speaker else None, "speaker_name": speaker.name if speaker else None,
                "code": speaker.code if speaker else "", "sector": speaker.sector if speaker else "",
                "office": speaker.office if speaker else "", "direct": q.direct, "date": date,
                "date_source": "text" if own else ("published" if date else "unknown"),
                "sentence_start": q.sentence_start, "sentence_end": q.sentence_end,
                "pieces": json.dumps([list(span) for span in q.spans]),
            }))  # fmt: skip
    return rows
