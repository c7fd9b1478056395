"""Coding PLOVER events in parsed sentences: trigger, who did it, to whom, when, where, and how sure.

Triggers come from ``patterns.yaml`` (verbs, verb+particle/object pairs, event nouns). Actor and
recipient are read from the trigger's own arguments in the parse — its subject (or the agent of a
passive) and its object or prepositional object — never from elsewhere in the sentence, which is
the failure PETRARCH's coders are known for. Negation, modality and futurity come from the
trigger's auxiliaries; the date from a time expression attached to the trigger, else the date of
the statement that reports it, else the publication date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from dateline.annotate.events.narrative import narrative_timex
from dateline.core.mentions import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dateline.core.timexes import Timex

SPEECH = {"say", "tell", "state", "add", "note", "stress", "announce", "declare", "report", "claim", "write",
          "emphasize", "emphasise", "confirm", "explain", "insist", "recall", "reiterate"}  # fmt: skip
REPORTING_REQUEST = {"REQUEST", "THREATEN"}
# Nouns of statements that can carry a verb of their own ("a declaration demanding that ...").
STATEMENT_NOUNS = {"declaration", "statement", "communique", "letter", "message", "resolution", "appeal", "campaign",
                   "effort", "bid", "move", "decision", "report", "speech", "announcement", "drive"}  # fmt: skip
QUANTITY_HEADS = {"hundreds", "thousands", "tens", "dozens", "scores", "millions", "some", "many", "most", "all", "group",
                  "groups", "members", "number", "crowd", "crowds", "band", "one", "two", "several"}  # fmt: skip
# Generic heads whose noun modifier says who the group is.
GROUP_HEADS = {"parties", "party", "groups", "group", "officers", "members", "leaders", "supporters", "activists", "units",
               "officials", "sources", "coalition", "movement", "organization", "organisation", "faction", "factions"}  # fmt: skip
# Where an event happened: its target when the event acts on a place ("a curfew in Algiers", "fired at
# targets in Jericho"), and who acted when nothing else says ("people blocked streets in Hong Kong").
LOCATIVE = ("in", "near", "at", "around", "throughout", "across", "inside", "outside")
LOCATION_TARGET_TYPES = {"COERCE", "CONCEDE", "ASSAULT", "RETREAT", "AID"}
# Subjects that are the violence itself ("a roadside bombing killed ..."): PLOVER's unidentified
# armed force (UAF) of the country where it happened is the actor.
WEAPON_SUBJECTS = {"bomb", "bombing", "blast", "explosion", "mine", "landmine", "rocket", "missile", "shell", "mortar",
                   "grenade", "attack", "ambush", "gunfire", "shooting", "minefield", "ied", "car bomb"}  # fmt: skip
# Types whose passive subject is the one that acts: "guerrillas have been demobilized" retreat.
PASSIVE_ACTOR_TYPES = {"RETREAT"}
COMMITMENT_TYPES = {"CONCEDE", "RETREAT", "SUPPORT", "AID", "CONSULT", "COOPERATE"}
# Hostile acts: stating the intent to do one is a threat (PLOVER THREATEN), as stating the intent to
# do a cooperative one is AGREE.
HOSTILE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"}
LIGHT_VERBS = {"hold", "reach", "sign", "impose", "declare", "launch", "stage", "begin", "start", "continue", "resume",
               "provide", "send", "deliver", "conduct", "carry", "announce", "break", "escalate", "erupt", "restart"}  # fmt: skip
HEAD_SECTORS = {"official": "GOV", "officials": "GOV", "minister": "GOV", "ministers": "GOV", "government": "GOV",
                "president": "GOV", "leaders": "GOV", "diplomats": "GOV", "troops": "MIL", "forces": "MIL",
                "army": "MIL", "soldiers": "MIL", "military": "MIL", "rebels": "REB", "separatists": "REB",
                "police": "COP", "protesters": "CVL", "civilians": "CVL", "residents": "CVL", "representatives": ""}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Participant:
    actor_id: str
    name: str
    code: str
    sector: str
    entity_text: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        return {"actor_id": self.actor_id, "name": self.name, "code": self.code, "sector": self.sector,
                "entity_text": self.entity_text}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Event:
    event: str
    mode: str
    context: tuple[str, ...]
    actors: tuple[Participant, ...]
    recipients: tuple[Participant, ...]
    trigger_start: int
    trigger_end: int
    trigger_lemma: str
    sentence_start: int
    sentence_end: int
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    date: str | None = None
    date_granularity: str = ""
    date_source: str = "unknown"
    location: str | None = None
    confidence: float = 0.5
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Entry:
    event: str
    second: str  # particle, preposition or object that must go with the lemma ("" for none)
    mode: str


@dataclass(frozen=True, slots=True)
class _Dictionary:
    verbs: dict[str, tuple[_Entry, ...]]
    nouns: dict[str, _Entry]
    contexts: dict[str, tuple[str, ...]]
    proposals: frozenset[str]
    objects: dict[str, frozenset[str]]  # event type → the only objects its verbs may take


@lru_cache(maxsize=1)
def dictionary() -> _Dictionary:
    data = yaml.safe_load((resources.files("dateline.annotate.events") / "patterns.yaml").read_text(encoding="utf-8"))
    verbs: dict[str, list[_Entry]] = {}
    nouns: dict[str, _Entry] = {}
    for event, spec in data.items():
        if event in ("contexts", "proposals"):
            continue
        modes = spec.get("modes") or {}
        for item in spec.get("verbs", []):
            lemma, _, second = str(item).partition(":")
            verbs.setdefault(lemma, []).append(_Entry(event, second, str(modes.get(item, modes.get(lemma, "")))))
        for item in spec.get("nouns", []):
            nouns.setdefault(str(item), _Entry(event, "", str(modes.get(item, ""))))
    contexts = {tag: tuple(words) for tag, words in data["contexts"].items()}
    objects = {event: frozenset(map(str, spec["objects"])) for event, spec in data.items() if isinstance(spec, dict) and spec.get("objects")}
    return _Dictionary({k: tuple(v) for k, v in verbs.items()}, nouns, contexts, frozenset(map(str, data.get("proposals", []))), objects)


# Prefixes that turn a trigger into its opposite or its absence: "de-escalate" is no escalation.
REVERSING_PREFIXES = frozenset({"de", "non", "anti", "un", "dis"})


def _lookup(token: Token, table: dict[str, Any], *, words: bool = False) -> Any:
    """``table``'s entry for the token's lemma (``words``: its text first), or for the whole
    hyphenated word when spaCy split a prefix off it ("de", "-", "escalate"): the word as written
    decides, and a reversing prefix with no entry of its own means no trigger at all."""
    keys = (token.lower_, token.lemma_.lower()) if words else (token.lemma_.lower(),)
    doc, i = token.doc, token.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        prefix = doc[i - 2].lower_
        for key in keys:
            if f"{prefix}-{key}" in table:
                return table[f"{prefix}-{key}"]
        if prefix in REVERSING_PREFIXES:
            return None
    return next((table[key] for key in keys if key in table), None)


def _match_verb(token: Token) -> _Entry | None:
    entries: tuple[_Entry, ...] | None = _lookup(token, dictionary().verbs)
    if not entries:
        return None
    children = list(token.children)
    words = {c.lemma_.lower() for c in children if c.dep_ in ("prt", "prep", "dobj", "attr", "acomp", "xcomp", "oprd")}
    objects = " ".join(" ".join(t.lower_ for t in c.subtree) for c in children if c.dep_ in ("dobj", "attr", "oprd"))
    allowed = dictionary().objects
    dobj = next((c for c in children if c.dep_ == "dobj"), None)
    for entry in sorted(entries, key=lambda e: -len(e.second)):
        if entry.event in allowed and dobj is not None and dobj.lemma_.lower() not in allowed[entry.event] and dobj.lower_ not in allowed[entry.event]:
            continue
        if not entry.second:
            return entry
        second = entry.second.lower()
        if second in words or (" " in second and second in objects) or re.search(rf"\b{re.escape(second)}\b", objects):
            return entry
    return None


def _match_noun(token: Token) -> tuple[_Entry, Token] | None:
    nouns = dictionary().nouns
    text = token.lower_
    compound = " ".join(t.lower_ for t in token.lefts if t.dep_ in ("compound", "amod")) + " " + text
    entry = nouns.get(compound.strip()) or _lookup(token, nouns, words=True)
    if entry is None:
        return None
    head = token.head
    # An event noun counts as the object of a light verb ("held talks") or the subject of a verb
    # ("fighting escalated"); the verb's arguments are then the event's.
    if token.dep_ in ("dobj", "conj", "attr") and head.pos_ in ("VERB", "AUX"):
        return entry, head
    if token.dep_ == "conj" and head.dep_ == "dobj":
        return entry, head.head
    if token.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX", "ADJ"):
        return entry, head
    return None


# Children that open a clause of their own: what happens there is not the phrase's referent
# ("a resolution that aims to tighten sanctions against Serbia", "the Red Cross operating in Iraq").
CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp", "appos")
# "pro-Iranian", "Syrian-backed", "Israeli-occupied": the country qualifies the actor, it is not the actor.
_QUALIFIER_BEFORE = re.compile(r"(?:pro|anti|non)-$", re.I)
_QUALIFIER_AFTER = re.compile(r"^-(?:backed|sponsored|supported|allied|occupied|controlled|held|funded|armed|owned|based)\b", re.I)


def _np_tokens(token: Token, *, clauses: bool = False) -> list[Token]:
    """The phrase headed by ``token`` with its conjuncts; clauses and appositions inside it are left
    out unless ``clauses`` (they describe the referent, they are not it)."""
    out: list[Token] = []
    stack = [token]
    while stack:
        head = stack.pop()
        out.append(head)
        stack.extend(c for c in head.children if clauses or c.dep_ not in CLAUSE_DEPS or c is token)
    return sorted(out, key=lambda t: t.i)


def _participants(tokens: list[Token], mentions: list[ActorMention], head: Token | None) -> tuple[Participant, ...]:
    if not tokens:
        return ()
    out = _participants_of(tokens, mentions, head)
    if not out and head is not None:
        # An apposition or clause names the referent when its head does not ("the group, Hamas").
        out = _participants_of(_np_tokens(head, clauses=True), mentions, head)
    return out


def _participants_of(tokens: list[Token], mentions: list[ActorMention], head: Token | None) -> tuple[Participant, ...]:
    if not tokens:
        return ()
    starts = {t.idx for t in tokens}
    doc = tokens[0].doc
    # A mention belongs to the phrase when its first word does: the phrase's extent in characters
    # would also take in what lies between its head and a detached part of its subtree.
    ordered = sorted(starts)
    low, high = ordered[0], max(t.idx + len(t) for t in tokens)

    def inside(m: ActorMention) -> bool:
        if m.start in starts:
            return True
        i = bisect.bisect_right(ordered, m.start)  # a word of the phrase begins within the mention
        return m.start >= low and i < len(ordered) and ordered[i] < m.end

    found = [m for m in mentions if low <= m.end and m.start <= high and m.kind != "place" and inside(m)]
    # Outer mentions only: "the Russian Foreign Ministry" rather than the "Russian" inside it.
    found = [m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in found)]
    found.extend(_knowledge_mentions(tokens, found))
    found = [m for m in found if not _qualifier(doc, m)]
    sector, body_start = _head_sector(head) if head is not None else ("", -1)
    out: list[Participant] = []
    seen: set[str] = set()
    for m in found:
        if m.actor_id in seen or not (m.code or m.actor_id.startswith("person:")):
            continue
        seen.add(m.actor_id)
        own = m.sector
        # "Opposition groups in Zimbabwe", "demonstrators in Baghdad": the head says who they are,
        # the place named after it only where they are from.
        if sector and body_start >= 0 and m.start > body_start and m.kind in ("country", "pre") and m.via in ("name", "metonym", "place"):
            own = sector
        out.append(Participant(m.actor_id, m.name, m.code, own or sector, m.text, m.start, m.end))
    return tuple(out)


def _qualifier(doc: Doc, m: ActorMention) -> bool:
    """Is the mention a qualifier ("pro-Iranian", "Syrian-backed") rather than an actor?"""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[max(0, span.start - 2) : span.start].text_with_ws if span.start else ""
    after = doc[span.end : span.end + 2].text if span.end < len(doc) else ""
    return bool(_QUALIFIER_BEFORE.search(before.rstrip() if before.endswith("- ") else before) or _QUALIFIER_AFTER.match(after))


def _head_sector(head: Token) -> tuple[str, int]:
    """The sector the head noun of a phrase gives ("opposition groups" OPP, "riot police" COP), and
    where that head starts; ("", -1) for none."""
    from dateline.core.knowledge import load

    bodies = load().bodies
    if head.lower_ in QUANTITY_HEADS or head.like_num:
        # "hundreds of thousands of people", "members of the opposition": the group counted.
        inner = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        if inner is not None:
            return _head_sector(inner)
    words = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod")] + [head]
    for i in range(len(words)):
        phrase = " ".join(t.lower_ for t in words[i:])
        candidates = [phrase, " ".join([*(t.lower_ for t in words[i:-1]), head.lemma_.lower()])]
        if head.lower_ in GROUP_HEADS and words[i] is not head and words[i].pos_ in ("NOUN", "PROPN", "ADJ"):
            candidates.append(words[i].lower_)  # a noun naming the group: "opposition parties", "army officers"
        for candidate in candidates:
            if candidate in bodies:
                return bodies[candidate], words[i].idx
    sector = HEAD_SECTORS.get(head.lower_, "")
    return sector, (head.idx if sector else -1)


def _locative_tokens(anchors: list[Token]) -> list[Token]:
    heads = list(anchors)
    for anchor in anchors:
        heads.extend(c for c in anchor.children if c.dep_ in ("dobj", "xcomp", "nsubjpass"))
    out: list[Token] = []
    for head in dict.fromkeys(heads):
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in LOCATIVE):
            for g in prep.children:
                if g.dep_ == "pobj":
                    out.extend(_np_tokens(g))
    return out


def _locations(anchors: list[Token], mentions: list[ActorMention], sector: str = "CVL") -> tuple[Participant, ...]:
    """Countries of the places where the event of ``anchors`` happened, as the people there
    (``sector``): known names first, else the cities spaCy tags, geocoded."""
    from dateline.core.knowledge.places import geocode

    tokens = _locative_tokens(anchors)
    if not tokens:
        return ()
    out: dict[str, Participant] = {}
    starts = {t.idx for t in tokens}
    for m in mentions:
        if m.start in starts and m.kind in ("country", "pre") and m.code:
            own = sector if m.sector in ("", "GOV") else m.sector
            out.setdefault(m.code, Participant(m.actor_id, m.name, m.code, own, m.text, m.start, m.end))
    if not out:
        for ent in tokens[0].doc.ents:
            if ent.start_char in starts and ent.label_ in ("GPE", "LOC", "FAC", "NORP"):  # NORP: "Samarra" is tagged so
                place = geocode(ent.text)
                if place is not None and place.country:
                    out.setdefault(place.country, Participant(place.country, place.name, place.country, sector, ent.text,
                                                              ent.start_char, ent.end_char))  # fmt: skip
    return tuple(out.values())


def _actor_by_location(subject: Token, verb: Token, trigger: Token, mentions: list[ActorMention]) -> tuple[Participant, ...]:
    """An actor known only by what it is and where ("people in Hong Kong", "a bombing near Samarra")."""
    if subject.lemma_.lower() in WEAPON_SUBJECTS or subject.lower_ in WEAPON_SUBJECTS:
        sector = "UAF"
    else:
        sector, _ = _head_sector(subject)
    if not sector:
        return ()
    return _locations([subject, verb, trigger], mentions, sector)[:1]


def _merge(groups: Iterable[tuple[Participant, ...]]) -> tuple[Participant, ...]:
    out: dict[str, Participant] = {}
    for group in groups:
        for p in group:
            out.setdefault(p.actor_id, p)
    return tuple(sorted(out.values(), key=lambda p: p.start))


def _knowledge_mentions(tokens: list[Token], found: list[ActorMention]) -> list[ActorMention]:
    """Countries and demonyms in a phrase that the mention finder left out ("Hungarian and Romanian")."""
    from dateline.core.knowledge import load

    kb = load()
    extra = []
    for t in tokens:
        if any(m.start <= t.idx < m.end for m in found):
            continue
        entry = kb.demonyms.get(t.text) or (kb.names[t.text][0] if t.text in kb.names else None)
        if entry is not None and entry.kind in ("country", "pre") and t.text[:1].isupper():
            extra.append(ActorMention(t.idx, t.idx + len(t.text), t.text, entry.actor_id, entry.name, entry.kind,
                                      entry.code, entry.sector, "", "demonym"))  # fmt: skip
    return extra


def _speaker_of(verb: Token) -> Token | None:
    """The subject of the speech verb whose reported clause holds ``verb`` ("Hungary said it will ...")."""
    reporter = _reporter(verb)
    if reporter is None:
        return None
    return next((c for c in reporter.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                return verb.head  # "the group that attacked": the group
            return child
    for child in verb.children:  # passive: the agent is the doer
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and verb.head is not verb:
        return _subject(verb.head)
    if verb.dep_ in ("acl", "relcl") and verb.tag_ != "VBN":
        noun = verb.head
        governor = noun.head.head if noun.dep_ == "pobj" else noun.head
        if _is_event_noun(noun) or noun.lemma_.lower() in STATEMENT_NOUNS:
            # "issued a declaration demanding ...", "converged for a rally to protest ...": the one
            # who issued it or rallied.
            if noun.dep_ in ("dobj", "pobj") and governor.pos_ in ("VERB", "AUX"):
                return _subject(governor)
            return None
        return noun  # "aid groups delivering food", "militants loyal to ..."
    return None


def _actor_subject(verb: Token, event: str = "") -> Token | None:
    """The doer, with "it"/"they"/"we" in reported speech read as the speaker ("Syria says it is willing")."""
    subject = _subject(verb)
    if subject is None and event in PASSIVE_ACTOR_TYPES and not _has_agent(verb):
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.lower_ in ("it", "they", "we", "he", "she"):
        head = verb
        while head.dep_ in ("xcomp", "acomp", "conj", "advcl") and head.head is not head:
            head = head.head
        speaker = _speaker_of(head)
        if speaker is not None:
            return speaker
    return subject


RECIPIENT_PREPS = ("with", "on", "upon", "to", "against", "for", "from", "between")
# Prepositions that introduce the target of an event noun, by type: "invasion of Lebanon",
# "withdrawal of forces from Panama", "investigation into", "aid for refugees".
NOUN_PREPS = {"ASSAULT": ("of",), "COERCE": ("of",), "SANCTION": ("of",), "RETREAT": ("from",), "ACCUSE": ("into",),
              "AID": ("for",)}  # fmt: skip
MODIFIER_DEPS = ("poss", "compound", "amod", "nmod")


def _noun_target(noun: Token, event: str, *, modifiers: bool) -> list[Token]:
    """The target of an event or proposal noun: whom it is aimed at ("sanctions on the Taliban", "a
    protest with Albania") and, with ``modifiers``, who made the proposal rejected or accepted ("an
    Australian ultimatum", "a US offer")."""
    out: list[Token] = []
    preps = ("to", "with", "against", "between", "on", *NOUN_PREPS.get(event, ()))
    for child in noun.children:
        if child.dep_ in MODIFIER_DEPS and modifiers:
            out.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in preps:
            for g in child.children:
                if g.dep_ == "pobj":
                    out.extend(_np_tokens(g))
    return out


def _is_event_noun(token: Token) -> bool:
    d = dictionary()
    return token.lower_ in d.nouns or token.lemma_.lower() in d.nouns or token.lemma_.lower() in d.proposals


def _recipient_phrases(verb: Token, event: str, *, deep: bool = True) -> list[tuple[Token, list[Token]]]:
    """(head, tokens) of every phrase that may name the recipient of the event ``verb`` triggers."""
    out: list[tuple[Token, list[Token]]] = []
    preps = RECIPIENT_PREPS + (("at",) if event == "ASSAULT" else ())  # "at a lunch" is where, "fired at" is whom
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            if _is_event_noun(child):
                # The noun of the event itself ("imposed sanctions on", "held talks with") is not its
                # recipient; the maker of another's proposal ("rejected a US offer") is.
                own = dictionary().nouns.get(child.lower_) or dictionary().nouns.get(child.lemma_.lower())
                out.append((child, _noun_target(child, event, modifiers=own is None or own.event != event)))
            else:
                out.append((child, _np_tokens(child)))
        elif child.dep_ == "nsubjpass" and not (event in PASSIVE_ACTOR_TYPES and not _has_agent(verb)):
            out.append((child, _np_tokens(child)))
        elif child.dep_ == "prep" and child.lower_ in preps:
            out.extend((g, _np_tokens(g)) for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "ccomp" and event == "REQUEST":
            # "demanded that the US cancel the sale": who is asked to act is the recipient.
            out.extend((g, _np_tokens(g)) for g in child.children if g.dep_ in ("nsubj", "nsubjpass"))
        elif child.dep_ == "advcl" and event == "THREATEN" and any(m.lower_ in ("if", "unless") for m in child.children):
            # "... unless Baghdad accepts": the one whose conduct the threat is meant to change.
            out.extend((g, _np_tokens(g)) for g in child.children if g.dep_ in ("nsubj", "nsubjpass"))
    if deep and not any(_has_code_words(tokens) for _, tokens in out):
        # "threatened to break relations with Russia", "agreed to open its borders to peacekeepers":
        # the act threatened, offered or refused carries the recipient.
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                out.extend(_recipient_phrases(child, event, deep=False))
    return out


def _has_code_words(tokens: list[Token]) -> bool:
    return any(t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or t.pos_ == "PROPN" for t in tokens)


def _has_agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)


INTENT_VERBS = {"want", "plan", "hope", "try", "seek", "intend", "vow", "swear", "pledge", "promise", "threaten",
                "prepare", "aim", "offer", "propose"}  # fmt: skip
REFUSAL_VERBS = {"refuse", "decline", "fail", "reject"}


def _governors(verb: Token) -> list[Token]:
    """The verbs and nouns whose complement ``verb`` is, nearest first ("demanded that they refuse
    to recognize": refuse, demanded)."""
    out: list[Token] = []
    current = verb
    while current.dep_ in ("xcomp", "ccomp", "acl") and current.head is not current and len(out) < 4:
        current = current.head
        out.append(current)
    return out


def _modality(verb: Token) -> tuple[bool, bool, bool]:
    """(negated, hypothetical, future) from the trigger's auxiliaries and clause."""
    kids = list(verb.children)
    negated = any(c.dep_ == "neg" for c in kids) or (verb.dep_ == "xcomp" and verb.head.lemma_ in REFUSAL_VERBS)
    aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    future = bool(aux & {"will", "'ll", "shall", "wo"}) or any(c.lower_ == "scheduled" for c in [verb, *kids])
    hypothetical = bool(aux & {"would", "could", "might", "may", "should"}) or any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids
    )
    for head in _governors(verb):
        if head.pos_ in ("VERB", "AUX"):
            entry = _match_verb(head)
            if (entry is not None and entry.event in REPORTING_REQUEST) or head.lemma_ in INTENT_VERBS | REFUSAL_VERBS:
                hypothetical = True  # "called on them to cease hostilities": asked for, not done
            if head.lemma_ in ("plan", "schedule", "expect", "intend") or head.lower_ == "scheduled":
                future = True
        elif head.pos_ == "NOUN" and (dictionary().nouns.get(head.lower_) or _Entry("", "", "")).event in REPORTING_REQUEST:
            hypothetical = True  # "its demand that Israel ease restrictions"
    return negated, hypothetical, future


def _committed(verb: Token) -> bool:
    """Does the actor commit itself to the act ("offered to hand over", "is willing to withdraw",
    "X said it will release", "Finland will give ..., a statement said")? A plain future that
    nobody states ("will discuss on Monday") is not a commitment."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in ("offer", "promise", "pledge", "vow", "swear", "agree", "commit", "willing", "prepared", "ready"):
        return True
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not aux & {"will", "'ll", "shall", "wo", "would"}:
        return False
    # "would" too: in reported speech it is the future of the statement ("said they would").
    return _reporter(verb) is not None


def _attached_timex(verb: Token, timexes: list[Timex]) -> Timex | None:
    # The verb's own words: its subtree without what embedded clauses contain (their heads stay).
    own = {verb.i}
    stack = [verb]
    while stack:
        head = stack.pop()
        for child in head.children:
            own.add(child.i)
            if child.dep_ not in ("ccomp", "relcl", "advcl"):
                stack.append(child)
    doc = verb.doc
    for timex in timexes:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.i in own and any(p.i == verb.i for p in [root.head, root.head.head, root.head.head.head]):
            return timex
    return None


def _must_requests(sentence: Span, mentions: list[ActorMention], published: dt.date | None, used: set[int]) -> list[Event]:
    """"X said (that) Y must do Z": X requests of Y (PLOVER REQUEST)."""
    out: list[Event] = []
    for token in sentence:
        if token.lemma_ not in SPEECH | {"conclude", "insist", "argue"} or token.i in used:
            continue
        for clause in (c for c in token.children if c.dep_ == "ccomp"):
            if not any(a.lower_ in ("must", "should") for a in clause.children if a.dep_ == "aux"):
                continue
            subject = _subject(token)
            target = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            actors = _participants(_np_tokens(subject), mentions, subject) if subject is not None else ()
            recipients = _participants(_np_tokens(target), mentions, target) if target is not None else ()
            if not actors and not recipients:
                continue
            out.append(Event(
                event="REQUEST", mode="", context=_contexts(sentence), actors=actors, recipients=recipients,
                trigger_start=token.idx, trigger_end=token.idx + len(token.text), trigger_lemma=token.lemma_.lower(),
                sentence_start=sentence.start_char, sentence_end=sentence.end_char,
                date=published.isoformat() if published else None, date_granularity="day" if published else "",
                date_source="published" if published else "unknown", confidence=0.85,
            ))  # fmt: skip
    return out


def _reporter(verb: Token) -> Token | None:
    """The speech verb whose reported clause contains ``verb`` ("Lavrov said [that ...]")."""
    child = verb
    for ancestor in verb.ancestors:
        if ancestor.lemma_ in SPEECH and child.dep_ in ("ccomp", "parataxis"):
            return ancestor
        child = ancestor
    return None


def _granularity(value: str) -> str:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}-W\d{2}(-WE)?", value):
        return "week"
    if re.fullmatch(r"\d{4}(-Q\d|-H\d|-SP|-SU|-FA|-WI)?", value):
        return "year" if len(value) == 4 else "season"
    if re.fullmatch(r"\d{3}", value):
        return "decade"
    return ""


def _contexts(sentence: Span) -> tuple[str, ...]:
    return _contexts_of(sentence.text.lower())


@lru_cache(maxsize=256)
def _contexts_of(text: str) -> tuple[str, ...]:
    return tuple(sorted(tag for tag, words in dictionary().contexts.items() if any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)))


def code_events(
    doc: Doc,
    *,
    published: dt.date | None,
    mentions: list[ActorMention],
    timexes: list[Timex] | None = None,
    places: list[tuple[int, int, str]] | None = None,
) -> list[Event]:
    """Every PLOVER event in ``doc``, best first within each sentence."""
    timexes = timexes or []
    out: list[Event] = []
    for sentence in doc.sents:
        found: list[Event] = []
        used: set[int] = set()
        for token in sentence:
            entry: _Entry | None = None
            verb: Token | None = None
            trigger = token
            if token.pos_ in ("VERB", "AUX"):
                entry = _match_verb(token)
                verb = token
            elif token.pos_ in ("NOUN", "PROPN"):
                matched = _match_noun(token)
                if matched is not None:
                    entry, verb = matched
                    if _match_verb(verb) is not None and verb.lemma_.lower() not in LIGHT_VERBS:
                        continue  # the verb codes the event itself
            if entry is None or verb is None or verb.i in used:
                continue
            subject = _actor_subject(verb, entry.event)
            actors = _participants(_np_tokens(subject), mentions, subject) if subject is not None else ()
            phrases = _recipient_phrases(verb, entry.event)
            if trigger is not verb:  # "aid to Mozambique", "talks with Baku": the noun's own arguments
                phrases.append((trigger, _noun_target(trigger, entry.event, modifiers=False)))
            recipients = _merge(_participants(tokens, mentions, head) for head, tokens in phrases)
            if not actors and subject is not None:
                actors = _actor_by_location(subject, verb, trigger, mentions)
            # The same words are never both sides; the same country may be ("Bosnian Serbs demanded a
            # truce with Moslem forces in Bosnia").
            recipients = tuple(r for r in recipients if (r.start, r.end) not in {(a.start, a.end) for a in actors}
                               and not (r.actor_id in {a.actor_id for a in actors} and not r.sector))  # fmt: skip
            if not recipients and entry.event in LOCATION_TARGET_TYPES:
                recipients = tuple(r for r in _locations([verb, trigger], mentions) if r.code not in {a.code for a in actors})
            if not actors and not recipients and not (subject is not None and any(
                    t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in subject.subtree)):
                continue
            used.add(verb.i)
            negated, hypothetical, future = _modality(verb)
            timex = _attached_timex(verb, timexes) or (_attached_timex(trigger, timexes) if trigger is not verb else None)
            date, source = None, "unknown"
            if timex is not None and not timex.unresolved and timex.value[:4].isdigit():
                date, source = timex.value, "trigger"
            else:
                reporter = _reporter(verb)
                said = _attached_timex(reporter, timexes) if reporter is not None else None
                if said is not None and not said.unresolved and said.value[:4].isdigit():
                    date, source = said.value, "statement"
                elif reporter is None and verb.lemma_ not in SPEECH and (
                        told := narrative_timex(sentence, verb, timexes, published)) is not None:  # fmt: skip
                    date, source = told.value, "narrative"
                elif published is not None:
                    date, source = published.isoformat(), "published"
            historical = bool(date and published and date[:4].isdigit() and int(date[:4]) < published.year - 1)
            location = None
            for start, end, name in places or []:
                if sentence.start_char <= start < sentence.end_char:
                    token_at = doc.char_span(start, end, alignment_mode="expand")
                    if token_at is not None and token_at.root.head.head.i == verb.i:
                        location = name
                        break
            event_type = entry.event
            # PLOVER codes a commitment to act ("will release", "will evacuate") as AGREE.
            if not negated and event_type in COMMITMENT_TYPES and _committed(verb):
                event_type = "AGREE"
            elif not negated and event_type in HOSTILE_TYPES and _committed(verb):
                event_type = "THREATEN"  # "vowed to fight", "said they would blockade Paris"
            if negated and event_type == "AGREE":
                event_type, negated = "REJECT", False  # "will not accept", "failed to reach agreement"
            if any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children) for c in verb.children):
                event_type = "THREATEN"  # "will withdraw ... unless ...": a conditional threat
            confidence = 0.4 + 0.2 * bool(actors) + 0.2 * bool(recipients) + 0.1 * bool(entry.second) + 0.1 * (verb.dep_ == "ROOT")
            if hypothetical:
                confidence -= 0.3  # what was asked for or threatened ranks below the asking
            found.append(Event(
                event=event_type, mode=entry.mode if event_type == entry.event else "", context=_contexts(sentence), actors=actors, recipients=recipients,
                trigger_start=trigger.idx, trigger_end=trigger.idx + len(trigger.text), trigger_lemma=trigger.lemma_.lower(),
                sentence_start=sentence.start_char, sentence_end=sentence.end_char, negated=negated,
                hypothetical=hypothetical, future=future, historical=historical, date=date,
                date_granularity=_granularity(date) if date else "", date_source=source, location=location,
                confidence=round(min(confidence, 1.0), 2),
            ))  # fmt: skip
        found.extend(_must_requests(sentence, mentions, published, used))
        found.sort(key=lambda e: (-e.confidence, e.trigger_start))
        out.extend(found)
    return out
