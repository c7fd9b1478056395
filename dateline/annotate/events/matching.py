"""Matching the dictionary against the parse: which event a verb or a noun triggers.

A verb's frame is read from its own dependents: its subject, particles, objects (a passive's subject
is its logical object) and prepositional phrases, those of its objects included ("launched a series
of attacks"). A CAMEO pattern matches when every word it asks for is there; the most specific match
decides, the overlay winning a tie (it carries the manual's decisions), and a match coded "no event"
means none.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.annotate.events.dictionary import Coding, Pattern, Phrase, Sense, Slot, dictionary, senses
from dateline.annotate.events.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token

OBJECT_DEPS = ("dobj", "dative", "attr", "oprd", "nsubjpass", "xcomp", "acomp")
SUBJECT_DEPS = ("nsubj", "csubj")


@dataclass(frozen=True, slots=True)
class Match:
    coding: Coding
    weight: int  # words of the pattern or phrase matched beyond the verb
    trigger: Token  # the word the event is named by
    verb: Token  # the verb whose arguments are the event's (the trigger itself, or a noun's light verb)
    # Only as a synonym in a CAMEO block: PETRARCH's condition applies, a coded actor on each side.
    weak: bool = False
    overlay: bool = False  # the overlay (the manual's reading) decided
    own: bool = False  # the dictionary codes the verb itself, not only through its block


@dataclass(slots=True)
class Frame:
    subjects: list[Token]
    particles: set[str]
    objects: list[Token]
    preps: list[tuple[str, Token | None]]  # the verb's own prepositional phrases
    object_preps: list[tuple[str, Token | None]]  # its objects' ("a series of attacks")
    words: set[str]  # lemmas and forms of every dependent word: the overlay's second words
    text: str  # the objects' words, for second words of several words ("martial law")
    vocab: frozenset[str]  # every word a pattern could ask for here: a pattern whose anchor is not in it cannot match


def frame(verb: Token) -> Frame:
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    subjects += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    # A preposition with no object of its own is a particle ("set off"); "on Thursday" is not.
    particles = {c.lower_ for c in verb.children
                 if c.dep_ == "prt" or (c.dep_ in ("advmod", "prep") and c.lower_ in words().particles and not any(c.children))}  # fmt: skip
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    objects += [g for o in list(objects) for g in o.children if g.dep_ == "conj"]
    preps = _preps(verb)
    object_preps = [p for o in objects for p in _preps(o)]
    # "on Monday" is when, never the second word of "call on".
    dependents = [c for c in verb.children if not _temporal(c)]
    forms = {c.lemma_.lower() for c in dependents if c.dep_ in ("prt", "prep", *OBJECT_DEPS, "cc", "advmod")}
    forms |= {c.lower_ for c in dependents}
    text = " ".join(" ".join(t.lower_ for t in o.subtree) for o in objects if o.dep_ in ("dobj", "attr", "oprd", "nsubjpass"))
    nouns = [*subjects, *objects, *(n for _, n in (*preps, *object_preps) if n is not None)]
    vocab = frozenset({t.lower_ for t in nouns} | {t.lemma_.lower() for t in nouns}
                      | particles | {p for p, _ in preps} | {p for p, _ in object_preps})  # fmt: skip
    return Frame(subjects, particles, objects, preps, object_preps, forms, text, vocab)


def _temporal(prep: Token) -> bool:
    """A prepositional phrase of time ("on Monday", "in May")."""
    return prep.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _preps(holder: Token) -> list[tuple[str, Token | None]]:
    out: list[tuple[str, Token | None]] = []
    for c in holder.children:
        if c.dep_ in ("prep", "agent") and not _temporal(c):
            out.append((c.lower_, next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)))
    return out


def _phrase(phrase: Phrase, token: Token) -> bool:
    if token.lower_ not in phrase.head and token.lemma_.lower() not in phrase.head:
        return False
    if not phrase.modifiers:
        return True
    before = {w.lower_ for w in token.subtree if w.i < token.i} | {w.lemma_.lower() for w in token.subtree if w.i < token.i}
    return all(m & before for m in phrase.modifiers)


def _slot(slot: Slot, tokens: list[Token]) -> bool:
    return any(_phrase(p, t) for p in slot for t in tokens)


def _pattern(pattern: Pattern, f: Frame) -> bool:
    if any(p not in f.particles for p in pattern.particles):
        return False
    if any(not _slot(s, f.objects) for s in pattern.objects) or any(not _slot(s, f.subjects) for s in pattern.subject):
        return False
    # A prepositional phrase of an object counts where the pattern names the object it belongs to.
    preps = f.preps + f.object_preps if pattern.objects else f.preps
    for slot in pattern.preps:
        if not any(prep == slot.prep and (not slot.nouns or (pobj is not None and _slot(slot.nouns, [pobj])))
                   for prep, pobj in preps):  # fmt: skip
            return False
    return True


def _fits(sense: Sense, verb: Token, f: Frame) -> bool:
    """Are the words the sense names around the verb ("ask for", "wire tap", "reach agreement")?"""
    doc = verb.doc
    for n, word in enumerate(reversed(sense.before), start=1):
        i = verb.i - n
        while i >= 0 and doc[i].text == "-":
            i -= 1
        if i < 0 or doc[i].lower_ != word:
            return False
    # One word must be a dependent of the verb ("call for", "hold talks"); several are looked for in
    # its objects ("declare martial law").
    if len(sense.after) > 1:
        return f" {' '.join(sense.after)} " in f" {f.text} "
    return all(w in f.words for w in sense.after)


def _keys(token: Token) -> tuple[str, ...] | None:
    """The dictionary keys of a token: its lemma and its form, or the whole word when spaCy split a
    prefix off it ("de", "-", "escalate"); None when a reversing prefix means no trigger at all
    ("de-escalate" is no escalation unless the dictionary has the whole word)."""
    keys = (token.lemma_.lower(), token.lower_, *_bases(token.lower_))
    doc, i = token.doc, token.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        prefix = doc[i - 2].lower_
        whole = tuple(f"{prefix}-{k}" for k in keys)
        d = dictionary()
        if any(k in d.verbs or k in d.overlay or k in d.nouns for k in whole):
            return whole
        if prefix in words().reversing_prefixes:
            return None
    return keys


@dataclass(frozen=True, slots=True)
class _Candidate:
    weight: int
    coding: Coding | None
    weak: bool = False
    # A CAMEO pattern that only restates its verb's own type: the overlay's type for the verb (the
    # manual's) then wins however specific the pattern ("sue ... for damages" stays a lawsuit).
    restates: bool = True
    own: bool = False  # the verb's own code (not a pattern's, not a block synonym's)
    yields: bool = False  # an overlay sense of no event that yields to the dictionary's patterns


def _cameo_candidate(senses_: tuple[Sense, ...], verb: Token, f: Frame) -> _Candidate | None:
    best: _Candidate | None = None
    for sense in senses_:
        if not _fits(sense, verb, f):
            continue
        bonus = len(sense.after) + len(sense.before)
        own_type = sense.coding.event if sense.coding is not None else ""
        matched = [p for p in sense.patterns if p.weight and p.anchor & f.vocab and _pattern(p, f)]
        # Of equally specific patterns, one that keeps the verb's own type is the likelier reading.
        top = max(matched, key=lambda p: (p.weight, p.coding is not None and p.coding.event == own_type), default=None)
        if top is not None:
            # A bare preposition ("lead to", "rush to") is a weak sign of a block's sense.
            bare = not (top.objects or top.subject or top.particles or any(p.nouns for p in top.preps))
            candidate = _Candidate(top.weight + bonus, top.coding, bare and not sense.own,
                                   top.coding is not None and top.coding.event == own_type)  # fmt: skip
        else:
            candidate = _Candidate(bonus, sense.coding, not sense.own and not bonus, own=sense.own)
        if best is None or candidate.weight > best.weight or (candidate.weight == best.weight and best.weak and not candidate.weak):
            best = candidate
    return best


@lru_cache(maxsize=1)
def _fixed_words() -> frozenset[str]:
    return frozenset(w for phrase in words().fixed_phrases for w in phrase.split())


def _fixed(token: Token) -> bool:
    """Is the word part of a fixed phrase that is a preposition ("as opposed to")?"""
    if token.lower_ not in _fixed_words():
        return False
    doc = token.doc
    for phrase in words().fixed_phrases:
        n = len(phrase.split())
        for start in range(max(0, token.i - n + 1), min(token.i, len(doc) - n) + 1):
            if doc[start : start + n].text.lower() == phrase:
                return True
    return False


def _bases(form: str) -> tuple[str, ...]:
    """The base forms a regular inflection may come from, for a word the lemmatizer got wrong
    ("staged" → "stag"): staged → stage, stag; stopped → stop; tries → try; rallies → rally."""
    out: list[str] = []
    for suffix in ("ed", "ing", "es", "s"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            out += [stem + "e", stem]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # stopped → stop
            if stem.endswith("i"):
                out.append(stem[:-1] + "y")  # rallied → rally
    return tuple(out)


@lru_cache(maxsize=4096)
def match_verb(verb: Token) -> Match | None:
    """The event ``verb`` triggers with its own dependents, or None (asked again for the same word by
    the trigger scan, the light-verb test and the modality of its complements: read once)."""
    keys = _keys(verb)
    if keys is None or _fixed(verb):
        return None
    cameo, overlay = senses(keys)
    if not cameo and not overlay:
        return None
    f = frame(verb)
    best = _cameo_candidate(cameo, verb, f)
    ours = max((_Candidate(len(s.after), s.coding, restates=False, yields=s.yields) for s in overlay if _fits(s, verb, f)),
               key=lambda c: c.weight, default=None)  # fmt: skip
    # A verb the overlay says is no event alone ("express", "take", "apply") keeps the dictionary's
    # patterns that say what was done ("expressed outrage", "took hostages", "applied for asylum").
    restated = best is not None and best.restates and not (ours is not None and ours.yields)
    if ours is not None and (best is None or ours.weight >= best.weight or restated):
        best = ours
        overlaid = True
    else:
        overlaid = False
    if best is None or best.coding is None or (best.weight == 0 and not _object_allowed(best.coding, verb)):
        return None
    if not overlaid and _names_its_event(verb):
        return None  # "launched a relief operation": the overlay's noun says what was launched
    return Match(best.coding, best.weight, verb, verb, best.weak, overlaid, best.own)


def _with_object(token: Token) -> bool:
    """Is ``token`` what a verb provides someone "with", or the form of what it gives ("provided
    Mexico with loans", "provided $200m in loans")?"""
    return (token.dep_ == "pobj" and token.head.lower_ in ("with", "in") and token.head.dep_ == "prep"
            and token.head.head.pos_ == "VERB")  # fmt: skip


def _names_its_event(verb: Token) -> bool:
    """Is ``verb`` a light verb whose object is an event the overlay names by several words ("a
    relief operation", "a hunger strike")? The dictionary's pattern for the head noun alone
    ("launch ... operation": military) knows less than the whole phrase."""
    if verb.lemma_.lower() not in words().light_verbs:
        return False
    for child in verb.children:
        if child.dep_ == "dobj" and _compound_coding(child) is not None:
            return True
        # "provided Mexico with loans", "provided $200m in loans": what it gives names the event.
        if any(_with_object(g) and noun_coding(g) is not None for g in child.children):
            return True
    return False


def _object_allowed(coding: Coding, verb: Token) -> bool:
    """Does the verb's object fit the type ("mobilized pressure groups" mobilizes no force: the
    manual's MOBILIZE is "military or police moves")?"""
    table = dictionary().objects
    allowed = table.get(f"{coding.event} {verb.lemma_.lower()}", table.get(coding.event))
    # The object of a passive is its subject ("the body has been released").
    dobj = next((c for c in verb.children if c.dep_ == "dobj" or (c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN"))), None)
    if allowed is None or dobj is None:
        return True
    return bool({dobj.lower_, dobj.lemma_.lower()} & allowed) or dobj.ent_type_ in allowed  # "PERSON", "GPE": a named one


def noun_coding(token: Token) -> Coding | None:
    """The overlay's event for a noun, by its compound ("hunger strike"), form or lemma."""
    found = _compound_coding(token)
    if found is not None:
        return found
    keys = _keys(token)
    if keys is None:
        return None
    nouns = dictionary().nouns
    return next((nouns[k].coding for k in keys if k in nouns), None)


def _compound_coding(token: Token) -> Coding | None:
    """The overlay's event for a noun named with its modifiers, longest first ("a large-scale aid
    distribution": "aid distribution")."""
    nouns = dictionary().nouns
    modifiers = [t.lower_ for t in token.lefts if t.dep_ in ("compound", "amod")]
    for i in range(len(modifiers)):
        compound = " ".join([*modifiers[i:], token.lower_])
        if compound in nouns:
            return nouns[compound].coding
    return None


def match_noun(token: Token) -> Match | None:
    """An event noun that a verb reports: the object of a light verb ("held talks", "imposed
    sanctions"), what there is or was ("there has been no agreement"), or the subject of a verb of
    occurrence ("fighting erupted", "fighting is underway"). A noun merely mentioned ("the war was
    sold to the public") reports nothing."""
    coding = noun_coding(token)
    if coding is None:
        return None
    w = words()
    head = token.head
    if token.dep_ == "conj" and head.dep_ in ("dobj", "attr", "nsubj", "nsubjpass"):
        token, head = head, head.head  # "held talks and consultations": as the first noun
    lemma = head.lemma_.lower()
    if token.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        if lemma in w.light_verbs or (lemma == "be" and any(c.dep_ == "expl" for c in head.children)):
            return Match(coding, 0, token, head, overlay=True)
        return None
    if _with_object(token) and token.head.head.lemma_.lower() in w.light_verbs:
        return Match(coding, 0, token, token.head.head, overlay=True)  # "provided Mexico with loans"
    if token.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX", "ADJ"):
        ongoing = lemma == "be" and any(c.lower_ in w.ongoing_adjectives for c in head.children)
        if lemma in w.occurrence_verbs or head.lower_ in w.ongoing_adjectives or ongoing:
            return Match(coding, 0, token, head, overlay=True)
    return None


def is_event_noun(token: Token) -> bool:
    d = dictionary()
    return noun_coding(token) is not None or token.lemma_.lower() in d.proposals


def is_light(verb: Token) -> bool:
    """Does the verb carry an event noun ("held talks", "fighting escalated") rather than code an
    event of its own?"""
    lemma = verb.lemma_.lower()
    return lemma in words().light_verbs or lemma in words().occurrence_verbs or match_verb(verb) is None
