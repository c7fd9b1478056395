"""The one sentence splitter (dateline.core.sentences), on invented text."""

from __future__ import annotations

from itertools import pairwise

from dateline.core.sentences import sentence_spans


def _sentences(text: str, *, one_per_line: bool = False) -> list[str]:
    return [text[s:e].strip() for s, e in sentence_spans(text, one_per_line=one_per_line)]


def test_running_text_splits_after_final_punctuation() -> None:
    text = 'The port reopened. "We are glad," she said! Was it late? 12 ships left.'
    assert _sentences(text) == ["The port reopened.", '"We are glad," she said!', "Was it late?", "12 ships left."]


def test_abbreviations_and_month_abbreviations_end_no_sentence() -> None:
    text = "Mr. Kane met Gen. Ruiz on Oct. 3 in the case of Smith vs. Jones. They left."
    assert _sentences(text) == ["Mr. Kane met Gen. Ruiz on Oct. 3 in the case of Smith vs. Jones.", "They left."]


def test_wrapped_lines_continue_and_headings_or_paragraphs_split() -> None:
    text = "The council met on\nthe day of the vote\nHeadline line\n\nnew paragraph here"
    assert _sentences(text) == ["The council met on\nthe day of the vote", "Headline line", "new paragraph here"]


def test_one_sentence_a_line_for_tokenised_corpora() -> None:
    text = "`` We will stay , '' he said .\n-LRB- AP -RRB- Talks resume .\nthe U.S. said no .\n"
    assert _sentences(text, one_per_line=True) == [
        "`` We will stay , '' he said .", "-LRB- AP -RRB- Talks resume .", "the U.S. said no .", "",
    ]


def test_spans_cover_the_text_without_gaps() -> None:
    text = "One. Two!\n\nThree? Four"
    spans = sentence_spans(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(spans))
