"""Finding temporal expressions and normalising them to TIMEX3 against the publication date.

Relative expressions ("on Friday", "last year") are anchored to the document creation time (DCT);
expressions that move the reference time ("two days later", "the next day") to the last date the
text itself established. Tense decides the direction of bare weekdays and month-days: from the
parse when a spaCy ``Doc`` is given, else from cue words around the expression. Without a DCT,
relative values keep ``X`` placeholders (``XXXX-09-27``) and are flagged ``unresolved``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dateline.annotate.timex import values as V
from dateline.annotate.timex.grammar import MEASURE_NOUNS, Rule, alternation, lexicon, rules
from dateline.annotate.timex.prefilter import Prefilter, Presence, first_char_lookahead, prefilter
from dateline.core.timexes import Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MAX_INPUT_CHARS = 5_000_000
# Month names and month-days take their year from a tense cue only this close; else the nearest year.
LOCAL_CUE_CHARS = 40
QUARTER_MEMORY_CHARS = 1500
# A past-tense "Jan. 14" a few days after the DCT is still this year's (reports run ahead of
# their dates); only beyond this many days does tense move it to another year.
TENSE_SLACK_DAYS = 60
# A verb far from a month-day ("Obama will return Friday, his third trip since the explosion on
# April 20") is weak evidence: it may move the day to the year before, but not more than this many
# days ahead, where news seldom names a day without its year; there the nearest occurrence stands.
FAR_AHEAD_DAYS = 183
# Not after a title or a month abbreviation: "Roe vs. Wade", "Dr. Slepian", "Oct. 23".
_ABBREVIATIONS = ("vs", "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Jr", "Prof",
                  "Rev", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")  # fmt: skip
# The look-ahead spares the look-behinds at every character that cannot end a sentence.
_SENTENCE_END = first_char_lookahead(re.compile("".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS) + r"[.!?](?:[\"”’)]*)\s+(?=[\"“(]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"“])"))
# A capitalised "-ed" word is a name ("United", "Reed"), not a past tense; nor is the end of a
# compound adjective ("an ill-timed event", "the long-awaited report").
_PAST = re.compile(
    r"(?<!\bbe\s)(?<!\bbeing\s)\b(said|(?:was|were)(?!\s+(?:planning|going|expected|scheduled|due|set|about)\s+to\b)|had|did|took|met|held|began|ended|came|went|told|announced|reported|killed|died|"
    r"fell|rose|left|made|gave|won|lost|saw|found|became|sent|got|put|broke|hit|ago|earlier|last|"
    r"brought|bought|sought|thought|fought|caught|taught|sold|paid|led|fled|wrote|spoke|chose|drove|struck|"
    r"stood|ran|grew|knew|threw|flew|drew|built|spent|felt|kept|heard|shot|forgot|swore|withdrew|"
    r"(?:has|have)\s+(?:been|\w+ed)|(?<!-)(?-i:[a-z])\w{2,}ed(?!\s+(?:to|for)\b))\b",
    re.I,
)
# A participle right after a determiner is an adjective, no verb: "on a still unspecified date",
# "the revised plan".
_ATTRIBUTIVE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that|these|those)\s+(?:\w+ly\s+|still\s+|not\s+yet\s+)?$", re.I)


def _attributive(text: str, m: re.Match[str]) -> bool:
    """Whether the past-tense cue ``m`` found in ``text`` is a participle used as an adjective."""
    return m.group(0).lower().endswith("ed") and _ATTRIBUTIVE.search(text, 0, m.start()) is not None
_REPORTING = frozenset({"said", "told", "announced", "reported", "added", "stated", "noted", "explained", "claimed",
                        "insisted", "confirmed", "disclosed", "revealed", "warned", "indicated"})  # fmt: skip
# Verbs that set or move a deadline keep "until" pointing ahead: "extended the ban until Nov. 30".
_DEADLINE_VERBS = frozenset({"extended", "postponed", "delayed", "deferred", "adjourned", "suspended", "halted",
                             "banned", "closed", "shut", "gave", "granted", "ordered", "set", "pushed", "moved"})  # fmt: skip
# Events nobody schedules: "the April 20 explosion" has happened, whatever the clause's tense.
_UNPLANNED_NOUNS = ("explosion", "blast", "blowout", "attack", "bombing", "accident", "crash", "disaster", "killing",
                    "murder", "shooting", "death", "earthquake", "quake", "tsunami", "collapse", "massacre",
                    "assassination", "ambush", "spill", "sinking")  # fmt: skip
_COUNTABLE = frozenset({"attack", "bombing", "killing", "murder", "death"})  # "the May 1 attacks" after the date
_UNPLANNED_EVENT = re.compile(r"\s*(?:" + "|".join(n + "s?" * (n in _COUNTABLE) for n in _UNPLANNED_NOUNS) + r")\b", re.I)
_UNPLANNED_EVENT_BEFORE = re.compile(r"\b(?:an?|the|its|their)\s+(?:\w+\s+)?(?:" + "|".join(_UNPLANNED_NOUNS) + r")\b", re.I)
UNPLANNED_EVENT_CHARS = 45  # how far before "on <date>" the event's noun may stand
_LINE_STAMP = re.compile(r"^[ \t]*(\d{4})[ \t]+(?=[A-Z])", re.M)
_MEASURE_AFTER_YEAR = re.compile(rf"\s+({MEASURE_NOUNS})\b", re.I)


_RATE_BEFORE = re.compile(
    r"(?:\b(?:times|once|twice|per)|(?:\d|\b(?:million|billion|thousand|hundred|cents?|dollars|percent)\b)\S*(?:\s+[a-z]+s)?"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\s+[a-z]+s)\s+$"
)
# Not the capitals of a page's navigation: "BACK 3 of 9 NEXT 26 MAY : TOP KILL".
_LAST_NEXT = re.compile(r"\b(?!(?-i:LAST|NEXT)\b)(last|next)\s+$", re.I)
ENTRY_LEAD_CHARS = 3  # a bullet or a quote before the date heading a line
# What follows a date heading an entry: a dash or a colon, not a clock time (a comment's "- 8:40" stamp).
ENTRY_AFTER = re.compile(r"\s*(?:-{1,2}|\u2013|\u2014|:)\s(?!\s*\d{1,2}[:.]\d{2})")
_UNTIL_BY = re.compile(r"(?:until|till|by)\b", re.I)
_CLAUSE_BREAK = re.compile(r",|\b(?:and|but|or)\b", re.I)
# "ahead of Thursday's testimony", "in advance of Tuesday's hearing": a point still to come.
_AHEAD_OF = re.compile(r"\b(?:ahead|in\s+advance)\s+of\s+$", re.I)


@dataclass(slots=True)
class _Ctx:
    text: str
    dct: dt.date | None
    doc: Doc | None
    ref: dt.date | None = None  # the reference time the text has moved to
    ref_gran: str = "day"
    sentences: list[tuple[int, int]] = field(default_factory=list)
    last_quarter: tuple[int, str] | None = None  # (position, "1989-Q3") of the latest quarter mentioned
    last_reported: tuple[int, str] | None = None  # the same, of the latest one that has ended by the DCT
    token_ends: Any = None  # the character offset each token of ``doc`` ends at, once a tense needs it
    stamps: frozenset[int] | None = None  # offsets of a live blog's line-heading clock stamps, once asked


@dataclass(frozen=True, slots=True)
class _Norm:
    type: str
    value: str
    mod: str = ""
    unresolved: bool = False
    range_end: str | None = None
    anchor: str = "none"
    ref: dt.date | None = None  # a date this expression establishes for later "two days later"
    ref_gran: str = "day"


class _Reject(Exception):
    """This match is not a temporal expression after all."""


# --------------------------------------------------------------------------- helpers

def _int_word(token: str | None) -> float | None:
    if token is None:
        return None
    token = token.lower().strip()
    token = re.sub(r"\s+", " ", token)
    lx = lexicon()
    if token in lx.numbers:
        return float(lx.numbers[token])
    if token in lx.vague_numbers:
        return None
    m = re.fullmatch(r"(\d+)\s+1/2", token)
    if m:
        return int(m.group(1)) + 0.5
    m = re.fullmatch(r"(\d+)-(\d+)", token)
    if m:
        return float(m.group(1))  # "two-three" ranges: the lower bound, mod says the rest
    m = re.fullmatch(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ -](\w+)", token)
    if m:
        return float(lx.numbers[m.group(1)] + lx.numbers.get(m.group(2), 0))
    try:
        return float(token)
    except ValueError:
        return None


def _month(token: str) -> int:
    return lexicon().months[token.lower().rstrip(".")]


def _day(token: str) -> int:
    return int(re.sub(r"\D", "", token))


def _unit(token: str) -> tuple[str, bool, str]:
    """(duration letter, is time unit, canonical unit name) of a unit word."""
    word = token.lower()
    units = lexicon().units
    if word not in units:
        word = word[:-1] if word.endswith("s") and word[:-1] in units else word
    if word not in units and word == "centuries":
        word = "century"
    letter, time_unit = units[word]
    return letter, time_unit, word


def _pmod(token: str | None) -> str:
    if not token:
        return ""
    key = re.sub(r"\s+", " ", token.lower()).rstrip("-")
    mods = lexicon().point_mods
    return mods.get(key, mods.get(key + "-", ""))


def _qmod(token: str | None) -> str:
    if not token:
        return ""
    return lexicon().quantity_mods.get(re.sub(r"\s+", " ", token.lower()), "")


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _weekday(token: str) -> int:
    return lexicon().weekdays[token.lower()]


def _sentence(ctx: _Ctx, pos: int) -> tuple[int, int]:
    for start, end in ctx.sentences:
        if start <= pos < end:
            return start, end
    return 0, len(ctx.text)


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _tense(
    ctx: _Ctx, start: int, end: int, *, within: int | None = None, signals: bool = True, reporting: bool = True
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
    s, e = _sentence(ctx, start)
    sentence = ctx.text[s:e]
    # The tense cue nearest the expression decides: "said Friday that talks will resume Monday".
    best: tuple[float, int] | None = None
    for pattern, tense in ((_future_re(), 1), (_PAST, -1)):
        for m in pattern.finditer(sentence):
            if not reporting and m.group(0).lower() in _REPORTING:
                continue
            if tense < 0 and _attributive(sentence, m):
                continue
            # Between two cues equally near, the one before wins: a time adverbial mostly follows its
            # verb ("said on Friday it would…").
            at = s + m.start()
            distance = abs(s + m.end() - start) if at < start else abs(at - end) + 0.5
            if best is None or distance < best[0]:
                best = (distance, tense)
    if best is None or (within is not None and best[0] > within):
        return 0
    return best[1]


def _past_until(ctx: _Ctx, signal: int) -> bool:
    """"ran until July 15", "knew by April 20": a simple past verb just before "until" / "by" ends a
    past stretch, so the signal no longer points ahead. A present perfect ("has halted drilling until
    Nov. 30") or a future ("will stay until") keeps the deadline ahead."""
    if not _UNTIL_BY.match(ctx.text, signal):
        return False
    s, _e = _sentence(ctx, signal)
    window = ctx.text[max(s, signal - LOCAL_CUE_CHARS) : signal]
    window = _CLAUSE_BREAK.split(window)[-1]  # the signal's own clause: not "captured, and by noon Friday could"
    cues = [(m.start(), -1, m.group(0)) for m in _PAST.finditer(window)
            if m.group(0).lower() not in ("last", "ago", "earlier")  # verbs only: "in the last years the panel has until …"
            and not _attributive(window, m)]
    cues += [(m.start(), 1, m.group(0)) for m in _future_re().finditer(window)]
    if not cues:
        return False
    _at, tense, word = max(cues)
    word = word.lower()
    return tense < 0 and word.split()[0] not in ("has", "have") and word not in _REPORTING and word not in _DEADLINE_VERBS


def _heads_entry(text: str, start: int, end: int) -> bool:
    """A chronology entry or a dated caption: the date opens its line (after a bullet at most) and a
    dash or a colon follows it, not a clock time ("May 2 - Obama visits the coast", "* 21 April: …")."""
    line_start = text.rfind("\n", 0, start) + 1
    return len(text[line_start:start].strip()) <= ENTRY_LEAD_CHARS and ENTRY_AFTER.match(text, end) is not None


def _names_unplanned_event(ctx: _Ctx, start: int, end: int) -> bool:
    """"the April 20 explosion", "an explosion on the rig on April 22", "its explosion, on 20 April"."""
    if _UNPLANNED_EVENT.match(ctx.text, end):
        return True
    s, _e = _sentence(ctx, start)
    before = ctx.text[max(s, start - UNPLANNED_EVENT_CHARS) : start]
    return bool(re.search(r"\bon\s+(?:the\s+)?$", before)) and _UNPLANNED_EVENT_BEFORE.search(before) is not None


def _date_tense(ctx: _Ctx, m: re.Match[str]) -> int:
    """The direction of a month or month-day: a cue close by, else the clause's own verbs."""
    return _tense(ctx, m.start(), m.end(), within=LOCAL_CUE_CHARS) or _tense(ctx, m.start(), m.end(), reporting=False)


def _day_in_year(ctx: _Ctx, m: re.Match[str], dct: dt.date, month: int, day: int) -> dt.date | None:
    """The occurrence of a month-day the text means. Only a cue close by carries it more than
    FAR_AHEAD_DAYS ahead (a month alone may go further: "a mission in December")."""
    local = _tense(ctx, m.start(), m.end(), within=LOCAL_CUE_CHARS)
    if local:
        return _closest_year(dct, month, day, local)
    date = _closest_year(dct, month, day, _tense(ctx, m.start(), m.end(), reporting=False))
    if date is not None and (date - dct).days > FAR_AHEAD_DAYS:
        return _closest_year(dct, month, day, 0)
    return date


@lru_cache(maxsize=1)
def _weekday_after_aside() -> re.Pattern[str]:
    return re.compile(rf"\s*\([^()]{{1,24}}\),?\s+(?:on\s+)?({alternation(list(lexicon().weekdays))})\b", re.I)


@lru_cache(maxsize=1)
def _future_re() -> re.Pattern[str]:
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


def _token_at(ctx: _Ctx, doc: Doc, start: int) -> Token | None:
    """The first token whose text, or the character after it, covers ``start``."""
    if ctx.token_ends is None:
        from spacy.attrs import IDX, LENGTH  # a Doc means spaCy is loaded; plain text needs none of it

        offsets = doc.to_array([IDX, LENGTH])
        ctx.token_ends = offsets[:, 0] + offsets[:, 1]
    # Token ends never decrease: the first that reaches ``start`` is the only candidate.
    j = int(ctx.token_ends.searchsorted(start))
    return doc[j] if j < len(doc) and doc[j].idx <= start else None


def _tense_from_parse(ctx: _Ctx, doc: Doc, start: int) -> int | None:
    token = _token_at(ctx, doc, start)
    steps = 0
    while token is not None and token.pos_ not in ("VERB", "AUX") and steps < 5:
        if token.head is token:
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


def _closest_year(dct: dt.date, month: int, day: int, tense: int) -> dt.date | None:
    options = [d for y in (dct.year - 1, dct.year, dct.year + 1) if (d := V.safe_date(y, month, day)) is not None]
    return _closest_of(dct, options, tense)


def _closest_of(dct: dt.date, options: list[dt.date], tense: int) -> dt.date | None:
    """The option nearest ``dct``, on the side the tense points to (within the slack)."""
    if not options:
        return None
    if tense < 0:
        past = [d for d in options if d <= dct + dt.timedelta(days=TENSE_SLACK_DAYS)]
        return max(past) if past else min(options, key=lambda d: abs((d - dct).days))
    if tense > 0:
        future = [d for d in options if d >= dct - dt.timedelta(days=TENSE_SLACK_DAYS)]
        return min(future) if future else min(options, key=lambda d: abs((d - dct).days))
    return min(options, key=lambda d: abs((d - dct).days))


# --------------------------------------------------------------------------- normalisers

def _full_date(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    month_token = g["month"]
    month = int(month_token) if month_token.isdigit() else _month(month_token)
    day = _day(g["day"])
    year_token = g.get("year")
    if year_token is None:
        raise _Reject
    year = int(year_token)
    if len(year_token) == 2:
        year += 1900 if year > 30 else 2000
    date = V.safe_date(year, month, day)
    if date is None:
        raise _Reject
    day2 = g.get("day2")
    end = V.safe_date(year, month, _day(day2)) if day2 else None
    return _Norm("DATE", V.ymd(date), _pmod(g.get("pmod")), range_end=V.ymd(end) if end else None, ref=date)


def _month_day(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    if not _capitalised(g["month"]):
        raise _Reject
    month, day = _month(g["month"]), _day(g["day"])
    if V.safe_date(2000, month, day) is None:  # 2000 is a leap year: February 29 is allowed
        raise _Reject
    day2 = _day(g["day2"]) if g.get("day2") else None
    mod = _pmod(g.get("pmod"))
    if ctx.dct is None:
        end = f"XXXX-{month:02d}-{day2:02d}" if day2 else None
        return _Norm("DATE", f"XXXX-{month:02d}-{day:02d}", mod, unresolved=True, range_end=end)
    rel = _LAST_NEXT.search(ctx.text, max(0, m.start() - 6), m.start())
    if rel is not None:  # "last Oct. 23": strictly before the DCT, without the slack
        options = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (d := V.safe_date(y, month, day))]
        before = rel.group(1).lower() == "last"
        options = [d for d in options if (d < ctx.dct if before else d > ctx.dct)]
        date = (max(options) if before else min(options)) if options else None
    elif _heads_entry(ctx.text, m.start(), m.end()) or _names_unplanned_event(ctx, m.start(), m.end()):
        # A dated record of what happened, written in the present ("June 16 - The two men meet …"),
        # long after the day: the present tense does not carry it to next year.
        date = _closest_year(ctx.dct, month, day, -1)
    else:
        date = _day_in_year(ctx, m, ctx.dct, month, day)
    if date is None:
        raise _Reject
    end_date = V.safe_date(date.year, month, day2) if day2 else None
    return _Norm("DATE", V.ymd(date), mod, range_end=V.ymd(end_date) if end_date else None, anchor="dct", ref=date)


def _weekday_date(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    if g.get("year"):
        return _full_date(m, ctx, name)
    return _month_day(m, ctx, name)


def _month_year(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    if not _capitalised(g["month"]):
        raise _Reject
    month, year = _month(g["month"]), _spelled_year(g["year"])
    return _Norm("DATE", V.ym(year, month), _pmod(g.get("pmod")), ref=dt.date(year, month, 1), ref_gran="month")


def _month_only(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    token = g["month"]
    if not _capitalised(token):
        raise _Reject
    key = token.lower().rstrip(".")
    if key in lexicon().ambiguous_months and not token.endswith(".") and not g.get("pmod"):
        # "May" and "March" alone are months only after a temporal preposition.
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(r"\b(in|since|until|till|by|during|from|through|of|before|after|early|late|mid|for)\s+$", before):
            raise _Reject
    month = _month(token)
    mod = _pmod(g.get("pmod"))
    if ctx.dct is None:
        return _Norm("DATE", f"XXXX-{month:02d}", mod, unresolved=True)
    tense = _date_tense(ctx, m)
    # The middle of the month stands for it, so a past-tense "in December" written in late October is
    # still this year's within the same slack as a month-day; with no cue, the nearest such month.
    year = (_closest_year(ctx.dct, month, 15, tense) or ctx.dct).year
    return _Norm("DATE", V.ym(year, month), mod, anchor="dct", ref=dt.date(year, month, 1), ref_gran="month")


def _month_rel(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    if not _capitalised(g["month"]):
        raise _Reject  # "at this march": a demonstration
    month = _month(g["month"])
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    if ctx.dct is None:
        return _Norm("DATE", f"XXXX-{month:02d}", _pmod(g.get("pmod")), unresolved=True)
    year = ctx.dct.year
    if name == "month_this_year":
        year += {"this": 0, "last": -1, "next": 1}[rel]
    elif rel in ("last", "the past", "past"):
        year -= 1 if month >= ctx.dct.month else 0
    elif rel in ("next", "the coming", "coming"):
        year += 1 if month <= ctx.dct.month else 0
    return _Norm("DATE", V.ym(year, month), _pmod(g.get("pmod")), anchor="dct", ref=dt.date(year, month, 1), ref_gran="month")


def _clock_stamps(text: str) -> frozenset[int]:
    """Where a live blog stamps its posts: four digits heading a line before a capitalised word
    ("1733 Paul Bertoni in Petionville e-mails", "1403 The UN has not confirmed"). They are taken for
    clock times only when there are three or more, every one a valid 24-hour time, and one is
    before 19:00, which no year of a chronology of recent years ("2003 US forces invade") is, while
    a chronology of older ones names some year whose last two digits are no minutes (1988, 1991)."""
    heads = [(m.start(1), m.group(1)) for m in _LINE_STAMP.finditer(text)]
    if len(heads) < 3 or not all(int(h[:2]) < 24 and int(h[2:]) < 60 for _, h in heads):
        return frozenset()
    if not any(h < "1900" for _, h in heads):
        return frozenset()
    return frozenset(start for start, _ in heads)


def _year(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    year = int(g["year"])
    if not 1000 <= year <= 2099:
        raise _Reject
    if not g.get("pmod"):
        if _MEASURE_AFTER_YEAR.match(ctx.text, m.end()):
            raise _Reject  # "2000 troops": a count, not a year
        if ctx.stamps is None:
            ctx.stamps = _clock_stamps(ctx.text)
        if m.start("year") in ctx.stamps:
            raise _Reject  # a live blog's "1733 Paul Bertoni e-mails" is 17:33, no year
    return _Norm("DATE", f"{year:04d}", _pmod(g.get("pmod")), ref=dt.date(year, 1, 1), ref_gran="year")


def _year_range(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    first, second = m.group("year"), m.group("year2")
    end = int(first[:2] + second) if len(second) == 2 else int(second)
    if end <= int(first) or end - int(first) > 100:
        raise _Reject
    return _Norm("DATE", first, range_end=f"{end:04d}", ref=dt.date(int(first), 1, 1), ref_gran="year")


def _decade(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    if g.get("decade"):
        value = g["decade"][:3]
    else:
        short = g["short"]
        # "the '80s" is the nearest such decade that has begun, or begins within ten years.
        if ctx.dct is None:
            century = 19
        else:
            century = ctx.dct.year // 100 - (1 if int(short) > ctx.dct.year % 100 + 10 else 0)
        value = f"{century:02d}{short[0]}"
    return _Norm("DATE", value, _pmod(g.get("pmod")))


_UNITS_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
                "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip


def _spelled_year(text: str) -> int:
    """"nineteen ninety-six" → 1996, "two thousand and one" → 2001; digits as they are."""
    if text.isdigit():
        return int(text)
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w not in ("and", "hundred")]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(_UNITS_WORDS.get(w, 0) for w in words[2:])
    century = _UNITS_WORDS[words[0]]
    return century * 100 + sum(_UNITS_WORDS.get(w, 0) for w in words[1:] if w != "o")


def _year_words(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    if re.match(r"[\s-]+(?:years?|people|dollars|men|troops)\b", ctx.text[m.end() :], re.I):
        raise _Reject  # "two thousand years": a count
    year = _spelled_year(m.group("words"))
    return _Norm("DATE", f"{year:04d}", ref=dt.date(year, 1, 1), ref_gran="year")


def _century(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    number = int(m.group("n"))
    if not 1 <= number <= 99:
        raise _Reject
    return _Norm("DATE", f"{number - 1:02d}")


def _decade_words(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    tens = _UNITS_WORDS[m.group("word").lower().replace("ies", "y")] // 10
    century = "19" if ctx.dct is None or ctx.dct.year >= 1900 + tens * 10 else "18"
    return _Norm("DATE", f"{century}{tens}", _pmod(m.group("pmod")))


def _unit_edge(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    mod = _pmod(re.sub(r"\s+", " ", m.group("pmod").lower()) + " of")
    unit = m.group("unit").lower()
    if ctx.dct is None:
        return _Norm("DATE", _UNRESOLVED_UNIT[unit], mod, unresolved=True)
    value = _unit_value(ctx.dct, unit, 0)
    if value is None:
        raise _Reject
    return _Norm("DATE", value, mod, anchor="dct")


def _quarter(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    quarter = lexicon().ordinals[g["ord"].lower()]
    year_token = g.get("year") or g.get("year2")
    det = (g.get("det") or "").lower()
    if year_token:
        return _Norm("DATE", f"{int(year_token):04d}-Q{quarter}")
    if ctx.dct is None:
        return _Norm("DATE", f"XXXX-Q{quarter}", unresolved=True)
    year = ctx.dct.year + (-1 if det.startswith("last") else 1 if det.startswith("next") else 0)
    if not det.startswith(("last", "next", "this")) and quarter > V.quarter_of(ctx.dct) and _tense(ctx, m.start(), m.end()) < 0:
        year -= 1
    return _Norm("DATE", f"{year:04d}-Q{quarter}", anchor="dct")


def _year_ago_quarter(ctx: _Ctx, pos: int, year: int | None = None) -> str | None:
    """The quarter an earnings report compares with: the one just mentioned, a year back (or in ``year``)."""
    # A quarter already over is the one results are given for; a forecast's quarter only if there is none.
    recent = [q for q in (ctx.last_reported, ctx.last_quarter) if q is not None and pos - q[0] < QUARTER_MEMORY_CHARS]
    if not recent:
        return None
    year_text, quarter = recent[0][1].split("-")
    if not year_text.isdigit():
        return None
    return f"{year if year is not None else int(year_text) - 1:04d}-{quarter}"


def _quarter_set(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    return _Norm("SET", f"XXXX-Q{lexicon().ordinals[m.group('ord').lower()]}")


def _reported_quarter(value: str, dct: dt.date | None) -> bool:
    """A quarter that results can be reported for: one that has ended by the DCT, not a forecast's."""
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m is None:
        return False
    if dct is None:
        return True
    return (int(m.group(1)), int(m.group(2))) < (dct.year, V.quarter_of(dct))


def _quarter_year(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    """"the 1988 second quarter", "the 1988 period", "the year-ago quarter"."""
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    if g.get("ord"):
        quarter = lexicon().ordinals[g["ord"].lower()]
        if year is None:
            if ctx.dct is None:
                return _Norm("DATE", f"XXXX-Q{quarter}", unresolved=True)
            year = ctx.dct.year - 1
        return _Norm("DATE", f"{year:04d}-Q{quarter}")
    value = _year_ago_quarter(ctx, m.start(), year)
    if value is not None:
        return _Norm("DATE", value, anchor="dct")
    if year is not None:
        return _Norm("DATE", f"{year:04d}")
    if ctx.dct is None:
        return _Norm("DATE", "XXXX", unresolved=True)
    return _Norm("DATE", f"{ctx.dct.year - 1:04d}", anchor="dct")


@lru_cache(maxsize=1)
def _ended_on() -> re.Pattern[str]:
    months = alternation(list(lexicon().months), dot=True)
    return re.compile(rf"\s+end(?:ed|ing)\s+({months})\s+(\d{{1,2}})\b(?!,?\s*\d{{4}})", re.I)


def _quarter_rel(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    if ctx.dct is None:
        return _Norm("DATE", "XXXX-QX", unresolved=True)
    if m.groupdict().get("ago") and (quarter := _year_ago_quarter(ctx, m.start())) is not None:
        return _Norm("DATE", quarter, anchor="dct")  # "the quarter a year ago"
    ended = _ended_on().match(ctx.text, m.end())
    if ended is not None and (end := _closest_year(ctx.dct, _month(ended.group(1)), _day(ended.group(2)), -1)):
        # "the quarter ended July 31" (May to July): the calendar quarter most of those months are in.
        middle = end - dt.timedelta(days=45)
        return _Norm("DATE", f"{middle.year:04d}-Q{V.quarter_of(middle)}", anchor="dct")
    offset = {"next": 1, "this": 0, "the current": 0}.get(rel, -1)
    year, month = V.shift_months(ctx.dct.year, ctx.dct.month, 3 * offset)
    return _Norm("DATE", f"{year:04d}-Q{(month - 1) // 3 + 1}", anchor="dct")


def _half(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    half = 1 if g["ord"].lower() == "first" else 2  # "the last half", "the latter half": the second
    if g.get("year") and g["year"].isdigit():
        return _Norm("DATE", f"{g['year']}-H{half}")
    if ctx.dct is None:
        return _Norm("DATE", f"XXXX-H{half}", unresolved=True)
    year = ctx.dct.year + {"last": -1, "next": 1}.get((g.get("rel") or "").lower(), 0)
    return _Norm("DATE", f"{year:04d}-H{half}", anchor="dct")


def _season(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    code = lexicon().seasons[g["season"].lower()]
    mod = _pmod(g.get("pmod") or g.get("pmod2"))
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower()).replace("this past", "last")
    if rel in ("early", "late") and not mod:
        mod = _pmod(rel)
    if g.get("year"):
        return _Norm("DATE", f"{_spelled_year(g['year']):04d}-{code}", mod)
    if rel == "the" and g["season"].lower() == "fall":
        raise _Reject  # "the fall" is far more often a collapse than autumn
    if ctx.dct is None:
        return _Norm("DATE", f"XXXX-{code}", mod, unresolved=True)
    last_month = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}[code]
    year = ctx.dct.year
    if rel == "last":
        year = year if last_month < ctx.dct.month and code != "WI" else year - 1
    elif rel == "next":
        year = year + 1 if last_month <= ctx.dct.month else year
    return _Norm("DATE", f"{year:04d}-{code}", mod, anchor="dct")


def _relday(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    word = g["word"].lower()
    if word == "today" and _GENERIC_AFTER_TODAY.match(ctx.text, m.end()):
        raise _Reject
    if g["word"] == "Today" and re.search(r"(?-i:[A-Z])\w*\s+$", ctx.text[max(0, m.start() - 20) : m.start()]):
        raise _Reject  # "USA Today", "VOA Today": a title after a name
    if name == "day_before":
        offset = (-1 if word == "yesterday" else 1) + (-1 if g["dir"].lower() == "before" else 1)
    else:
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    pod = lexicon().parts_of_day.get((g.get("pod") or "").lower(), "")
    if word == "tonight":
        pod = "NI"
    mod = _pmod(g.get("pmod"))
    if ctx.dct is None:
        base = "XXXX-XX-XX"
        return _Norm("TIME" if pod else "DATE", base + (f"T{pod}" if pod else ""), mod, unresolved=True)
    date = V.add_days(ctx.dct, offset)
    if date is None:
        raise _Reject
    if pod:
        return _Norm("TIME", f"{V.ymd(date)}T{pod}", mod, anchor="dct")
    return _Norm("DATE", V.ymd(date), mod, anchor="dct")


def _nth_day_now(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    if ctx.dct is None:
        return _Norm("DATE", "XXXX-XX-XX", unresolved=True)
    return _Norm("DATE", V.ymd(ctx.dct), anchor="dct")


def _pod_rel(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    rel = (m.group("rel") or "today").lower()
    pod = lexicon().parts_of_day[m.group("pod").lower()]
    mod = _pmod(m.group("pmod"))
    if ctx.dct is None:
        return _Norm("TIME", f"XXXX-XX-XXT{pod}", mod, unresolved=True)
    offset = {"this": 0, "today": 0, "yesterday": -1, "tomorrow": 1, "last": -1 if pod == "NI" else 0}[rel]
    date = V.add_days(ctx.dct, offset)
    if date is None:
        raise _Reject
    return _Norm("TIME", f"{V.ymd(date)}T{pod}", mod, anchor="dct")


def _resolve_weekday(ctx: _Ctx, weekday: int, rel: str, tense: int) -> dt.date | None:
    if ctx.dct is None:
        return None
    dct = ctx.dct
    if rel.startswith("the "):  # "the previous Friday": the one before the date the text is at
        base = ctx.ref or dct
        if rel.endswith("following"):
            return V.weekday_near(base + dt.timedelta(days=1), weekday, +1)
        return V.weekday_near(base - dt.timedelta(days=1), weekday, -1)
    if rel == "last" or rel == "past":
        return V.weekday_near(dct - dt.timedelta(days=1), weekday, -1)
    if rel in ("next", "coming"):
        return V.weekday_near(dct + dt.timedelta(days=1), weekday, +1)
    if rel == "this":
        monday = dct - dt.timedelta(days=dct.isoweekday() - 1)
        return monday + dt.timedelta(days=weekday - 1)
    return V.weekday_near(dct, weekday, +1 if tense > 0 else -1)


def _weekday_expr(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    if not _capitalised(g["wd"]):
        raise _Reject
    weekday = _weekday(g["wd"])
    rel = (g.get("rel") or "").lower()
    pod = lexicon().parts_of_day.get((g.get("pod") or "").lower(), "")
    mod = _pmod(g.get("pmod"))
    kind = "TIME" if pod else "DATE"
    suffix = f"T{pod}" if pod else ""
    if ctx.dct is None:
        return _Norm(kind, f"XXXX-WXX-{weekday}{suffix}", mod, unresolved=True)
    # "by Wednesday", "until Thursday" are as often a deadline just past as one ahead: within a week
    # only the verb decides.
    ahead = not rel and _AHEAD_OF.search(ctx.text, max(0, m.start() - 20), m.start()) is not None
    date = _resolve_weekday(ctx, weekday, rel, 1 if ahead else _tense(ctx, m.start(), m.end(), signals=False))
    assert date is not None
    return _Norm(kind, V.ymd(date) + suffix, mod, anchor="dct", ref=date)


def _weekday_set(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    if not _capitalised(g["wd"]):
        raise _Reject
    code = lexicon().parts_of_day.get((g.get("pod") or "").lower(), "")
    return _Norm("SET", f"XXXX-WXX-{_weekday(g['wd'])}" + (f"T{code}" if code else ""))


def _week_of(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    """"the week of March 6": the calendar week that day falls in."""
    month, day = _month(m.group("month")), _day(m.group("day"))
    if m.group("year"):
        date = V.safe_date(int(m.group("year")), month, day)
    elif ctx.dct is not None:
        date = _closest_year(ctx.dct, month, day, _date_tense(ctx, m))
    else:
        return _Norm("DATE", "XXXX-WXX", unresolved=True)
    if date is None:
        raise _Reject
    return _Norm("DATE", V.week(date), anchor="dct" if not m.group("year") else "none")


def _clock(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    hour = int(g["h"])
    minute = int(g["m"]) if g.get("m") else 0
    if not 1 <= hour <= 12:
        raise _Reject
    ampm = g["ampm"].lower()
    if ampm.startswith("p") and hour != 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    mod = "APPROX" if g.get("approx") else ""
    if g.get("month"):  # "5 p.m. EST Nov. 9": that day, found as a month-day would be
        month, day = _month(g["month"]), _day(g["day"])
        if g.get("year"):
            date = V.safe_date(int(g["year"]), month, day)
        elif ctx.dct is not None:
            date = _closest_year(ctx.dct, month, day, _tense(ctx, m.start(), m.end(), within=LOCAL_CUE_CHARS))
        else:
            return _Norm("TIME", f"XXXX-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}", mod, unresolved=True)
        if date is not None:
            return _Norm("TIME", f"{V.ymd(date)}T{hour:02d}:{minute:02d}", mod, anchor="dct")
    day_word = g.get("wd")
    if not day_word and (after := _weekday_after_aside().match(ctx.text, m.end())):
        day_word = after.group(1)  # "10:35 a.m. (0735 GMT) Friday": that Friday's time, tagged apart
    return _timed(ctx, m, day_word, f"{hour:02d}:{minute:02d}", mod)


def _clock_word(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    if re.search(r"\bhigh\s+$", ctx.text[max(0, m.start() - 6) : m.start()], re.I):
        raise _Reject  # "high noon": a showdown, not a time
    time = lexicon().parts_of_day[g["word"].lower()]
    return _timed(ctx, m, g.get("wd"), time, "")


def _timed(ctx: _Ctx, m: re.Match[str], day_word: str | None, time: str, mod: str) -> _Norm:
    if ctx.dct is None:
        return _Norm("TIME", f"XXXX-XX-XXT{time}", mod, unresolved=True)
    date: dt.date | None = ctx.dct
    if day_word:
        word = day_word.lower()
        if word in ("yesterday", "today", "tomorrow"):
            date = V.add_days(ctx.dct, {"yesterday": -1, "today": 0, "tomorrow": 1}[word])
        else:
            date = _resolve_weekday(ctx, _weekday(word), "", _tense(ctx, m.start(), m.end()))
    if date is None:
        raise _Reject
    return _Norm("TIME", f"{V.ymd(date)}T{time}", mod, anchor="dct")


def _weekend(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    rel = re.sub(r"\s+", " ", (m.group("rel") or "the").lower())
    if ctx.dct is None:
        return _Norm("DATE", "XXXX-WXX-WE", unresolved=True)
    tense = _tense(ctx, m.start(), m.end())
    base = ctx.dct
    # With no tense cue, early in the week "the weekend" is the one just gone, a day or two back.
    if rel in ("last", "the past") or (rel == "the" and (tense < 0 or (tense == 0 and ctx.dct.isoweekday() <= 2)) and ctx.dct.isoweekday() < 6):
        base = ctx.dct - dt.timedelta(days=7)
    elif rel in ("next", "the coming") or (rel == "the" and tense > 0 and ctx.dct.isoweekday() >= 6):
        base = ctx.dct + dt.timedelta(days=7)
    return _Norm("DATE", V.week(base) + "-WE", anchor="dct")


def _unit_value(base: dt.date, unit: str, offset: int) -> str | None:
    if unit == "week":
        shifted = V.add_days(base, 7 * offset)
        return V.week(shifted) if shifted else None
    if unit == "month":
        year, month = V.shift_months(base.year, base.month, offset)
        return V.ym(year, month) if V.MIN_YEAR <= year <= V.MAX_YEAR else None
    if unit == "day":
        shifted = V.add_days(base, offset)
        return V.ymd(shifted) if shifted else None
    if unit == "quarter":
        year, month = V.shift_months(base.year, base.month, 3 * offset)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit == "decade":
        return f"{(base.year + 10 * offset) // 10:03d}"
    if unit == "century":
        return f"{(base.year + 100 * offset) // 100:02d}"
    year = base.year + offset
    return f"{year:04d}" if V.MIN_YEAR <= year <= V.MAX_YEAR else None


_UNRESOLVED_UNIT = {"week": "XXXX-WXX", "month": "XXXX-XX", "day": "XXXX-XX-XX", "quarter": "XXXX-QX",
                    "decade": "XXX", "century": "XX", "year": "XXXX"}  # fmt: skip


def _unit_rel(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    if _capitalised(g["unit"]):
        raise _Reject  # "ABC's \"This Week\"": a title, as a capitalised unit always is in running text
    unit = g["unit"].lower()
    rel = re.sub(r"\s+", " ", (g.get("rel") or "this").lower())
    mod = _pmod(g.get("pmod"))
    if rel in ("the following", "the previous", "the same", "the next", "that", "that same") and ctx.ref is not None:
        offset = {"the following": 1, "the next": 1, "the previous": -1}.get(rel, 0)
        if unit == "day" and ctx.ref_gran != "day":  # "that day" after "in October 1998": a day of it
            some_day = V.ym(ctx.ref.year, ctx.ref.month) + "-XX" if ctx.ref_gran == "month" else f"{ctx.ref.year:04d}-XX-XX"
            return _Norm("DATE", some_day, mod, anchor="ref")
        value = _unit_value(ctx.ref, unit, offset)
        if value is None:
            raise _Reject
        return _Norm("DATE", value, mod, anchor="ref")
    if rel == "the next":
        rel = "next"
    if rel in ("the following", "the previous", "the same", "that", "that same"):
        raise _Reject
    offset = {"last": -1, "the past": -1, "this": 0, "the current": 0, "next": 1, "the coming": 1}.get(rel, 0)
    if ctx.dct is None:
        return _Norm("DATE", _UNRESOLVED_UNIT[unit], mod, unresolved=True)
    value = _unit_value(ctx.dct, unit, offset)
    if value is None:
        raise _Reject
    return _Norm("DATE", value, mod, anchor="dct")


def _year_end(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    if ctx.dct is None:
        return _Norm("DATE", "XXXX", "END", unresolved=True)
    return _Norm("DATE", f"{ctx.dct.year:04d}", "END", anchor="dct")


def _year_earlier(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    base = ctx.ref if (m.group("dir") or m.group("dir2") or "").lower() in ("earlier", "before") and ctx.ref else ctx.dct
    if base is None:
        return _Norm("DATE", "XXXX", unresolved=True)
    # "…third-quarter net rose to $5 million from $4 million a year earlier": the comparison is
    # with the same quarter of the year before, when a quarter was just mentioned.
    quarter = _year_ago_quarter(ctx, m.start())
    if quarter is not None:
        return _Norm("DATE", quarter, anchor="dct")
    return _Norm("DATE", f"{base.year - 1:04d}", anchor="dct")


def _ago(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    amount = _int_word(g["num"])
    _, _, unit = _unit(g["unit"])
    mod = _qmod(g.get("qmod"))
    if amount is None:  # "several years ago": some time in the past, no more
        return _Norm("DATE", "PAST_REF", mod)
    if ctx.dct is None:
        return _Norm("DATE", _UNRESOLVED_UNIT.get(unit, "XXXX"), mod, unresolved=True, anchor="dct")
    whole = int(amount)
    if unit == "year" and whole == 1 and (quarter := _year_ago_quarter(ctx, m.start())) is not None:
        return _Norm("DATE", quarter, mod, anchor="dct")
    if unit in ("hour", "minute", "second"):
        return _Norm("DATE", V.ymd(ctx.dct), mod, anchor="dct")
    if unit == "decade":
        return _Norm("DATE", f"{ctx.dct.year - 10 * whole:04d}", mod, anchor="dct")
    if unit in ("century", "centuries"):
        return _Norm("DATE", f"{ctx.dct.year - 100 * whole:04d}", mod, anchor="dct")
    value = _unit_value(ctx.dct, unit, -whole)
    if value is None:
        raise _Reject
    return _Norm("DATE", value, mod, anchor="dct")


def _ref_shift(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    amount = _int_word(g["num"])
    unit = g["unit"].lower()
    base = ctx.ref or ctx.dct
    if amount is None or base is None:
        raise _Reject
    sign = 1 if g["dir"].lower() == "later" else -1
    if unit == "year" and amount == 1 and sign < 0 and (quarter := _year_ago_quarter(ctx, m.start())) is not None:
        return _Norm("DATE", quarter, anchor="dct")
    gran = ctx.ref_gran if ctx.ref is not None else "day"
    if unit == "day" and gran != "day":
        unit = gran  # "two days later" after "in March 2019" stays in that month
        amount = 0
    value = _unit_value(base, unit, sign * int(amount))
    if value is None:
        raise _Reject
    shifted = V.add_days(base, sign * int(amount)) if unit == "day" else None
    return _Norm("DATE", value, anchor="ref" if ctx.ref is not None else "dct", ref=shifted)


def _ref_next(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    base = ctx.ref or ctx.dct
    if base is None:
        raise _Reject
    offset = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0}[rel]
    if unit == "morning":
        date = V.add_days(base, offset)
        if date is None:
            raise _Reject
        return _Norm("TIME", f"{V.ymd(date)}TMO", anchor="ref")
    value = _unit_value(base, unit, offset)
    if value is None:
        raise _Reject
    shifted = V.add_days(base, offset) if unit == "day" else None
    return _Norm("DATE", value, anchor="ref" if ctx.ref is not None else "dct", ref=shifted)


def _duration_open(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    unit = m.group("unit") or m.group("unit2")
    if unit is None:  # "for a while": of no stated unit
        return _Norm("DURATION", "PXX")
    letter, time_unit, _ = _unit(unit)
    return _Norm("DURATION", V.duration(None, letter, time_unit))


def _duration(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    if _capitalised(g["unit"]):
        raise _Reject  # "CBS's \"60 Minutes\"": a title
    letter, time_unit, unit = _unit(g["unit"])
    if name == "long_compound" and not g["plural"]:
        return _Norm("DURATION", V.duration(1, letter, time_unit))
    if name in ("duration_plural", "long_compound"):
        return _Norm("DURATION", V.duration(None, letter, time_unit))
    if name == "duration_vague":
        return _Norm("DURATION", V.duration(None, letter, time_unit), "")
    amount = _int_word(g["num"])
    if amount is None:
        raise _Reject
    if amount > 10_000 or (amount == 0):
        raise _Reject
    if re.match(r"[\s-]*old\b", ctx.text[m.end() :]) or m.group(0).lower().endswith("old"):
        raise _Reject  # "a 6-year-old", "52 years old": an age, not a stretch of time
    if unit == "quarter" and re.search(r"-\s*quarters\b", m.group(0), re.I):
        raise _Reject  # "three-quarters": a fraction
    if unit == "quarter" and re.match(_QUARTER_OF_NON_TIME, ctx.text[m.end() :]):
        raise _Reject  # "more than a quarter of the market": a fraction
    token = g["num"].lower()
    if token == "one" and unit == "day" and not g.get("lead") and _MODAL_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
        return _Norm("DATE", "FUTURE_REF")
    if unit == "second" and token in ("a", "one") and _ORDINAL_SECOND.match(ctx.text, m.end()):
        raise _Reject  # "a second group", "a second betrayal": the ordinal
    if token in ("a", "an") and not (g.get("lead") or g.get("qmod")):
        # "a year" alone is often "per year" or part of an idiom; keep it only where it measures time.
        before = ctx.text[max(0, m.start() - 40) : m.start()].lower()
        if _RATE_BEFORE.search(before):
            raise _Reject  # a rate: "twice a year", "$1.76 a year", "700 seats a week", "24 hours a day"
    if g.get("half"):
        amount += 0.5
    mod = _qmod(g.get("qmod"))
    if g.get("orso"):
        mod = mod or "APPROX"
    if "-" in g["num"] and re.fullmatch(r"\d+-\d+", g["num"]):
        mod = mod or "EQUAL_OR_MORE"
    return _Norm("DURATION", V.duration(amount, letter, time_unit), mod)


# "a quarter of the market" is a fraction; "a quarter of an hour", "two quarters of 1990" are times.
_QUARTER_OF_NON_TIME = re.compile(
    r"\s+of\s+(?!(?:a|an)\s+(?:century|hour)\b|(?:fiscal\s+)?\d{4}\b|(?:the|this|next|last)\s+(?:fiscal\s+)?year\b)"
)
# After "a second", a word that is no function word makes it the ordinal.
_ORDINAL_SECOND = re.compile(
    r"\s+(?!(?:or|and|of|to|in|on|at|for|per|each|later|ago|earlier|before|after|longer|apart|too|is|was|the)\b)[a-z]"
)
_ENDED = re.compile(r"\s+end(?:ed|ing)\b", re.I)


def _the_year(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    if _ENDED.match(ctx.text, m.end()):
        return _Norm("DURATION", "P1Y")
    if ctx.dct is None:
        return _Norm("DATE", "XXXX", unresolved=True)
    return _Norm("DATE", f"{ctx.dct.year:04d}", anchor="dct")


def _easter(year: int) -> dt.date | None:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    h = (19 * a + b - b // 4 - (b - (b + 8) // 25 + 1) // 3 + 15) % 30
    weekday = (32 + 2 * (b % 4) + 2 * (c // 4) - h - c % 4) % 7
    shift = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * shift + 114, 31)
    return V.safe_date(year, month, day + 1)


def _holiday_date(name: str, year: int) -> dt.date | None:
    rule = lexicon().holidays[name]
    if isinstance(rule, str):
        month, day = (int(x) for x in rule.split("-"))
        return V.safe_date(year, month, day)
    if isinstance(rule, dict):
        easter = _easter(year)
        return V.add_days(easter, int(rule["easter"])) if easter else None
    month, weekday, nth, from_day = (int(x) for x in rule)
    if nth > 0:
        first = V.safe_date(year, month, from_day)
        return V.add_days(V.weekday_near(first, weekday, +1), 7 * (nth - 1)) if first else None
    next_month = V.safe_date(*V.shift_months(year, month, 1), 1)
    last = V.add_days(next_month, -1) if next_month else None
    return V.weekday_near(last, weekday, -1) if last else None


def _holiday(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    if not _capitalised(g["name"]):
        raise _Reject
    key = re.sub(r"\s+", " ", g["name"].lower()).replace("’", "'")
    if key not in lexicon().holidays:
        key = re.sub(r"(\w)s\b", r"\1's", key, count=1) if "'" not in key else key.replace("'", "")
    # "Easter week", "Christmas week": the (ISO) week the holiday falls in.
    value = V.week if g.get("week") else V.ymd
    if g.get("year"):
        date = _holiday_date(key, int(g["year"]))
        if date is None:
            raise _Reject
        return _Norm("DATE", value(date), ref=date)
    if ctx.dct is None:
        rule = lexicon().holidays[key]
        return _Norm("DATE", f"XXXX-{rule}" if isinstance(rule, str) else "XXXX-XX-XX", unresolved=True)
    rel = (g.get("rel") or "").lower()
    tense = {"last": -1, "next": 1}.get(rel) or _tense(ctx, m.start(), m.end(), within=LOCAL_CUE_CHARS)
    options = [d for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if (d := _holiday_date(key, y)) is not None]
    if rel == "last":
        options = [d for d in options if d < ctx.dct]
    elif rel == "next":
        options = [d for d in options if d > ctx.dct]
    elif rel == "this":
        options = [d for d in options if d.year == ctx.dct.year]
    date = _closest_of(ctx.dct, options, 0 if rel else tense)
    if date is None:
        raise _Reject
    return _Norm("DATE", value(date), anchor="dct", ref=date)


def _set_word(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    return _Norm("SET", lexicon().sets[m.group("word").lower()])


def _set_every(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    g = m.groupdict()
    what = g["what"].lower().rstrip(".")
    lx = lexicon()
    if what in lx.weekdays:
        return _Norm("SET", f"XXXX-WXX-{lx.weekdays[what]}")
    if what in lx.months:
        return _Norm("SET", f"XXXX-{lx.months[what]:02d}")
    if what in lx.seasons:
        return _Norm("SET", f"XXXX-{lx.seasons[what]}")
    letter, time_unit, _ = _unit(what)
    amount = _int_word(g["num"]) if g.get("num") else 1.0
    return _Norm("SET", V.duration(amount, letter, time_unit))


# "the past three summers", "the future five years": a quantity follows, the phrase is not the past itself.
_QUANTITY_AFTER = re.compile(r"\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|several|few|many)\b)", re.I)
# "in today's world", "today's youth": the present in general, not the day of the report.
_GENERIC_AFTER_TODAY = re.compile(
    r"['’]s\s+(?:world|society|youth|generation|young|children|kids|teenagers|students|families|economy|culture)\b", re.I
)
# "Islam will one day be ...": some time ahead, not a stretch of one day.
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|shall|should|must)\s+$", re.I)


def _reference(m: re.Match[str], ctx: _Ctx, name: str) -> _Norm:
    key = re.sub(r"\s+", " ", m.group("word").lower())
    if key in ("the past", "the future") and _QUANTITY_AFTER.match(ctx.text, m.end()):
        raise _Reject
    return _Norm("DATE", lexicon().references[key])


NORMALISERS = {
    "iso": _full_date, "slash": _full_date, "mdy": _full_date, "dmy": _full_date,
    "weekday_date": _weekday_date, "md": _month_day, "dm": _month_day, "my": _month_year,
    "month_rel": _month_rel, "month_this_year": _month_rel, "month": _month_only,
    "year_range": _year_range, "decade": _decade, "year": _year,
    "year_words": _year_words, "century": _century, "decade_words": _decade_words, "unit_edge": _unit_edge,
    "quarter": _quarter, "quarter_year": _quarter_year, "quarter_ago": _quarter_year, "quarter_set": _quarter_set, "quarter_rel": _quarter_rel, "period_rel": _quarter_rel, "half": _half, "season": _season, "season_year": _season,
    "relday": _relday, "day_before": _relday, "pod_rel": _pod_rel, "nth_day_now": _nth_day_now, "pod_mod": _pod_rel, "clock": _clock, "clock_word": _clock_word,
    "weekday": _weekday_expr, "weekday_set": _weekday_set, "weekday_pair": _weekday_set, "week_of": _week_of, "weekend": _weekend, "unit_rel": _unit_rel, "unit_in": _unit_rel, "that_unit": _unit_rel,
    "year_end": _year_end, "year_earlier": _year_earlier, "ago": _ago, "ref_shift": _ref_shift,
    "ref_next": _ref_next, "duration": _duration, "duration_vague": _duration, "duration_plural": _duration, "duration_open": _duration_open, "long_compound": _duration,
    "the_year": _the_year, "holiday": _holiday, "set_word": _set_word, "set_every": _set_every, "reference": _reference,
}  # fmt: skip

_SIGNAL = re.compile(r"\b(since|until|till|from|to|by|before|after|in|on|at|during|between|and|through|for|of|as of)\s+$", re.I)


_DAY_BEFORE_AFTER = re.compile(r"\b(?:the\s+)?day\s+(before|after)\s+$", re.I)


def _day_before_after(text: str, start: int, norm: _Norm, free_from: int) -> tuple[int, _Norm] | None:
    """"the day before last Tuesday's hearing": a day on from a date, the phrase taken in."""
    m = _DAY_BEFORE_AFTER.search(text, max(0, start - 20, free_from), start)
    if m is None or norm.type != "DATE" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", norm.value):
        return None
    date = V.add_days(dt.date.fromisoformat(norm.value), -1 if m.group(1).lower() == "before" else 1)
    if date is None:
        return None
    return m.start(), _Norm("DATE", V.ymd(date), norm.mod, anchor=norm.anchor, ref=date)


@lru_cache(maxsize=1)
def _scans() -> tuple[tuple[Rule, Prefilter], ...]:
    return tuple((rule, prefilter(rule.pattern)) for rule in rules())


def _candidates(text: str) -> list[tuple[int, int, Rule, re.Match[str]]]:
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
    # Longest first; between equals, the rule with the lower priority number, then the earlier one.
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2].priority, c[0]))
    return found


def find_timexes(text: str, dct: dt.date | None, *, doc: Doc | None = None) -> list[Timex]:
    """Every temporal expression of ``text``, normalised against ``dct`` (``None``: unresolved)."""
    if not text or len(text) > MAX_INPUT_CHARS:
        return []
    ctx = _Ctx(text=text, dct=dct, doc=doc, sentences=_sentences(text))
    taken: list[tuple[int, int, Rule, re.Match[str]]] = []
    occupied = bytearray(len(text))
    for start, end, rule, m in _candidates(text):
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
            norm = NORMALISERS[rule.name](m, ctx, rule.name)
        except (_Reject, KeyError, ValueError, OverflowError):
            continue
        if not V.is_valid(norm.value) or (norm.range_end is not None and not V.is_valid(norm.range_end)):
            continue
        if (shifted := _day_before_after(text, start, norm, out[-1].end if out else 0)) is not None:
            start, norm = shifted
        if (norm.ref is not None and norm.anchor != "dct") or (norm.ref is not None and norm.type == "DATE" and rule.name in ("md", "dm", "weekday_date", "month", "month_rel", "weekday")):
            ctx.ref, ctx.ref_gran = norm.ref, norm.ref_gran
        if rule.name in ("quarter", "quarter_rel") and re.fullmatch(r"\d{4}-Q[1-4]", norm.value):
            ctx.last_quarter = (end, norm.value)
            # A fiscal quarter "ended Sept. 30" has ended whatever its number.
            if _reported_quarter(norm.value, None if _ENDED.match(text, end) else dct):
                ctx.last_reported = (end, norm.value)
        signal = _SIGNAL.search(text[max(0, start - 12) : start])
        out.append(
            Timex(
                start=start, end=end, text=text[start:end], type=norm.type, value=norm.value, mod=norm.mod,
                unresolved=norm.unresolved, range_end=norm.range_end, anchor=norm.anchor,
                signal=signal.group(1).lower() if signal else "", rule=rule.name,
            )
        )
    return out
