"""Timeline summarisation: the N most important dates of a large collection and K sentences for each."""

from dateline.summarize.tls import Article, summarize

__all__ = ["Article", "summarize"]
