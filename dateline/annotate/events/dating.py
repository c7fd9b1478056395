"""The event's own date: the time expression that governs its trigger in the parse.

Each time expression is attached once, to the first verb or noun above it in the parse, without
crossing into another clause ("blocked the road on Saturday" → blocked; "the war in 1991 ended" →
war). An event takes the date attached to its trigger (or to the verb of its noun), else the date
of the statement that reports it, else the date a history told in the past carries from the
sentence before (:mod:`.narrative`), else the publication date. A date in an unrelated clause is
never taken. Building the index costs one walk of a few steps per expression, and a lookup per
event, so dating stays linear in the length of the text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.annotate.events.lexicon import words
from dateline.annotate.events.narrative import continued_timex, narrative_timex
from dateline.annotate.events.roles import reporter

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from spacy.tokens import Doc, Span, Token

    from dateline.core.timexes import Timex

# Edges that lead out of the expression's own clause: above them lies another event.
# A date after these bounds a stretch ("since 1994", "until May", "by Friday"): it is not when the
# event happened.
BOUND_SIGNALS = frozenset({"since", "until", "till", "from", "to", "by", "before", "after", "between", "and", "through", "as of"})
CLAUSE_EDGES = frozenset({"relcl", "advcl", "ccomp", "xcomp", "acl", "parataxis", "conj"})
MAX_STEPS = 4


@dataclass(frozen=True, slots=True)
class Dated:
    date: str | None
    granularity: str
    source: str  # trigger | statement | narrative | published | unknown


class TimexIndex:
    """The time expressions of a document, by the word that governs each and by position."""

    def __init__(self, doc: Doc, timexes: list[Timex]) -> None:
        self.timexes = sorted(timexes, key=lambda t: (t.start, t.end))
        self._starts = [t.start for t in self.timexes]
        self.governed: dict[int, list[Timex]] = {}
        for timex in self.timexes:
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None:
                continue
            head = _headed(doc, span) or _stranded(doc, span) or _governor(span.root)
            if head is not None:
                self.governed.setdefault(head.i, []).append(timex)

    def within(self, start: int, end: int) -> list[Timex]:
        """The expressions that begin in [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end)
        return self.timexes[i:j]

    def of(self, token: Token) -> Timex | None:
        """The first usable date that ``token`` governs: resolved, a calendar value, and a point in
        time (not the bound of a stretch, "since 1994", "until May")."""
        return next((t for t in self.governed.get(token.i, ()) if usable(t)), None)


def usable(timex: Timex) -> bool:
    return not timex.unresolved and timex.value[:4].isdigit() and timex.signal not in BOUND_SIGNALS


def _headed(doc: Doc, span: Span) -> Token | None:
    """The verb of the entry a date heads in a chronology ("2 June: US government begins criminal
    inquiry 15 July: New cap ..."): the date before a colon is that of what follows it, up to the
    next colon, whatever the parser made of a list it read as one sentence."""
    if span.end + 1 >= len(doc) or doc[span.end].text != ":":
        return None
    # The parser may end a sentence at the colon: the entry is the sentence after it.
    sentence_end = doc[span.end + 1].sent.end
    for token in doc[span.end + 1 : sentence_end]:
        if token.text == ":":
            return None
        if token.pos_ == "VERB":
            return token
    return None


def _stranded(doc: Doc, span: Span) -> Token | None:
    """The verb of a preposition the parser left without its object ("On Saturday Foreign Minister
    X criticised ...", where "Saturday" was read into the name): the date is that verb's."""
    if span.start == 0:
        return None
    before = doc[span.start - 1]
    if before.dep_ != "prep" or any(c.dep_ == "pobj" for c in before.children) or before.head.pos_ not in ("VERB", "AUX"):
        return None
    return before.head


def _governor(root: Token) -> Token | None:
    token = root
    for _ in range(MAX_STEPS):
        if token.head == token or token.dep_ in CLAUSE_EDGES:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX", "NOUN", "PROPN") and token.ent_type_ not in ("DATE", "TIME"):
            return token
    return None


# Conjunctions of a clause that happens at the same time as the one it modifies.
SIMULTANEOUS = frozenset({"when", "while", "as"})
# Prepositions of the occasion an act is done at or straight after: its day is the act's.
OCCASION = frozenset({"at", "during", "following", "after"})


def _dating_words(verb: Token, trigger: Token) -> Iterator[Token]:
    """The words whose date is the act's, in the order they are trusted: the trigger and its verb;
    a gerund complement, what the act is about, on which parsers hang its date ("will discuss
    strengthening relations on Monday", unlike "agreed to meet on Monday"); the object, on which
    the parser hangs a date as often as on the verb ("sent a letter on Sunday"); a clause that says
    when it happened ("met him when ... in 2004"); the occasion it was done at ("at a news
    conference on Monday", "following a meeting on Saturday")."""
    yield trigger
    if verb != trigger:
        yield verb
    children = list(verb.children)
    yield from (c for c in children if c.dep_ == "xcomp" and c.tag_ == "VBG")
    yield from (c for c in children if c.dep_ == "dobj")
    for clause in children:
        if clause.dep_ == "advcl" and any(c.dep_ in ("advmod", "mark") and c.lower_ in SIMULTANEOUS for c in clause.children):
            yield from clause.subtree
    yield from (g for c in children if c.dep_ == "prep" and c.lower_ in OCCASION for g in c.children if g.dep_ == "pobj")


def _first_dated(tokens: Iterable[Token], index: TimexIndex) -> Timex | None:
    return next((found for token in tokens if (found := index.of(token)) is not None), None)


def granularity(value: str) -> str:
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


def event_date(verb: Token, trigger: Token, sentence: Span, index: TimexIndex, published: dt.date | None) -> Dated:
    """The date of the event ``trigger`` names in the clause of ``verb``."""
    own = _first_dated(_dating_words(verb, trigger), index)
    if own is not None:
        return Dated(own.value, granularity(own.value), "trigger")
    said = reporter(verb)
    stated = index.of(said) if said is not None else None
    if stated is not None:
        return Dated(stated.value, granularity(stated.value), "statement")
    if said is None and verb.lemma_ not in words().speech:
        told = narrative_timex(sentence, verb, index.within, published) or continued_timex(sentence, verb, index.within)
        if told is not None:
            return Dated(told.value, granularity(told.value), "narrative")
    if published is not None and not _background(verb):
        return Dated(published.isoformat(), "day", "published")
    return Dated(None, "", "unknown")


def _background(verb: Token) -> bool:
    """Is the act told as background, whose day the paper's does not give: in a relative clause
    ("Alvarez, who arrived when the doctor called for help, said ...") or in the past perfect ("had
    been visiting relatives")? News reports what happened today or yesterday in its main clauses."""
    if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children) and verb.tag_ in ("VBN", "VBG"):
        return True
    token = verb
    for _ in range(MAX_STEPS):
        if token.dep_ in ("relcl", "acl"):
            return True
        if token.dep_ not in ("conj", "xcomp", "advcl") or token.head == token:
            return False
        token = token.head
    return False
