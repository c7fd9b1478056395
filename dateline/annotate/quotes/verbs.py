"""Cue verbs: whether a token attributes, and what a verb of stance attributes by its complement."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.annotate.quotes.lexicon import cues

if TYPE_CHECKING:
    from spacy.tokens import Token


def is_cue(token: Token) -> bool:
    """A speech verb, or a verb of stance whose complement carries what is attributed."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    c = cues()
    lemma = token.lemma_.lower()
    if lemma in c.verbs and (lemma not in c.needs_clause or any(child.dep_ == "ccomp" for child in token.children)):
        return True
    return (lemma in c.object_content or lemma in c.infinitive or lemma in c.prepositions) and stance_complement(token) is not None


def is_trailing_cue(verb: Token) -> bool:
    """A participle of speech after a comma closing a reported clause ("said that is a
    “distortion,” describing the team as ..."): the parser hangs it inside the clause, but it is
    the speaker's next statement."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i == 0 or not is_cue(verb):
        return False
    return any(t.text == "," for t in verb.doc[max(0, verb.left_edge.i - 2) : verb.left_edge.i])


def reporting_verb(verb: Token) -> Token | None:
    """The speech verb whose reported clause ``verb`` is conjoined to, when ``verb`` is the same
    speaker's next act ("said he found Trump “charming” and called his standing “unheard of”",
    "telling CNN that Trump is a “faker” and questioning how ..."): a cue of the reporting verb's
    tense with no subject of its own."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) or not is_cue(verb):
        return None
    head = verb.head
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    outer = head.head
    if head.dep_ != "ccomp" or outer == head or verb.tag_ != outer.tag_ or not is_cue(outer):
        return None
    return outer


def stance_complement(verb: Token) -> tuple[int, int] | None:
    """What a verb of stance attributes, by the lexicon's groups: its object ("backed Cruz", "called
    them deplorables"), its to-infinitive with any object ("urged voters to turn out"), or the object
    of its preposition ("talked about the economy"); a listed preposition after the object extends
    it ("criticized Sanders for ...")."""
    c = cues()
    lemma = verb.lemma_.lower()
    parts: list[Token] = []
    if lemma in c.object_content or lemma in c.infinitive:
        parts = [ch for ch in verb.children if ch.dep_ in ("dobj", "oprd", "dative", "attr")]
        parts = parts if lemma in c.object_content else [p for p in parts if any(x.dep_ == "xcomp" for x in verb.children)]
    if lemma in c.infinitive:
        infinitives = [ch for ch in verb.children if ch.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in ch.children)]
        parts += infinitives
    elif lemma in c.object_content:
        parts += [ch for ch in verb.children if ch.dep_ in ("xcomp",)]
    preps = c.prepositions.get(lemma)
    if preps:
        after_object = bool(parts)
        parts += [ch for ch in verb.children if ch.dep_ == "prep" and ch.lower_ in preps and any(g.dep_ in ("pobj", "pcomp") for g in ch.children)
                  and (after_object or not parts)]  # fmt: skip
    if not parts:
        return None
    # "referred to Rubio as “a bright leader”", "described the deal as a breakthrough": the
    # predicate after "as" is the heart of what is attributed.
    parts += [ch for ch in verb.children if ch.dep_ == "prep" and ch.lower_ == "as" and ch.i > verb.i and ch not in parts]
    tokens = [t for part in parts for t in (part.subtree if part.dep_ != "prep" else (t for g in part.children for t in g.subtree))]
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)
