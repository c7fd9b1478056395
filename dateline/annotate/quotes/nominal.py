"""Attributions made by a noun or an adjective of speech or stance ("Trump's promise to ...")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.annotate.quotes.clauses import clause_span
from dateline.annotate.quotes.intervals import Spans
from dateline.annotate.quotes.lexicon import cues
from dateline.annotate.quotes.quote import MIN_REPORTED_CHARS, Quote, doc_text, strip_span
from dateline.annotate.quotes.speakers import noun_phrase, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def nominal(doc: Doc, spoken: Spans[None], inside: Spans[None]) -> list[Quote]:
    """Attributions made by a noun or an adjective of speech or stance ("Trump's promise to build a
    wall", "a supporter of Clinton", "Cruz is skeptical that ..."): the lexicon says which
    complements carry what is attributed; the speaker is the noun's possessor or agent, the person
    an agent noun describes, or the adjective's subject. Without one, only a noun's "that" clause is
    attributed (to nobody named)."""
    c = cues()
    out: list[Quote] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and lemma in c.viewpoint_nouns and token.dep_ == "pobj" and token.head.lower_ == "in":
            complements, holder = frozenset[str](), _possessor(token)
        elif token.pos_ == "NOUN" and lemma in c.nouns:
            complements, holder = c.nouns[lemma], _possessor(token)
        elif token.pos_ == "NOUN" and lemma in c.agent_nouns:
            complements, holder = c.agent_nouns[lemma], _described(token)
        elif token.pos_ == "ADJ" and lemma in c.adjectives:
            complements, holder = c.adjectives[lemma], _described(token)
        else:
            continue
        # A noun of speech with a "that" clause attributes it even without a holder ("the claim
        # that the vote was rigged"): someone made the claim, unnamed.
        unnamed = holder is None and lemma in c.nouns
        if (holder is None and not unnamed) or (holder is not None and holder.lower_ == "it") or spoken.holds(token.idx):
            continue
        content = _framed_clause(token.head) if not complements else _nominal_content(token, complements, clause_only=unnamed)
        if content is None:
            continue
        c_start, c_end = strip_span(doc_text(doc), *content)
        if c_end - c_start < MIN_REPORTED_CHARS or inside.covers(c_start, c_end):
            continue
        speaker = noun_phrase(holder) if holder is not None else None
        if holder is not None and speaker is not None and holder.i < token.i <= holder.right_edge.i:
            # "Jan Brewer, an early supporter of Trump": the person, without the description.
            speaker = strip_span(doc_text(doc), speaker[0], min(speaker[1], token.left_edge.idx))
        sent = token.sent
        out.append(Quote(c_start, c_end, token.idx, token.idx + len(token.text), lemma, speaker[0] if speaker else None,
                         speaker[1] if speaker else None, False, sent.start_char, sent.end_char))  # fmt: skip
    return out


def _possessor(noun: Token) -> Token | None:
    """Who holds a nominal stance: "Trump's promise", "his call", "a demand by Pelosi"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i > noun.i:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    # "the DOJ demand that ...": a named organisation or person before the noun.
    for child in noun.children:
        if child.dep_ == "compound" and child.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
            return child
    return None


def _framed_clause(prep: Token) -> tuple[int, int] | None:
    """The clause an "in X's view" phrase frames: all of it but the phrase."""
    if prep.head == prep or prep.dep_ != "prep":
        return None
    own = {t.i for t in prep.subtree}
    tokens = [t for t in prep.head.subtree if t.i not in own and not t.is_punct and not t.is_space]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _described(word: Token) -> Token | None:
    """Whom a predicate noun or adjective describes: the subject of its copula ("Cruz is
    skeptical", "Clinton is a critic"), the noun it stands in apposition to ("Gillibrand, a
    supporter of Clinton") or follows ("voters reluctant to give up")."""
    head = word.head
    if word.dep_ in ("acomp", "attr") and head.lemma_ in ("be", "become", "remain", "seem", "appear", "sound", "grow"):
        return next((c for c in head.children if c.dep_ == "nsubj"), None)
    # "the governor made (it) clear that ...": the adjective predicates the speaker's stance.
    if word.pos_ == "ADJ" and head.lemma_ == "make" and word.dep_ in ("ccomp", "oprd", "acomp", "xcomp"):
        return subject_of(head)
    if word.dep_ == "appos" and head.pos_ in ("PROPN", "NOUN", "PRON"):
        return head
    if word.pos_ == "ADJ" and word.dep_ == "amod" and head.i < word.i and head.pos_ in ("PROPN", "NOUN"):
        return head
    return None


def _nominal_content(word: Token, complements: frozenset[str], clause_only: bool = False) -> tuple[int, int] | None:
    """The complement of a noun or adjective the lexicon lists: a "that" clause, a to-infinitive,
    or the object of a preposition. An adjective's clause may hang from its copula instead."""
    children = list(word.children)
    if word.dep_ == "acomp" or word.head.lemma_ == "make":
        children += [c for c in word.head.children if c.i > word.i and c.dep_ in ("ccomp", "xcomp")]
    for child in children:
        if child.i < word.i:
            continue
        if child.dep_ in ("acl", "ccomp", "xcomp", "advcl"):
            to = any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
            that = any(a.dep_ == "mark" and a.lower_ == "that" for a in child.children)
            # An adjective's clause often comes without "that" ("confident he will win").
            bare = word.pos_ == "ADJ" and child.dep_ == "ccomp" and not any(a.dep_ == "mark" for a in child.children)
            if ("to" in complements and to and not clause_only) or ("that" in complements and (that or bare)):
                return clause_span(child)
        elif child.dep_ == "prep" and child.lower_ in complements and not clause_only:
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                tokens = [t for g in objects for t in g.subtree]
                first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
                return first.idx, last.idx + len(last.text)
    return None
