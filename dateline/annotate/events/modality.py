"""Whether an event took place, by its sentence: its status, and PLOVER's recoding of intentions.

The status comes from the trigger's own clause: negation ("did not attack", "no agreement",
"failed to"), a condition or a question ("if troops enter", "whether they will meet"), a modal
("could impose"), a future ("will visit", "is set to resume talks", "the planned visit"), what
governs it ("urged them to withdraw", "plans to visit", "accused them of attacking"), a habit
("regularly affect"). A verbal act is an event of its own, asserted when it was made: "threatened
to attack" is an asserted THREATEN and a hypothetical ASSAULT.

PLOVER then recodes a stated intention (the manual's AGREE, CONCEDE and THREATEN): a cooperative act
that its actor commits to is AGREE, a retreat announced CONCEDE, a hostile act announced THREATEN.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.annotate.events.dictionary import Coding, dictionary
from dateline.annotate.events.lexicon import words
from dateline.annotate.events.matching import match_verb, noun_coding
from dateline.annotate.events.records import ASSERTED, FUTURE, GENERIC, HYPOTHETICAL, NEGATED
from dateline.annotate.events.roles import reporter

if TYPE_CHECKING:
    from spacy.tokens import Token

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE"})
YIELDING = frozenset({"RETREAT", "CONCEDE"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
# Verbal acts whose complement is asked for or threatened, not done.
ASKING = frozenset({"REQUEST", "THREATEN", "ACCUSE"})
NO_CODING = Coding("")


def governors(verb: Token) -> list[Token]:
    """The words whose complement ``verb`` is, nearest first ("demanded that they refuse to
    recognize": refuse, demanded); an infinitive of purpose counts ("sent troops to protect"), and
    so does the object of a preposition ("accused them of plotting": accused)."""
    out: list[Token] = []
    current = verb
    while len(out) < 4 and current.head != current:
        purpose = current.dep_ in ("advcl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
        if current.dep_ in ("xcomp", "ccomp", "acl") or purpose:
            current = current.head
        elif current.dep_ in ("pcomp", "pobj") and current.head.dep_ == "prep" and current.head.head != current.head:
            current = current.head.head
        else:
            break
        out.append(current)
    return out


def _auxiliaries(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def negated(verb: Token, trigger: Token) -> bool:
    w = words()
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in w.negative_words) for c in verb.children):
        return True
    # "found him not guilty": the verdict's adjective is negated.
    verdicts = [c for c in verb.children if c.dep_ in ("ccomp", "oprd", "acomp", "xcomp") and c.pos_ == "ADJ"]
    if any(n.dep_ == "neg" for c in verdicts for n in c.children):
        return True
    if trigger != verb:
        # "no agreement", "without a deal"
        if any(c.dep_ == "det" and c.lower_ in w.negative_determiners for c in trigger.children):
            return True
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "without":
            return True
    return any(g.lemma_.lower() in w.refusal_verbs for g in governors(verb)[:1])


def _counterfactual(verb: Token) -> bool:
    """Is the verb a modal's perfect ("would have fired", "could have stopped")? It says what would
    have been, not what anyone commits to: no threat, no promise."""
    aux = _auxiliaries(verb)
    return verb.tag_ == "VBN" and "have" in aux and bool(aux & words().modal_auxiliaries)


def _conditional(verb: Token) -> bool:
    """Is the verb inside a condition or an indirect question ("if troops enter", "evidence that
    challenges ... if you can provide it", "whether they will meet")?"""
    markers = words().conditional_markers
    clause: Token | None = verb
    for _ in range(8):
        if clause is None:
            break
        if any(c.dep_ == "mark" and c.lower_ in markers for c in clause.children):
            return True
        if clause.dep_ in ("ROOT", "parataxis") or clause.head == clause:
            break
        clause = clause.head
    return False


def _question(verb: Token) -> bool:
    sentence = verb.sent
    return sentence.text.rstrip().rstrip("\"'”’ ").endswith("?")


def _governed(verb: Token, event: str) -> str | None:
    """The status a governing word gives: a plan or schedule is future, a refusal negated, a wish,
    a readiness, a proposal, a demand, a threat or an accusation hypothetical (the act is not done by
    saying it). An attempt at violence is violence: "(successful and attempted) assassinations"
    are ASSAULT in the manual."""
    w = words()
    if verb.dep_ in ("acl", "relcl", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return HYPOTHETICAL  # an infinitive of purpose: "aid to help those affected", "sent troops to protect"
    for head in governors(verb):
        lemma = head.lemma_.lower()
        if lemma in w.attempt_verbs and event == "ASSAULT":
            return None
        if lemma in w.refusal_verbs:
            return NEGATED
        if lemma in w.obligation_verbs:
            return HYPOTHETICAL  # "has to ask", "needs to act"
        if lemma in w.future_verbs or (head.pos_ == "ADJ" and lemma in w.future_adjectives) or head.lower_ in w.future_adjectives:
            return FUTURE
        if head.pos_ == "ADJ" and lemma in w.hypothetical_adjectives | w.commitment_adjectives:
            return HYPOTHETICAL
        if head.pos_ in ("VERB", "AUX"):
            match = match_verb(head)
            if (match is not None and match.coding.event in ASKING) or lemma in w.intent_verbs:
                return HYPOTHETICAL
        elif head.pos_ in ("NOUN", "PROPN"):
            coding = noun_coding(head)
            if (coding is not None and coding.event in ASKING) or lemma in dictionary().proposals:
                return HYPOTHETICAL  # "its demand that Israel ease restrictions", "an invitation to attend"
    return None


def status(verb: Token, trigger: Token, event: str) -> str:
    """The status of the event of type ``event`` that ``trigger`` names, in the clause of ``verb``."""
    w = words()
    if negated(verb, trigger):
        return NEGATED
    if _question(verb) or _conditional(verb):
        return HYPOTHETICAL
    aux = _auxiliaries(verb)
    if any(c.dep_ == "advmod" and c.lower_ in w.habitual_adverbs for c in verb.children):
        return GENERIC
    if aux & w.modal_auxiliaries:
        if _counterfactual(verb):
            return HYPOTHETICAL  # "he would have fired him": what did not happen
        return FUTURE if "would" in aux and reporter(verb) is not None else HYPOTHETICAL  # "said they would"
    if aux & w.future_auxiliaries or (verb.dep_ == "xcomp" and verb.head.lower_ == "going"):
        return FUTURE
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and "to" in aux:
        return FUTURE  # "ministers are to meet on Thursday": an arrangement, not yet done
    governed = _governed(verb, event)
    if governed is not None:
        return governed
    if trigger != verb:
        if verb.lemma_.lower() in w.future_verbs:
            return FUTURE  # "exercises are scheduled for September"
        mods = {c.lower_ for c in trigger.children if c.dep_ in ("amod", "compound", "nmod")}
        if mods & w.future_modifiers:
            return FUTURE
        if mods & w.hypothetical_modifiers:
            return HYPOTHETICAL
    return ASSERTED


def committed(verb: Token) -> bool:
    """Does the actor itself commit to the act, with no event word of its own to carry the
    commitment? "X said it will release", "Finland will give ..., a statement said", "is willing
    to withdraw". A plain future nobody states ("will discuss on Monday") is no commitment, and
    "offered to hand over" is carried by the offer."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lemma_.lower() in words().commitment_adjectives:
        return True
    aux = _auxiliaries(verb)
    if not aux & (words().future_auxiliaries | {"would"}) or _counterfactual(verb):
        return False
    return reporter(verb) is not None


def recode(event: str, state: str, verb: Token) -> tuple[str, str]:
    """PLOVER's type and the status for an event of ``event`` with status ``state``: an intention
    stated by the actor is an asserted AGREE, CONCEDE or THREATEN; "will not accept" a REJECT; a
    conditional ultimatum ("will withdraw unless ...") a THREATEN."""
    if state in (FUTURE, HYPOTHETICAL) and committed(verb):
        if event in COOPERATIVE:
            return "AGREE", ASSERTED
        if event in YIELDING:
            return "CONCEDE", ASSERTED  # "announced ... would withdraw troops" (manual, RETREAT)
        if event in HOSTILE:
            return "THREATEN", ASSERTED  # "said they would blockade Paris"
    if state == NEGATED and event == "AGREE" and (_auxiliaries(verb) & (words().future_auxiliaries | words().modal_auxiliaries)):
        return "REJECT", ASSERTED  # "will not accept", "would not agree"
    if any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children) for c in verb.children):
        return "THREATEN", ASSERTED
    return event, state


def intent_recode(event: str, complement: str | None) -> str:
    """An intention (AGREE) whose complement is a hostile act is a threat ("vowed to attack"; CAMEO's
    transformation "want to attack" → 138 THREATEN)."""
    if event == "AGREE" and complement in HOSTILE:
        return "THREATEN"
    return event


def _de_escalation(token: Token) -> bool:
    """Does the word name an end to fighting: a ceasefire, a truce, a withdrawal, "an end to the
    fighting", "stop the war"?"""
    coding = noun_coding(token) if token.pos_ in ("NOUN", "PROPN") else None
    if coding is None and token.pos_ in ("VERB", "AUX"):
        match = match_verb(token)
        coding = match.coding if match is not None else None
    if (coding is not None and coding.event == "RETREAT") or token.lemma_.lower() in words().truce_words:
        return True
    if token.lemma_.lower() in words().ending_words:
        ended = [g for c in token.children if c.dep_ in ("prep", "dobj") for g in (c, *c.children) if g.pos_ == "NOUN"]
        return any((noun_coding(g) or NO_CODING).event == "ASSAULT" for g in ended)
    return False


def own_conflict_call(verb: Token, sectors: set[str]) -> bool:
    """Is a request a party's call to end its own conflict ("the rebels called for a ceasefire",
    "Hamas called for a truce with Israel")? The manual codes it AGREE: "When one or more parties to
    a conflict call for ending the conflict, that is taken to be an expression of intent". A third
    party's call ("a truce between ...") stays a request."""
    asked = [c for c in verb.children if c.dep_ in ("dobj", "xcomp")]
    asked += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
    for thing in asked:
        if not _de_escalation(thing):
            continue
        with_other = any(c.dep_ == "prep" and c.lower_ == "with" for c in thing.children)
        if with_other or sectors & {"MIL", "REB"}:
            return True
    return False
