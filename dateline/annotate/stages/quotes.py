"""The ``quotes`` stage: who said what, with the speaker resolved to a canonical actor and the
statement dated ("said on Saturday" → that day, else the publication date)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from dateline.annotate.actors import find_actor_mentions
from dateline.annotate.actors.knowledge import load
from dateline.annotate.mentions import ActorMention
from dateline.annotate.quotes import Quote, extract_quotes
from dateline.annotate.registry import Row, SpanRow, StageInput, TableRow, stage
from dateline.annotate.stages.actors import user_files
from dateline.annotate.timex import Timex, find_timexes


def _speaker(quote: Quote, mentions: list[ActorMention]) -> ActorMention | None:
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    inside = [m for m in mentions if m.start < quote.speaker_end and quote.speaker_start < m.end]
    # The head of "the Russian Foreign Ministry's press service" is the ministry: prefer people and
    # organisations over the countries named inside a speaker phrase.
    rank = {"person": 0, "organization": 1, "igo": 2, "pre": 3, "country": 4}
    return min(inside, key=lambda m: (rank.get(m.kind, 5), m.start)) if inside else None


def _statement_date(quote: Quote, timexes: list[Timex], doc_text: str) -> str | None:
    if quote.cue_end is None:
        return None
    # A day-level date right after (or just before) the cue: "said on Saturday", "on Friday said".
    for t in timexes:
        if t.type not in ("DATE", "TIME") or t.unresolved or len(t.value) < 10 or not t.value[:4].isdigit():
            continue
        after = quote.cue_end <= t.start <= quote.cue_end + 6
        before = quote.cue_start is not None and 0 <= quote.cue_start - t.end <= 4
        if after or before:
            return t.value[:10]
    return None


def mentions_from_rows(rows: list[Row], text: str) -> list[ActorMention]:
    """The actor mentions the ``actors`` stage produced in this run, back as ``ActorMention``."""
    out = []
    for r in rows:
        if isinstance(r, SpanRow) and r.kind == "actor_mention":
            a = r.attrs
            out.append(ActorMention(r.start, r.end, text[r.start : r.end], str(r.value), str(a.get("name", "")), str(a.get("kind", "")),
                                    str(a.get("code", "")), str(a.get("sector", "")), str(a.get("office", "")),
                                    str(a.get("via", ""))))  # fmt: skip
    return out


def timexes_from_rows(rows: list[Row], text: str) -> list[Timex]:
    """The time expressions the ``time`` stage produced in this run, back as ``Timex`` (in full:
    signal and range end matter to facts, "since 1992", "1992-1994")."""
    return [
        Timex(r.start, r.end, text[r.start : r.end], r.label, str(r.value), str(r.attrs.get("mod", "")),
              bool(r.attrs.get("unresolved")), r.attrs.get("range_end"), str(r.attrs.get("anchor", "none")),
              str(r.attrs.get("signal", "")), str(r.attrs.get("rule", "")))
        for r in rows
        if isinstance(r, SpanRow) and r.kind == "timex"
    ]


def prior_mentions(item: StageInput) -> list[ActorMention]:
    """This run's actor mentions when the ``actors`` stage ran, else found now."""
    if "actors" in item.rows:
        return mentions_from_rows(item.rows["actors"], item.text)
    assert item.spacy_doc is not None
    return find_actor_mentions(item.spacy_doc, knowledge=load(user_files()))


def prior_timexes(item: StageInput) -> list[Timex]:
    """This run's time expressions when the ``time`` stage ran, else found now."""
    if "time" in item.rows:
        return timexes_from_rows(item.rows["time"], item.text)
    return find_timexes(item.text, item.published, doc=item.spacy_doc)


# Runs after "actors" and "time" so it can reuse their results from the same run instead of
# computing mentions and time expressions a second time.
@stage("quotes", version="5", requires=("nlp", "actors", "time"), produces=("quotes",), needs_spacy=True,
       depends_on_date=True)  # fmt: skip
def quotes_stage(batch: Sequence[StageInput]) -> list[Row]:
    """Direct and reported quotes with speaker actor, cue and date."""
    rows: list[Row] = []
    for item in batch:
        doc = item.spacy_doc
        if doc is None:
            continue
        mentions = prior_mentions(item)
        timexes = prior_timexes(item)
        for q in extract_quotes(doc):
            speaker = _speaker(q, mentions)
            own = _statement_date(q, timexes, item.text)
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
