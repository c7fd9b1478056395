"""Readers' comments and the writer's own voice report no event, quote or fact (invented pages)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.annotate.voice import comments_start, writers_sentences

from .test_events import _code

REPORT = "Turkey accused Syria of shelling a border town on Tuesday ."
COMMENTS = (
    "At 9:05 pm on 3 Mar 2011 , riverdog wrote : Turkey accused Syria of everything again .\n"
    "At 21:40 4th Mar 2011 , Anna K wrote : Greece criticised Albania for nothing ."
)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (REPORT + "\n" + COMMENTS, len(REPORT) + 1),
        # Mid-line, after the author's line, as pages print it.
        ("Ann Lee is our health editor At 10:15 on 5 May 2009 , flu_watcher wrote : Stay calm .", 29),
        # A report of what someone wrote carries no clock time and user name: no comment.
        ("The minister wrote : we will not resign . He wrote at 10:15 that he agreed .", None),
        ("Nothing here at all .", None),
    ],
)
def test_where_readers_comments_begin(text: str, where: int | None) -> None:
    assert comments_start(text) == (len(text) if where is None else where)


def test_no_event_is_coded_from_readers_comments() -> None:
    events = _code(REPORT + "\n" + COMMENTS, dt.date(2011, 3, 3))
    assert [(e.event, e.sentence_start) for e in events] == [("ACCUSE", 0)]


@pytest.mark.parametrize(
    ("text", "writers"),
    [
        # The writer's own "I" and "my": no report.
        ("I think Russia criticised Georgia unfairly .", [0]),
        ("But i told him Russia would never agree .", [0]),
        ("My neighbour says China helped Mexico .", [0]),
        # A speaker's "I" inside a quotation, over one sentence or several.
        ("`` I will not resign , '' the Armenian prime minister said .", []),
        ("`` We will fight . I promise it . '' Gen Lee said .", []),
        # A quotation begun in an earlier sentence closes in this one: its "me" is the speaker's.
        ("Why is everybody criticizing me , '' the governor said .", []),
        # "I" as a numeral is no pronoun.
        ("Veterans of World War I met the Queen .", []),
    ],
)
def test_the_writers_own_voice(text: str, writers: list[int]) -> None:
    from dateline.annotate.model import load_model

    assert sorted(writers_sentences(load_model()(text))) == writers


def test_the_writers_voice_codes_no_event_and_a_quoted_speaker_still_does() -> None:
    assert _code("I think Russia criticised Georgia unfairly .", dt.date(2011, 3, 3)) == []
    quoted = _code(
        "`` We condemn the attack on Georgia , '' the Russian president said .", dt.date(2011, 3, 3)
    )
    assert [e.event for e in quoted][:1] == ["ACCUSE"]


@pytest.mark.parametrize(
    ("text", "writers"),
    [
        ("We did not expect China to help us .", [0]),
        ("Our friends say Russia criticised Georgia .", [0]),
        # "US" is the United States; a quoted "we" is the speaker's.
        ("The US criticised Russia .", []),
        ("`` We will respond , '' the Russian foreign ministry said .", []),
    ],
)
def test_the_writers_own_we(text: str, writers: list[int]) -> None:
    from dateline.annotate.model import load_model

    assert sorted(writers_sentences(load_model()(text))) == writers


def test_a_page_in_the_first_person_reports_nothing() -> None:
    blog = ("I flew to Geneva this week . We met the health minister there . Russia criticised Georgia on Monday . "
            "I think the talks went well . Turkey accused Syria of shelling a town .")  # fmt: skip
    assert _code(blog, dt.date(2011, 3, 3)) == []
    news = ("Russia criticised Georgia on Monday . Turkey accused Syria of shelling a town . "
            "The talks went well , officials said . `` We are ready , '' the minister said .")  # fmt: skip
    assert {e.event for e in _code(news, dt.date(2011, 3, 3))} >= {"ACCUSE"}


def test_readers_first_person_does_not_make_the_article_a_first_person_page() -> None:
    comments = " ".join(f"At 9:0{n} pm on 3 Mar 2011 , reader{n} wrote : I think we are all doomed ." for n in range(8))
    page = "Turkey accused Syria of shelling a border town . Officials said talks would go on . " + comments
    assert [e.event for e in _code(page, dt.date(2011, 3, 3))] == ["ACCUSE"]
