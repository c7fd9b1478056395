"""The temporal tagger: TIMEX3 expressions found and normalised against the publication date.

Pure Python (regular expressions from a data lexicon), no Java, no network; a spaCy ``Doc`` helps
decide tense when the annotation pipeline has one.
"""

from dateline.annotate.timex.tagger import find_timexes
from dateline.annotate.timex.values import is_valid
from dateline.core.timexes import Timex

__all__ = ["Timex", "find_timexes", "is_valid"]
