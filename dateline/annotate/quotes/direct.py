"""Direct quotes: quotations grouped into runs one speaker says in a row, each with its cue and
speaker, and quotations held by the complement of a verb of any kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dateline.annotate.quotes.clauses import reported_content
from dateline.annotate.quotes.direct_cues import cue_adjacent, direct_cue, tag_after, within_paragraph
from dateline.annotate.quotes.lexicon import cues
from dateline.annotate.quotes.quote import (
    MAX_TAG_WORDS,
    MIN_QUOTE_CHARS,
    MIN_QUOTE_WORDS,
    Quote,
    doc_text,
    strip_span,
)
from dateline.annotate.quotes.speakers import noun_phrase, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


GOVERNED_DEPS = {"dobj", "ccomp", "xcomp", "oprd", "attr", "prep", "pcomp", "pobj"}


@dataclass(slots=True)
class Run:
    """Quotation pieces one speaker says in a row: a quote split by its speech tag ("“A,” she said,
    “B.”") or continued in the next sentences and paragraphs without a new cue."""

    start: int
    end: int
    cue: Token | None
    speaker: tuple[int, int] | None
    first_sent: int  # token index where the run's first sentence starts
    last_sent: int  # token index where its last sentence ends
    bare: bool = False  # only quotation so far, no cue: the speech tag may still follow
    pieces: list[tuple[int, int]] = field(default_factory=list)


def direct_runs(doc: Doc, quoted: list[tuple[int, int]]) -> tuple[list[Run], list[Quote]]:
    """Direct quotations grouped into runs, each with the cue and speaker that introduce it.

    A quotation inside the clause its cue reports ("said the plan was “a disaster”") is a partial
    quote: it belongs to that reported statement, not to a run of its own.
    """
    text = doc_text(doc)
    runs: list[Run] = []
    governed: list[Quote] = []
    governed_cues: set[int | None] = set()
    last_speaker: tuple[int, int] | None = None
    last_end = -1
    for q_start, q_end in quoted:
        sent = doc.char_span(q_start, q_end, alignment_mode="expand")
        if sent is None or not len(sent):  # a quotation of nothing but spaces ("`` ”") has no token
            continue
        # The sentences the quotation touches run from its first token's to its last token's (each
        # ``Token.sent`` walks its whole sentence: asked of every token, a long one cost its square).
        scope_start, scope_end = within_paragraph(doc, text, q_start, q_end, sent[0].sent.start, sent[-1].sent.end)
        scope_end = tag_after(doc, text, q_end, scope_end)
        short = q_end - q_start < MIN_QUOTE_CHARS or len(text[q_start:q_end].split()) < MIN_QUOTE_WORDS
        best = direct_cue(doc, q_start, q_end, scope_start, scope_end) if not short or cue_adjacent(doc, q_start, q_end) else None
        if best is not None and short and _reports_elsewhere(best, q_start, q_end):
            # A title or scare quote beside a cue that reports something else ("on “Hannity,”
            # Gingrich said if ..."): the cue belongs to its own reported clause.
            best = None
        if best is None:
            # No speech verb: a verb of any kind whose complement holds the quotation ("heralded
            # the deal as a “breakthrough”") attributes the words to its subject.
            quote = _governed(doc, q_start, q_end, scope_start, scope_end)
            if quote is not None:
                if quote.cue_start not in governed_cues:
                    governed.append(quote)
                    governed_cues.add(quote.cue_start)
                continue
            if short:
                continue
        elif _is_partial(doc, best, q_start, q_end):
            continue
        prev = runs[-1] if runs else None
        # One speaker's quote goes on, split by its own speech tag or running into the next
        # sentences and paragraphs, until a new cue or a sentence of narrative comes between.
        contiguous = prev is not None and all(t.is_space or t.is_punct for t in doc[prev.last_sent : scope_start])
        if prev is not None and contiguous and ((best is not None and prev.cue is not None and best.i == prev.cue.i) or (best is None and _quote_only(doc, q_start, q_end, scope_start, scope_end))
                                                or (prev.bare and best is not None)):
            prev.end, prev.last_sent = max(prev.end, q_end), max(prev.last_sent, scope_end)
            prev.pieces.append((q_start, q_end))
            prev.bare = prev.bare and best is None
            if prev.cue is None and best is not None:
                prev.cue = best
                prev.speaker = _speaker_of(best, prev.start, q_end) or prev.speaker
            if prev.speaker is not None:
                last_speaker, last_end = prev.speaker, q_end
            continue
        speaker: tuple[int, int] | None = None
        if best is not None:
            speaker = _speaker_of(best, q_start, q_end)
        elif last_speaker is not None and q_start - last_end < 400:
            speaker = last_speaker  # a quote continuing the previous speaker's (next paragraph)
        if speaker is not None:
            last_speaker, last_end = speaker, q_end
        bare = best is None and _quote_only(doc, q_start, q_end, scope_start, scope_end)
        runs.append(Run(q_start, q_end, best, speaker, scope_start, scope_end, bare, [(q_start, q_end)]))
    return runs, governed


def _governed(doc: Doc, q_start: int, q_end: int, scope_start: int, scope_end: int) -> Quote | None:
    """The attribution made by the nearest verb with a subject whose object, clause or "as"
    predicate holds the quotation: the whole complement, as a reported statement."""
    inner = doc.char_span(q_start, q_end, alignment_mode="expand")
    if inner is None or not len(inner):
        return None
    node, steps = inner.root, 0
    while node.head.i != node.i and steps < 6:
        child, node, steps = node, node.head, steps + 1
        if not scope_start <= node.i < scope_end or q_start <= node.idx < q_end:
            return None
        if node.pos_ != "VERB":
            continue
        if node.lemma_.lower() in cues().not_cues:
            return None
        if child.dep_ not in GOVERNED_DEPS or (child.dep_ == "prep" and child.lower_ != "as"):
            return None
        subject = subject_of(node)
        if subject is None or q_start <= subject.idx < q_end:
            return None
        # "heralded the deal as a “breakthrough”": the object and its "as" predicate go together.
        parts = [child] + [c for c in node.children if c.i != child.i and (
            (c.dep_ == "prep" and c.lower_ == "as" and c.i > child.i) or (child.dep_ == "prep" and c.dep_ == "dobj"))]  # fmt: skip
        tokens = [t for part in parts for t in part.subtree]
        first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
        c_start, c_end = strip_span(doc_text(doc), first.idx, last.idx + len(last.text))
        speaker = noun_phrase(subject)
        sent = node.sent
        return Quote(min(c_start, q_start), max(c_end, q_end), node.idx, node.idx + len(node.text), node.lemma_.lower(),
                     speaker[0], speaker[1], False, sent.start_char, sent.end_char)  # fmt: skip
    return None


def _quote_only(doc: Doc, q_start: int, q_end: int, scope_start: int, scope_end: int) -> bool:
    """Whether the quotation's sentences hold nothing but the quotation (a quote running on)."""
    return all(q_start <= t.idx < q_end or t.is_punct or t.is_space for t in doc[scope_start:scope_end])


def _speaker_of(cue: Token, q_start: int, q_end: int) -> tuple[int, int] | None:
    subject = subject_of(cue)
    if subject is not None and not (q_start <= subject.idx < q_end):
        start, end = noun_phrase(subject)
        if start < q_end <= subject.idx:
            # A speaker after the quote whose phrase the parser grew over the quotation.
            start = strip_span(doc_text(cue.doc), q_end, end)[0]
        # A "subject" that is only a stray quotation mark leaves no words once stripped.
        return (start, end) if start < end else None
    if cue.idx >= q_end:
        # "“…,” Brent Bozell III, founder of the Center, tells ...": the parser hung the name in the
        # quote's clause; between the quote and its cue it can only be the speaker.
        first = cue.i
        while first > 0 and cue.doc[first - 1].idx >= q_end:
            first -= 1
        between = [t for t in cue.doc[first : cue.i] if not t.is_punct and not t.is_space]
        if len(between) <= MAX_TAG_WORDS * 2 and any(t.pos_ in ("PROPN", "PRON", "NOUN") for t in between):
            comma = next((t for t in cue.doc[between[0].i : cue.i] if t.text == ","), cue)
            return strip_span(doc_text(cue.doc), between[0].idx, comma.idx)
    return None


def _reports_elsewhere(cue: Token, q_start: int, q_end: int) -> bool:
    """Whether ``cue`` has a complement of its own that does not hold the quotation."""
    content = reported_content(cue)
    return content is not None and not (content[0] <= q_start and q_end <= content[1] + 1)


def _is_partial(doc: Doc, cue: Token, q_start: int, q_end: int) -> bool:
    """Whether the quotation is only part of the clause ``cue`` reports: words of the reporter's
    own stand beside it in that clause ("said the plan was “a disaster”")."""
    content = reported_content(cue)
    if content is None or not (content[0] <= q_start and q_end <= content[1] + 1):
        return False
    # Words between the quotation and a cue after it are its speech tag, which the parser may have
    # hung in the quote's clause ("“…,” Bill Eastland, wearing a hat, said").
    tag = cue.idx >= q_end and sum(1 for t in doc[max(0, cue.i - 4 * MAX_TAG_WORDS) : cue.i] if t.idx >= q_end and not t.is_punct
                                   and not t.is_space) <= MAX_TAG_WORDS * 2  # fmt: skip
    outside = [t for t in doc.char_span(content[0], content[1], alignment_mode="expand") or []
               if t.is_alpha and not q_start <= t.idx < q_end and t.lower_ != "that"
               and not (tag and q_end <= t.idx < cue.idx)]  # fmt: skip
    return len(outside) >= 2
