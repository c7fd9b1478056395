"""Quotes and attributions over a spaCy parse: direct quotes (straight or curly marks, speaker
before, after or inside, colon introductions, quotes over several paragraphs) and reported speech
("X said that ...", "according to X, ..."), each with content, cue and speaker spans.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dateline.annotate.quotes.according import according_to
from dateline.annotate.quotes.clauses import reported_content
from dateline.annotate.quotes.direct import direct_runs
from dateline.annotate.quotes.headlines import colon_lines
from dateline.annotate.quotes.hedges import hedged
from dateline.annotate.quotes.intervals import Spans
from dateline.annotate.quotes.marks import quotation_spans
from dateline.annotate.quotes.nominal import nominal
from dateline.annotate.quotes.orphans import orphan_quotes
from dateline.annotate.quotes.quote import MIN_REPORTED_CHARS, Quote, doc_text, strip_span
from dateline.annotate.quotes.speakers import noun_phrase, subject_of
from dateline.annotate.quotes.verbs import is_cue
from dateline.annotate.tokens import tokens_with_pos
from dateline.core.datelines import find_dateline

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_quotes(doc: Doc) -> list[Quote]:
    """Every attribution in ``doc``: direct quotes first found, then reported speech."""
    text = doc_text(doc)
    out: list[Quote] = []
    quoted = quotation_spans(text)
    runs, governed = direct_runs(doc, quoted)
    out.extend(governed)
    # A cue that took a quotation beside it may still report a clause of its own ("proposed we “wake
    # up” and said Ryan should resign").
    used_cues = {r.cue.i for r in runs if r.cue is not None}
    for r in runs:
        cue = r.cue
        span_sent = doc[r.first_sent : r.last_sent]
        out.append(Quote(r.start, r.end, cue.idx if cue is not None else None,
                         cue.idx + len(cue.text) if cue is not None else None, cue.lemma_.lower() if cue is not None else "",
                         r.speaker[0] if r.speaker else None, r.speaker[1] if r.speaker else None, True,
                         span_sent.start_char, span_sent.end_char, tuple(r.pieces) if len(r.pieces) > 1 else ()))  # fmt: skip
    inside = Spans.of([(r.start, r.end) for r in runs])
    for q in governed:
        cue_span = doc.char_span(q.cue_start or 0, q.cue_end or 0, alignment_mode="expand")
        if cue_span is not None and len(cue_span):
            used_cues.add(cue_span[0].i)
    turns = colon_lines(doc, inside)
    out.extend(turns)
    # What a speaker says inside a quotation or a transcript turn ("I think ...") is part of that
    # statement, not a statement of its own.
    spoken = Spans.of(quoted + [(q.start, q.end) for q in turns])
    # Only verbs can be cues (``is_cue``), so only they are visited.
    for token in tokens_with_pos(doc, "VERB", "AUX"):
        if token.i in used_cues or not is_cue(token):
            continue
        if spoken.holds(token.idx):
            continue
        content = reported_content(token)
        if content is None:
            continue
        c_start, c_end = strip_span(text, *content)
        # Skip only content that lies within a direct quote (handled above); a reported clause may
        # itself contain a partial quote ("says the tweets were “unhinged”").
        if c_end - c_start < MIN_REPORTED_CHARS or inside.covers(c_start, c_end):
            continue
        subject = subject_of(token)
        speaker = noun_phrase(subject) if subject is not None else None
        if speaker is None and token.tag_ != "VBN":
            continue
        sent = token.sent
        # Reported even with a partial quote inside ("said the plan was “a disaster”"): the words
        # around the quote are the reporter's.
        out.append(Quote(c_start, c_end, token.idx, token.idx + len(token.text), token.lemma_.lower(),
                         speaker[0] if speaker else None, speaker[1] if speaker else None, False,
                         sent.start_char, sent.end_char))  # fmt: skip
    out.extend(according_to(doc, inside))
    out.extend(nominal(doc, spoken, inside))
    out.extend(hedged(doc, spoken))
    kept = _outermost(out)
    kept.extend(orphan_quotes(doc, quoted, kept))
    return sorted(_sound(text, _past_dateline(text, kept)), key=lambda q: (q.start, q.end))


def _past_dateline(text: str, quotes: list[Quote]) -> list[Quote]:
    """Without the article's dateline ("MOSCOW, May 19 (Sputnik) –"): the parser reads its place
    as a subject, yet it is the filing's label, never a speaker nor the statement's words."""
    line = find_dateline(text)
    if line is None:
        return quotes
    out = []
    for q in quotes:
        if q.speaker_start is not None and line.start <= q.speaker_start < line.end:
            continue
        if line.start <= q.start < line.end < q.end:
            q = replace(q, start=strip_span(text, line.end, q.end)[0])
        out.append(q)
    return out


def _sound(text: str, quotes: list[Quote]) -> list[Quote]:
    """Only quotes whose content lies in the text, each speaker and cue a span of it or none: on
    broken text (stray marks, a parse of punctuation) a rule may compute an empty or inverted span,
    which would point at nothing, or at the wrong words, once stored."""

    def span(start: int | None, end: int | None) -> bool:
        return start is not None and end is not None and 0 <= start < end <= len(text)

    out = []
    for q in quotes:
        if not (0 <= q.start <= q.end <= len(text)):
            continue
        if q.speaker_start is not None and not span(q.speaker_start, q.speaker_end):
            q = replace(q, speaker_start=None, speaker_end=None)
        if q.cue_start is not None and not span(q.cue_start, q.cue_end):
            q = replace(q, cue_start=None, cue_end=None, cue_lemma="")
        out.append(q)
    return out


def _outermost(quotes: list[Quote]) -> list[Quote]:
    """Without the attributions reported inside another's content ("Trump said Clinton wants to
    abolish ..."): the inner stance is the outer speaker's claim, not a statement of its own."""

    def within(cue: int | None, q: Quote) -> bool:
        return cue is not None and q.start <= cue < q.end

    contents = Spans((q.start, q.end, q) for q in quotes)  # only the quotes holding a cue are looked at
    return [q for q in quotes if q.direct or q.cue_start is None or not any(
        o is not q and not within(o.cue_start, q) for o in contents.holding(q.cue_start))]  # fmt: skip
