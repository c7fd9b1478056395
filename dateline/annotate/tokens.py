"""Selecting a doc's tokens by a parse label with spaCy's arrays instead of a Python loop over all."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def tokens_where(doc: Doc, attr: str, values: tuple[int, ...]) -> Iterator[Token]:
    """The tokens whose ``attr`` column (as ``doc.to_array`` gives it) holds one of ``values``."""
    # Building a Token for every word only to test one label was a good part of a stage's time;
    # the array holds the labels of all words at once, so only the matching words become Tokens.
    column = doc.to_array(attr)
    for i in np.flatnonzero(np.isin(column, values)).tolist():
        yield doc[i]


def tokens_with_dep(doc: Doc, *labels: str) -> Iterator[Token]:
    """The tokens whose dependency label is one of ``labels``, in document order."""
    from spacy.strings import get_string_id  # spaCy is imported where a model is, not with dateline

    return tokens_where(doc, "DEP", tuple(get_string_id(label) for label in labels))


def tokens_with_pos(doc: Doc, *tags: str) -> Iterator[Token]:
    """The tokens whose coarse part of speech is one of ``tags``, in document order."""
    from spacy.parts_of_speech import IDS

    return tokens_where(doc, "POS", tuple(IDS[tag] for tag in tags))
