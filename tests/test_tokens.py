"""Selecting tokens by label from spaCy's arrays gives what a loop over the tokens gives."""

from __future__ import annotations

import ast
from pathlib import Path

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


# Identity comparisons in the annotators that are not of spaCy tokens: our own records.
OWN_OBJECTS = {("quotes/collect.py", "o is not q"), ("events/arguments.py", "o is not m")}


def test_spacy_makes_a_new_token_at_every_access() -> None:
    doc = load_model()("Police said they arrested three men.")
    assert doc[3].head is not doc[1] and doc[3].head == doc[1]


def test_the_annotators_compare_tokens_by_equality_never_by_identity() -> None:
    # ``token.head is verb`` is always false (a new Token at every access): such a test silently
    # never holds. Identity is kept for constants and our own records only.
    root = Path(__file__).resolve().parent.parent / "dateline" / "annotate"
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Compare):
                continue
            for op, right in zip(node.ops, node.comparators, strict=True):
                if not isinstance(op, ast.Is | ast.IsNot) or isinstance(right, ast.Constant):
                    continue
                if isinstance(right, ast.Attribute) and ast.unparse(right.value) == "re_constants":
                    continue
                where = (path.relative_to(root).as_posix(), ast.unparse(node))
                if where not in OWN_OBJECTS:
                    found.append(f"{where[0]}:{node.lineno}: {where[1]}")
    assert found == []
