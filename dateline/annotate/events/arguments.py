"""Who did it and to whom: an event's actors and recipients from its trigger's own arguments.

Which phrase is the actor and which the recipient is :mod:`dateline.annotate.events.roles`; here,
who those phrases name: the actor mentions the actors stage found inside them, a generic agent by
its sector, a named entity it could not code kept uncoded, or the country where it happened.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from dateline.annotate.events.lexicon import words
from dateline.annotate.events.records import Participant, Place
from dateline.annotate.events.roles import np_tokens
from dateline.core.knowledge.names import in_feature_name
from dateline.core.lexicon import english
from dateline.core.mentions import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

def participants(tokens: list[Token], mentions: list[ActorMention], head: Token | None) -> tuple[Participant, ...]:
    if not tokens:
        return ()
    out = _participants_of(tokens, mentions, head)
    if not any(p.code for p in out) and head is not None:
        # An apposition or clause names the referent when its head does not ("the group, Hamas";
        # "Salaheddine Sidhoum, Algeria's leading activist").
        out = _participants_of(np_tokens(head, appositions=True), mentions, head) or out
    if not out:
        out = _unknown_entities(tokens, head)
    if not out and head is not None:
        out = _agent(head, tokens)
    return out


def asked(verb: Token) -> tuple[Participant, ...]:
    """Whom a request asks to act, named by what they are ("urged islanders to wash their hands",
    "advised people not to travel"): the object of a verb of asking that has an act for it."""
    if verb.lemma_.lower() not in words().object_control_verbs or not any(c.dep_ == "xcomp" for c in verb.children):
        return ()
    return next((described(c) for c in verb.children if c.dep_ in ("dobj", "dative")), ())


OWNING_KINDS = frozenset({"country", "igo", "organization", "pre", "region"})  # what "its" and "their" stand for here


def owned_by_pronoun(side: tuple[Participant, ...], mentions: list[ActorMention], since: int) -> tuple[Participant, ...]:
    """People or bodies known by what they are and owned by a pronoun ("its citizens", "its
    government") are of the state or organisation named last before the pronoun in the sentence
    ("Japan advised its nationals in Mexico", "criticised China, accusing its government")."""
    owners = words().owning_pronouns
    out = []
    for p in side:
        if p.kind == "agent" and not p.code and p.entity_text.split()[0].lower() in owners:
            named = [m for m in _between(mentions, since, p.start) if m.code and m.end <= p.start and m.kind != "place"]
            if named and named[-1].kind in OWNING_KINDS:
                p = replace(p, code=named[-1].code)
        out.append(p)
    return tuple(out)


def described(head: Token) -> tuple[Participant, ...]:
    """A participant known only by a common noun ("the public", "islanders"), uncoded."""
    if head.pos_ != "NOUN":
        return ()
    first = head.left_edge if head.left_edge.dep_ in ("det", "amod", "compound", "poss") else head
    return _generic(first, head, "", agent_of(head)[1])


def _agent(head: Token, tokens: list[Token]) -> tuple[Participant, ...]:
    """A generic agent ("the senator", "police", "the bomber"): the sector its head gives (the
    actor knowledge's bodies, the Phoenix agents dictionary), uncoded unless the dictionary codes
    the agent itself (its NGO and IGO agents); a country named in the phrase is its mention."""
    if head not in tokens or head.pos_ not in ("NOUN", "PROPN"):
        return ()
    code, sector = agent_of(head)
    if not (code or sector):
        return ()
    doc = head.doc
    first = head.left_edge
    if first.dep_ == "det" and first.lower_ not in ("the", "a", "an") and first.i < head.i:
        first = doc[first.i + 1]  # "some", "those", "all": the agent is what follows
    return _generic(first, counted(head) or head, code, sector)  # "hundreds of migrants", not "hundreds"


def _generic(first: Token, last: Token, code: str, sector: str) -> tuple[Participant, ...]:
    """An agent known by what it is, the words from ``first`` to ``last``."""
    span = first.doc[first.i : last.i + 1]
    return (Participant("", span.text, code, sector, span.text, span.start_char, span.end_char, "agent", "agent"),)


def _participants_of(tokens: list[Token], mentions: list[ActorMention], head: Token | None) -> tuple[Participant, ...]:
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

    found = [m for m in _between(mentions, low, high) if m.kind != "place" and inside(m)]
    # Outer mentions only: "the Russian Foreign Ministry" rather than the "Russian" inside it.
    found = [m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in found)]
    found.extend(_knowledge_mentions(tokens, found))
    found = [m for m in found if not _qualifier(doc, m) and not _posted_to(doc, m)]
    # "Michael Jackson's doctor, Conrad Murray": the owner is not the one the phrase names; an owner
    # alone stays, as PLOVER codes "Assad's forces" by Assad.
    found = [m for m in found if not _named_for_another(_person_span(doc, m), head)]
    owners = [m for m in found if _possessor(doc, m) or (_tied(head) and _owner_after(_person_span(doc, m), head))]
    found = [m for m in found if not _counterpart_owner(doc, m)]
    if owners and (any(m.kind == "person" and m not in owners for m in found) or _tied(head)):
        # "Michael Jackson's family", "the doctor of Jackson's life": a tie to the owner, who does
        # not act through them as a state through its forces.
        found = [m for m in found if m not in owners]
    found, origins = _origins(doc, found)
    sector, body_start = head_sector(head) if head is not None else ("", -1)
    head_agent = agent_of(head)[1] if head is not None and found else ""  # the sector the head noun names
    out: list[Participant] = []
    seen: set[str] = set()
    for m in found:
        if m.actor_id in seen or not (m.code or m.actor_id.startswith("person:")):
            continue
        seen.add(m.actor_id)
        if not m.code and m.actor_id in origins:
            m = replace(m, code=origins[m.actor_id])
        own = m.sector
        # "Opposition groups in Zimbabwe", "demonstrators in Baghdad": the head says who they are,
        # the place named after it only where they are from.
        if sector and body_start >= 0 and m.start > body_start and m.kind in ("country", "pre", "region") and m.via in ("name", "metonym", "place"):
            own = sector
        elif not own and not sector and m.via == "demonym" and head is not None and head.idx >= m.end:
            own = head_agent  # "a British woman": a British civilian, not Britain
        elif not own and m.kind == "country" and head is not None and head_agent and _modifies(doc, m, head):
            own = head_agent  # "US congressmen": the country's legislators, not the state
            m = replace(m, name=f"{m.name} {head.text}")
        elif not own and not sector and m.kind == "region" and head is not None and head.pos_ == "NOUN" and head.idx >= m.end:
            own = head_agent or "CVL"  # "Louisiana shrimpers": people of the state, not its government
            m = replace(m, name=f"{m.name} {head.text}")
        out.append(Participant(m.actor_id, m.name, m.code, own or sector, m.text, m.start, m.end, m.kind, m.via))
    return tuple(out)


def _origins(doc: Doc, found: list[ActorMention]) -> tuple[list[ActorMention], dict[str, str]]:
    """A place after a person's name with "of" says where the person is from ("Henry Waxman of
    California", "Sergei Lavrov of Russia"): not an actor beside them, the person's country where
    the person has none. Returns the mentions left and each such person's country."""
    people = [m for m in found if m.kind == "person"]
    if not people:
        return found, {}
    origins: dict[str, str] = {}
    left = []
    for m in found:
        owner = None
        if m.kind in ("country", "region", "pre") and m.via in ("name", "place"):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            t = span.root if span is not None else None
            if t is not None and t.dep_ == "pobj" and t.head.lower_ == "of":
                at = t.head.head.idx
                owner = next((p for p in people if p.start <= at < p.end), None)
        if owner is None:
            left.append(m)
        elif m.code:
            origins.setdefault(owner.actor_id, m.code)
    return left, origins


def _between(mentions: list[ActorMention], low: int, high: int) -> list[ActorMention]:
    """The mentions that overlap [low, high]; ``mentions`` are sorted by start (a binary search keeps
    the coding of a long document near-linear)."""
    i = bisect.bisect_left(mentions, low - 200, key=lambda m: m.start)  # no mention is longer than 200 characters
    out = []
    for m in mentions[i:]:
        if m.start > high:
            break
        if m.end >= low:
            out.append(m)
    return out


def _unknown_entities(tokens: list[Token], head: Token | None) -> tuple[Participant, ...]:
    """Named organisations and people the actors stage could not code ("BP", "Halliburton"): kept
    uncoded, so that the event still says who."""
    doc = tokens[0].doc
    inside = {t.i for t in tokens}
    named: list[tuple[Participant, bool]] = []  # each with whether it is an owner ("X's")
    for t in tokens:
        if t.ent_iob_ == "B" and t.ent_type_ in ("ORG", "PERSON") and t.i in inside:
            end = t.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            ent = doc[t.i : end]  # the entity begun here (``doc.ents`` would build every entity of the text)
            person = t.ent_type_ == "PERSON"
            if _case_name(ent, head) or (person and (_buried_owner(ent, head) or (_tied(head) and _owner_after(ent, head)))):
                continue  # "the Smith judge", "the doctor of John Smith", "executors of John Smith's estate"
            named.append((Participant("", ent.text, "", "", ent.text, ent.start_char, ent.end_char), _owns(ent)))
    # "Michael Jackson's doctor, Conrad Murray": the owner is not the one the phrase names. An owner
    # alone stays, as PLOVER codes "Assad's forces" by Assad.
    keep_owners = all(owner for _, owner in named) and not _tied(head)
    return tuple(p for p, owner in named if keep_owners or not owner)[:3]


def _tied(head: Token | None) -> bool:
    """Does the phrase name someone by a tie to another who does not act through them ("family",
    "doctor", "victims"), as a state acts through its forces?"""
    return head is not None and head.lemma_.lower() in words().relation_heads


def _root(doc: Doc, m: ActorMention) -> Token | None:
    """The head word of a mention in the parse."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root if span is not None else None


def _counterpart_owner(doc: Doc, m: ActorMention) -> bool:
    """Is the mention the one whose neighbour, ally or rival the phrase names ("Mexico's southern
    neighbour", "Iran's allies")? That is another."""
    root = _root(doc, m)
    return root is not None and root.dep_ == "poss" and root.head.lemma_.lower() in words().counterpart_heads


def _possessor(doc: Doc, m: ActorMention) -> bool:
    """Is the mention a person the phrase belongs to ("Michael Jackson's doctor", "the minister's
    lawyers")? A state's body stays its own ("Russia's army")."""
    if m.kind != "person":
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and _owns(span)


def _modifies(doc: Doc, m: ActorMention, head: Token | None) -> bool:
    """Is the mention a modifier of the phrase's head noun ("US congressmen", "Iraqi farmers")?"""
    root = _root(doc, m)
    return (head is not None and root is not None and head.pos_ == "NOUN" and root.head == head
            and root.dep_ in ("compound", "amod", "nmod"))  # fmt: skip


def _named_for_another(span: Span | None, head: Token | None) -> bool:
    """Does the person's name only say whose case or whose thing the phrase is about ("the Smith
    judge", "executors of Smith's estate"), not who acts or is acted on?"""
    return _case_name(span, head) or _buried_owner(span, head)


def _buried_owner(span: Span | None, head: Token | None) -> bool:
    """Is the name one who owns a word of a phrase hung on the head ("executors of Michael
    Jackson's estate", "lawyers for Smith's family")? The head is who acts; an owner of the head
    itself ("Assad's forces") stays."""
    if head is None or span is None:
        return False
    root = span.root
    if root.dep_ != "poss" or root.head == head:
        return False
    owned = root.head
    return owned.dep_ == "pobj" and owned.head.dep_ == "prep" and owned.head.head == head


def _owner_after(span: Span | None, head: Token | None) -> bool:
    """Is the name one the phrase's head is "of" ("the personal doctor of John Smith")?"""
    if head is None or span is None:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head == head


def _case_name(span: Span | None, head: Token | None) -> bool:
    """Is the name one that names the case a court's agent works on ("the Smith judge", "the
    Lockerbie prosecutor")? The judge acts for the court, not for the one the case is named by."""
    if head is None or span is None or head.i < span.end:
        return False
    return span.root.dep_ == "compound" and span.root.head == head and head_sector(head)[0] == "JUD"


def _person_span(doc: Doc, m: ActorMention) -> Span | None:
    return doc.char_span(m.start, m.end, alignment_mode="expand") if m.kind == "person" else None


def _owns(span: Span) -> bool:
    """Does the name stand before an "'s", after it or inside it when the text spaces it ("Jackson 's")?"""
    doc = span.doc
    return span[-1].tag_ == "POS" or (span.end < len(doc) and doc[span.end].tag_ == "POS")


def _qualifier(doc: Doc, m: ActorMention) -> bool:
    """Is the mention a qualifier ("pro-Iranian", "Syrian-backed") rather than an actor?"""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    w = words()
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    after = [t.lower_ for t in doc[span.end : span.end + 2]]
    return (len(before) == 2 and before[1] == "-" and before[0] in w.qualifier_prefixes) or (
        len(after) == 2 and after[0] == "-" and after[1] in w.qualifier_suffixes)  # fmt: skip


def _posted_to(doc: Doc, m: ActorMention) -> bool:
    """Is the mention where an envoy is posted ("Peru's ambassador to China", "the US envoy to the
    UN")? The envoy is of the one who sends them."""
    root = _root(doc, m)
    return (root is not None and root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head != root.head
            and root.head.head.lemma_.lower() in english().envoys)  # fmt: skip


def head_sector(head: Token) -> tuple[str, int]:
    """The sector the head noun of a phrase gives ("opposition groups" OPP, "riot police" COP), and
    where that head starts; ("", -1) for none."""
    w = words()
    inner = counted(head)
    if inner is not None:
        return head_sector(inner)
    bodies = _bodies()
    modifiers = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod")] + [head]
    for i in range(len(modifiers)):
        phrase = " ".join(t.lower_ for t in modifiers[i:])
        candidates = [phrase, " ".join([*(t.lower_ for t in modifiers[i:-1]), head.lemma_.lower()])]
        if head.lower_ in w.group_heads and modifiers[i] != head and modifiers[i].pos_ in ("NOUN", "PROPN", "ADJ"):
            candidates.append(modifiers[i].lower_)  # a noun naming the group: "opposition parties", "army officers"
        for candidate in candidates:
            if candidate in bodies:
                return bodies[candidate], modifiers[i].idx
    sector = w.head_sectors.get(head.lower_, "")
    return sector, (head.idx if sector else -1)


def counted(head: Token) -> Token | None:
    """The group a quantity counts ("hundreds of thousands of people", "members of the opposition")."""
    if head.lower_ not in words().quantity_heads and not head.like_num:
        return None
    return next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)


def agent_of(head: Token) -> tuple[str, str]:
    """(code, sector) of a generic agent ("the senator", "riot police", "the second bomber"): the
    sector its head gives (:func:`head_sector`), else the Phoenix agents dictionary's entry for the
    head with its modifiers, longest first (coded only for its NGO and IGO agents); ("", "") for none."""
    sector, _ = head_sector(head)
    if sector:
        return "", sector
    group = counted(head)
    if group is not None:
        return agent_of(group)  # "hundreds of migrants": the migrants
    agents = _agents()
    modifiers = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod")] + [head]
    for i in range(len(modifiers)):
        for key in (" ".join(t.lower_ for t in modifiers[i:]), " ".join([*(t.lower_ for t in modifiers[i:-1]), head.lemma_.lower()])):
            code, found = agents.get(key, ("", ""))
            if code or found:  # "aid groups": an NGO, of no sector
                return code, found
    return "", ""


def _agents() -> dict[str, tuple[str, str]]:
    # The Phoenix agents (phrase → code, sector), compiled into the shared actor knowledge.
    from dateline.core.knowledge import load

    return load().dictionary.agents


def _bodies() -> dict[str, str]:
    # The shared actor knowledge's bodies ("riot police" COP, "opposition" OPP): the actors stage's
    # mentions do not carry the sector of an unnamed body.
    from dateline.core.knowledge import load

    return load().bodies


def _knowledge_mentions(tokens: list[Token], found: list[ActorMention]) -> list[ActorMention]:
    """Countries and demonyms in a phrase that the mention finder left out ("Hungarian and Romanian")."""
    from dateline.core.knowledge import load

    kb = load()
    extra = []
    for t in tokens:
        if not t.text[:1].isupper():
            continue
        before = t.doc[max(0, t.i - 4) : t.i].text_with_ws  # the few words before, not the whole text
        if in_feature_name(before, len(before)):  # "the Gulf of Mexico": a sea, not Mexico
            continue
        entry = kb.demonyms.get(t.text) or (kb.names[t.text][0] if t.text in kb.names else None)
        if entry is None or any(m.start <= t.idx < m.end for m in found):
            continue
        if entry.kind in ("country", "pre"):
            extra.append(ActorMention(t.idx, t.idx + len(t.text), t.text, entry.actor_id, entry.name, entry.kind,
                                      entry.code, entry.sector, "", "demonym"))  # fmt: skip
    return extra


def _locative_tokens(anchors: list[Token]) -> list[Token]:
    heads = list(anchors)
    for anchor in anchors:
        heads.extend(c for c in anchor.children if c.dep_ in ("dobj", "xcomp", "nsubjpass"))
    out: list[Token] = []
    for head in dict.fromkeys(heads):
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in words().locative):
            for g in prep.children:
                if g.dep_ == "pobj":
                    out.extend(np_tokens(g))
    return out


def locations(anchors: list[Token], mentions: list[ActorMention], places: list[Place], sector: str = "CVL") -> tuple[Participant, ...]:
    """Countries of the places where the event of ``anchors`` happened, as the people there
    (``sector``): known names first, else the places the actors stage geocoded."""
    tokens = _locative_tokens(anchors)
    if not tokens:
        return ()
    out: dict[str, Participant] = {}
    starts = {t.idx for t in tokens}
    for m in _between(mentions, min(starts), max(starts)):
        if m.start in starts and m.kind in ("country", "pre", "region") and m.code:
            own = sector if m.sector in ("", "GOV") else m.sector
            out.setdefault(m.code, Participant(m.actor_id, m.name, m.code, own, m.text, m.start, m.end))
    if not out:
        for place in places:
            if place.start in starts and place.country:
                out.setdefault(place.country, Participant(place.country, place.name, place.country, sector,
                                                          tokens[0].doc.text[place.start : place.end], place.start, place.end))  # fmt: skip
    return tuple(out.values())


def actor_by_location(subject: Token, verb: Token, trigger: Token, mentions: list[ActorMention], places: list[Place]) -> tuple[Participant, ...]:
    """An actor known only by what it is and where ("people in Hong Kong", "a bombing near Samarra")."""
    if subject.lemma_.lower() in words().weapon_subjects or subject.lower_ in words().weapon_subjects:
        sector = "UAF"
    else:
        sector = agent_of(subject)[1]
    if not sector:
        return ()
    found = locations([subject, verb, trigger], mentions, places, sector)[:1]
    # Named by what it is ("security forces"), coded by where: the place is not the actor.
    tokens = [t for t in np_tokens(subject) if t.dep_ not in ("det", "poss", "predet")]
    return tuple(replace(p, name=_span_text(tokens)) for p in found) if tokens else found


def _span_text(tokens: list[Token]) -> str:
    doc = tokens[0].doc
    return str(doc[tokens[0].i : tokens[-1].i + 1].text)


def merge(groups: Iterable[tuple[Participant, ...]]) -> tuple[Participant, ...]:
    out: dict[str, Participant] = {}
    for group in groups:
        for p in group:
            out.setdefault(p.actor_id or p.entity_text, p)
    return tuple(sorted(out.values(), key=lambda p: p.start))


def political(p: Participant) -> bool:
    """An actor: coded, named, a generic agent of a political sector, or an organisation ("the
    newspaper"); not one of the public ("students", "patients", "my nurse")."""
    w = words()
    if p.code or p.kind != "agent" or p.sector in w.political_sectors:
        return True
    words_of = p.entity_text.lower().split()
    return bool(words_of) and words_of[-1] in w.organisation_heads
