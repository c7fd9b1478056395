"""Timeline summarisation: the N most important dates of a large collection and K sentences for each."""

from dateline.summarize.timeline_summary import Article, Period, summarize

__all__ = ["Article", "Period", "summarize"]
