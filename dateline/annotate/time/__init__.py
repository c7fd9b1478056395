"""The temporal tagger: TIMEX3 expressions found and normalised against the publication date.

Pure Python (regular expressions from a data lexicon), no Java, no network; a spaCy ``Doc`` helps
decide tense when the annotation pipeline has one. Each kind of expression has its module, whose
normalisers register their grammar rules when it is imported (here, in this order: between two
equally long matches of equal priority at the same place, the rule registered first wins).
"""

from dateline.annotate.time import (  # noqa: F401  (importing a module registers its rules)
    calendar_dates,
    clock,
    days,
    durations,
    holidays,
    references,
    relative,
    year_parts,
    years,
)
from dateline.annotate.time.scanner import find_timexes
from dateline.annotate.time.values import is_valid
from dateline.core.timexes import Timex

__all__ = ["Timex", "find_timexes", "is_valid"]
