"""Words that look like an act and report none: a doer that cannot act (a natural force, an
accident, evidence), force used against a disease, an inference stated rather than a proposal made,
an investigation of things. The coder asks these of every match (:mod:`.coder`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.annotate.events import arguments as args
from dateline.annotate.events import roles
from dateline.annotate.events.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.annotate.events.records import Participant

_RELATIVE = frozenset({"that", "which", "who"})
FORCE = frozenset({"ASSAULT", "COERCE", "THREATEN"})  # the types of force, which nature does not suffer


def inert(subject: Token) -> bool:
    """A subject that cannot act: a natural force, an accident, a crisis; a relative pronoun by what
    it stands for ("the virus that has killed 81 people", "the outbreak, which officials believe has
    killed 150 people")."""
    if subject.lower_ in _RELATIVE:
        clause = subject.head
        while clause.dep_ == "ccomp" and clause.head != clause:
            clause = clause.head  # a belief or report inside the relative clause ("which officials believe")
        if clause.dep_ == "relcl":
            subject = clause.head
    w = words()
    # An explosion or a fire at an industrial site is an accident ("the explosion on the drilling
    # rig", "a blast at the refinery"), as a bomb or a blast at a market is not.
    if subject.lemma_.lower() in w.accident_events and any(
            t.dep_ == "pobj" and t.lemma_.lower() in w.industrial_sites for t in subject.subtree):  # fmt: skip
        return True
    # spaCy may read the head of a name-like compound as a proper noun ("the swine flu virus").
    return subject.pos_ in ("NOUN", "PROPN") and (subject.lemma_.lower() in w.non_agents or subject.lower_ in w.non_agents)


def judges_a_thing(verb: Token) -> bool:
    """Is what the verb judges a thing, as its object or what it is called ("described the leak as
    a disaster", "described it as a disaster")?"""
    judged = [c for c in verb.children if c.dep_ == "dobj"]
    judged += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    return any(inert(c) for c in judged)


def by_nature(verb: Token) -> bool:
    """A passive whose cause is a natural force or an accident ("were killed in the earthquake")."""
    if not roles.passive(verb):
        return False
    return any(g.dep_ == "pobj" and inert(g) for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by")
               for g in c.children)  # fmt: skip


def against_nature(verb: Token, event: str) -> bool:
    """Force used against a disease or a disaster is no attack: "to combat swine flu", "fought the
    floods". Fire as an object is gunfire ("opened fire", "returned fire"). An alert raised against
    one ("raised its pandemic alert") is no military or police move (the manual's MOBILIZE)."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() != "fire"]
    if event == "MOBILIZE":
        nature = words().non_agents
        return any(inert(c) or any(m.dep_ in ("compound", "amod") and m.lemma_.lower() in nature for m in c.children) for c in objects)
    return event in FORCE and any(inert(c) for c in objects)


def exploded(verb: Token, subject: Token | None) -> bool:
    """Is the subject, without an object, what exploded ("the Deepwater Horizon blew up", "the
    tanker exploded"), not a bomb, a bomber or an armed force?"""
    w = words()
    if verb.lemma_.lower() not in w.explosion_verbs or subject is None or any(c.dep_ == "dobj" for c in verb.children):
        return False
    if subject.lemma_.lower() in w.weapon_subjects:
        return False
    # A named subject exploded, or lost its temper ("the senator blew up at reporters"); a bomber
    # or an armed force named by what it is attacked.
    return args.agent_of(subject)[1] not in w.political_sectors


def evidence(verb: Token, subject: Token | None) -> bool:
    """Is the doer evidence that a verb of inference says something of ("research suggests", "data
    suggesting")?"""
    w = words()
    if verb.lemma_.lower() not in w.inference_verbs:
        return False
    doers = [t for t in (subject, verb.head if verb.dep_ == "acl" else None) if t is not None]
    return any(t.lemma_.lower() in w.evidence_nouns or t.lower_ in w.evidence_nouns for t in doers)  # "data": lemma "datum"


def inferred(verb: Token) -> bool:
    """Does a verb of inference or insistence state what is so rather than propose what should be
    done? "suggested that he never finished his degree", "insisted he was not a suspect"
    (indicative) against "suggested that he resign" (the bare verb of a proposal), "insisted that
    they should leave"; a modal of the past ("should have stopped it") judges, it asks for nothing."""
    w = words()
    if verb.lemma_.lower() not in w.inference_verbs | w.insisting_verbs:
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if not clauses or any(c.dep_ in ("dobj", "xcomp") for c in verb.children):
        return False
    # A bare verb is a proposal ("that he resign"), as is a present after a past ("insisted that the
    # inspectors leave", where the indicative would be "left"), but for "be", whose bare form is "be"
    # ("insisted that precautions are in place" states what is so).
    return not any(c.tag_ == "VB" or (c.tag_ == "VBP" and verb.tag_ == "VBD" and c.lemma_ != "be") or demanding(c)
                   for c in clauses)  # fmt: skip


def demanding(clause: Token) -> bool:
    """Does a clause say what must be done ("they must leave", "he should resign")? A modal of the
    past judges what was done ("should have stopped it"): it asks for nothing."""
    auxiliaries = [a.lower_ for a in clause.children if a.dep_ == "aux"]
    return any(a in words().demanding_modals or a == "ought" for a in auxiliaries) and "have" not in auxiliaries


def spoken_alone(verb: Token, subject: Token | None, recipients: tuple[Participant, ...]) -> bool:
    """Is a verb of talking said with no one to talk with ("talked about faith") or to the press only
    ("talked to reporters")? Talks need a partner: someone talked with, or a subject of several."""
    if verb.lemma_.lower() not in words().talking_verbs:
        return False
    if recipients:
        return all(r.sector == "JRN" and not r.code for r in recipients)
    several = subject is not None and (subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children))
    return not several


def question(verb: Token) -> bool:
    """Is a verb of asking a question ("asked whether the agency had enough staff", "asks what
    lessons have been learned") rather than a request ("asked for help", "asked them to leave")?"""
    w = words()
    if verb.lemma_.lower() not in w.question_verbs:
        return False
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children):
        return False
    return any(c.dep_ == "ccomp" and next(iter(c.subtree)).lower_ in w.question_words for c in verb.children)


def joined_in(verb: Token) -> bool:
    """Is the verb joining another in an act ("Italy joined France in condemning the attack")? That is
    doing the act, which its own verb codes: no meeting of the two."""
    return verb.lemma_.lower() in words().joining_verbs and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ in ("pcomp", "pobj") and g.tag_ == "VBG" for g in c.children)
        for c in verb.children)  # fmt: skip


def purchase(verb: Token) -> bool:
    """Is an order one of goods counted out ("ordered 20 million doses of the vaccine", "has ordered
    50 jets from Boeing")? That is a purchase, no demand; an order of people ("ordered 500 troops to
    the border") or of an act ("ordered the evacuation") stays one."""
    if verb.lemma_.lower() not in words().purchase_verbs or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        thing = args.counted(obj) or obj
        counted = thing != obj or any(c.dep_ == "nummod" for c in obj.children)
        if counted and thing.pos_ == "NOUN" and not any(args.agent_of(thing)):
            return True
    return False


def of_things(verb: Token, trigger: Token) -> bool:
    """Is what is investigated a thing that cannot act (cases, a disease, deaths, reports of them)?
    PLOVER's investigations are of an actor's conduct: crimes, abuses, violations."""
    w = words()
    heads = [c for t in {verb, trigger} for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [g for t in {verb, trigger} for c in t.children if c.dep_ == "prep" and c.lower_ in ("into", "of")
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    for head in heads:
        inner = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if not inner and (head.lower_ in w.quantity_heads or head.like_num) and verb.dep_ == "conj":
            # "confirmed 20 deaths and are investigating dozens more": the number left out its noun,
            # the object of the verb before.
            inner = [c for c in verb.head.children if c.dep_ == "dobj"]
        things = w.non_agents | w.evidence_nouns  # "the samples are being examined": no one's conduct
        if head.lemma_.lower() in things or head.lower_ in things or any(g.lemma_.lower() in things for g in inner):
            return True
    return False
