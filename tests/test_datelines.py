from __future__ import annotations

import pytest

from dateline.core.datelines import find_dateline, parse_dateline


@pytest.mark.parametrize(
    ("text", "place", "outlet", "month", "day", "year"),
    [
        ("MOSCOW, May 19 (Sputnik) – Russian stance", "Moscow", "Sputnik", 5, 19, None),
        ("MOSCOW, September 30. /TASS/. Russia maintains", "Moscow", "TASS", 9, 30, None),
        ("WASHINGTON (Reuters) - The United States", "Washington", "Reuters", None, None, None),
        ("LONDON, Jan. 5, 2016 (AP) — Britain", "London", "AP", 1, 5, 2016),
        ("NEW YORK, Sept. 3 (Reuters) - Stocks", "New York", "Reuters", 9, 3, None),
        ("SAN DIEGO, Calif. (AP) — A", "San Diego, Calif.", "AP", None, None, None),
        (" date 2020-02-11 Moscow believes", None, None, 2, 11, 2020),
        ("Published: 30 September 2020", None, None, 9, 30, 2020),
    ],
)
def test_dateline_forms(text: str, place: str | None, outlet: str | None, month: int | None, day: int | None, year: int | None) -> None:
    found = parse_dateline(text)
    assert found is not None
    assert (found.place, found.outlet, found.month, found.day, found.year) == (place, outlet, month, day, year)
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    "text",
    ["US troops said on Monday", "The conflict over the area dates back to 1988", "Russia: Russia calls on Armenia", "MOSCOW, May 42 (X) -"],
)
def test_not_a_dateline(text: str) -> None:
    assert parse_dateline(text) is None


def test_dateline_after_headline_and_standfirst() -> None:
    text = "Talks in Moscow\n\nDiplomats will discuss it\n\nMOSCOW, May 25. /TASS/. The ministers met."
    found = find_dateline(text)
    assert found is not None and found.start == text.index("MOSCOW")


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("MOSCOW, May 19 (Sputnik) – Russian stance on the conflict is well known, the ministry said.", "MOSCOW, May 19 (Sputnik) –"),
        ("MOSCOW, September 30. /TASS/. Russia maintains contacts with both sides, she said.", "MOSCOW, September 30. /TASS/."),
        ("date 2020-02-11 Moscow believes that the dialogue is useful.", "date 2020-02-11"),
        ("Headline of the piece\n\nWASHINGTON (Reuters) - The United States imposed sanctions on Iran.", "WASHINGTON (Reuters) -"),
    ],
)  # fmt: skip
def test_a_dateline_is_a_sentence_of_its_own(text: str, first: str) -> None:
    from dateline.annotate.model import load_model

    sentences = [s.text.strip() for s in load_model()(text).sents if s.text.strip()]
    assert first in sentences
    after = sentences[sentences.index(first) + 1]
    assert text.endswith(after) and not after.startswith(first)
