"""Quotes and attributions: who said what (direct and reported speech) over a spaCy parse.

``extract`` assembles what the other modules find: ``marks`` (quotation marks), ``lexicon`` (the cue
words of cues.yaml), ``verbs`` (cue verbs and stance complements), ``speakers``, ``clauses``
(reported speech), ``direct`` and ``direct_cues`` (direct quote runs and their cues), ``nominal``,
``according``, ``headlines`` and ``hedges``.
"""

from dateline.annotate.quotes.collect import extract_quotes
from dateline.annotate.quotes.marks import quotation_spans
from dateline.annotate.quotes.quote import Quote

__all__ = ["Quote", "extract_quotes", "quotation_spans"]
