"""Orchestration: reading, storing, annotating (on an engine), writing and resolving, in that order.

The :class:`~dateline.Corpus` facade calls these; nothing below them knows they exist.
"""
