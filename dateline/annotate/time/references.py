"""References to the present, past and future: "now", "recently", "the future", "as soon as possible"."""

from __future__ import annotations

import re
from functools import lru_cache

from dateline.annotate.time.context import Context, Norm, Reject, words_of
from dateline.annotate.time.grammar import rule
from dateline.annotate.time.lexicon import lexicon


@lru_cache(maxsize=1)
def _quantity_after() -> re.Pattern[str]:
    """"the past three summers", "the future five years": a quantity follows, the phrase is not the past itself."""
    lx = lexicon()
    words = "|".join(lx.number_words(2, 10) + list(lx.vague_numbers))
    return re.compile(rf"\s+(?:\d|(?:{words})\b)", re.I)


@rule("reference", lambda p: rf"{p.start}(?P<word>{p.references}){p.end}", priority=4)
def reference(m: re.Match[str], ctx: Context) -> Norm:
    key = words_of(m.group("word"))
    if key in ("the past", "the future") and _quantity_after().match(ctx.text, m.end()):
        raise Reject
    return Norm("DATE", lexicon().references[key])
