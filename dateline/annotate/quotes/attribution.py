"""Who a quote's speaker is, and when the statement was made, from the other stages' findings."""

from __future__ import annotations

from dateline.annotate.quotes.quote import Quote
from dateline.core.mentions import ActorMention
from dateline.core.timevalues import interval
from dateline.core.timexes import Timex

# The head of "the Russian Foreign Ministry's press service" is the ministry: people and
# organisations come before the countries named inside a speaker phrase.
_SPEAKER_RANK = {"person": 0, "organization": 1, "igo": 2, "pre": 3, "region": 3, "country": 4}


def speaker_mention(quote: Quote, mentions: list[ActorMention]) -> ActorMention | None:
    """The actor mention that names the quote's speaker, if any."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    inside = [m for m in mentions if m.start < quote.speaker_end and quote.speaker_start < m.end]
    return min(inside, key=lambda m: (_SPEAKER_RANK.get(m.kind, 5), m.start)) if inside else None


def statement_date(quote: Quote, timexes: list[Timex]) -> str | None:
    """A day-level date right after (or just before) the cue: "said on Saturday", "on Friday said"."""
    if quote.cue_end is None:
        return None
    for t in timexes:
        day = interval(t.value) if t.type in ("DATE", "TIME") and not t.unresolved else None
        if day is None or day[0] != day[1]:  # not "2012-W03-WE", "1998-10-XX": a day
            continue
        after = quote.cue_end <= t.start <= quote.cue_end + 6
        before = quote.cue_start is not None and 0 <= quote.cue_start - t.end <= 4
        if after or before:
            return day[0].isoformat()
    return None
