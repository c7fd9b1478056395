"""The date a history told in the simple past carries from one sentence to the next.

"In February 1988, Nagorno-Karabakh ... proclaimed independence in 1991. Azerbaijan, in retaliation,
launched an offensive ..." — the offensive names no date, but a reader dates it by the history the
paragraph tells, not by the article's publication day (which made it the article's news). Only a
history carries over, from the sentence just before in the same paragraph: every date that sentence
names must lie more than a year before publication (what the timeline calls background), and the
event must be told in the past, not reported by someone (a "said" without a date is the article's
present) nor in a present perfect ("have been ongoing" reaches up to now).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from dateline.core.timexes import Timex

# A date after "since", "until", "before" or "after" bounds a stretch; it is no time the story is at.
POINT_SIGNALS = {"", "in", "on", "at", "during", "of"}
YEAR = re.compile(r"\d{4}(?!\d)")
BARE_NUMBER = re.compile(r"\d{4}")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def is_past(verb: Token) -> bool:
    """Simple past or past perfect, active or passive: "launched", "was condemned", "had lost"."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("MD", "VBZ", "VBP") or a.lower_ in ("have", "has") for a in auxes):
        return False  # "will launch", "has launched", "is condemned"
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(a.tag_ == "VBD" for a in auxes)


def narrative_timex(sentence: Span, verb: Token, within: Callable[[int, int], list[Timex]],
                    published: dt.date | None) -> Timex | None:  # fmt: skip
    """The date the history is at in the sentence before ``sentence``, if ``verb`` continues it;
    ``within(start, end)`` gives the time expressions that begin in a stretch of the text."""
    before = _sentence_before(sentence)
    if published is None or before is None or not is_past(verb):
        return None

    def dates_in(span: Span) -> list[Timex]:
        return [t for t in within(span.start_char, span.end_char) if t.type == "DATE"]

    # A sentence with a date of its own that did not attach to the verb is not guessed at ("which had
    # condemned the invasion on Aug. 2 but also criticized ..."), and a sentence before that is at
    # the present ("The court on Friday rejected objections to a case over the 1988 bombing") is
    # no history, however old the other dates in it.
    told = sorted(dates_in(before), key=lambda t: t.start)
    if dates_in(sentence) or not told:
        return None
    for t in told:
        if t.unresolved or t.signal not in POINT_SIGNALS or not YEAR.match(t.value) or int(t.value[:4]) >= published.year - 1:
            return None
    # A bare number without a preposition is a weak year: a live blog's "1733 Paul Bertoni e-mails"
    # stamps a post at 17:33.
    if BARE_NUMBER.fullmatch(told[-1].text.strip()) and not told[-1].signal:
        return None
    return told[-1]


def continued_timex(sentence: Span, verb: Token, within: Callable[[int, int], list[Timex]]) -> Timex | None:
    """The one date of the sentence before when ``verb`` goes on with the same actor's day: "On
    Saturday the minister criticised China. She also urged Mexicans to avoid travel there" — a
    pronoun subject, "also", the past, no date of its own, in the same paragraph."""
    before = _sentence_before(sentence)
    if before is None or not is_past(verb):
        return None
    if not any(c.lower_ == "also" and c.dep_ == "advmod" for c in verb.children):
        return None
    if not any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children):
        return None
    if any(t.type == "DATE" for t in within(sentence.start_char, sentence.end_char)):
        return None
    told = [t for t in within(before.start_char, before.end_char) if t.type == "DATE"]
    if len(told) != 1 or told[0].unresolved or told[0].signal not in POINT_SIGNALS or not told[0].value[:4].isdigit():
        return None
    return told[0]


def _sentence_before(sentence: Span) -> Span | None:
    """The sentence just before ``sentence`` in the same paragraph, or None."""
    if sentence.start == 0:
        return None
    doc = sentence.doc
    before = doc[sentence.start - 1].sent
    # The text from the sentence before up to this one (``doc.text`` would join the whole document).
    if PARAGRAPH_BREAK.search(doc[before.start : sentence.start].text_with_ws):
        return None
    return before
