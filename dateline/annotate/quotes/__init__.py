"""Quotes and attributions: who said what (direct and reported speech) over a spaCy parse."""

from dateline.annotate.quotes.extract import Quote, extract_quotes, quotation_spans

__all__ = ["Quote", "extract_quotes", "quotation_spans"]
