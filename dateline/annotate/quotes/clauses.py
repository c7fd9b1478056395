"""Reported speech: the clause a cue reports ("X said that ...", "..., X said")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.annotate.quotes.speakers import inverted_object, inverted_subject
from dateline.annotate.quotes.verbs import is_cue, is_trailing_cue, reporting_verb, stance_complement

if TYPE_CHECKING:
    from spacy.tokens import Token


DASHES = {"—", "–", "--"}


def reported_content(verb: Token) -> tuple[int, int] | None:
    clauses = [child for child in verb.children if child.dep_ == "ccomp"]
    if clauses:
        # A clause after the cue is what it reports; one before it only when none follows ("Russia
        # will help, Lavrov said"), since a clause both sides is mostly the parser joining two.
        clause = next((c for c in clauses if c.i > verb.i), clauses[-1])
        # All that stands before a tag ("A, and B, Hoover said") is the statement.
        return clause_span(clause, cut_conj=clause.i > verb.i)
    inverted = inverted_subject(verb)
    if inverted is not None:
        # "The promise ... appeals to whites, said Abramowitz": the parser's other subject heads the
        # statement.
        head = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i)
        return clause_span(head, cut_conj=False)
    if inverted_object(verb) is not None:
        # "A called on B to ..., stated Petrov": the statement is the clause before the tag.
        tokens = [t for t in verb.head.subtree if t.i < verb.i - 1]
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    complement = stance_complement(verb)
    if complement is not None:
        return complement
    # "Russia will help, Lavrov said" / "But, he said, officials should be vigilant": the cue is a
    # parenthetical; the content is the clause around it.
    # "As Crane said, the two have become ...": the same with "as".
    as_clause = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    # A clause a speech verb reports ("X has never implied ..., the ministry said") is content, and
    # what stands around it is its reporting clause, not something it says.
    reported = verb.dep_ == "ccomp" and is_cue(verb.head) and not _closing_tag(verb)
    if (verb.dep_ in ("parataxis", "ccomp") or as_clause) and verb.head.i != verb.i and not reported:
        own = {t.i for t in verb.subtree}
        tokens = [t for t in verb.head.subtree if t.i not in own and not t.is_punct]
        if tokens:
            return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return None


def _closing_tag(verb: Token) -> bool:
    """"Moscow believes that ..., Deputy Minister Rudenko told Sputnik": the parser hangs the
    sentence's closing reporting clause under its opening verb. After a comma, with a subject of its
    own, no "that" and nothing after it, the clause is the tag of all before it, not reported by it."""
    doc = verb.doc
    left = min(t.i for t in verb.subtree if not t.is_punct)  # the comma may hang on the verb itself
    if verb.i < verb.head.i or left == 0 or doc[left - 1].text != ",":
        return False
    if any(c.dep_ == "mark" for c in verb.children) or not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
        return False
    return all(t.is_punct or t.is_space for t in doc[verb.right_edge.i + 1 : verb.sent.end])


def clause_span(head: Token, cut_conj: bool = True) -> tuple[int, int]:
    """The clause of ``head`` without a further clause joined to it with its own subject ("said the
    extremist is Clinton, and he railed against ...": the reporter's again) or the speaker's next
    speech act ("said he found him “charming” and called ...")."""
    cut = min((c.left_edge.i for c in head.children if c.i > head.i and (
        (cut_conj and c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)) or is_trailing_cue(c)
        or reporting_verb(c) is not None)),
        default=None)  # fmt: skip
    # A dash after the clause opens the reporter's aside ("said he was encouraged — a modest boost").
    dash = next((t.i for t in head.subtree if t.i > head.i and t.text in DASHES), None)
    cut = dash if cut is None or (dash is not None and dash < cut) else cut
    tokens = [t for t in head.subtree if cut is None or t.i < cut]
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].dep_ == "cc" or tokens[-1].is_space):
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
