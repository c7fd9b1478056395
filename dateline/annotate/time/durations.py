"""How long and how often: durations ("three years", "a decade-long war", "for weeks", "over the
years") and sets ("daily", "every two weeks", "each spring")."""

from __future__ import annotations

import re
from functools import lru_cache

from dateline.annotate.time import values
from dateline.annotate.time.context import Context, Norm, Reject, capitalised, int_word, quantity_mod, unit_of
from dateline.annotate.time.grammar import rule
from dateline.annotate.time.lexicon import lexicon

# "a quarter of the market" is a fraction; "a quarter of an hour", "two quarters of 1990" are times.
_QUARTER_OF_NON_TIME = re.compile(
    r"\s+of\s+(?!(?:a|an)\s+(?:century|hour)\b|(?:fiscal\s+)?\d{4}\b|(?:the|this|next|last)\s+(?:fiscal\s+)?year\b)"
)


@lru_cache(maxsize=1)
def _rate_before() -> re.Pattern[str]:
    """A rate before "a year": "twice a year", "$1.76 a year", "700 seats a week", "24 hours a day"."""
    counts = "|".join(lexicon().number_words(2, 100))
    return re.compile(
        r"(?:\b(?:times|once|twice|per)|(?:\d|\b(?:million|billion|thousand|hundred|cents?|dollars|percent)\b)\S*(?:\s+[a-z]+s)?"
        rf"|\b(?:{counts})\s+[a-z]+s)\s+$"
    )


@lru_cache(maxsize=1)
def _ordinal_second() -> re.Pattern[str]:
    """After "a second", a word that is no function word makes it the ordinal."""
    return re.compile(rf"\s+(?!(?:{'|'.join(lexicon().after_a_second)})\b)[a-z]")


@lru_cache(maxsize=1)
def _modal_before() -> re.Pattern[str]:
    """"Islam will one day be ...": some time ahead, not a stretch of one day."""
    return re.compile(rf"\b(?:{'|'.join(lexicon().modals)})\s+$", re.I)


@rule("duration", lambda p: (
    rf"{p.start}(?:(?P<lead>the\s+(?:(?:past|last|next|first|coming|previous|following|latest|final|remaining|initial)\s+)?)(?!\S+-{p.units}))?"
    rf"(?:(?P<qmod>{p.quantity_mods})\s+)?(?P<num>{p.number})[\s-]+(?:(?:more|additional|full|straight|consecutive|trading|business|working)\s+)?"
    rf"(?P<unit>{p.units})s?(?P<half>\s+and\s+a\s+half)?(?P<orso>\s+or\s+so)?{p.end}"
), priority=3)
def duration(m: re.Match[str], ctx: Context) -> Norm:
    """"three years", "about two weeks", "a year and a half", "the past 10 days"."""
    g = m.groupdict()
    if capitalised(g["unit"]):
        raise Reject  # "CBS's \"60 Minutes\"": a title
    letter, time_unit, unit = unit_of(g["unit"])
    amount = int_word(g["num"])
    if amount is None:
        raise Reject
    if amount > 10_000 or (amount == 0):
        raise Reject
    if re.match(r"[\s-]*old\b", ctx.text[m.end() :]) or m.group(0).lower().endswith("old"):
        raise Reject  # "a 6-year-old", "52 years old": an age, not a stretch of time
    if unit == "quarter" and re.search(r"-\s*quarters\b", m.group(0), re.I):
        raise Reject  # "three-quarters": a fraction
    if unit == "quarter" and re.match(_QUARTER_OF_NON_TIME, ctx.text[m.end() :]):
        raise Reject  # "more than a quarter of the market": a fraction
    token = g["num"].lower()
    if token == "one" and unit == "day" and not g.get("lead") and _modal_before().search(ctx.text, max(0, m.start() - 8), m.start()):
        return Norm("DATE", "FUTURE_REF")
    if unit == "second" and token in ("a", "one") and _ordinal_second().match(ctx.text, m.end()):
        raise Reject  # "a second group", "a second betrayal": the ordinal
    if token in ("a", "an") and not (g.get("lead") or g.get("qmod")):
        # "a year" alone is often "per year" or part of an idiom; keep it only where it measures time.
        before = ctx.text[max(0, m.start() - 40) : m.start()].lower()
        if _rate_before().search(before):
            raise Reject  # a rate: "twice a year", "$1.76 a year", "700 seats a week", "24 hours a day"
    if g.get("half"):
        amount += 0.5
    mod = quantity_mod(g.get("qmod"))
    if g.get("orso"):
        mod = mod or "APPROX"
    if "-" in g["num"] and re.fullmatch(r"\d+-\d+", g["num"]):
        mod = mod or "EQUAL_OR_MORE"
    return Norm("DURATION", values.duration(amount, letter, time_unit), mod)


# "a day-long meeting", "a decades-long battle": a length as an adjective.
@rule("long_compound", lambda p: rf"{p.start}(?P<unit>{p.units})(?P<plural>s?)-long{p.end}", priority=2)
def long_compound(m: re.Match[str], ctx: Context) -> Norm:
    if capitalised(m.group("unit")):
        raise Reject
    letter, time_unit, _ = unit_of(m.group("unit"))
    return Norm("DURATION", values.duration(None if m.group("plural") else 1, letter, time_unit))


@rule("duration_vague", lambda p: rf"{p.start}(?:(?:the\s+)?(?:past|last|next|coming|recent)\s+)?(?P<vague>{p.vague})[\s-]+(?P<unit>{p.units})s?{p.end}", priority=3)
@rule("duration_plural", lambda p: (
    rf"{p.start}(?P<pre>(?<=for\s)|(?<=within\s)|(?<=in\s)|recent|coming|the\s+coming|the\s+past|the\s+last|the\s+first|the\s+next|the\s+early|the\s+final)"
    rf"\s*(?<=\s)(?P<unit>hours|days|weeks|months|years|decades|centuries){p.end}(?<!early\shours)"
), priority=3)
def duration_some(m: re.Match[str], ctx: Context) -> Norm:
    """A stretch of some number of units: "several years", "for weeks", "the past months"."""
    if capitalised(m.group("unit")):
        raise Reject
    letter, time_unit, _ = unit_of(m.group("unit"))
    return Norm("DURATION", values.duration(None, letter, time_unit))


# Stretches of unknown length: "over the years", "in the weeks ahead", "for a while".
@rule("duration_open", lambda p: (
    rf"{p.start}(?:(?<=over\s)|(?<=through\s)|(?<=across\s))the\s+(?P<unit>years|decades|centuries){p.end}"
    rf"|{p.start}the\s+(?P<unit2>days|weeks|months|years)\s+(?:ahead|to\s+come){p.end}"
    rf"|{p.start}(?:(?<=for\s)|(?<=in\s)|(?<=after\s))a\s+while{p.end}(?!\s+(?:ago|back|longer)\b)"
), priority=3)
def duration_open(m: re.Match[str], ctx: Context) -> Norm:
    unit = m.group("unit") or m.group("unit2")
    if unit is None:  # "for a while": of no stated unit
        return Norm("DURATION", "PXX")
    letter, time_unit, _ = unit_of(unit)
    return Norm("DURATION", values.duration(None, letter, time_unit))


@rule("set_word", lambda p: rf"{p.start}(?P<word>{p.sets}){p.end}", priority=2)
def set_word(m: re.Match[str], ctx: Context) -> Norm:
    """"daily", "weekly"."""
    return Norm("SET", lexicon().sets[m.group("word").lower()])


@rule("set_every", lambda p: rf"{p.start}(?:every|each|per)\s+(?:(?P<num>{p.number})\s+)?(?P<what>{p.units}s?|{p.weekday}|{p.month}|{p.season}){p.end}", priority=1)
def set_every(m: re.Match[str], ctx: Context) -> Norm:
    """"every two weeks", "each Monday", "per year"."""
    g = m.groupdict()
    what = g["what"].lower().rstrip(".")
    lx = lexicon()
    if what in lx.weekdays:
        return Norm("SET", f"XXXX-WXX-{lx.weekdays[what]}")
    if what in lx.months:
        return Norm("SET", f"XXXX-{lx.months[what]:02d}")
    if what in lx.seasons:
        return Norm("SET", f"XXXX-{lx.seasons[what]}")
    letter, time_unit, _ = unit_of(what)
    amount = int_word(g["num"]) if g.get("num") else 1.0
    return Norm("SET", values.duration(amount, letter, time_unit))
