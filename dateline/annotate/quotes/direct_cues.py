"""Finding the cue of a quotation: the speech verb of its sentences, a short tag, or a colon introduction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.annotate.quotes.clauses import reported_content
from dateline.annotate.quotes.quote import MAX_TAG_WORDS, doc_text
from dateline.annotate.quotes.speakers import misparsed_subject
from dateline.annotate.quotes.verbs import is_cue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def within_paragraph(doc: Doc, text: str, q_start: int, q_end: int, start: int, end: int) -> tuple[int, int]:
    """Token bounds [start, end) narrowed to the quotation's paragraph: a sentence the parser runs
    over a line break holds no cue of this quote."""
    p_start, p_end = text.rfind("\n", 0, q_start) + 1, text.find("\n", q_end)
    p_end = len(text) if p_end < 0 else p_end
    while start < end - 1 and doc[start].idx < p_start:
        start += 1
    while end > start + 1 and doc[end - 1].idx >= p_end:
        end -= 1
    return start, end


def tag_after(doc: Doc, text: str, q_end: int, scope_end: int) -> int:
    """``scope_end`` widened over the next sentence when it is the quote's speech tag that the parser
    split off after a question or exclamation ("“Too forced?” he tweeted.")."""
    if scope_end >= len(doc) or text[max(0, q_end - 8) : q_end].rstrip()[-1:] not in ("?", "!"):
        return scope_end
    nxt = doc[scope_end]
    between = text[q_end : nxt.idx]
    if "\n" in between or any(ch.isalnum() for ch in between) or nxt.sent.start != scope_end:
        return scope_end
    words = [t for t in nxt.sent if not t.is_punct and not t.is_space][:MAX_TAG_WORDS]
    for t in words:
        if t.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.i < t.i for c in t.children):
            return within_paragraph(doc, text, q_end, q_end, scope_end, nxt.sent.end)[1]
    return scope_end


def _token_before(doc: Doc, char: int) -> Token | None:
    """The last word token ending before character ``char``."""
    span = doc.char_span(max(0, char - 40), char, alignment_mode="contract") if char > 0 else None
    if span is None:
        return None
    return next((t for t in reversed(span) if not t.is_punct and not t.is_space), None)


def direct_cue(doc: Doc, q_start: int, q_end: int, scope_start: int, scope_end: int) -> Token | None:
    """The cue outside the quote in its sentences, nearest the quote; else a colon introduction
    ending the sentence before ("The ministry said: …")."""
    best: Token | None = None
    best_key = (True, 0)
    # "…,” Trump said before adding: “…”": a cue that the colon joins to the quote introduces it.
    before = _token_before(doc, q_start)
    if (before is not None and before.i >= scope_start and is_cue(before)
            and "".join(doc_text(doc)[before.idx + len(before.text) : q_start].split()) in (':"', ":“")):  # fmt: skip
        return before
    for token in doc[scope_start:scope_end]:
        if q_start <= token.idx < q_end or not is_cue(token):
            continue
        # The cue whose clause holds the quote ("saying his comment “has no place”") before the
        # cue merely nearest it ("... and said leaders will pay").
        content = reported_content(token)
        key = (not (content is not None and content[0] <= q_start and q_end <= content[1] + 1), _gap(token, q_start, q_end))
        if best is None or key < best_key:
            best, best_key = token, key
    if best is None:
        best = _speech_tag(doc, q_start, q_end, scope_start, scope_end)
    if best is None and scope_start > 0:
        prev = doc[scope_start - 1].sent
        cands = [t for t in prev if is_cue(t)]
        if cands and prev.text.rstrip().endswith(":"):
            best = cands[-1]
    return best


def _speech_tag(doc: Doc, q_start: int, q_end: int, scope_start: int, scope_end: int) -> Token | None:
    """A verb of any kind in a short tag beside the quote ("“…,” Trump shot back"; "he quipped"):
    next to a quotation, a subject and a verb and little else say who speaks."""
    words = [t for t in doc[scope_start:scope_end] if not (q_start <= t.idx < q_end) and not t.is_punct and not t.is_space]
    if not words or len(words) > MAX_TAG_WORDS:
        return None
    for t in words:
        if t.pos_ == "VERB" and (any(c.dep_ == "nsubj" for c in t.children) or misparsed_subject(t) is not None):
            return t
    return None


def _gap(token: Token, q_start: int, q_end: int) -> int:
    """Characters between a cue and the quote it may introduce ("said: “…") or close ("…,” she said)."""
    if token.idx >= q_end:
        return token.idx - q_end
    return max(0, q_start - (token.idx + len(token.text)))


def cue_adjacent(doc: Doc, q_start: int, q_end: int) -> bool:
    """A speech verb right next to a quotation ("“I love you,” he said"; "said: “Yes”")."""
    after = doc.char_span(q_end, min(len(doc_text(doc)), q_end + 40), alignment_mode="expand")
    before = doc.char_span(max(0, q_start - 30), q_start, alignment_mode="expand")
    near = [t for span in (after, before) if span is not None for t in span]
    return any(is_cue(t) and _gap(t, q_start, q_end) <= 25 for t in near)
