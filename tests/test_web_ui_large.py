"""The web UI on a corpus of thousands of rows: pages, totals, text filters, sorting, and a timeline
that opens where its entries are, in Chromium.

The five example articles are ingested once (the session's ``seeded_db``); their rows are then
multiplied with SQL into the store's own tables (no parse of thousands of articles), the timeline
rebuilt as ENTRIES entries over 2015–2019 with a few outliers dated 1400, 1655 and 2218.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("playwright.sync_api")

from fastapi.testclient import TestClient

from dateline import Corpus, Filter
from dateline.web.app import create_app

from . import test_web_ui as ui
from .test_web_ui import serving, wait_until

# The seeded UI tests' browser and page, here over this module's server (fixtures resolve by name).
browser = ui.browser
page = ui.page

ENTRIES = 3000  # more than the 2,000 the timeline canvas draws
COPIES = 80  # each seed quote and actor this many times: thousands of quotes, ~3,000 actors
DOCUMENTS = 120
OUTLIERS = ("1400-06-01", "1655-03", "2218-01-01")  # the most important entries, so the canvas has them
WORD = "armistice"  # in one headline of ten
EVENTS = ("AGREE", "CONSULT", "REQUEST", "ACCUSE", "ASSAULT")


def multiply(db: Path) -> None:
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        seeds = conn.execute("SELECT max(id) FROM quotes").fetchone()[0]
        # Quotes: copies of the seeds' quotes (their offsets still point into the same articles), a day apart.
        conn.executemany(
            "INSERT INTO quotes (doc_id, start, end, cue_start, cue_end, cue_lemma, speaker_start, speaker_end, speaker_text, "
            "actor_id, speaker_name, code, sector, office, direct, date, date_source, sentence_start, sentence_end, pieces) "
            "SELECT doc_id, start, end, cue_start, cue_end, cue_lemma, speaker_start, speaker_end, speaker_text, actor_id, "
            "speaker_name, code, sector, office, direct, date(coalesce(date, '2016-01-01'), ? || ' days'), date_source, "
            "sentence_start, sentence_end, pieces FROM quotes WHERE id <= ?",
            [(f"+{n}", seeds) for n in range(1, COPIES)],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO actors (id, name, kind, code, sector, office, aliases, n_mentions, n_documents, first_seen, last_seen) "
            "SELECT id || ':copy' || ?1, name || ' ' || ?1, kind, code, sector, office, '[]', n_mentions + ?1 % 7, n_documents, "
            "first_seen, last_seen FROM actors WHERE id NOT LIKE '%:copy%'",
            [(n,) for n in range(1, COPIES)],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO documents (doc_key, path, title, text, content_hash, n_chars, n_words, outlet, published, date_source, "
            "ingested_at) SELECT 'copy' || ?1, 'synthetic/' || ?1 || '.txt', 'Synthetic report ' || ?1, text, 'copy' || ?1, "
            "n_chars, n_words, outlet, date('2015-01-01', ?1 || ' days'), 'metadata', ingested_at FROM documents WHERE id = 1",
            [(n,) for n in range(1, DOCUMENTS + 1)],
        )  # fmt: skip
        # The timeline: ids in date order (as the resolver numbers them), the outliers the most important.
        conn.execute("DELETE FROM timeline_sources")
        conn.execute("DELETE FROM timeline_actors")
        conn.execute("DELETE FROM timeline_entries")
        dense = [f"{2015 + i * 5 // ENTRIES}-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(ENTRIES - len(OUTLIERS))]
        dates = sorted([*dense, *OUTLIERS])
        rows = []
        for i, date in enumerate(dates, start=1):
            importance = 1000.0 if date in OUTLIERS else (i * 7919 % 997) / 10
            headline = f"Synthetic {WORD if i % 10 == 0 else 'talks'} {i}"
            day = date if len(date) == 10 else f"{date}-01"
            rows.append((i, date, "day" if len(date) == 10 else "month", "news" if i % 3 else "background", EVENTS[i % 5],
                         headline, 1 + i % 4, 1, 1 + i % 3, importance, day, day))  # fmt: skip
        conn.executemany(
            "INSERT INTO timeline_entries (id, date, granularity, kind, event, headline, n_sources, n_documents, n_outlets, "
            "importance, start_day, end_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    conn.close()


@pytest.fixture(scope="module")
def large_db(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    with Corpus(seeded_db) as corpus:
        corpus.connect().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db = tmp_path_factory.mktemp("large") / "large.db"
    shutil.copy(seeded_db, db)
    multiply(db)
    return db


@pytest.fixture(scope="module")
def server(large_db: Path) -> Iterator[str]:
    with serving(large_db) as url:
        yield url


def page_info(pg: Any, scope: str) -> tuple[int, int, int]:
    """The "rows A–B of N" of the pager in ``scope``."""
    text = pg.locator(f"{scope} .page-info").first.inner_text()
    found = re.fullmatch(r"rows ([\d,]+)–([\d,]+) of ([\d,]+)", text)
    assert found, text
    first, last, total = (int(g.replace(",", "")) for g in found.groups())
    return first, last, total


def column(pg: Any, scope: str, index: int) -> list[str]:
    return [t.strip() for t in pg.locator(f"{scope} tbody tr td:nth-child({index})").all_inner_texts()]


def test_every_paged_endpoint_answers_a_page_and_its_total(large_db: Path) -> None:
    client = TestClient(create_app(large_db))
    with Corpus(large_db, readonly=True) as corpus:
        totals = {name: corpus.count(name) for name in ("quotes", "actors", "documents", "timeline")}  # type: ignore[arg-type]
        narrowed = corpus.count("timeline", Filter(text=WORD))
    assert totals["quotes"] > 2000 and totals["actors"] > 2000 and totals["documents"] > DOCUMENTS and totals["timeline"] == ENTRIES
    for name, total in totals.items():
        answer = client.get(f"/api/{name}", params={"limit": 50, "offset": 50})
        assert answer.status_code == 200 and len(answer.json()) == 50, name
        assert int(answer.headers["x-total-count"]) == total, name
    assert len(client.get("/api/quotes").json()) == 100  # a page unless asked: never the whole table
    found = client.get("/api/timeline", params={"q": WORD.upper(), "limit": 10_000})
    assert int(found.headers["x-total-count"]) == narrowed == len(found.json()) == ENTRIES // 10
    last = client.get("/api/actors", params={"offset": totals["actors"] - 3, "limit": 50})
    assert len(last.json()) == 3 and last.headers["x-total-count"] == str(totals["actors"])
    top = client.get("/api/timeline", params={"sort": "importance", "limit": 3}).json()
    assert sorted(e["date"] for e in top) == sorted(OUTLIERS)
    assert client.get("/api/timeline", params={"limit": 10_001}).status_code == 422
    assert client.get("/api/actors", params={"sort": "shoe size"}).status_code == 400


def test_quotes_page_through_filter_and_sort(page: Any, server: str, large_db: Path) -> None:
    pg = page
    with Corpus(large_db, readonly=True) as corpus:
        total = corpus.count("quotes")
        minsk = corpus.count("quotes", Filter(text="Minsk Group"))
    pg.goto(server + "/#/quotes")
    pg.wait_for_selector("#quotes tbody tr")
    assert pg.locator("#quotes tbody tr").count() == 50
    assert page_info(pg, "#quotes") == (1, 50, total)
    first_page = column(pg, "#quotes", 4)
    pg.click("#quotes .pager .next")
    wait_until(lambda: page_info(pg, "#quotes")[0] == 51)
    assert page_info(pg, "#quotes") == (51, 100, total) and column(pg, "#quotes", 4) != first_page
    pg.click("#quotes .pager .prev")
    wait_until(lambda: page_info(pg, "#quotes")[0] == 1)
    assert column(pg, "#quotes", 4) == first_page
    assert pg.locator("#quotes .pager .prev").is_disabled()
    pg.screenshot(path=str(Path("test-artifacts") / "quotes-paged.png"))
    pg.fill("#q-text", "minsk group")
    wait_until(lambda: page_info(pg, "#quotes")[2] == minsk)
    assert 0 < minsk < total and all("minsk group" in q.lower() for q in column(pg, "#quotes", 4))
    pg.fill("#q-text", "")
    wait_until(lambda: page_info(pg, "#quotes")[2] == total)
    # Newest first by the keyboard: the date header is a button.
    pg.locator("#quotes th button", has_text="date").focus()
    pg.keyboard.press("Enter")  # date ▲ was active: Enter reverses it
    wait_until(lambda: pg.locator("#quotes th[aria-sort]").get_attribute("aria-sort") == "descending")
    dates = [d for d in column(pg, "#quotes", 1) if d]
    assert dates == sorted(dates, reverse=True) and dates[0] > min(dates)
    pg.click("#quotes th button[data-sort=speaker]")
    wait_until(lambda: pg.locator("#quotes th[aria-sort]").inner_text().startswith("speaker"))
    speakers = column(pg, "#quotes", 2)
    assert speakers == sorted(speakers, key=str.casefold)
    pg.click("#quotes th button[data-sort=speaker]")
    wait_until(lambda: pg.locator("#quotes th[aria-sort]").get_attribute("aria-sort") == "descending")
    backwards = column(pg, "#quotes", 2)
    assert backwards == sorted(backwards, key=str.casefold, reverse=True) and backwards[0].casefold() > speakers[0].casefold()


def test_actors_and_documents_page_filter_and_sort(page: Any, server: str, large_db: Path) -> None:
    pg = page
    with Corpus(large_db, readonly=True) as corpus:
        actors, documents = corpus.count("actors"), corpus.count("documents")
        russia = corpus.count("actors", Filter(text="russia"))
    pg.goto(server + "/#/actors")
    pg.wait_for_selector("#actors tbody tr")
    assert pg.locator("#actors tbody tr").count() == 50 and page_info(pg, "#actors") == (1, 50, actors)
    mentions = [int(n) for n in column(pg, "#actors", 5)]
    assert mentions == sorted(mentions, reverse=True)  # most mentioned first
    pg.click("#actors th button[data-sort=name]")
    wait_until(lambda: pg.locator("#actors th[aria-sort]").inner_text().startswith("name"))
    names = column(pg, "#actors", 1)
    assert names == sorted(names, key=str.casefold)
    pg.fill("#a-text", "russia")
    pg.press("#a-text", "Enter")
    wait_until(lambda: page_info(pg, "#actors")[2] == russia)
    assert 50 < russia < actors and all("russia" in n.lower() for n in column(pg, "#actors", 1))
    pg.click("#actors .pager .next")
    wait_until(lambda: page_info(pg, "#actors")[0] == 51)
    pg.goto(server + "/#/documents")
    pg.wait_for_selector("#documents tbody tr")
    assert pg.locator("#documents tbody tr").count() == 50 and page_info(pg, "#documents") == (1, 50, documents)
    assert "unknown" in pg.locator("#documents tbody tr").first.inner_text()  # what needs a date comes first
    pg.fill("#d-text", "synthetic report 11")
    wait_until(lambda: page_info(pg, "#documents")[2] == 11)  # 11 and 110-119
    pg.click("#documents th button[data-sort=title]")
    wait_until(lambda: pg.locator("#documents th[aria-sort]").inner_text().startswith("title"))
    pg.click("#documents th button[data-sort=title]")
    wait_until(lambda: pg.locator("#documents th[aria-sort]").get_attribute("aria-sort") == "descending")
    assert column(pg, "#documents", 2)[0] == "Synthetic report 119"


def test_timeline_opens_on_the_dense_span_and_lists_a_page(page: Any) -> None:
    pg = page
    pg.wait_for_selector(".vis-item")
    assert pg.locator("#timeline-count").inner_text() == f"2,000 of {ENTRIES:,} entries shown (the most important)"
    shown = pg.locator("#timeline-range")

    def years() -> tuple[int, int]:
        found = re.fullmatch(r"Showing (\d{4})\S* – (\d{4})\S*", shown.inner_text())
        return (int(found.group(1)), int(found.group(2))) if found else (0, 0)

    wait_until(lambda: years() != (0, 0))
    start, end = years()
    assert 2014 <= start <= 2015 and 2019 <= end <= 2020, shown.inner_text()  # not 1400 – 2218
    pg.screenshot(path=str(Path("test-artifacts") / "timeline-large.png"))
    pg.click("#zoom [data-zoom=days]")
    wait_until(lambda: re.fullmatch(r"Showing \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}", shown.inner_text()) is not None)
    pg.click("#zoom [data-zoom=fit]")
    wait_until(lambda: years() == (start, end))
    pg.click("#entries summary")
    items = pg.locator("#entry-list li")
    assert items.count() == 50 and page_info(pg, "#entries") == (1, 50, ENTRIES)
    assert items.first.inner_text().startswith("1400-06-01")  # date order: the earliest first
    pg.locator("#entry-pager .next").focus()
    pg.keyboard.press("Enter")
    wait_until(lambda: page_info(pg, "#entries")[0] == 51)
    assert pg.locator("#entry-list li").first.inner_text().startswith(dates_of_page(51))
    pg.select_option("#f-sort", "importance")
    wait_until(lambda: page_info(pg, "#entries")[0] == 1 and pg.locator("#entry-list li").first.inner_text()[:4] in ("1400", "1655", "2218"))
    pg.fill("#f-text", WORD)
    wait_until(lambda: page_info(pg, "#entries")[2] == ENTRIES // 10)
    assert all(WORD in t for t in pg.locator("#entry-list li").all_inner_texts())
    assert pg.locator("#timeline-count").inner_text() == f"{ENTRIES // 10} entries"


def dates_of_page(first: int) -> str:
    """The date of the ``first``-th entry in date order (the 3 outliers sort 1400, 1655 first)."""
    dense = sorted(f"{2015 + i * 5 // ENTRIES}-{1 + i % 12:02d}-{1 + i % 28:02d}" for i in range(ENTRIES - len(OUTLIERS)))
    return sorted([*dense, *OUTLIERS])[first - 1]
