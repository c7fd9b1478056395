"""Selecting tokens by label from spaCy's arrays gives what a loop over the tokens gives."""

from __future__ import annotations

from dateline.annotate.model import load_model
from dateline.annotate.tokens import tokens_with_dep, tokens_with_pos

TEXT = ("The mayor said the bridge, which engineers had inspected, was safe. It seems the vote was postponed. "
        "Nobody answered.")  # fmt: skip


def test_tokens_with_dep_match_a_loop_in_order() -> None:
    doc = load_model()(TEXT)
    expected = [t.i for t in doc if t.dep_ in ("nsubj", "nsubjpass")]
    assert [t.i for t in tokens_with_dep(doc, "nsubj", "nsubjpass")] == expected
    assert len(expected) >= 4


def test_tokens_with_pos_match_a_loop_in_order() -> None:
    doc = load_model()(TEXT)
    assert [t.i for t in tokens_with_pos(doc, "VERB", "AUX")] == [t.i for t in doc if t.pos_ in ("VERB", "AUX")]


def test_no_match_and_empty_doc_give_nothing() -> None:
    nlp = load_model()
    assert list(tokens_with_dep(nlp(TEXT), "no-such-label")) == []
    assert list(tokens_with_pos(nlp(""), "VERB")) == []


def test_a_blank_line_starts_a_sentence_after_any_run_of_breaks() -> None:
    doc = load_model()("Storm warning for the coast\n\n\n\nresidents were told to leave early\nand the port closed")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "residents" in starts
