"""Settling an article's publication date, honestly.

Order of evidence: the user (``--published``, ``--dates``, ``set-date``) or metadata > an explicit
full date in the dateline > inference. Inference starts from a dateline month and day without a
year and keeps the years that fit every clue:

* a weekday the lead sentence gives for the report itself ("..., the ministry said on Saturday"):
  wire copy dates its own day by weekday, so the publication date falls on that weekday;
* years the text mentions as past ("escalated again in 2016"): the article is not older than them;
* not after today.

One surviving year → ``inferred``; several → ``ambiguous`` with every candidate kept and no date
picked; none, or no month-day to start from → ``unknown``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from dateline.core.datelines import Dateline
from dateline.core.dates import today
from dateline.core.lexicon import english
from dateline.core.sentences import sentence_spans

WEEKDAYS = tuple(sorted(english().weekdays, key=english().weekdays.__getitem__))  # monday first
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
_REPORTING = re.compile(r"\b(" + "|".join(sorted(english().reporting_forms())) + r")\b", re.I)
_YEAR = re.compile(r"(?<![\d$€£])(?<!\d[,.])(1[89]\d\d|20\d\d)(?!\d|%|,\d)")
_FUTURE_CONTEXT = re.compile(r"\b(will|would|shall|plans?|planned|scheduled|expected|aims?|target|next)\b", re.I)
_BEFORE_YEAR_FUTURE = re.compile(r"\b(by|until|till|through|before|in the run-up to)\s*$", re.I)
WINDOW_YEARS = 30
MAX_CANDIDATES = 10


@dataclass(frozen=True, slots=True)
class Candidate:
    date: dt.date
    score: float
    evidence: str

    def as_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "score": round(self.score, 3), "evidence": self.evidence}


@dataclass(frozen=True, slots=True)
class DateDecision:
    published: dt.date | None
    source: str  # metadata | explicit | inferred | ambiguous | unknown | user
    confidence: float
    candidates: tuple[Candidate, ...] = ()
    evidence: tuple[str, ...] = field(default_factory=tuple)


def past_years(text: str, *, until: int) -> list[int]:
    """Years the text mentions as past (not in a future context), up to ``until``."""
    years: list[int] = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if _FUTURE_CONTEXT.search(sentence):
            continue
        for m in _YEAR.finditer(sentence):
            if _BEFORE_YEAR_FUTURE.search(sentence[: m.start()]):
                continue
            year = int(m.group(1))
            if year <= until:
                years.append(year)
    return years


def lead_weekday(text: str, dateline: Dateline) -> tuple[int, str] | None:
    """The weekday the lead sentence gives for the report itself, with the words that say so."""
    window = text[dateline.end : dateline.end + 800]
    lead_start, lead_end = sentence_spans(window)[0]
    lead = window[lead_start:lead_end]
    found = list(_WEEKDAY.finditer(lead))
    if not found:
        return None
    reporting = [m.start() for m in _REPORTING.finditer(lead)]
    # The weekday nearest a reporting verb dates the report; else the lead's only weekday.
    if reporting:
        best = min(found, key=lambda m: min(abs(m.start() - r) for r in reporting))
    elif len(found) == 1:
        best = found[0]
    else:
        return None
    snippet = lead[max(0, best.start() - 40) : best.end()].strip()
    return WEEKDAYS.index(best.group(1).lower()), snippet


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def infer_year(text: str, dateline: Dateline, *, now: dt.date) -> DateDecision:
    """Candidates for a month-day dateline with no year (see the module docstring)."""
    assert dateline.month is not None and dateline.day is not None
    evidence = [f"dateline {dateline.text!r} gives {dateline.month:02d}-{dateline.day:02d} without a year"]
    years = past_years(text, until=now.year)
    low = max(years) if years else now.year - WINDOW_YEARS
    if years:
        evidence.append(f"the text mentions {max(years)} as past")
    dates = [d for y in range(low, now.year + 1) if (d := _valid(y, dateline.month, dateline.day)) and d <= now]
    weekday = lead_weekday(text, dateline)
    confidence = 0.9
    if weekday is not None and dates:
        number, snippet = weekday
        same = [d for d in dates if d.weekday() == number]
        if same:
            dates = same
            evidence.append(f"the lead dates the report to a {WEEKDAYS[number].title()} ({snippet!r})")
        else:
            evidence.append(f"the lead's {WEEKDAYS[number].title()} fits no candidate year; ignored")
            confidence = 0.6
    if not dates:
        return DateDecision(None, "unknown", 0.0, (), tuple([*evidence, "no year fits every clue"]))
    dates.sort(reverse=True)
    if len(dates) == 1:
        only = dates[0]
        return DateDecision(
            only, "inferred", confidence, (Candidate(only, confidence, "; ".join(evidence[1:])),), tuple(evidence)
        )
    kept = dates[:MAX_CANDIDATES]
    score = 1.0 / len(dates)
    note = "equally plausible"
    if len(dates) > len(kept):
        evidence.append(f"{len(dates) - len(kept)} earlier candidate years not listed")
    return DateDecision(None, "ambiguous", score, tuple(Candidate(d, score, note) for d in kept), tuple(evidence))


def settle(
    text: str,
    dateline: Dateline | None,
    *,
    metadata_date: dt.date | None = None,
    user_date: dt.date | None = None,
    now: dt.date | None = None,
) -> DateDecision:
    """Decide the publication date of one article from all the evidence available."""
    now = now or today()
    if user_date is not None:
        return DateDecision(user_date, "user", 1.0, (Candidate(user_date, 1.0, "given by the user"),), ("given by the user",))
    if metadata_date is not None:
        evidence = ["publication date in the input's metadata"]
        if dateline is not None and dateline.month and dateline.day and (
            (dateline.month, dateline.day) != (metadata_date.month, metadata_date.day)
        ):
            evidence.append(f"the dateline {dateline.text!r} names another day")
        return DateDecision(metadata_date, "metadata", 1.0, (Candidate(metadata_date, 1.0, evidence[0]),), tuple(evidence))
    if dateline is None or dateline.month is None or dateline.day is None:
        return DateDecision(None, "unknown", 0.0, (), ("no dateline date and no metadata",))
    full = dateline.full_date
    if full is not None:
        note = f"explicit date in the dateline {dateline.text!r}"
        return DateDecision(full, "explicit", 0.95, (Candidate(full, 0.95, note),), (note,))
    return infer_year(text, dateline, now=now)
