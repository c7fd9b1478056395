"""What keeps the parse of pathological text linear: long runs without spaces and long stretches
without a sentence end."""

from __future__ import annotations

from dateline.annotate.model import MAX_SENTENCE_TOKENS, RUN_PIECE_CHARS, load_model

from .conftest import SEED_FILES


def test_a_long_run_without_spaces_is_cut_into_pieces() -> None:
    # spaCy peels a run of quotation marks one mark at a time, searching the rest each time.
    text = "Talks resumed on Tuesday. " + "\u201c" * 5000 + "  he said.\n\nThe end."
    doc = load_model()(text)
    assert doc.text == text
    run = [t for t in doc if set(t.text) == {"\u201c"}]
    assert [len(t) for t in run] == [RUN_PIECE_CHARS] * (5000 // RUN_PIECE_CHARS)
    assert [t.text for t in doc][:5] == ["Talks", "resumed", "on", "Tuesday", "."]


def test_ordinary_text_is_tokenized_as_spacy_does() -> None:
    nlp = load_model()
    text = SEED_FILES[0].read_text(encoding="utf-8")
    assert [t.text for t in nlp(text)] == [t.text for t in nlp.tokenizer.inner(text)]  # type: ignore[attr-defined]


def test_no_sentence_runs_past_the_cap() -> None:
    words = ["the", "minister", "said", "talks", "would", "resume", "and", "officials", "met", "in", "Geneva"]
    text = " ".join(words[i % len(words)] for i in range(3 * MAX_SENTENCE_TOKENS))  # no full stop anywhere
    doc = load_model()(text)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
