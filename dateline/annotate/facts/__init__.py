"""Dated facts: what a sentence says happened at (or since, or for) an absolute date.

Background paragraphs repeat a conflict's history in words no PLOVER dictionary codes ("the region
broke away in 1988", "a ceasefire was reached in 1994", "talks have been held since 1992"). A fact
is one time expression with an absolute year, the clause it governs, and the concepts of
``concepts.yaml`` named in that clause, so that the corpus timeline can merge the same history
told by many articles and compare what they say about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dateline.annotate.voice import report_of
from dateline.core.concepts import Concept, load_concepts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from dateline.core.mentions import ActorMention
    from dateline.core.timexes import Timex

_YEAR = re.compile(r"^\d{3,4}")  # a decade ("198") or a year, possibly with month and day
_CLAUSES = ("conj", "advcl", "ccomp", "relcl", "xcomp", "acl", "parataxis")


@dataclass(frozen=True, slots=True)
class Fact:
    start: int  # evidence sentence
    end: int
    timex_start: int
    timex_end: int
    kind: str  # point | since | range | duration
    date: str | None  # the absolute date (start of a range); None for a duration
    date_end: str | None  # end of a range
    duration: str | None  # TIMEX3 duration value of a "for almost a decade" fact
    mod: str
    concepts: tuple[str, ...]  # best first
    event: str  # PLOVER type of the first concept, or OTHER
    actors: tuple[dict[str, str], ...]  # actor mentions in the clause: actor_id, name, code, sector

    def as_row(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "timex_start": self.timex_start, "timex_end": self.timex_end,
            "kind": self.kind, "date": self.date, "date_end": self.date_end, "duration": self.duration, "mod": self.mod,
            "concepts": list(self.concepts), "event": self.event, "actors": [dict(a) for a in self.actors],
        }  # fmt: skip


def _matches(tokens: list[Token], concepts: dict[str, Concept]) -> list[tuple[int, str, int]]:
    """(token index, concept, length) of every concept word or phrase among ``tokens`` (in order)."""
    lemmas = [t.lemma_.lower() for t in tokens]
    lowers = [t.lower_ for t in tokens]
    # A phrase can only start where its first word stands, so only those positions are tried (the
    # scan of every position for every phrase was most of the facts stage).
    starts: dict[str, set[int]] = {}
    for i, (lemma, lower) in enumerate(zip(lemmas, lowers, strict=True)):
        starts.setdefault(lemma, set()).add(i)
        starts.setdefault(lower, set()).add(i)
    found: list[tuple[int, str, int]] = []
    covered: set[int] = set()
    for name, concept in concepts.items():
        for phrase in concept.phrases:
            if not phrase:
                continue
            for i in sorted(starts.get(phrase[0], ())):
                j = i
                hits: list[int] = []
                for word in phrase:
                    # Up to two words between the parts of a phrase: "cessation of all hostilities".
                    k = next((k for k in range(j, min(j + 3, len(tokens))) if word in (lemmas[k], lowers[k])), None)
                    if k is None or (hits and k == hits[-1]):
                        hits = []
                        break
                    hits.append(k)
                    j = k + 1
                if hits and hits[0] == i:
                    found.append((tokens[i].i, name, len(hits)))
                    covered.update(tokens[h].i for h in hits)
    for name, concept in concepts.items():
        for t, lemma in zip(tokens, lemmas, strict=True):
            # A verb by its lemma only: "found" is also "find" ("was found guilty" founds nothing).
            if t.i not in covered and (lemma in concept.lemmas or (t.pos_ != "VERB" and t.lower_ in concept.lemmas)):
                found.append((t.i, name, 1))
    return found


def _governor(root: Token) -> Token:
    """The word a time expression dates: the verb (or event noun) its phrase attaches to."""
    token = root
    for _ in range(4):
        if token.head == token:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.dep_ not in ("pobj",) and token != root.head):
            return token
        if token.pos_ == "NOUN" and token.i == root.head.i and root.dep_ in ("nummod", "compound", "amod", "npadvmod"):
            return token  # "the 1994 truce"
    return token


def _clause(governor: Token, root: Token, other_roots: set[int]) -> list[Token]:
    """The governor's clause, without embedded clauses that are dated by another expression."""
    def excluded(t: Token) -> bool:
        return t.dep_ in _CLAUSES and t.i != governor.i and any(d.i in other_roots for d in t.subtree)

    keep: list[Token] = []
    stack = [governor]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(c for c in t.children if not excluded(c))
    if governor.dep_ == "relcl":
        # "the Minsk Group, which has been working for a decade", "the Minsk Group, within the
        # framework of which talks are held": the antecedent says who.
        antecedent = governor.head
        while antecedent.pos_ != "PROPN" and antecedent.dep_ in ("pobj", "prep", "acl") and antecedent.head != antecedent:
            antecedent = antecedent.head
        keep.extend(t for t in antecedent.doc[antecedent.left_edge.i : antecedent.i + 1] if not any(d.i in other_roots for d in t.subtree))
    # "dates back to 1988, when the region broke away": the time word's own relative clause.
    keep.extend(t for t in root.subtree if t not in keep and not any(d.i in other_roots for d in t.subtree))
    return sorted(set(keep), key=lambda t: t.i)


def _distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    idx_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in idx_b:
            return n + idx_b[t.i]
    return 99


def find_facts(
    doc: Doc,
    timexes: list[Timex],
    mentions: list[ActorMention],
    *,
    concepts: dict[str, Concept] | None = None,
) -> list[Fact]:
    """Every dated fact of ``doc``: absolute dates, start points and durations, with their concepts."""
    concepts = concepts if concepts is not None else load_concepts()
    facts: list[Fact] = []
    located = [(t, doc.char_span(t.start, t.end, alignment_mode="expand")) for t in timexes]
    spans = [(t, s) for t, s in located if s is not None]
    # The expressions of each sentence, found once: compared pairwise, 10,000 dates in a text took
    # minutes (each ``Span.sent`` also walks its sentence).
    sentence_of = [s.sent.start for _, s in spans]
    by_sentence: dict[int, list[int]] = {}
    for m, start in enumerate(sentence_of):
        by_sentence.setdefault(start, []).append(m)
    skip: set[int] = set()
    report = report_of(doc)
    for n, (timex, span) in enumerate(spans):
        if n in skip:
            continue
        kind, date, date_end, duration = _shape(timex, spans, n, skip)
        if kind is None:
            continue
        sentence: Span = span.sent
        if not report.holds(sentence):
            continue  # a reader's comment or the writer's own voice dates no fact of the story
        roots = {spans[m][1].root.i for m in by_sentence[sentence_of[n]] if m != n and m not in skip}
        roots.discard(span.root.i)
        if kind == "range" and n + 1 < len(spans):
            roots.discard(spans[n + 1][1].root.i)
        governor = _governor(span.root)
        clause = _clause(governor, span.root, roots)
        matched = _matches(clause, concepts)
        if not matched:
            continue
        # Nearest concept first (tree distance from the time expression), phrases before words.
        by_concept: dict[str, tuple[int, int]] = {}
        for i, name, length in matched:
            key = (_distance(doc[i], span.root), -length)
            by_concept[name] = min(by_concept.get(name, key), key)
        ordered = tuple(sorted(by_concept, key=lambda c: (*by_concept[c], c)))
        lo, hi = clause[0].idx, clause[-1].idx + len(clause[-1].text)
        actors = tuple(
            {"actor_id": m.actor_id, "name": m.name, "code": m.code, "sector": m.sector}
            for m in _unique([m for m in mentions if lo <= m.start < hi and sentence.start_char <= m.start < sentence.end_char
                              and m.kind != "place"])
        )
        facts.append(Fact(
            start=sentence.start_char, end=sentence.end_char, timex_start=timex.start, timex_end=timex.end,
            kind=kind, date=date, date_end=date_end, duration=duration, mod=timex.mod, concepts=ordered,
            event=concepts[ordered[0]].event, actors=actors,
        ))  # fmt: skip
    return facts


def _shape(timex: Timex, spans: list[tuple[Timex, Span]], n: int, skip: set[int]) -> tuple[str | None, str | None, str | None, str | None]:
    """What kind of fact a time expression can date: (kind, date, date_end, duration)."""
    signal = timex.signal.lower()
    if timex.type == "DURATION":
        if signal == "for" and not timex.unresolved and timex.value.startswith("P"):
            return "duration", None, None, timex.value
        return None, None, None, None
    # History is written with its dates; "on Saturday" dates the news, which the events stage codes.
    if timex.type != "DATE" or timex.unresolved or timex.anchor != "none" or not _YEAR.match(timex.value):
        return None, None, None, None
    if timex.range_end and _YEAR.match(timex.range_end):
        return "range", timex.value, timex.range_end, None
    if signal in ("between", "from") and n + 1 < len(spans):
        nxt = spans[n + 1][0]
        if nxt.signal.lower() in ("and", "to", "until") and 0 < nxt.start - timex.end <= 6 and _YEAR.match(nxt.value):
            skip.add(n + 1)
            return "range", timex.value, nxt.value, None
    if signal in ("since", "from"):
        return "since", timex.value, None, None
    return "point", timex.value, None, None


def _unique(mentions: list[ActorMention]) -> list[ActorMention]:
    seen: set[str] = set()
    out = []
    for m in sorted(mentions, key=lambda m: (m.start, m.actor_id)):
        if m.actor_id not in seen:
            seen.add(m.actor_id)
            out.append(m)
    return out
