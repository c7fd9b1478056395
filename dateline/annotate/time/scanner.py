"""Finding temporal expressions and normalising them to TIMEX3 against the publication date.

Every rule of the grammar is matched over the text; the longest non-overlapping matches are kept
and each is handed to its rule's normaliser. Relative expressions ("on Friday", "last year") are
anchored to the document creation time (DCT); expressions that move the reference time ("two days
later", "the next day") to the last date the text itself established. Without a DCT, relative
values keep ``X`` placeholders (``XXXX-09-27``) and are flagged ``unresolved``.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.annotate.time import values
from dateline.annotate.time.context import Context, Norm, Reject
from dateline.annotate.time.grammar import Rule, rules
from dateline.annotate.time.lexicon import alternation, lexicon
from dateline.annotate.time.prefilter import Prefilter, Presence, prefilter
from dateline.annotate.time.year_parts import ENDED, reported_quarter
from dateline.core.sentences import sentence_spans
from dateline.core.timevalues import interval
from dateline.core.timexes import Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc

MAX_INPUT_CHARS = 5_000_000
_DAY_BEFORE_AFTER = re.compile(r"\b(?:the\s+)?day\s+(before|after)\s+$", re.I)
_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")


@lru_cache(maxsize=1)
def _signal() -> re.Pattern[str]:
    return re.compile(rf"\b({alternation(lexicon().signals)})\s+$", re.I)


def _day_before_after(text: str, start: int, norm: Norm, free_from: int) -> tuple[int, Norm] | None:
    """"the day before last Tuesday's hearing": a day on from a date, the phrase taken in."""
    m = _DAY_BEFORE_AFTER.search(text, max(0, start - 20, free_from), start)
    if m is None or norm.type != "DATE" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", norm.value):
        return None
    date = values.add_days(dt.date.fromisoformat(norm.value), -1 if m.group(1).lower() == "before" else 1)
    if date is None:
        return None
    return m.start(), Norm("DATE", values.ymd(date), norm.mod, anchor=norm.anchor, ref=date, moves_ref=norm.moves_ref)


@lru_cache(maxsize=1)
def _scans() -> tuple[tuple[Rule, Prefilter], ...]:
    return tuple((rule, prefilter(rule.pattern)) for rule in rules())


def candidates(text: str) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """Every match of every rule, longest first; between equals, the rule with the lower priority
    number, then the earlier one, then the rule registered first."""
    found = []
    presence = Presence(text)
    # A rule whose required strings the text lacks cannot match; the others are scanned with their
    # first-character look-ahead. Both find exactly the matches of the rule's own pattern.
    for rule, pre in _scans():
        if not presence.meets(pre.clauses):
            continue
        for m in pre.scan.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), rule, m))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2].priority, c[0]))
    return found


def find_timexes(text: str, dct: dt.date | None, *, doc: Doc | None = None) -> list[Timex]:
    """Every temporal expression of ``text``, normalised against ``dct`` (``None``: unresolved).
    A spaCy ``doc`` of the text lets the tense of a clause come from the parse."""
    if not text or len(text) > MAX_INPUT_CHARS:
        return []
    ctx = Context(text=text, dct=dct, doc=doc, sentences=sentence_spans(text))
    taken: list[tuple[int, int, Rule, re.Match[str]]] = []
    occupied = bytearray(len(text))
    for start, end, rule, m in candidates(text):
        if any(occupied[start:end]):
            continue
        taken.append((start, end, rule, m))
        occupied[start:end] = b"\x01" * (end - start)
    taken.sort(key=lambda c: c[0])
    out: list[Timex] = []
    for start, end, rule, m in taken:
        # Leading/trailing whitespace never belongs to the span.
        raw = text[start:end]
        start += len(raw) - len(raw.lstrip())
        end -= len(raw) - len(raw.rstrip())
        try:
            norm = rule.normalise(m, ctx)
        except (Reject, KeyError, ValueError, OverflowError):
            continue
        if not values.is_valid(norm.value) or (norm.range_end is not None and not values.is_valid(norm.range_end)):
            continue
        if norm.type in ("DATE", "TIME") and norm.value[:1].isdigit() and interval(norm.value, norm.range_end) is None:
            continue  # before the calendar's first year: "a year ago" in a paper dated in year 1
        if (shifted := _day_before_after(text, start, norm, out[-1].end if out else 0)) is not None:
            start, norm = shifted
        if norm.ref is not None and (norm.anchor != "dct" or norm.moves_ref):
            ctx.ref, ctx.ref_gran = norm.ref, norm.ref_gran
        if norm.quarter and _QUARTER_VALUE.fullmatch(norm.value):
            ctx.last_quarter = (end, norm.value)
            # A fiscal quarter "ended Sept. 30" has ended whatever its number.
            if reported_quarter(norm.value, None if ENDED.match(text, end) else dct):
                ctx.last_reported = (end, norm.value)
        signal = _signal().search(text[max(0, start - 12) : start])
        out.append(
            Timex(
                start=start, end=end, text=text[start:end], type=norm.type, value=norm.value, mod=norm.mod,
                unresolved=norm.unresolved, range_end=norm.range_end, anchor=norm.anchor,
                signal=signal.group(1).lower() if signal else "", rule=rule.name,
            )
        )
    return out
