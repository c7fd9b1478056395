"""Which way a relative expression points: the tense of its clause, from the parse when there is one,
else from cue words around it, and the occurrence of a month-day that tense picks.

Tense decides the direction of bare weekdays and month-days ("on Friday", "on May 3"): the one before
the publication date in a past clause, the one after in a future clause.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.annotate.time import values
from dateline.annotate.time.context import Context
from dateline.annotate.time.lexicon import alternation, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Month names and month-days take their year from a tense cue only this close; else the nearest year.
LOCAL_CUE_CHARS = 40
# A past-tense "Jan. 14" a few days after the DCT is still this year's (reports run ahead of
# their dates); only beyond this many days does tense move it to another year.
TENSE_SLACK_DAYS = 60
# A verb far from a month-day ("Obama will return Friday, his third trip since the explosion on
# April 20") is weak evidence: it may move the day to the year before, but not more than this many
# days ahead, where news seldom names a day without its year; there the nearest occurrence stands.
FAR_AHEAD_DAYS = 183
UNPLANNED_EVENT_CHARS = 45  # how far before "on <date>" the event's noun may stand
ENTRY_LEAD_CHARS = 3  # a bullet or a quote before the date heading a line
# What follows a date heading an entry: a dash or a colon, not a clock time (a comment's "- 8:40" stamp).
ENTRY_AFTER = re.compile(r"\s*(?:-{1,2}|\u2013|\u2014|:)\s(?!\s*\d{1,2}[:.]\d{2})")
LIST_HEAD_CHARS = 20  # the first heading of a chronology run into one line: a date and its colon
# A participle right after a determiner is an adjective, no verb: "on a still unspecified date",
# "the revised plan".
_ATTRIBUTIVE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those)\s+(?:\w+ly\s+|still\s+|not\s+yet\s+)?$", re.I)
_UNTIL_BY = re.compile(r"(?:until|till|by)\b", re.I)
_CLAUSE_BREAK = re.compile(r",|\b(?:and|but|or)\b", re.I)
# Punctuation between a tense cue and an expression that puts them in different clauses. (Not
# "and" or "that": "planned a rally on Saturday and were planning to …" is one plan.)
_CLAUSE_BREAK_BETWEEN = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


@lru_cache(maxsize=1)
def past_re() -> re.Pattern[str]:
    """A past-tense cue. A capitalised "-ed" word is a name ("United", "Reed"), not a past tense; nor
    is the end of a compound adjective ("an ill-timed event", "the long-awaited report")."""
    cues = "|".join(re.escape(cue) for cue in lexicon().past_cues)
    return re.compile(
        r"(?<!\bbe\s)(?<!\bbeing\s)\b((?:was|were)(?!\s+(?:planning|going|expected|scheduled|due|set|about)\s+to\b)|"
        rf"{cues}|(?:has|have)\s+(?:been|\w+ed)|(?<!-)(?-i:[a-z])\w{{2,}}ed(?!\s+(?:to|for)\b))\b",
        re.I,
    )


@lru_cache(maxsize=1)
def future_re() -> re.Pattern[str]:
    markers = sorted(lexicon().future_markers, key=len, reverse=True)
    # "would be travelling": a future seen from the past, unlike a conditional "would".
    prospective = r"|would\s+be\s+\w+ing"
    # "had been due to expire Friday": a plan of the past, overtaken; the past perfect decides.
    # "retired, as scheduled, on June 30": whether it went to plan, not when.
    return re.compile(
        r"(?<!\w)(?<!had\sbeen\s)(?<!\bas\s)(?:" + "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in markers) + prospective + r")(?!\w)", re.I
    )


@lru_cache(maxsize=1)
def _future_signal_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){alternation(lexicon().future_signals)}\s+(?:(?:on|in|at|about|around|the)\s+)?$", re.I)


@lru_cache(maxsize=1)
def _past_signal_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){alternation(lexicon().past_signals)}\s+(?:(?:on|in|at|about|around|the)\s+)?$", re.I)


@lru_cache(maxsize=1)
def _unplanned_event() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The noun of an unplanned event right after a date ("the May 1 attacks"), and before "on"."""
    lx = lexicon()
    after = "|".join(n + "s?" * (n in lx.plural_after_date) for n in lx.unplanned_event_nouns)
    before = "|".join(lx.unplanned_event_nouns)
    return (
        re.compile(rf"\s*(?:{after})\b", re.I),
        re.compile(rf"\b(?:an?|the|its|their)\s+(?:\w+\s+)?(?:{before})\b", re.I),
    )


def attributive(text: str, m: re.Match[str]) -> bool:
    """Whether the past-tense cue ``m`` found in ``text`` is a participle used as an adjective."""
    return m.group(0).lower().endswith("ed") and _ATTRIBUTIVE.search(text, 0, m.start()) is not None


def tense(
    ctx: Context, start: int, end: int, *, within: int | None = None, signals: bool = True, reporting: bool = True
) -> int:
    """+1 future, -1 past, 0 unknown, for the clause of the expression at ``start``.

    ``within``: only a cue at most that many characters away counts (a weaker, local reading).
    ``reporting=False``: a reporting verb ("said") is no cue; far from the expression it is mostly the
    tense of the report, not of what is reported.
    """
    before = ctx.text[max(0, start - 24) : start] if signals else ""
    if (signal := _future_signal_re().search(before)) and not _past_until(ctx, max(0, start - 24) + signal.start()):
        return 1
    if _past_signal_re().search(before):
        return -1
    if ctx.doc is not None:
        found = _tense_from_parse(ctx, ctx.doc, start)
        if found is not None:
            return found
    s, e = ctx.sentence(start)
    sentence = ctx.text[s:e]
    reporting_verbs = lexicon().reporting_verbs
    # The tense cue nearest the expression in its own clause decides: "said Friday that talks will
    # resume Monday"; a cue beyond a clause break only when the clause has none ("which Russia
    # blocked on Saturday, will be put to a vote").
    best: tuple[bool, float, int] | None = None
    for pattern, direction in ((future_re(), 1), (past_re(), -1)):
        for m in pattern.finditer(sentence):
            if not reporting and m.group(0).lower() in reporting_verbs:
                continue
            if direction < 0 and attributive(sentence, m):
                continue
            # Between two cues equally near, the one before wins: a time adverbial mostly follows its
            # verb ("said on Friday it would…").
            at = s + m.start()
            between = (s + m.end(), start) if at < start else (end, at)
            distance = abs(between[1] - between[0]) + (0 if at < start else 0.5)
            key = (_CLAUSE_BREAK_BETWEEN.search(ctx.text, *between) is not None, distance, direction)
            if best is None or key[:2] < best[:2]:
                best = key
    if best is None or (within is not None and best[1] > within):
        return 0
    return best[2]


def _past_until(ctx: Context, signal: int) -> bool:
    """"ran until July 15", "knew by April 20": a simple past verb just before "until" / "by" ends a
    past stretch, so the signal no longer points ahead. A present perfect ("has halted drilling until
    Nov. 30") or a future ("will stay until") keeps the deadline ahead."""
    if not _UNTIL_BY.match(ctx.text, signal):
        return False
    s, _e = ctx.sentence(signal)
    window = ctx.text[max(s, signal - LOCAL_CUE_CHARS) : signal]
    window = _CLAUSE_BREAK.split(window)[-1]  # the signal's own clause: not "captured, and by noon Friday could"
    cues = [(m.start(), -1, m.group(0)) for m in past_re().finditer(window)
            if m.group(0).lower() not in ("last", "ago", "earlier")  # verbs only: "in the last years the panel has until …"
            and not attributive(window, m)]  # fmt: skip
    cues += [(m.start(), 1, m.group(0)) for m in future_re().finditer(window)]
    if not cues:
        return False
    _at, direction, word = max(cues)
    word = word.lower()
    lx = lexicon()
    return (
        direction < 0 and word.split()[0] not in ("has", "have") and word not in lx.reporting_verbs and word not in lx.deadline_verbs
    )


def token_at(ctx: Context, doc: Doc, start: int) -> Token | None:
    """The first token whose text, or the character after it, covers ``start``."""
    if ctx.token_ends is None:
        from spacy.attrs import IDX, LENGTH  # a Doc means spaCy is loaded; plain text needs none of it

        offsets = doc.to_array([IDX, LENGTH])
        ctx.token_ends = offsets[:, 0] + offsets[:, 1]
    # Token ends never decrease: the first that reaches ``start`` is the only candidate.
    j = int(ctx.token_ends.searchsorted(start))
    return doc[j] if j < len(doc) and doc[j].idx <= start else None


def _tense_from_parse(ctx: Context, doc: Doc, start: int) -> int | None:
    token = token_at(ctx, doc, start)
    steps = 0
    while token is not None and token.pos_ not in ("VERB", "AUX") and steps < 5:
        if token.head == token:
            break
        token, steps = token.head, steps + 1
    if token is None or token.pos_ not in ("VERB", "AUX"):
        return None
    for child in token.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in ("will", "'ll", "shall", "wo"):
            return 1
    if token.tag_ == "VBD" or any(c.lower_ in ("had", "has", "have") and c.dep_ == "aux" for c in token.children):
        return -1
    if token.tag_ == "VBG" and any(c.lower_ in ("is", "are", "'s", "'re") for c in token.children):
        return 1
    if token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return 1
    if token.tag_ in ("VBZ", "VBP"):
        return 0
    return None


def date_tense(ctx: Context, m: re.Match[str]) -> int:
    """The direction of a month or month-day: a cue close by, else the clause's own verbs."""
    return tense(ctx, m.start(), m.end(), within=LOCAL_CUE_CHARS) or tense(ctx, m.start(), m.end(), reporting=False)


def closest_year(dct: dt.date, month: int, day: int, direction: int) -> dt.date | None:
    """The occurrence of a month-day nearest ``dct`` on the side ``direction`` points to."""
    options = [d for y in (dct.year - 1, dct.year, dct.year + 1) if (d := values.safe_date(y, month, day)) is not None]
    return closest_of(dct, options, direction)


def closest_of(dct: dt.date, options: list[dt.date], direction: int) -> dt.date | None:
    """The option nearest ``dct``, on the side the tense points to (within the slack)."""
    if not options:
        return None
    if direction < 0:
        past = [d for d in options if d <= dct + dt.timedelta(days=TENSE_SLACK_DAYS)]
        return max(past) if past else min(options, key=lambda d: abs((d - dct).days))
    if direction > 0:
        future = [d for d in options if d >= dct - dt.timedelta(days=TENSE_SLACK_DAYS)]
        return min(future) if future else min(options, key=lambda d: abs((d - dct).days))
    return min(options, key=lambda d: abs((d - dct).days))


def day_in_year(ctx: Context, m: re.Match[str], dct: dt.date, month: int, day: int) -> dt.date | None:
    """The occurrence of a month-day the text means. Only a cue close by carries it more than
    FAR_AHEAD_DAYS ahead (a month alone may go further: "a mission in December")."""
    local = tense(ctx, m.start(), m.end(), within=LOCAL_CUE_CHARS)
    if local:
        return closest_year(dct, month, day, local)
    date = closest_year(dct, month, day, tense(ctx, m.start(), m.end(), reporting=False))
    if date is not None and (date - dct).days > FAR_AHEAD_DAYS:
        return closest_year(dct, month, day, 0)
    return date


def heads_entry(text: str, start: int, end: int) -> bool:
    """A chronology entry or a dated caption: the date opens its line (after a bullet at most) and a
    dash or a colon follows it, not a clock time ("May 2 - Obama visits the coast", "* 21 April: …");
    or a colon follows it after the entry before, where a list lost its line breaks ("... fails to
    cap leak 2 June : US government begins criminal inquiry")."""
    line_start = text.rfind("\n", 0, start) + 1
    after = ENTRY_AFTER.match(text, end)
    if after is None:
        return False
    if len(text[line_start:start].strip()) <= ENTRY_LEAD_CHARS:
        return True
    # A later entry of a list whose first entry heads the line ("May : Giant dome fails ... 2 June : ...").
    first_colon = text.find(":", line_start, start)
    return ":" in after.group(0) and 0 <= first_colon - line_start <= LIST_HEAD_CHARS


def names_unplanned_event(ctx: Context, start: int, end: int) -> bool:
    """"the April 20 explosion", "an explosion on the rig on April 22", "its explosion, on 20 April"."""
    after, before_on = _unplanned_event()
    if after.match(ctx.text, end):
        return True
    s, _e = ctx.sentence(start)
    before = ctx.text[max(s, start - UNPLANNED_EVENT_CHARS) : start]
    return bool(re.search(r"\bon\s+(?:the\s+)?$", before)) and before_on.search(before) is not None
