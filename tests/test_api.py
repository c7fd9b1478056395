"""The public API: one front door, one filter, settings that travel with the work, one registry."""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import replace
from pathlib import Path

import pytest

import dateline
from dateline import ConfigError, Corpus, Filter, Settings, TextInput
from dateline.core.registry import Registry
from dateline.corpus import Listing

from .conftest import SEED_FILES


def test_the_package_root_is_the_api() -> None:
    assert {"Corpus", "Filter", "Settings", "Quote", "Event", "TimelineEntry", "DatelineError"} <= set(dateline.__all__)
    assert all(hasattr(dateline, name) for name in dateline.__all__)


def test_a_filter_a_listing_cannot_honour_is_an_error(seeded_db: Path) -> None:
    with Corpus(seeded_db, readonly=True) as corpus:
        with pytest.raises(ConfigError, match="quotes cannot be filtered by event_type"):
            corpus.quotes(Filter(event_type="ASSAULT"))
        with pytest.raises(ConfigError, match="documents cannot be filtered by speaker"):
            corpus.documents(Filter(speaker="Lavrov"))
    with pytest.raises(ConfigError, match="after its date_to"):
        Filter(date_from=dt.date(2020, 2, 1), date_to=dt.date(2020, 1, 1))


def test_filters_page_and_search_text(seeded_db: Path) -> None:
    with Corpus(seeded_db, readonly=True) as corpus:
        everything = corpus.quotes()
        page = corpus.quotes(Filter(limit=2, offset=1))
        assert [q.id for q in page] == [q.id for q in everything[1:3]]
        minsk = corpus.quotes(Filter(text="minsk group"))
        assert minsk and all("minsk group" in q.quote.lower() for q in minsk)
        assert len(minsk) < len(everything)
        zakharova = corpus.quotes(Filter(speaker="Zakharova"))
        assert zakharova and {q.speaker for q in zakharova} == {"Maria Zakharova"}
        assert [d.id for d in corpus.documents(Filter(date_source="explicit"))] == [2]


def test_settings_are_read_once_and_travel_pickled(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("people: {}\n", encoding="utf-8")
    monkeypatch.setenv("DATELINE_ACTORS", str(extra))
    monkeypatch.setenv("DATELINE_SPACY_MODEL", "some_model")
    settings = Settings.from_env()
    assert settings.actor_files == (str(extra),) and settings.model == "some_model"
    monkeypatch.delenv("DATELINE_ACTORS")
    # A worker gets the settings with its tasks, whatever its own environment says.
    assert pickle.loads(pickle.dumps(settings)) == settings
    assert settings.with_actor_files((str(extra),)).actor_files == (str(extra),)  # not twice


def test_extract_runs_the_registered_stages_on_text_as_given() -> None:
    text = SEED_FILES[2].read_text(encoding="utf-8")
    (item,) = Corpus.extract([TextInput("seed", text, dt.date(2020, 9, 30))], stages=["quotes"], settings=Settings())
    assert not item.errors
    assert {"nlp", "actors", "time", "quotes"} <= set(item.rows)  # what quotes requires ran too
    quotes = item.table("quotes", "quotes")
    assert any(q["speaker_name"] == "Maria Zakharova" for q in quotes)
    assert all(text[q["start"] : q["end"]] for q in quotes)  # offsets into the text as given
    assert any(m.name == "Maria Zakharova" for m in item.mentions())


def test_registry_names_each_member_once() -> None:
    shapes: Registry[int] = Registry("shape")
    shapes.decorator("square")(4)
    assert shapes["square"] == 4 and "square" in shapes and shapes.names() == ["square"]
    with pytest.raises(ConfigError, match="shape 'square' is registered twice"):
        shapes.add("square", 5)
    with pytest.raises(ConfigError, match="unknown shape 'circle'; known: square"):
        shapes["circle"]


def test_every_count_is_its_listing_length(seeded_db: Path) -> None:
    # Corpus.count runs COUNT(*) over the conditions each listing builds: the two must agree on every filter.
    cases: list[tuple[Listing, Filter]] = [
        ("quotes", Filter()), ("quotes", Filter(text="minsk group")), ("quotes", Filter(code="RUS", sort="-speaker")),
        ("quotes", Filter(speaker="Zakharova", date_from=dt.date(2020, 1, 1))), ("actors", Filter()),
        ("actors", Filter(text="rus", sort="name")), ("actors", Filter(kind="person")), ("documents", Filter()),
        ("documents", Filter(text="armenia", sort="-published")), ("documents", Filter(date_source="ambiguous")),
        ("timeline", Filter()), ("timeline", Filter(text="minsk")), ("timeline", Filter(kind="background", actor="Russia")),
        ("timeline", Filter(top=5, sort="importance")), ("timeline", Filter(min_sources=2, date_from=dt.date(2016, 1, 1))),
    ]  # fmt: skip
    listings = {"quotes": Corpus.quotes, "actors": Corpus.actors, "documents": Corpus.documents, "timeline": Corpus.timeline}
    with Corpus(seeded_db, readonly=True) as corpus:
        for listing, where in cases:
            rows = listings[listing](corpus, where)
            assert corpus.count(listing, where) == len(rows), (listing, where)
            assert corpus.count(listing, replace(where, limit=2, offset=1)) == len(rows)  # the page aside
        assert 0 < corpus.count("quotes", Filter(text="minsk group")) < corpus.count("quotes")
        with pytest.raises(ConfigError, match="quotes cannot be sorted by 'loudness'"):
            corpus.quotes(Filter(sort="loudness"))
        names = [a.name.casefold() for a in corpus.actors(Filter(sort="name"))]
        assert names == sorted(names) and corpus.actors(Filter(sort="-name", limit=1))[0].name.casefold() == names[-1]
