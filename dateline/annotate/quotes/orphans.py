"""Quotations no other rule attributed: in news writing words in quotation marks are someone's
("their chants of “Ted! Ted!”", "an ad titled “Scam”", "accused him of a “flip-flop”", a
quotation the parser tore from its speech tag), so each one that completes a verb or
a preposition is kept as a direct quote of its own, with the nearest holder the sentence offers as
its speaker.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from typing import TYPE_CHECKING

from dateline.annotate.quotes.intervals import Spans
from dateline.annotate.quotes.quote import Quote, doc_text, strip_span
from dateline.annotate.quotes.speakers import noun_phrase, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Only a quotation that is what a verb or preposition takes ("called it “a disaster”", "chants of
# “…”", "billed as “…”") is someone's words; one that modifies or names a noun ("the “Choose Life”
# plates"), stands as a subject or floats in the sentence is mostly the writer's label.
COMPLEMENT_DEPS = frozenset({"dobj", "pobj", "ccomp", "oprd", "pcomp", "prep", "acl", "relcl"})
# After a preposition of place the quotation is a programme or publication ("on “Hannity”", "in
# “The Art of the Deal”"), not a statement.
PLACE_PREPOSITIONS = frozenset({"on", "in", "at", "to", "with", "from", "into", "onto"})
MAX_CLIMB = 6  # ancestors looked at for a holder; further up the verb is the writer's own


def orphan_quotes(doc: Doc, quoted: list[tuple[int, int]], found: list[Quote]) -> list[Quote]:
    """A direct quote for every quotation that no attribution in ``found`` covers and that completes
    a verb or preposition; its content is the phrase the quotation heads ("a “witch hunt”")."""
    text = doc_text(doc)
    covered = Spans.of([span for q in found for span in q.spans])
    speakers = _Speakers(found)
    out: list[Quote] = []
    for q_start, q_end in quoted:
        if not text[q_start:q_end].strip() or covered.meets(q_start, q_end):
            continue
        inner = doc.char_span(q_start, q_end, alignment_mode="expand")
        if inner is None or not len(inner):
            continue
        root = inner.root
        if root.dep_ not in COMPLEMENT_DEPS or (root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS):
            continue
        speaker = _holder(root, q_start, q_end) or speakers.before(q_start)
        phrase = list(root.subtree)
        c_start, c_end = strip_span(text, min(q_start, phrase[0].idx), max(q_end, phrase[-1].idx + len(phrase[-1].text)))
        c_start, c_end = min(c_start, q_start), max(c_end, q_end)
        sent = root.sent
        out.append(Quote(c_start, c_end, None, None, "", speaker[0] if speaker else None, speaker[1] if speaker else None,
                         True, sent.start_char, sent.end_char))  # fmt: skip
        speakers.add(out[-1])
    return out


def _holder(root: Token, q_start: int, q_end: int) -> tuple[int, int] | None:
    """Whose words the quotation is by its place in the sentence: the subject of the nearest verb
    it hangs from ("Trump posted a message reading “…”") or the possessor of the noun it names
    ("their chants of “…”")."""
    node, steps = root, 0
    while node.head.i != node.i and steps < MAX_CLIMB:
        node, steps = node.head, steps + 1
        if q_start <= node.idx < q_end:
            continue
        holder: Token | None = None
        if node.pos_ in ("VERB", "AUX"):
            holder = subject_of(node)
        elif node.pos_ in ("NOUN", "PROPN"):
            holder = next((c for c in node.children if c.dep_ == "poss"), None)
        if holder is not None and not q_start <= holder.idx < q_end:
            return noun_phrase(holder)
    return None


class _Speakers:
    """The speaker of the closest attribution before a quotation: a quotation standing alone most
    often goes on with the last person quoted. "Closest" is the latest end at or before the
    quotation; of several ending there, the first found."""

    def __init__(self, found: list[Quote]) -> None:
        self._keys: list[tuple[int, int]] = []  # (end, order found), sorted
        self._speakers: dict[tuple[int, int], tuple[int, int]] = {}
        for q in found:
            self.add(q)

    def add(self, q: Quote) -> None:
        if q.speaker_start is not None and q.speaker_end is not None:
            key = (q.end, len(self._speakers))
            insort(self._keys, key)
            self._speakers[key] = (q.speaker_start, q.speaker_end)

    def before(self, q_start: int) -> tuple[int, int] | None:
        last = bisect_right(self._keys, (q_start, len(self._speakers))) - 1
        if last < 0:
            return None
        first = bisect_left(self._keys, (self._keys[last][0], -1))  # the first found of those ending there
        return self._speakers[self._keys[first]]
