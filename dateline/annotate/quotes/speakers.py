"""Speaker finding: the subject of a cue, through inversions, shared subjects and parser slips."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.annotate.quotes.verbs import is_cue, is_trailing_cue, reporting_verb

if TYPE_CHECKING:
    from spacy.tokens import Token


def subject_of(verb: Token) -> Token | None:
    # "telling CNN that Trump is a “faker” and questioning how ...": the second speech act is the
    # reporting speaker's, not that of the clause the parser joined it to.
    outer = reporting_verb(verb)
    if outer is not None:
        return subject_of(outer)
    inverted = inverted_subject(verb) or inverted_object(verb)
    if inverted is not None:
        return inverted
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return _quantified(child)
    # "a group backing Bush": an active participle's noun is its subject.
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    # "fighting resumed, with Chad and Sudan both blaming each other": in an absolute "with X V-ing"
    # the noun before the participle is its subject, not the main clause's.
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with":
        absolute = [c for c in verb.head.children if c.dep_ == "pobj" and c.i < verb.i]
        if absolute:
            return absolute[0]
    # "won by talking about the wall": the verb the preposition hangs from lends its subject.
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head)
    # "she said, adding ...", "Fiorina backed Cruz, saying ...": a participle or a conjoined verb
    # shares the subject of the verb it hangs from; a clause further up ("the minister reiterated
    # ..., declaring ...") lends the subject of the nearest speech verb.
    # "It goes on to fault Clinton's use ..., saying ...": through a chain of participles, infinitives
    # and conjoined verbs the subject is still shared.
    if is_trailing_cue(verb) and verb.head.dep_ == "ccomp" and is_cue(verb.head.head):
        return subject_of(verb.head.head)
    head, steps, shares = verb, 0, True
    while head.dep_ in ("advcl", "xcomp", "conj", "ccomp", "parataxis") and head.head.i != head.i and steps < 4:
        shares = shares and head.dep_ in ("advcl", "xcomp", "conj")
        head, steps = head.head, steps + 1
        if shares or is_cue(head):
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return child
    return misparsed_subject(verb)


# Verbs whose object is the one spoken to ("…, told Ivan Petrov"), not the speaker.
LISTENER_VERBS = frozenset({"tell", "ask", "inform", "assure", "warn", "urge", "remind", "brief"})
FLOATING_QUANTIFIERS = frozenset({"both", "all", "each"})


def _quantified(subject: Token) -> Token:
    """The nouns a floating quantifier subject stands after ("Peru and Chile both blaming ..."):
    "both" alone names no one."""
    if subject.lower_ not in FLOATING_QUANTIFIERS or subject.i == 0 or any(subject.children):
        return subject
    before = subject.doc[subject.i - 1]
    if before.pos_ not in ("NOUN", "PROPN"):
        return subject
    while before.dep_ == "conj" and before.head.i != before.i:
        before = before.head
    return before


def inverted_subject(verb: Token) -> Token | None:
    """The speaker after an inverted tag ("…, said Alan Abramowitz, a demographer"), when the parser
    also made the statement's head a subject of the verb."""
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    after = [c for c in subjects if c.i > verb.i]
    return after[0] if after and len(subjects) > 1 else None


def inverted_object(verb: Token) -> Token | None:
    """The speaker of an inverted tag after a long statement ("…, stated Foreign Minister Ivan
    Petrov during a visit"), which the parser reads as a second verb of the statement with the
    name as its object."""
    if verb.i == 0 or verb.doc[verb.i - 1].text != "," or verb.dep_ not in ("conj", "parataxis") or verb.tag_ not in ("VBD", "VBZ"):
        return None
    if verb.lemma_.lower() in LISTENER_VERBS or any(c.dep_ in ("nsubj", "nsubjpass", "ccomp") for c in verb.children):
        return None
    name = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if name is None or name.ent_type_ != "PERSON" or any(t.pos_ not in ("PROPN", "ADJ", "DET") for t in verb.doc[verb.i + 1 : name.i]):
        return None
    return name


def misparsed_subject(verb: Token) -> Token | None:
    """The subject of a finite verb the parser left without one: a name it made a compound of the
    verb ("Trump barked" read as a noun compound), or a person named right before it that it hung
    elsewhere ("..., former president Bill Clinton said his wife ...")."""
    # A past participle heading its sentence without an auxiliary is a past tense mis-tagged.
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or (verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children))  # fmt: skip
    if not finite or verb.i == 0:
        return None
    for child in verb.children:
        if child.dep_ == "compound" and child.i < verb.i and child.pos_ in ("PROPN", "PRON"):
            return child
    # "Sanders, who has no endorsements, said ...": the parser made the relative clause's verb a
    # clause reported by "said", with the speaker as its subject.
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i < verb.i and verb.doc[verb.i - 1].text == ",":
            for subj in (c for c in child.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("who", "which")):
                if any(t.lower_ == "who" for t in verb.doc[subj.i + 1 : subj.i + 5]):
                    return subj
    before = verb.doc[verb.i - 1]
    if before.ent_type_ == "PERSON" and before.head.i != verb.i and before.dep_ in ("appos", "conj", "pobj", "compound"):
        return before
    return None


def noun_phrase(token: Token) -> tuple[int, int]:
    """The noun phrase of ``token``: its subtree without relative clauses and what follows them."""
    cut = min((c.left_edge.i for c in token.children if c.dep_ in ("relcl", "acl") and c.i > token.i), default=None)
    tokens = [t for t in token.subtree if cut is None or t.i < cut]
    # A phrase is one stretch of words: a part the parser hung on the noun from beyond its verb
    # ("Diplomats will discuss X, the key aspects ...") would make the speaker the whole sentence.
    at = next(n for n, t in enumerate(tokens) if t.i == token.i)
    lo, hi = at, at
    while lo > 0 and tokens[lo - 1].i == tokens[lo].i - 1:
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].i == tokens[hi].i + 1:
        hi += 1
    tokens = tokens[lo : hi + 1]
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens.pop(0)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
