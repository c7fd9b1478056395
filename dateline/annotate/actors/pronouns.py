"""Subjects that are pronouns ("she") or nominals ("the diplomat", "the ministry"), resolved to the
latest compatible actor before them.

A pronoun agrees in gender with the person it stands for (a person whose gender the document
does not state may take either), or stays unresolved. The search walks back over a bounded
window of recent mentions, so the cost grows with the length of the text, not its square.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from dateline.annotate.actors.context import Scope
from dateline.annotate.actors.people import title_of
from dateline.annotate.tokens import tokens_with_dep
from dateline.core.knowledge import Entry
from dateline.core.knowledge.names import name_words
from dateline.core.mentions import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

WINDOW = 40  # recent mentions a pronoun or nominal may refer to
# Verbs whose "it" stands for nothing ("it is unclear whether", "it seems", "it takes time").
IMPERSONAL = frozenset({"be", "seem", "appear", "take", "remain", "rain", "matter", "happen", "look", "sound", "feel"})
NOMINAL_HEADS = frozenset({"diplomat", "minister", "spokeswoman", "spokesman", "spokesperson", "official", "ministry", "service",
                           "president", "premier", "envoy", "ambassador", "chancellor", "leader", "secretary"})  # fmt: skip
# Plural nominals ("the ministers", "the officials") stand for the group named just before by the same
# head noun ("EU health ministers met ... The ministers rejected ...").
GROUP_HEADS = frozenset({"ministers", "officials", "leaders", "diplomats", "negotiators", "lawmakers", "envoys", "delegates"})
GROUP_SENTENCES = 3  # how many sentences back the group may have been named


def _is_subject(doc: Doc, mention: ActorMention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in ("poss", "compound", "amod", "appos") and root.head != root:
        # "the ministry's press service said": the possessor speaks through it; "the ambassador,
        # John Harvey, said": the name in apposition is the subject.
        root = root.head
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    return _titled_end_of_subject(span)


def _titled_end_of_subject(span: Span) -> bool:
    """Is the name the end of a subject, right after its title ("House committee on energy and
    commerce chairman Henry Waxman said", where the parser makes "committee" the subject)? The one
    "of" or "for" whom ("a spokesman for John Smith said") is not the subject."""
    before = span.doc[span.start - 1] if span.start else None
    if before is None or before.pos_ not in ("NOUN", "PROPN") or before.ent_type_ == "PERSON":
        return False
    return any(a.dep_ in ("nsubj", "nsubjpass") and a.right_edge.i == span.end - 1 for a in span.root.ancestors)


def _group_head(doc: Doc, mention: ActorMention) -> str:
    """The head noun of the phrase a mention names or qualifies ("ministers" of "EU health ministers")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return ""
    head = span.root
    while head.dep_ in ("compound", "amod", "nmod", "poss") and head.head != head:
        head = head.head
    return head.lower_


def _fits_nominal(m: ActorMention, head: str, phrase: str) -> bool:
    """Can "the <phrase>" (head noun ``head``) refer to the person mention ``m``?"""
    if m.kind != "person":
        return False
    office = m.office.lower()
    return head in ("diplomat", "official", "leader") or head in office or phrase in office


def _agrees(m: ActorMention, country: Entry | None) -> bool:
    """A nominal that names a nationality ("the Russian minister") cannot be an actor known to be of
    another country ("the Moldovan Foreign Minister ...")."""
    return country is None or not m.code or m.code == country.code


def _genders(scope: Scope, mentions: list[ActorMention]) -> dict[str, str]:
    """actor id → "m" | "f" where the document states it (an honorific, a gendered office), "?" where it
    states both."""
    nw = name_words()
    out: dict[str, str] = {}
    for m in mentions:
        if m.kind != "person":
            continue
        title = title_of(scope, m)
        gender = nw.honorifics.get(title, "")
        office = m.office.lower()
        gender = gender or next((g for w, g in nw.gendered_offices.items() if w in office.split()), "")
        gender = gender or scope.kb.dictionary.gender_of(m.actor_id)
        if gender:
            out[m.actor_id] = gender if out.get(m.actor_id, gender) == gender else "?"
    return out


def pronouns_and_nominals(scope: Scope, mentions: list[ActorMention]) -> list[ActorMention]:
    """Subjects that are pronouns or nominals, resolved to the latest compatible actor before them;
    an actor that was itself a subject is preferred (it is the one the text is talking about)."""
    doc, kb = scope.doc, scope.kb
    nw = name_words()
    genders = _genders(scope, mentions)
    ordered = sorted(mentions, key=lambda m: m.end)
    covered = sorted((m.start, m.end) for m in mentions)
    recent: deque[tuple[ActorMention, bool]] = deque(maxlen=WINDOW)
    out: list[ActorMention] = []
    at = 0  # next mention of ``ordered`` not yet in ``recent``
    cover_at = 0

    def latest(wanted: list[tuple[ActorMention, bool]]) -> ActorMention | None:
        preferred = [m for m, subject in wanted if subject or m.via in ("pronoun", "nominal")]
        pool = preferred or [m for m, _ in wanted]
        return pool[-1] if pool else None

    for token in tokens_with_dep(doc, "nsubj", "nsubjpass"):
        while cover_at < len(covered) and covered[cover_at][1] <= token.idx:
            cover_at += 1
        if cover_at < len(covered) and covered[cover_at][0] <= token.idx:
            continue
        while at < len(ordered) and ordered[at].end <= token.idx:
            recent.append((ordered[at], _is_subject(doc, ordered[at])))
            at += 1
        target: ActorMention | None = None
        span: Span | None = None
        lower = token.lower_
        via = ""
        if lower in ("he", "she"):
            gender = nw.pronouns[lower]
            # The latest person who may be of this gender: one the text says is, or one it says
            # nothing of ("the ambassador, John Harvey, ... he said" is Harvey, not a president
            # named before him whose gender is known).
            target = latest([(m, s) for m, s in recent if m.kind == "person" and genders.get(m.actor_id, gender) == gender])
            span = doc[token.i : token.i + 1]
            via = "pronoun"
        elif lower == "it" and token.dep_ == "nsubj" and token.head.lemma_.lower() not in IMPERSONAL:
            # "It is asking the WHO for supplies": a state or an organisation named as a subject in
            # this sentence or the one before (never a person; never "it is unclear", "it seems").
            sentence = scope.sentence_of(token.idx)
            near = [(m, s) for m, s in recent if m.kind in ("country", "organization", "igo", "region")
                    and scope.sentence_of(m.start) in (sentence, sentence - 1)]  # fmt: skip
            target = latest([(m, s) for m, s in near if s])
            span = doc[token.i : token.i + 1]
            via = "pronoun"
        elif lower in NOMINAL_HEADS and any(c.lower_ == "the" for c in token.lefts):
            span = doc[token.left_edge.i : token.i + 1]
            words = span.text.lower()
            via = "nominal"
            country = next((kb.demonyms[t.text] for t in span if t.text in kb.demonyms), None)
            if lower in ("ministry", "service"):
                target = latest([(m, s) for m, s in recent if m.kind == "organization" and m.sector == "GOV" and _agrees(m, country)])
            else:
                wanted = words.replace("the ", "")
                target = latest([(m, s) for m, s in recent if _fits_nominal(m, lower, wanted) and _agrees(m, country)])
        elif lower in GROUP_HEADS and any(c.lower_ == "the" for c in token.lefts) and len(list(token.lefts)) == 1:
            span = doc[token.left_edge.i : token.i + 1]
            via = "nominal"
            sentence = scope.sentence_of(token.idx)
            target = latest([(m, s) for m, s in recent if m.kind in ("organization", "igo", "country")
                             and sentence - scope.sentence_of(m.start) <= GROUP_SENTENCES and _group_head(doc, m) == lower])  # fmt: skip
        if target is None or span is None:
            continue
        found = ActorMention(span.start_char, span.end_char, span.text, target.actor_id, target.name, target.kind,
                             target.code, target.sector, target.office, via)  # fmt: skip
        out.append(found)
        recent.append((found, True))
    return out
