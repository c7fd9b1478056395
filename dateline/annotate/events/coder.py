"""Coding PLOVER events in parsed sentences: trigger, who did it, to whom, when, and whether it happened.

Triggers come from the event dictionary (:mod:`.dictionary`, matched on the parse by
:mod:`.matching`); actors and recipients from the trigger's own arguments (:mod:`.arguments`); the
status from its clause (:mod:`.modality`); the date from the time expression that governs it
(:mod:`.dating`). Every event keeps its evidence: the sentence and the trigger's offsets.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.annotate.events import arguments as args
from dateline.annotate.events import nonacts, roles
from dateline.annotate.events.clauses import relate
from dateline.annotate.events.dating import TimexIndex, event_date
from dateline.annotate.events.dictionary import Coding, dictionary
from dateline.annotate.events.lexicon import words
from dateline.annotate.events.matching import Match, is_light, match_noun, match_verb
from dateline.annotate.events.modality import recode, status
from dateline.annotate.events.records import ASSERTED, FUTURE, GENERIC, Event, Participant, Place
from dateline.annotate.voice import report_of
from dateline.core.mentions import ActorMention
from dateline.core.timevalues import calendar_part, interval

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dateline.core.timexes import Timex

# Types whose recipient may be the place acted on ("a curfew in Algiers", "shelled villages in X").
LOCATION_TARGET_TYPES = frozenset({"COERCE", "CONCEDE", "ASSAULT", "RETREAT", "AID"})


@dataclass(frozen=True, slots=True)
class _Context:
    """What the coding of one document reads besides its parse."""

    published: dt.date | None
    mentions: list[ActorMention]
    places: list[Place]
    index: TimexIndex


def code_events(
    doc: Doc,
    *,
    published: dt.date | None,
    mentions: list[ActorMention],
    timexes: list[Timex] | None = None,
    places: list[Place] | None = None,
) -> list[Event]:
    """Every PLOVER event that ``doc`` reports, best first within each sentence (none from readers'
    comments or the writer's own first person: :mod:`dateline.annotate.voice`)."""
    context = _Context(published, sorted(mentions, key=lambda m: (m.start, m.end)),
                       sorted(places or [], key=lambda p: p.start), TimexIndex(doc, timexes or []))  # fmt: skip
    out: list[Event] = []
    report = report_of(doc)
    try:
        for sentence in doc.sents:
            if not report.holds(sentence):
                continue  # a reader's comment or the writer's own voice reports no event
            found = _sentence_events(sentence, context)
            found.sort(key=lambda e: (-e.confidence, e.trigger_start))
            out.extend(found)
    finally:
        match_verb.cache_clear()  # the cache holds this document's words: let the parse go
    return out


def _triggers(sentence: Span) -> Iterator[Match]:
    for token in sentence:
        if token.pos_ in ("VERB", "AUX"):
            match = match_verb(token)
        elif token.pos_ in ("NOUN", "PROPN"):
            match = match_noun(token)
            if match is not None and not is_light(match.verb):
                continue  # the verb codes the event itself
        else:
            continue
        if match is not None:
            yield match


def _sentence_events(sentence: Span, context: _Context) -> list[Event]:
    found: dict[int, Event] = {}  # by the verb whose arguments are the event's
    for match in _triggers(sentence):
        if match.verb.i not in found:
            event = _event(match, sentence, context)
            if event is not None:
                found[match.verb.i] = event
    relate(found, sentence.doc)
    used = set(found)
    return [*found.values(), *_must_requests(sentence, context, used)]


def _event(match: Match, sentence: Span, context: _Context) -> Event | None:
    verb, trigger = match.verb, match.trigger
    wished = _wished_of_another(verb, match.coding)
    coding = _in_words(trigger, wished)
    subject = roles.actor_subject(verb, coding.event, coding.mode)
    if (subject is not None and nonacts.inert(subject)) or nonacts.by_nature(verb) or nonacts.against_nature(verb, coding.event):
        return None  # "the earthquake killed 200 people", "were killed in the earthquake": no one acted
    asks_nothing = coding.event == "REQUEST" and (nonacts.inferred(verb) or nonacts.question(verb) or nonacts.purchase(verb))
    if nonacts.evidence(verb, subject) or asks_nothing:
        # "data suggesting the flow could double", "he suggests Darwin never graduated", "asked
        # whether the agency had enough staff", "ordered 20 million doses"
        return None
    if nonacts.joined_in(verb):
        return None  # "joined France in condemning the attack": the condemning is the act
    if coding.event == "ASSAULT" and nonacts.exploded(verb, subject):
        return None  # "Deepwater Horizon blew up": the rig exploded, no one attacked
    phrases = roles.recipient_phrases(verb, coding.event, mode=coding.mode)
    if trigger != verb and trigger.dep_ in ("nsubj", "nsubjpass", "conj"):
        # The noun is the verb's subject ("EU aid to Haiti is channelled"): its own words say who.
        subject = None
        own = roles.noun_actor(trigger, coding.event)
        actors = args.participants(own, context.mentions, trigger) if own else ()
        phrases = [(head, tokens) for head, tokens in phrases if head != trigger]
    else:
        actors = args.participants(roles.np_tokens(subject), context.mentions, subject) if subject is not None else ()
    if trigger != verb:  # "aid to Mozambique", "talks with Baku": the noun's own arguments
        phrases.extend(roles.noun_target(trigger, coding.event, modifiers=False))
    recipients = _coded_first(args.merge(args.participants(tokens, context.mentions, head) for head, tokens in phrases))
    if not any(a.code for a in actors) and subject is not None:
        actors = args.actor_by_location(subject, verb, trigger, context.mentions, context.places) or actors
    recipients = _apart(actors, recipients)
    if not recipients and coding.event == "REQUEST":
        recipients = args.asked(verb)  # "urged islanders to wash their hands": whoever is asked
    recipients = args.owned_by_pronoun(recipients, context.mentions, sentence.start_char)
    if not recipients and coding.event in LOCATION_TARGET_TYPES:
        recipients = tuple(r for r in args.locations([verb, trigger], context.mentions, context.places)
                           if r.code not in {a.code for a in actors})  # fmt: skip
    court = _court_of_appearance(verb, coding)
    if court is not None:
        # "Murray appeared in court": the court acts on him, as the dictionary reads "appeared before
        # the court" (:173); its "in court" (173) would make the defendant the one who charges.
        # The court is of the country it sits in ("a Los Angeles court", "in court in Chicago").
        seat = args.locations([verb], context.mentions, context.places, "JUD")[:1]
        actors, recipients = seat or args.participants([court], context.mentions, court), actors
    elif coding.reverse:
        actors, recipients = recipients, actors
    coding = _by_actor(coding, trigger, actors)
    if not actors and not recipients:
        return None
    if wished != match.coding and not recipients:
        return None  # "want the leak to stop": a wish about things demands nothing of anyone
    if coding.event == "ACCUSE" and not recipients and nonacts.judges_a_thing(verb):
        return None  # "described the leak as a disaster", "described it as a disaster": no one is accused
    if coding.event == "COOPERATE" and "intelligence" in coding.context and not recipients:
        return None  # information shared with no one ("gave the number of cases as 70,000") is a statement
    if coding.event == "CONSULT" and nonacts.spoken_alone(verb, subject, recipients):
        return None  # "talked about faith", "talked to reporters": a statement, with no one to consult
    if coding.event == "CONSULT" and match.weak and not recipients and not coding.mode:
        return None  # a synonym of the dictionary's ("thinks about the spill", "pondered") with no one to consult
    if coding.mode == "visit" and not actors:
        return None  # a visit needs a visitor: "returned from Mexico", of nobody named, is travel
    if not _political_event(coding, verb, subject, actors, recipients, overlay=match.overlay):
        return None
    if coding.event == "ACCUSE" and coding.mode == "investigate" and nonacts.of_things(verb, trigger):
        return None  # "investigating possible cases", "sequencing the virus": no one is investigated
    coded = any(a.code for a in actors) or any(r.code for r in recipients)
    if match.weak and not (coded and _main(verb)):
        return None
    if not coded and not (match.weight or match.overlay or (match.own and _main(verb))):
        # Only unnamed or uncoded participants: the verb alone, as the dictionary codes it for two
        # political actors, is too weak a sign ("views expressed in the comments").
        return None
    if not coded and all(p.kind == "agent" for p in (*actors, *recipients)) and not _agent_event(match, actors):
        return None
    event_type, state = recode(coding.event, status(verb, trigger, coding.event), verb)
    dated = event_date(verb, trigger, sentence, context.index, context.published)
    if state == ASSERTED and dated.source == "trigger" and _after(dated.date, context.published):
        state = FUTURE  # "talks next week"
    elif state == ASSERTED and _part_of_today(dated.date, context.published) and _listed(verb, event_type, sentence):
        # "Jools Holland is joined this evening by ...", "meets the prime minister tonight": the
        # simple present of a part of the paper's own day is what is scheduled for it.
        state = FUTURE
    elif state == ASSERTED and not (dated.source == "trigger" and dated.granularity == "day") and _listed(verb, event_type, sentence):
        # "Jeremy Vine discusses the issues of the day", "joins Jools Holland this week": what a
        # programme offers, not news (a caption dated to its day, "appears in court 25 January", is).
        state = GENERIC
    confidence = 0.3 + 0.2 * bool(actors) + 0.15 * bool(recipients) + 0.1 * bool(match.weight) + 0.2 * _main(verb)
    if state != ASSERTED:
        confidence -= 0.3  # what was asked for, threatened or planned ranks below the asking
    return Event(
        event=event_type, mode=coding.mode if event_type == coding.event else "",
        context=tuple(sorted(set(coding.context) | set(_contexts(sentence)))) if event_type == coding.event else _contexts(sentence),
        actors=actors, recipients=recipients, trigger_start=trigger.idx, trigger_end=trigger.idx + len(trigger.text),
        trigger_lemma=trigger.lemma_.lower(), sentence_start=sentence.start_char, sentence_end=sentence.end_char,
        status=state, historical=_historical(dated.date, context.published), date=dated.date,
        date_granularity=dated.granularity, date_source=dated.source, location=_location(verb, sentence, context),
        confidence=round(min(max(confidence, 0.05), 1.0), 2),
    )  # fmt: skip


def _coded_first(side: tuple[Participant, ...]) -> tuple[Participant, ...]:
    """The coded participants of a side when it has any: an unnamed "troops" in "send troops to
    Yemen" is what is sent, Yemen the recipient."""
    coded = tuple(p for p in side if p.code)
    return coded or side


def _in_words(trigger: Token, coding: Coding) -> Coding:
    """An attack made in words ("a scathing attack on the company", "verbally attacked the judge")
    is criticism, ACCUSE `disapprove', not force."""
    if coding.event != "ASSAULT":
        return coding
    verbal = words().verbal_modifiers
    said = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]  # "launched a scathing attack"
    if any(c.dep_ in ("amod", "advmod") and c.lower_ in verbal for t in said for c in t.children):
        return Coding("ACCUSE", "disapprove", coding.context, coding.reverse, coding.code, coding.source)
    return coding


def _wished_of_another(verb: Token, coding: Coding) -> Coding:
    """A wish that another act ("wants BP to pay", "wished the rebels would stop") is a demand of
    them: CAMEO files "want" among its demands (100) and codes it 030, an intent to cooperate, only
    for what its subject wants for itself ("wants peace", "wants to visit"). What is sought from
    another ("sought assurances from Paris") is asked of them (020)."""
    if verb.lemma_.lower() not in words().desire_verbs:
        return coding
    if any(c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in verb.children):
        return Coding("REQUEST", "", coding.context, False, "100", coding.source)
    wanted = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    if coding.event == "AGREE" and any(c.dep_ == "prep" and c.lower_ == "from" for t in wanted for c in t.children):
        return Coding("REQUEST", "", coding.context, False, "020", coding.source)  # "wants guarantees from BP"
    return coding


def _court_of_appearance(verb: Token, coding: Coding) -> Token | None:
    """The court a defendant appears in ("appeared in court", "at a hearing"), for a coercion coded
    with the defendant as its doer; None otherwise."""
    if coding.event != "COERCE" or coding.reverse or verb.lemma_.lower() != "appear":
        return None
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                 for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in words().court_words), None)  # fmt: skip


def _political_event(coding: Coding, verb: Token, subject: Token | None, actors: tuple[Participant, ...],
                     recipients: tuple[Participant, ...], *, overlay: bool) -> bool:  # fmt: skip
    """Is this an event between actors, as PLOVER codes them? The source must be an actor: a coded
    country, IGO or organisation, a named person or organisation, or a generic agent of a political
    sector ("police", "the minister"); PETRARCH codes an event only when its source actor is coded.
    A doer known only as one of the public ("the patients returned from Mexico", "my nurse asked
    me", "passengers arriving from ...") or as the reader or writer ("you should consult your GP",
    "I visited London") makes no event; an agentless one (a passive, a noun) is one only when its
    recipient is an actor, the manual codes the verb itself ("was charged with murder": the
    state charges) or only an authority does it ("two men were arrested"). Advice to the reader (an imperative) is no event. A protest is political
    by itself: its makers may be civilians; so is force, but not the travel, talks or help of people
    known only by their nationality ("a British woman returned from Malaysia")."""
    w = words()
    if _imperative(verb) or (subject is not None and subject.lower_ in w.personal_pronouns):
        return False
    if actors:
        if coding.event == "PROTEST" and not coding.reverse:
            return True
        if coding.event not in nonacts.FORCE and not coding.reverse and _of_the_public(subject, actors):
            return False  # "a British woman returned from Malaysia": travel, not a visit of Britain
        return any(args.political(p) for p in actors) or (subject is not None and not coding.reverse and _in_role(subject))
    doer = subject.lemma_.lower() if subject is not None else ""
    if subject is not None and not coding.reverse and subject.pos_ == "NOUN" and doer not in w.weapon_subjects | w.organisation_heads:
        return False  # the doer is named by what they are, and is no actor (a bomb is an unknown armed force's)
    return overlay or _by_authority(verb, coding) or any(args.political(p) for p in recipients)


def _in_role(subject: Token) -> bool:
    """Does the phrase name its person by a political office ("health minister Ana Ruiz", "Ana Ruiz,
    the interior minister")? An uncoded person with one is a political actor."""
    return any(t.pos_ == "NOUN" and args.agent_of(t)[1] in words().political_sectors
               for t in roles.np_tokens(subject, appositions=True))  # fmt: skip


def _imperative(verb: Token) -> bool:
    """A command or advice to the reader ("Visit the website", "stay at home and call your doctor")."""
    root = verb.head if verb.dep_ == "conj" else verb
    if root.dep_ != "ROOT" or root.tag_ != "VB":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "aux", "auxpass") for c in root.children)


def _of_the_public(subject: Token | None, actors: tuple[Participant, ...]) -> bool:
    """Is the doer one of the public known by a nationality ("a British woman", "Mexican tourists"):
    coded by the country, but acting for nobody? Their force is still coded (a mob's attack); their
    travel, talks or help are private. A people named as such ("Nigerians", "Bosnian Serbs") acts as
    a group, and PLOVER codes it."""
    return (subject is not None and subject.pos_ == "NOUN" and args.agent_of(subject)[1] == "CVL"
            and all(p.sector == "CVL" for p in actors))  # fmt: skip


def _part_of_today(date: str | None, published: dt.date | None) -> bool:
    """Is ``date`` a part of the paper's own day ("this evening": 2010-04-16TEV)?"""
    return published is not None and date is not None and date.startswith(f"{published.isoformat()}T") and date[11:] in _DAY_PARTS


_DAY_PARTS = frozenset({"MO", "AF", "EV", "NI", "DT"})


def _listed(verb: Token, event: str, sentence: Span) -> bool:
    """Is a material act told in the simple present, in the body of a text and not as what someone
    says ("joins Jools Holland and his band", "discusses the issues of the day")? News tells what
    happened in the past or the perfect; the simple present of a body sentence describes what
    someone habitually does or what a programme will offer. Headlines ("Obama hits out at BP", the
    text's first sentence) and statements ("Mexico denies ...", verbal acts) use it for news."""
    if event in _VERBAL or sentence.start == 0 or roles.reporter(verb) is not None:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    active = verb.tag_ in ("VBZ", "VBP") and not auxiliaries
    passive = verb.tag_ == "VBN" and bool(auxiliaries) and all(a.lower_ in ("is", "are") for a in auxiliaries)
    return (active or passive) and (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))


# Acts done by saying, which news tells in the present too ("Mexico denies", "the UN urges").
_VERBAL = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT", "AGREE", "CONCEDE"})


def _agent_event(match: Match, actors: tuple[Participant, ...]) -> bool:
    """May an event whose only participants are generic agents ("the senator", "police") be coded?
    Only where the sentence, or its speaker, reports it (not the background of a clause: "after
    police arrested him"), and someone is said to act, unless the manual codes the verb itself
    ("was charged with murder") or the act is one only an authority performs ("two men were
    arrested"): "three workers were killed" names no one who meant it, an accident as likely as an
    attack."""
    verb = match.verb
    # What a main clause orders is told with it ("ordered the doctor to stand trial": :mod:`.clauses`).
    told = _main(verb) or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in words().order_verbs and _main(verb.head))
    return told and (bool(actors) or match.overlay or _by_authority(verb, match.coding))


def _by_authority(verb: Token, coding: Coding) -> bool:
    """Is ``verb`` an act only an authority performs, told of the one it is done to ("two men were
    arrested", "the doctor stood trial")?"""
    return (roles.passive(verb) or coding.reverse) and coding.mode in words().authority_modes


def _main(verb: Token) -> bool:
    """Is the verb's clause the sentence's own, or its speaker's report of their own act ("police
    said they arrested three men")? A clause "after he was implicated" tells the background of the
    main event; what a speaker says another did is hearsay, left to its own signs."""
    if verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"):
        return True
    if verb.dep_ not in ("ccomp", "parataxis") or roles.reporter(verb) != verb.head:
        return False
    own = roles.subject(verb)
    return own is not None and own.lower_ in roles.PRONOUNS


def _by_actor(coding: Coding, trigger: Token, actors: tuple[Participant, ...]) -> Coding:
    """A protest is PROTEST when people make it and ACCUSE `disapprove' when a state does (the
    manual: "Diplomatic protests ... are coded as ACCUSE `disapprove'")."""
    if trigger.lemma_.lower() != "protest" or coding.event not in ("PROTEST", "ACCUSE"):
        return coding
    if any(a.is_state for a in actors):
        return Coding("ACCUSE", "disapprove", coding.context, coding.reverse, coding.code, coding.source)
    return Coding("PROTEST", "demo", coding.context, coding.reverse, coding.code, coding.source)


def _apart(actors: tuple[Participant, ...], recipients: tuple[Participant, ...]) -> tuple[Participant, ...]:
    """The same words are never both sides; the same country may be ("Bosnian Serbs demanded a truce
    with Moslem forces in Bosnia")."""
    spans = {(a.start, a.end) for a in actors}
    ids = {a.actor_id for a in actors if a.actor_id}
    return tuple(r for r in recipients if (r.start, r.end) not in spans and not (r.actor_id in ids and not r.sector))


def _after(date: str | None, published: dt.date | None) -> bool:
    """Does ``date``, at any granularity, begin after the publication day ("next week", "in May"
    of an April paper)?"""
    if date is None or published is None:
        return False
    span = interval(calendar_part(date))
    return span is not None and span[0] > published


def _historical(date: str | None, published: dt.date | None) -> bool:
    return bool(date and published and date[:4].isdigit() and int(date[:4]) < published.year - 1)


def _location(verb: Token, sentence: Span, context: _Context) -> str | None:
    """A place named in the verb's own prepositional phrase ("clashed in Kirkuk")."""
    doc = verb.doc
    i = bisect.bisect_left(context.places, sentence.start_char, key=lambda p: p.start)
    for place in context.places[i:]:
        if place.start >= sentence.end_char:
            break
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None and span.root.head.head.i == verb.i:
            return f"{place.name} ({place.country})"
    return None


def _must_requests(sentence: Span, context: _Context, used: set[int]) -> list[Event]:
    """"X said (that) Y must do Z": X requests of Y (PLOVER REQUEST)."""
    out: list[Event] = []
    for token in sentence:
        if token.lemma_ not in words().speech | words().demanding_verbs or token.i in used:
            continue
        for clause in (c for c in token.children if c.dep_ == "ccomp"):
            if not nonacts.demanding(clause):
                continue
            subject = roles.subject(token)
            target = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            actors = args.participants(roles.np_tokens(subject), context.mentions, subject) if subject is not None else ()
            recipients = args.participants(roles.np_tokens(target), context.mentions, target) if target is not None else ()
            recipients = recipients or (args.described(target) if target is not None else ())
            if not actors and not recipients:
                continue
            dated = event_date(token, token, sentence, context.index, context.published)
            out.append(Event(
                event="REQUEST", mode="", context=_contexts(sentence), actors=actors, recipients=recipients,
                trigger_start=token.idx, trigger_end=token.idx + len(token.text), trigger_lemma=token.lemma_.lower(),
                sentence_start=sentence.start_char, sentence_end=sentence.end_char, date=dated.date,
                date_granularity=dated.granularity, date_source=dated.source, confidence=0.85,
                status=status(token, token, "REQUEST"),  # "waiting for them to tell us what we should do": not yet said
            ))  # fmt: skip
    return out


def _contexts(sentence: Span) -> tuple[str, ...]:
    return _contexts_of(sentence.text.lower())


@lru_cache(maxsize=256)
def _contexts_of(text: str) -> tuple[str, ...]:
    return tuple(sorted(tag for tag, signals in dictionary().contexts.items()
                        if any(re.search(rf"\b{re.escape(w)}\b", text) for w in signals)))  # fmt: skip

