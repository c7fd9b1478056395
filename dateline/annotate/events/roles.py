"""Which phrase plays which part: the trigger's subject is the actor (the agent of a passive; the
speaker for "it"/"they" in what a speaker reports), its object or prepositional object the
recipient — never a name elsewhere in the sentence, the failure PETRARCH's coders are known for.
Who those phrases name is :mod:`dateline.annotate.events.arguments`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.annotate.events.lexicon import words
from dateline.annotate.events.matching import is_event_noun, match_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

# Children that open a clause of their own: what happens there is not the phrase's referent
# ("a resolution that aims to tighten sanctions", "the Red Cross operating in Iraq").
CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp", "appos")
MODIFIER_DEPS = ("poss", "compound", "amod", "nmod")
NAMED = ("PERSON", "ORG", "GPE", "NORP")
# Types whose passive subject is the one that acts ("guerrillas have been demobilized").
PASSIVE_ACTOR_TYPES = frozenset({"RETREAT"})  # "troops were withdrawn": the troops' side withdrew
PASSIVE_PATIENT_MODES = frozenset({"release"})  # "the activist was released": freed by someone unnamed
PRONOUNS = frozenset({"it", "they", "we", "he", "she"})
RELATIVE_REACH = 12  # words before a misread conjunct where its relative pronoun may stand


def np_tokens(token: Token, *, appositions: bool = False) -> list[Token]:
    """The phrase headed by ``token`` with its conjuncts; clauses and appositions inside it are left
    out (they describe the referent, they are not it), appositions kept with ``appositions``."""
    out: list[Token] = []
    stack = [(token, False)]
    while stack:
        head, in_apposition = stack.pop()
        out.append(head)
        # Owned by a pronoun ("its nationals in Mexico", "their staff in Iraq"), they are the owner's
        # people, only located in the place named.
        owned = any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children)
        for c in head.children:
            if c.dep_ == "appos" and appositions:
                stack.append((c, True))
            elif owned and c.dep_ == "prep" and c.lower_ in words().locative:
                continue
            elif c.dep_ not in CLAUSE_DEPS and not (in_apposition and c.dep_ == "prep"):
                # An apposition names the referent by its own words ("the group, Hamas", "Algeria's
                # leading activist"), not by the places it mentions ("one of 91 cases in the US").
                stack.append((c, in_apposition))
    return sorted(out, key=lambda t: t.i)


def coordinated(conjunct: Token) -> bool:
    """Is a conjunct joined by a coordinator ("and", "or", "but") to the words it is a conjunct of?
    The parser hangs the coordinator on a conjunct of the same list: the head, its conjuncts, or
    this one (one level: a text of one endless list must not cost a walk per verb)."""
    head = conjunct.head
    near = [head, conjunct, *(c for c in head.children if c.dep_ == "conj")]
    return any(c.dep_ in ("cc", "preconj") for t in near for c in t.children)


def reporter(verb: Token) -> Token | None:
    """The speech verb whose reported clause contains ``verb`` ("Lavrov said [that ...]")."""
    child = verb
    for ancestor in verb.ancestors:
        if ancestor.lemma_ in words().speech and child.dep_ in ("ccomp", "parataxis"):
            return ancestor
        child = ancestor
    return None


def _speaker_of(verb: Token) -> Token | None:
    """The subject of the speech verb whose reported clause holds ``verb`` ("Hungary said it will ...")."""
    said = reporter(verb)
    if said is None:
        return None
    return nearest_subject(said, ("nsubj", "nsubjpass"))


def nearest_subject(verb: Token, deps: tuple[str, ...] = ("nsubj", "csubj")) -> Token | None:
    """The verb's subject. A description followed by a name the parser split into two subjects
    ("Flu expert Professor John Oxford said") is the name's."""
    subjects = [c for c in verb.children if c.dep_ in deps]
    if len(subjects) == 2 and subjects[0].pos_ == "NOUN" and subjects[1].pos_ == "PROPN" and subjects[1].i < verb.i:
        return subjects[1]
    return subjects[0] if subjects else None


def subject(verb: Token) -> Token | None:
    child = nearest_subject(verb)
    if child is not None:
        if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            return verb.head  # "the group that attacked": the group
        return child
    for child in verb.children:  # passive: the agent is the doer
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "with":
        # "with Armenia and Azerbaijan both blaming each other": the absolute's noun does it.
        return next((c for c in head.children if c.dep_ == "pobj"), None)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        # The doer of the main verb does the act of its gerund: "responded by expelling diplomats",
        # "joined France in condemning the attack" (not in a passive: "was worsened by cutting aid").
        main = head.head
        joining = head.lower_ == "in" and main.lemma_.lower() in words().joining_verbs
        if (head.lower_ == "by" or joining) and not passive(main):
            return subject(main)
    if verb.dep_ == "xcomp" and head.lemma_.lower() in words().object_control_verbs:
        # "urged Iraq to withdraw", "called on them to cease hostilities": who is asked does it.
        asked = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
        asked = asked or next((g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                               for g in c.children if g.dep_ == "pobj"), None)  # fmt: skip
        if asked is not None:
            return asked
    if verb.dep_ == "xcomp" and not has_agent(head):
        # "Iran is set to resume talks", "Israel is expected to withdraw": the raised subject.
        raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if raised is not None:
            return raised
    if verb.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # "talks were cancelled and schools (were) closed": a passive of its own names no doer
    between = verb.doc[max(head.i + 1, verb.i - RELATIVE_REACH) : verb.i] if verb.dep_ == "conj" else ()
    if any(t.tag_ in ("WDT", "WP") for t in between) and not coordinated(verb):
        # No "and", "or" or "but" joins them, and a relative pronoun comes between: its clause's verb
        # misread ("the floods, which officials suspect have killed 90"), done by what the pronoun stands for.
        return None
    if verb.dep_ == "conj" and head != verb:
        # "was indicted by the court and will resign": the shared subject, not the agent of the first verb.
        shared = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        if shared is not None and _disagrees(verb, shared):
            return None  # "Jackson died in 2009 [caption] Executors of his estate have asked ...": not his verb
        if shared is not None and not (shared.lower_ in ("who", "which", "that") and head.dep_ == "relcl"):
            return shared
    if verb.dep_ == "advcl" and verb.tag_ in ("VBN", "VBD") and not any(
            c.dep_ in ("aux", "auxpass", "mark", "nsubj", "nsubjpass") for c in verb.children):  # fmt: skip
        # A past participle ("Arrested in May, the activist ...", "doses, ordered last year", which
        # the tagger may read as a past tense): done to the subject, not by it.
        return None
    if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and head != verb:
        return subject(head)
    if verb.dep_ in ("acl", "relcl") and verb.tag_ != "VBN":
        noun = verb.head
        governor = noun.head.head if noun.dep_ == "pobj" else noun.head
        if is_event_noun(noun) or noun.lemma_.lower() in words().statement_nouns:
            # "issued a declaration demanding ...", "converged for a rally to protest ...": the one
            # who issued it or rallied.
            if noun.dep_ in ("dobj", "pobj") and governor.pos_ in ("VERB", "AUX"):
                return subject(governor)
            return None
        return noun  # "aid groups delivering food", "militants loyal to ..."
    return None


def _disagrees(verb: Token, subject_: Token) -> bool:
    """Does the verb's own auxiliary refuse a person named alone as its subject ("Michael Jackson
    ... have asked")? A plural auxiliary cannot be a single person's (collective nouns, "the
    government have", may take either)."""
    plural_aux = any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBP" for c in verb.children)
    person = (subject_.ent_type_ == "PERSON" and subject_.tag_ == "NNP") or subject_.lower_ in ("he", "she")
    return plural_aux and person and not any(c.dep_ == "conj" for c in subject_.children)


def has_agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)


def passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _passive_actor(event: str, mode: str) -> bool:
    return event in PASSIVE_ACTOR_TYPES and mode not in PASSIVE_PATIENT_MODES


def actor_subject(verb: Token, event: str = "", mode: str = "") -> Token | None:
    """The doer, with "it"/"they"/"we" in reported speech read as the speaker ("Syria says it is willing")."""
    found = subject(verb)
    if found is None and _passive_actor(event, mode) and not has_agent(verb):
        found = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if found is not None and found.lower_ in PRONOUNS:
        head = verb
        while head.dep_ in ("xcomp", "acomp", "conj", "advcl") and head.head != head:
            head = head.head
        speaker = _speaker_of(head)
        if speaker is not None:
            return speaker
    return found


def noun_actor(noun: Token, event: str) -> list[Token]:
    """Who does what an event noun names: its possessor or the name before it ("Israel's
    withdrawal", "the EU aid", "Israeli air strikes"), its "by" phrase ("a protest by students"), or
    its "of" phrase where that is not the target ("exercises of the navy", not "the invasion of Kuwait")."""
    agentive = ("by",) if "of" in words().noun_preps.get(event, ()) else ("by", "of")
    out: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("compound", "amod", "nmod") and (child.pos_ == "PROPN" or child.ent_type_)):
            out.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in agentive:
            out.extend(t for g in child.children if g.dep_ == "pobj" for t in np_tokens(g))
    return sorted(out, key=lambda t: t.i)


def noun_target(noun: Token, event: str, *, modifiers: bool, own: str = "") -> list[tuple[Token, list[Token]]]:
    """(head, tokens) of each target of an event or proposal noun: whom it is aimed at ("sanctions
    on the Taliban", "a protest with Albania") and, with ``modifiers``, who made the proposal
    rejected or accepted ("an Australian ultimatum", "a US offer"). Each phrase keeps its own head,
    so that a generic agent is read by it ("an attack on the rebels")."""
    out: list[tuple[Token, list[Token]]] = []
    # The prepositions of the event and of the noun's own ("approved a loan for Mexico": AID's "for").
    preps = ("to", "with", "against", "between", "on", *words().noun_preps.get(event, ()), *words().noun_preps.get(own, ()))
    for child in noun.children:
        if child.dep_ in MODIFIER_DEPS and modifiers:
            out.append((noun, list(child.subtree)))
        elif child.dep_ == "prep" and child.lower_ in preps:
            out.extend((g, np_tokens(g)) for g in child.children if g.dep_ == "pobj")
    return out


def recipient_phrases(verb: Token, event: str, *, mode: str = "", deep: bool = True) -> list[tuple[Token, list[Token]]]:
    """(head, tokens) of every phrase that may name the recipient of the event ``verb`` triggers."""
    from dateline.annotate.events.matching import noun_coding

    out: list[tuple[Token, list[Token]]] = []
    preps = words().recipient_preps + (("at",) if event == "ASSAULT" else ())  # "at a lunch" is where, "fired at" is whom
    for child in verb.children:
        if child.dep_ == "dobj" and event == "MOBILIZE":
            continue  # "deployed troops along the border": what is mobilised, not against whom
        if child.dep_ == "dobj" and verb.lemma_.lower() in words().sending_verbs:
            # "dispatched officials to the area": what is sent is no recipient; where it is sent is,
            # where the parser hangs it on the object ("deploy peacekeepers in Iraq").
            out.extend((g, np_tokens(g)) for p in child.children if p.dep_ == "prep" and p.lower_ in ("to", "in", "into")
                       for g in p.children if g.dep_ == "pobj")  # fmt: skip
            continue
        if child.dep_ in ("dobj", "dative"):
            if is_event_noun(child):
                # The noun of the event itself ("imposed sanctions on", "held talks with") is not its
                # recipient; the maker of another's proposal ("rejected a US offer") is.
                own = noun_coding(child)
                out.extend(noun_target(child, event, modifiers=own is None or own.event != event, own=own.event if own else ""))
            else:
                out.append((child, np_tokens(child)))
        elif child.dep_ == "nsubjpass" and not (_passive_actor(event, mode) and not has_agent(verb)):
            out.append((child, np_tokens(child)))
        elif child.dep_ == "prep" and child.lower_ in preps:
            out.extend((g, np_tokens(g)) for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in ("along", "together") and any(
                c.dep_ in ("dobj", "dative") and c.i < child.i for c in verb.children):  # fmt: skip
            # "criticised China, along with Peru and Cuba": the others are acted on with the object.
            out.extend((g, np_tokens(g)) for w in child.children if w.dep_ == "prep" and w.lower_ == "with"
                       for g in w.children if g.dep_ == "pobj")  # fmt: skip
        elif child.dep_ in ("ccomp", "oprd") and child.pos_ == "ADJ":
            # A verbless complement ("found the doctor guilty", "declared the party illegal"): its
            # subject is whom the verb acts on.
            out.extend((g, np_tokens(g)) for g in child.children if g.dep_ in ("nsubj", "nsubjpass"))
        elif child.dep_ == "ccomp" and event == "REQUEST":
            # "demanded that the US cancel the sale": who is asked to act is the recipient.
            out.extend((g, np_tokens(g)) for g in child.children if g.dep_ in ("nsubj", "nsubjpass"))
        elif child.dep_ == "advcl" and event == "THREATEN" and any(m.lower_ in ("if", "unless") for m in child.children):
            # "... unless Baghdad accepts": the one whose conduct the threat is meant to change.
            out.extend((g, np_tokens(g)) for g in child.children if g.dep_ in ("nsubj", "nsubjpass"))
    if (verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children) and has_agent(verb)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):  # fmt: skip
        # "X sits in and is joined by Y": the passive conjunct's patient is the subject it shares.
        out.extend((g, np_tokens(g)) for g in verb.head.children if g.dep_ in ("nsubj", "nsubjpass"))
    if deep and not any(_has_code_words(tokens) for _, tokens in out):
        # "threatened to break relations with Russia", "agreed to open its borders to peacekeepers":
        # the act threatened, offered or refused carries the recipient.
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                out.extend(recipient_phrases(child, event, mode=mode, deep=False))
            elif child.dep_ == "conj" and child.pos_ == "VERB" and _no_act_of_its_own(child):
                # "will buy 13 million courses and send 400,000 of them to Mexico": one act told in
                # two verbs, the second of which codes nothing itself.
                out.extend(recipient_phrases(child, event, mode=mode, deep=False))
    return out


def _no_act_of_its_own(verb: Token) -> bool:
    """Does the verb code no event, by itself or by the event noun it governs, and share its
    auxiliary and subject with the verb it is joined to ("will buy ... and send", not "advised ... and
    has suspended visa waivers for Mexicans", a second act the dictionary does not code)?"""
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return False
    return match_verb(verb) is None and not any(is_event_noun(c) for c in verb.children if c.dep_ in ("dobj", "attr"))


def _has_code_words(tokens: list[Token]) -> bool:
    return any(t.ent_type_ in NAMED or t.pos_ == "PROPN" for t in tokens)
