"""The grammar: regular expressions built from the lexicon (``lexicon.yaml``).

Each rule has a name, a pattern and a priority; the tagger collects every match of every rule,
keeps the longest non-overlapping ones, and hands each to the normaliser of its rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, tuple[str, bool]]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    quantity_mods: dict[str, str]
    point_mods: dict[str, str]
    references: dict[str, str]
    future_markers: tuple[str, ...]
    future_signals: tuple[str, ...]
    past_signals: tuple[str, ...]
    sets: dict[str, str]
    holidays: dict[str, Any]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw: dict[str, Any] = yaml.safe_load(
        (resources.files("dateline.annotate.timex") / "lexicon.yaml").read_text(encoding="utf-8")
    )
    return Lexicon(
        months={str(k): int(v) for k, v in raw["months"].items()},
        ambiguous_months=frozenset(raw["ambiguous_months"]),
        weekdays={str(k): int(v) for k, v in raw["weekdays"].items()},
        numbers={str(k): int(v) for k, v in raw["numbers"].items()},
        vague_numbers=tuple(raw["vague_numbers"]),
        ordinals={str(k): int(v) for k, v in raw["ordinals"].items()},
        units={str(k): (str(v[0]), bool(v[1])) for k, v in raw["units"].items()},
        seasons={str(k): str(v) for k, v in raw["seasons"].items()},
        parts_of_day={str(k): str(v) for k, v in raw["parts_of_day"].items()},
        quantity_mods={str(k): str(v) for k, v in raw["quantity_mods"].items()},
        point_mods={str(k): str(v) for k, v in raw["point_mods"].items()},
        references={str(k): str(v) for k, v in raw["references"].items()},
        future_markers=tuple(raw["future_markers"]),
        future_signals=tuple(raw["future_signals"]),
        past_signals=tuple(raw["past_signals"]),
        sets={str(k): str(v) for k, v in raw["sets"].items()},
        holidays={str(k): v for k, v in raw["holidays"].items()},
    )


def alternation(words: list[str] | tuple[str, ...] | set[str] | frozenset[str], *, dot: bool = False) -> str:
    """Longest-first alternation of ``words`` (spaces match any whitespace)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return f"(?:{body})" + (r"\.?" if dot else "")


# A number these follow is a count, not a year: "2000 troops", "on May 5, 2000 people marched".
MEASURE_NOUNS = (
    r"people|persons|troops|soldiers|men|women|children|km|kilometers|kilometres|miles|tons|tonnes|"
    r"dollars|euros|rubles|shares|units|cars|jobs|workers|members|feet|meters|metres|barrels"
)

# After four digits these make them a 24-hour clock: "1130 GMT", "2200 hrs".
CLOCK_ZONES = r"(?-i:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)|hrs|hours|local\s+time"


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    priority: int  # lower wins between equally long matches


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    lx = lexicon()
    full_months = [m for m in lx.months if len(m) > 4 or m in ("may", "june", "july")]
    short_months = [m for m in lx.months if m not in full_months]
    month = f"(?:{alternation(full_months)}(?!\\.\\w)|{alternation(short_months, dot=True)})"
    weekday = alternation(list(lx.weekdays))
    day = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    year4 = r"(?:1[0-9]{3}|20[0-9]{2})"
    number = r"(?:" + alternation(list(lx.numbers)) + r"|\d+(?:\.\d+)?(?:\s+1/2)?|\d+-\d+)"
    compound_number = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](?:one|two|three|four|five|six|seven|eight|nine)(?!\w))"
    number = f"(?:{compound_number}|{number})"
    units = alternation(list(lx.units))
    qmods = alternation(list(lx.quantity_mods))
    pmods = r"(?:early|late|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of|end\s+of|earlier|later)"
    vague = alternation(list(lx.vague_numbers))
    season = alternation(list(lx.seasons))
    pod = r"(?:morning|afternoon|evening|night)"
    ordinal = alternation(list(lx.ordinals))
    refs = alternation(list(lx.references))
    sets = alternation(list(lx.sets))
    holidays = alternation(list(lx.holidays)).replace("'", "['’]?")
    spelled_year = r"(?:nineteen|twenty)[\s-]+(?:hundred(?:\s+and)?[\s-]+)?(?:(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|o[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))|two\s+thousand(?:[\s-]+and)?(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine|ten))?"
    # A year in digits or spelt out ("January nineteen ninety-seven", as transcripts write it).
    any_year = f"(?:{year4}|{spelled_year})"
    b = r"(?<![\w$€£])"  # a word start that is not inside a number or an amount
    e = r"(?![\w])"
    # The year of a month-day: after a comma, a space or a comma kept apart by tokenisation
    # ("April 20 , 2010"), but not a count ("May 5, 2000 people") nor a clock ("19 January, 1130 GMT").
    spaced_comma = r"(?:\s*,)?\s+"
    not_count = rf"(?!\s+(?:{MEASURE_NOUNS}|{CLOCK_ZONES})\b)"

    specs: list[tuple[str, str, int]] = [
        ("iso", rf"{b}(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?!\d)", 0),
        ("slash", rf"{b}(?P<month>\d{{1,2}})/(?P<day>\d{{1,2}})/(?P<year>\d{{4}}|\d{{2}})(?![\d/])", 1),
        ("weekday_date", rf"{b}(?P<wd>{weekday}){spaced_comma}(?P<month>{month})\s+(?P<day>{day})(?:{spaced_comma}(?P<year>{year4}){e}{not_count})?{e}", 0),
        ("mdy", rf"{b}(?:(?P<pmod>{pmods})(?:\s+|-))?(?P<month>{month})\s+(?P<day>{day})(?:\s*(?:-|–|to)\s*(?P<day2>{day}))?{spaced_comma}(?P<year>\d{{4}}){e}{not_count}", 0),
        ("dmy", rf"{b}(?P<day>{day})(?:\s*(?:-|–)\s*(?P<day2>{day}))?\s+(?:of\s+)?(?P<month>{month}){spaced_comma}(?P<year>\d{{4}}){e}{not_count}", 0),
        ("md", rf"{b}(?:(?P<pmod>{pmods})(?:\s+|-))?(?P<month>{month})\s+(?P<day>{day})(?:\s*(?:-|–)\s*(?P<day2>{day}))?(?![\w:]|(?:\s*,)?\s*\d{{4}}{e}{not_count}|\s*-\s*\d{{3}})", 2),
        ("dm", rf"{b}(?P<day>{day})(?:\s*(?:-|–)\s*(?P<day2>{day}))?\s+(?:of\s+)?(?P<month>{month}){e}", 2),
        ("my", rf"{b}(?:(?P<pmod>{pmods})(?:\s+|-))?(?P<month>{month}),?\s+(?:of\s+)?(?P<year>{any_year}){e}", 1),
        ("month_rel", rf"{b}(?:(?P<pmod>{pmods})(?:\s+|-))?(?P<rel>last|next|this|(?:the\s+)?(?:past|coming))\s+(?P<month>{month}){e}(?!\.?\s*\d)", 2),
        ("month_this_year", rf"{b}(?:(?P<pmod>{pmods})(?:\s+|-))?(?P<month>{month})\s+(?P<rel>this|last|next)\s+year{e}", 1),
        ("month", rf"{b}(?:(?P<pmod>{pmods})(?:\s+|-))?(?P<month>{month}){e}", 3),
        ("year_range", rf"{b}(?P<year>{year4})\s*(?:-|–|—|/)\s*(?P<year2>{year4}|\d{{2}})(?![\d%])", 1),
        ("decade", rf"{b}(?:the\s+)?(?:(?P<pmod>early|mid-?|late)[\s-]+)?(?:(?P<decade>(?:1[0-9]|20)[0-9]0)|'(?P<short>[0-9]0))'?s{e}", 1),
        ("year", rf"(?<![\w$€£.,/-])(?:(?P<pmod>early|mid-?|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)[\s-]+)?(?:fiscal\s+)?(?P<year>{year4})(?![\d%]|,\d|\.\d|\s*(?:-|–)\s*\d)", 4),
        ("year_words", rf"{b}(?:the\s+year\s+)?(?P<words>{spelled_year}){e}", 2),
        ("century", rf"{b}(?:the\s+)?(?P<n>\d{{1,2}})(?:st|nd|rd|th)[\s-]+century{e}", 1),
        ("decade_words", rf"{b}the\s+(?:(?P<pmod>early|mid|late)[\s-]+)?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties){e}", 2),
        ("unit_edge", rf"{b}(?P<pmod>the\s+end|the\s+beginning|the\s+middle|the\s+start)\s+of\s+the\s+(?P<unit>week|month|year){e}", 1),
        # A determiner belongs to "the third quarter" but not to the adjective in "a third-quarter loss".
        ("quarter", rf"{b}(?:(?P<det>the|this\s+year's|last\s+year's|next\s+year's|a)\s+(?!(?:(?:fiscal|calendar)\s+)?{ordinal}-))?(?:(?:fiscal|calendar)\s+)?(?P<ord>{ordinal})[\s-]+(?:fiscal\s+)?quarter(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?P<year>{year4})|\s+(?P<year2>{year4}))?{e}", 1),
        # Quarters in the plural recur: "conducted in the second and fourth quarters".
        # Not "the third and fourth quarters of 1989", "this year's third and fourth quarters".
        ("quarter_set", rf"{b}(?<!'s\s)(?P<ord>{ordinal})(?:[\s-]+quarters{e}(?!\s+of\b)|(?=\s+and\s+{ordinal}[\s-]+quarters{e}(?!\s+of\b)))", 1),
        ("quarter_year", rf"{b}the\s+(?:(?P<year>{year4})|(?P<ago>(?:comparable\s+|same\s+)?year[\s-](?:ago|earlier)))\s+(?:(?P<ord>{ordinal})[\s-]+)?(?:fiscal\s+)?(?P<what>quarter|period){e}", 1),
        # The period an earnings report compares with: "the corresponding period last year", "last year's quarter".
        ("quarter_ago", rf"{b}(?:the\s+(?:corresponding|comparable|same)\s+(?:period|quarter)\s+(?:of\s+)?(?P<ago>last\s+year|a\s+year\s+(?:ago|earlier))|(?P<ago2>last\s+year's)\s+(?:quarter|period)){e}", 1),
        ("quarter_rel", rf"{b}(?P<rel>the\s+latest|the\s+last|the\s+past|the\s+previous|the\s+current|the\s+same|the\s+latest\s+fiscal|this|last|next|the\s+fiscal|the\s+recent|the)\s+quarter(?P<ago>\s+a\s+year\s+(?:ago|earlier))?{e}", 2),
        ("period_rel", rf"{b}(?P<rel>the\s+latest|the\s+last|the\s+same)\s+period{e}", 2),
        ("half", rf"{b}(?:the\s+)?(?P<ord>first|second|last|latter)\s+half(?:\s+of\s+(?P<year>{year4}|(?P<rel>this|last|next)\s+year))?(?!\s+of\s){e}", 1),
        ("season", rf"{b}(?:(?P<pmod>early|late|mid-?)\s+)?(?P<rel>this\s+past|last|this|next|the|early|late)\s+(?:(?P<pmod2>early|late)\s+)?(?P<season>{season})(?:\s+(?:of\s+)?(?P<year>{any_year}))?(?!\s+of\s+(?!{any_year}))(?!\w)", 2),
        ("season_year", rf"{b}(?P<season>{season})\s+(?:of\s+)?(?P<year>{any_year}){e}", 1),
        ("relday", rf"{b}(?:(?P<pmod>early|late|earlier|later)\s+)?(?P<word>today|yesterday|tomorrow|tonight)(?:\s+(?P<pod>{pod}))?{e}", 1),
        # "Today is the eighth day of the blockade", "It's the second day of an offensive": the day of writing.
        ("nth_day_now", r"(?<=\b(?:is|'s)\s)(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?day(?=\s+of\b)", 1),
        ("day_before", rf"{b}the\s+day\s+(?P<dir>before|after)\s+(?P<word>yesterday|tomorrow){e}", 0),
        ("pod_rel", rf"{b}(?:(?P<pmod>early|late|earlier|later)\s+)?(?P<rel>this|last|yesterday|tomorrow)\s+(?P<pod>{pod}){e}", 1),
        # "by mid-afternoon", "late morning yesterday": a part of the day the report is about.
        ("pod_mod", rf"{b}(?P<pmod>early|late|mid-?)[\s-]*(?P<pod>morning|afternoon|evening)(?:\s+(?P<rel>yesterday|today|tomorrow))?{e}", 2),
        ("clock", rf"{b}(?:(?P<approx>around|about|approximately)\s+)?(?P<h>[01]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am|pm)(?:\s+(?P<tz>(?-i:[A-Z]{{2,4}})))?(?:,?\s+(?:on\s+)?(?:(?P<wd>{weekday})|(?P<month>{month})\s+(?P<day>{day})(?:,\s+(?P<year>{year4}))?))?{e}", 1),
        ("clock_word", rf"{b}(?P<word>noon|midnight|midday)(?:\s+(?:on\s+)?(?P<wd>{weekday}|yesterday|today|tomorrow))?{e}", 2),
        ("weekday", rf"{b}(?:(?P<pmod>early|late|earlier|later)\s+)?(?:(?P<rel>last|next|this|coming|past|the\s+(?:previous|preceding|following))\s+)?(?P<wd>{weekday})(?:\s+(?P<pod>{pod}))?{e}", 2),
        # A plural weekday recurs: "on Mondays", "Tuesday nights"; so does a weekday coordinated with one.
        ("weekday_set", rf"{b}(?P<wd>{weekday})(?:s|\s+(?P<pod>{pod})s){e}", 1),
        ("weekday_pair", rf"{b}(?P<wd>{weekday})(?=\s+(?:and|or)\s+{weekday}(?:s|\s+(?P<pod>{pod})s){e})", 1),
        ("week_of", rf"{b}the\s+week\s+of\s+(?P<month>{month})\s+(?P<day>{day})(?:,?\s+(?P<year>{year4}))?{e}", 0),
        ("weekend", rf"{b}(?:(?P<rel>last|next|this|the|the\s+past|the\s+coming)\s+)weekend{e}", 2),
        ("unit_rel", rf"{b}(?:(?P<pmod>{pmods})(?:\s+|-))?(?P<rel>last|this|next|the\s+past|the\s+coming|the\s+current|the\s+previous|the\s+following|the\s+same|the\s+next)\s+(?P<unit>week|month|year|decade|century){e}", 2),
        ("unit_in", rf"{b}(?P<pmod>earlier|later|early|late)\s+in\s+the\s+(?P<unit>week|month|year){e}", 2),
        ("year_end", rf"{b}(?:the\s+end\s+of\s+the\s+year|year[\s-]end|year's\s+end|the\s+turn\s+of\s+the\s+year){e}", 2),
        ("year_earlier", rf"{b}(?:a|one|the)\s+year\s+(?P<dir>earlier|ago|before)|year-(?P<dir2>earlier|ago){e}", 1),
        ("ago", rf"{b}(?:(?P<qmod>{qmods})\s+)?(?P<num>{number}|{vague})\s+(?:or\s+so\s+)?(?P<unit>{units})s?\s+(?:or\s+so\s+)?ago{e}", 0),
        ("ref_shift", rf"{b}(?P<num>{number})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|earlier){e}", 0),
        ("ref_next", rf"{b}the\s+(?P<rel>next|following|previous|preceding|same)\s+(?P<unit>day|morning|week|month|year){e}", 1),
        ("duration", rf"{b}(?:(?P<lead>the\s+(?:(?:past|last|next|first|coming|previous|following|latest|final|remaining|initial)\s+)?)(?!\S+-{units}))?(?:(?P<qmod>{qmods})\s+)?(?P<num>{number})[\s-]+(?:(?:more|additional|full|straight|consecutive|trading|business|working)\s+)?(?P<unit>{units})s?(?P<half>\s+and\s+a\s+half)?(?P<orso>\s+or\s+so)?{e}", 3),
        # "a day-long meeting", "a decades-long battle": a length as an adjective.
        ("long_compound", rf"{b}(?P<unit>{units})(?P<plural>s?)-long{e}", 2),
        ("duration_vague", rf"{b}(?:(?:the\s+)?(?:past|last|next|coming|recent)\s+)?(?P<vague>{vague})[\s-]+(?P<unit>{units})s?{e}", 3),
        # Stretches of unknown length: "over the years", "in the weeks ahead", "for a while".
        ("duration_open", rf"{b}(?:(?<=over\s)|(?<=through\s)|(?<=across\s))the\s+(?P<unit>years|decades|centuries){e}|{b}the\s+(?P<unit2>days|weeks|months|years)\s+(?:ahead|to\s+come){e}|{b}(?:(?<=for\s)|(?<=in\s)|(?<=after\s))a\s+while{e}(?!\s+(?:ago|back|longer)\b)", 3),
        ("duration_plural", rf"{b}(?P<pre>(?<=for\s)|(?<=within\s)|(?<=in\s)|recent|coming|the\s+coming|the\s+past|the\s+last|the\s+first|the\s+next|the\s+early|the\s+final)\s*(?<=\s)(?P<unit>hours|days|weeks|months|years|decades|centuries){e}(?<!early\shours)", 3),
        # "the year" is the current (or, after "that", the last mentioned) year; "the fiscal year ended
        # June 30" a stretch of one year. Not "the year 2000" nor the adjective "the year-ago quarter".
        ("the_year", rf"{b}(?P<det>the)\s+(?:(?P<kind>full|fiscal|current\s+fiscal|calendar)\s+)?year(?![-\w]|\s+(?:\d|two\s+thousand|nineteen|before|earlier|ago|after|later))", 3),
        ("that_unit", rf"{b}(?:(?P<pmod>earlier|later)\s+)?(?P<rel>that|that\s+same|the\s+same)\s+(?P<unit>day|week|month|year){e}(?!-)", 1),
        ("holiday", rf"{b}(?:(?P<rel>last|this|next)\s+)?(?P<name>{holidays})(?P<week>\s+week)?(?:,?\s+(?P<year>{year4}))?{e}", 1),
        ("set_word", rf"{b}(?P<word>{sets}){e}", 2),
        ("set_every", rf"{b}(?:every|each|per)\s+(?:(?P<num>{number})\s+)?(?P<what>{units}s?|{weekday}|{month}|{season}){e}", 1),
        ("reference", rf"{b}(?P<word>{refs}){e}", 4),
    ]
    return tuple(Rule(name, re.compile(pattern, re.IGNORECASE), priority) for name, pattern, priority in specs)
