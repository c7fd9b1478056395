"""How the events of one sentence bear on each other: an order of coercion is the coercion, a purpose
of the same kind is the same event, a decision is the act decided, an intention or an opinion with
no act in it is no event, an intention to do harm is a threat; and a warning or a measure that
threatens no one is dropped.

The coder (:mod:`.coder`) finds each trigger's event alone; :func:`relate` then reads them together,
keyed by the verb whose arguments each event has.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from dateline.annotate.events import arguments as args
from dateline.annotate.events import roles
from dateline.annotate.events.lexicon import words
from dateline.annotate.events.matching import is_event_noun, match_verb, noun_coding
from dateline.annotate.events.modality import intent_recode, own_conflict_call
from dateline.annotate.events.records import Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# What a warning may threaten ("warned of retaliation", "warned of sanctions").
HOSTILE_ACTS = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "REJECT", "RETREAT", "THREATEN"})


def relate(found: dict[int, Event], doc: Doc) -> None:
    """Rewrite ``found`` (the events of one sentence, by the index of their verb in ``doc``) as the
    events read together say."""
    for i, event in list(found.items()):
        if i not in found:
            continue  # taken into the event that governs it
        verb = doc[i]
        # An order of coercion is the coercion ("the judge ordered him to stand trial", "ordered them
        # to be deported"): the one who orders it coerces.
        ordered = next((c.i for c in verb.children if c.dep_ == "xcomp" and c.i in found
                        and found[c.i].event in ("COERCE", "SANCTION")), None)  # fmt: skip
        if event.event == "REQUEST" and ordered is not None and verb.lemma_.lower() in words().order_verbs:
            inner = found.pop(ordered)
            found[i] = event = replace(event, event=inner.event, mode=inner.mode, recipients=inner.recipients or event.recipients)
        # An intention about one's own conduct ("decided to raise its alert level", "plans to
        # expand") is willingness to cooperate only when what is intended is an event itself; a
        # commitment ("promised to", "agreed to") is one whatever it promises.
        w = words()
        intended = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        if (event.event == "AGREE" and verb.lemma_.lower() in w.intent_verbs - w.commitment_verbs
                and intended and not any(c.i in found for c in intended)):  # fmt: skip
            del found[i]
            continue
        # So is preparing for or expecting what is no event ("was preparing for a series of
        # concerts", "expects a second wave of cases"), as preparing for talks is.
        prepared = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
        prepared += [c for c in verb.children if c.dep_ == "dobj"]
        if (event.event == "AGREE" and verb.lemma_.lower() in w.intent_verbs - w.commitment_verbs and not intended
                and prepared and not any(is_event_noun(t) for g in prepared for t in g.subtree)):  # fmt: skip
            del found[i]
            continue
        # Agreeing that something is so ("agreed that there are undetected cases") is an opinion;
        # agreeing that something will be done ("agreed that talks would resume") stays an agreement.
        opinions = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        if (event.event == "AGREE" and verb.lemma_.lower() == "agree" and opinions
                and not any(c.i in found or any(noun_coding(g) for g in c.children if g.pos_ == "NOUN") for c in opinions)
                and not any(c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("on", "to")) for c in verb.children)):  # fmt: skip
            del found[i]
            continue
        # A purpose of the same kind is the same event ("will meet on Tuesday to discuss the crisis
        # with Iran"): one event, with the recipients of both.
        for c in verb.children:
            if (c.dep_ in ("xcomp", "advcl") and c.i in found and found[c.i].event == event.event
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):  # fmt: skip
                purpose_event = found.pop(c.i)
                found[i] = event = replace(event, recipients=args.merge([event.recipients, purpose_event.recipients]))
        # A decision to act is the act, decided ("decided to track down the passengers and put them
        # into quarantine": the quarantine, as the decision stands), no intent to cooperate or threat.
        decided = [c.i for c in verb.children if c.dep_ == "xcomp" and c.i in found]
        if event.event == "AGREE" and decided and verb.lemma_.lower() in w.decision_verbs:
            for j in decided:
                found[j] = replace(found[j], status=event.status)
            del found[i]
            continue
        # An intention whose complement is a hostile act is a threat ("vowed to attack the capital").
        complement = next((found[c.i].event for c in verb.children if c.dep_ == "xcomp" and c.i in found), None)
        recoded = intent_recode(event.event, complement)
        if recoded != event.event:
            found[i] = replace(event, event=recoded, mode="")
        # A meeting called to complain is the complaint ("summoned the ambassador to complain": the
        # manual codes it ACCUSE, not CONSULT).
        purpose = next((c.i for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i in found
                        and found[c.i].event in ("ACCUSE", "REJECT")), None)  # fmt: skip
        if event.event == "CONSULT" and purpose is not None:
            found[i] = replace(event, event=found[purpose].event, mode=found[purpose].mode)
            del found[purpose]
        if event.event == "REQUEST" and own_conflict_call(verb, {a.sector for a in event.actors}):
            found[i] = replace(event, event="AGREE", mode="")
    for i, event in list(found.items()):
        if _measures_against_no_one(doc[i], event):
            del found[i]  # "announced emergency measures to deal with the situation" threatens no one
            continue
        warning = _warning(doc[i], event)
        if warning is not None and not any(_threatening(t, event) for t in {doc[i], warning}):
            del found[i]  # a warning of a danger ("warned that the virus could spread") threatens nothing


def _measures_against_no_one(verb: Token, event: Event) -> bool:
    """Measures or action announced, recommended or taken (CAMEO's "* MEASURES", 130) threaten only
    whom they are against: with no target ("emergency measures to deal with the outbreak"), none."""
    w = words()
    if event.event != "THREATEN" or event.recipients or event.trigger_lemma in w.warning_words | {"threaten"}:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and (c.lemma_.lower() in w.threat_nouns or c.lower_ in w.threat_nouns)]
    return bool(objects) and not any(p.dep_ == "prep" and p.lower_ == "against" for o in objects for p in o.children)


def _warning(verb: Token, event: Event) -> Token | None:
    """The word of warning of a THREATEN: its verb ("warned"), or the warning it issued ("issued a
    warning about the storm"); None for another threat."""
    w = words()
    if event.event != "THREATEN":
        return None
    if event.trigger_lemma in w.warning_words:
        return verb
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in w.warning_words), None)


def _threatening(verb: Token, event: Event) -> bool:
    """Is a warning a threat? PLOVER's THREATEN is a coercive warning of repercussions the warner
    would bring about: one addressed to an actor ("warned Iran"), one of the warner's own act
    ("warned it would cut ties", "warned of retaliation"), or one with a condition ("unless ...").
    A warning of a danger to the public ("warned that the flu could spread", "warned people to stay
    indoors") is no event."""
    w = words()
    # Addressed to an actor: its object ("warned Iran"), not a place named in what is warned against
    # ("warned against travel to Mexico": a travel advisory).
    addressed = {t.idx for c in verb.children if c.dep_ in ("dobj", "dative") for t in c.subtree}
    addressed |= {t.idx for c in verb.children if c.dep_ == "ccomp" for g in c.children if g.dep_ in ("nsubj", "nsubjpass")
                  for t in g.subtree}  # "warned that Russia would pay a price"
    if any(args.political(r) and (r.start in addressed or not r.start) for r in event.recipients):
        return True
    warner = roles.subject(verb)
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children):
            return True
        if c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(
                g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or args.agent_of(g)[1] in w.political_sectors)
                for g in c.children):  # fmt: skip
            return True  # "issued a warning to Iran", "to the rebels": addressed to an actor
        if c.dep_ == "prep" and c.lower_ in ("of", "against"):
            for g in c.children:
                act = noun_coding(g) if g.pos_ == "NOUN" else None
                if g.lemma_.lower() in w.threat_nouns or (act is not None and act.event in HOSTILE_ACTS):
                    return True  # "warned of retaliation", "warned against sanctions"
        if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX") and c.lemma_ != "be":
            if any(m.lower_ in ("if", "unless") for t in c.subtree for m in t.children if m.dep_ == "mark"):
                return True
            subject = next((s for s in c.children if s.dep_ == "nsubj"), None)
            # "warned (that) it would ...": the warner's own act, said with a modal or coded itself.
            person = warner is not None and (warner.ent_type_ == "PERSON" or warner.lower_ in ("he", "she"))
            own = (subject is None and c.dep_ == "xcomp") or (subject is not None and (
                (subject.lower_ in roles.PRONOUNS and not (person and subject.lower_ == "it"))
                or (warner is not None and subject.lemma_ == warner.lemma_)))  # fmt: skip
            modal = any(a.lower_ in w.future_auxiliaries | w.modal_auxiliaries for a in c.children if a.dep_ == "aux")
            if own and (modal or match_verb(c) is not None):
                return True
    return False
