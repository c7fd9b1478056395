"""Converters that compile public dictionaries into dateline's own data files."""
