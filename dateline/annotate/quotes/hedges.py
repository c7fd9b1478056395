"""The writer's hedged judgements ("it appears the deal is off")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.annotate.quotes.intervals import Spans
from dateline.annotate.quotes.lexicon import cues
from dateline.annotate.quotes.quote import MIN_REPORTED_CHARS, Quote, doc_text, strip_span
from dateline.annotate.tokens import tokens_with_pos

if TYPE_CHECKING:
    from spacy.tokens import Doc


def hedged(doc: Doc, spoken: Spans[None]) -> list[Quote]:
    """The writer's hedged judgements ("Sanders seemed to be of two minds", "it appears the deal is
    off"): what seems is the subject with the verb's complement; there is no speaker to name."""
    out: list[Quote] = []
    for verb in tokens_with_pos(doc, "VERB", "AUX"):
        if verb.lemma_.lower() not in cues().hedges or spoken.holds(verb.idx):
            continue
        complement = [c for c in verb.children if c.dep_ in ("xcomp", "acomp", "attr", "oprd", "ccomp") and c.i > verb.i]
        complement += [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and any(
            m.lower_ in ("if", "like", "though") for m in c.children if m.dep_ in ("mark", "advmod"))]  # fmt: skip
        if not complement:
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # A relative clause ("a fight that seemed endless") describes rather than judges; with no
        # subject of its own the verb's content would lack what it is said of.
        if subject is None or verb.dep_ == "relcl" or subject.tag_ in ("WDT", "WP"):
            continue
        # "It seems (that) the campaign will go on": an expletive subject is no part of the content.
        start = verb.idx + len(verb.text) if subject.lower_ == "it" else subject.left_edge.idx
        end_token = max((t for c in complement for t in c.subtree), key=lambda t: t.i)
        c_start, c_end = strip_span(doc_text(doc), start, end_token.idx + len(end_token.text))
        if c_end - c_start < MIN_REPORTED_CHARS:
            continue
        sent = verb.sent
        out.append(Quote(c_start, c_end, verb.idx, verb.idx + len(verb.text), verb.lemma_.lower(), None, None, False,
                         sent.start_char, sent.end_char))  # fmt: skip
    return out
