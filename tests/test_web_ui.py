"""The web UI in a real browser: Playwright driving Debian's Chromium against `dateline serve`.

Screenshots land in ``test-artifacts/``.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
playwright_api = pytest.importorskip("playwright.sync_api")

from dateline import Corpus  # noqa: E402

from .conftest import ROOT  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
PAYLOAD = ("<script>window.__pwned = 1</script>", '<img src=x onerror="window.__pwned = 1">')
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make test installs it)")


# The mediation the seed articles date to 1992 (another entry holds the leaders' talks of 2019).
OSCE_TALKS = "OSCE Minsk Group, Russia and United States: mediation"


def wait_until(check: object, timeout: float = 10.0) -> None:
    # Polled from Python: the page's Content-Security-Policy forbids the eval that
    # Playwright's wait_for_function needs, as it should.
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.1)


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """`dateline serve` over ``db`` on a free local port, for as long as the block runs: its base URL."""
    import uvicorn

    from dateline.web.app import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with Corpus(seeded_db) as corpus:
        corpus.connect().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db = tmp_path_factory.mktemp("web") / "web.db"
    shutil.copy(seeded_db, db)
    hostile = db.parent / "hostile.txt"
    hostile.write_text(f"Hostile {PAYLOAD[0]} headline\n\nMOSCOW, May 3 (Sputnik) - Lavrov said {PAYLOAD[0]} and "
                       f"{PAYLOAD[1]} on Monday about the Minsk Group.\n", encoding="utf-8")  # fmt: skip
    with Corpus(db) as corpus:
        assert corpus.ingest([str(hostile)]).ok
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    ARTIFACTS.mkdir(exist_ok=True)
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"])  # fmt: skip
        yield b
        b.close()


def offline_context(browser: object, server: str, foreign: list[str], **options: object) -> object:
    """A browser context in which every request that is not to the server fails (and is noted)."""
    context = browser.new_context(**options)  # type: ignore[attr-defined]

    def only_local(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(server + "/") or url.startswith("data:"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            foreign.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", only_local)
    return context


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    foreign: list[str] = []
    context = offline_context(browser, server, foreign, viewport={"width": 1280, "height": 900})
    pg = context.new_page()  # type: ignore[attr-defined]
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(server + "/")
    yield pg
    assert not errors, errors
    assert not foreign, f"the page asked for something off this server: {foreign}"  # it must work offline
    context.close()  # type: ignore[attr-defined]


def test_timeline_renders_and_filters_by_actor(page: object) -> None:
    pg = page
    pg.wait_for_selector(".vis-item")  # type: ignore[attr-defined]
    everything = pg.locator(".vis-item").count()  # type: ignore[attr-defined]
    assert everything >= 10
    pg.screenshot(path=str(ARTIFACTS / "timeline.png"))  # type: ignore[attr-defined]
    pg.select_option("#f-actor", "RUS")  # type: ignore[attr-defined]
    wait_until(lambda: pg.locator(".vis-item").count() < everything)  # type: ignore[attr-defined]
    shown = pg.locator("#timeline-count").inner_text()  # type: ignore[attr-defined]
    assert 0 < int(shown.split()[0]) < everything
    pg.select_option("#f-kind", "background")  # type: ignore[attr-defined]
    wait_until(lambda: pg.locator(".vis-item.kind-news").count() == 0)  # type: ignore[attr-defined]
    pg.screenshot(path=str(ARTIFACTS / "timeline-russia-background.png"))  # type: ignore[attr-defined]
    pg.select_option("#f-type", "CONSULT")  # type: ignore[attr-defined]
    # Box items come with a line and a dot that are .vis-item too: read the labels.
    wait_until(lambda: all(t.startswith("CONSULT") for t in pg.locator(".item-label").all_inner_texts()))  # type: ignore[attr-defined]
    assert pg.locator(".item-label").count() == int(pg.locator("#timeline-count").inner_text().split()[0])  # type: ignore[attr-defined]


def test_zoom_from_decades_to_days(page: object) -> None:
    pg = page
    pg.wait_for_selector(".vis-item")  # type: ignore[attr-defined]
    shown = pg.locator("#timeline-range")  # type: ignore[attr-defined]
    wait_until(lambda: shown.inner_text().startswith("Showing"))
    pg.click("#zoom [data-zoom=decades]")  # type: ignore[attr-defined]

    def years_shown() -> int:
        found = re.fullmatch(r"Showing (\d{4}) – (\d{4})", shown.inner_text())
        return int(found.group(2)) - int(found.group(1)) if found else -1

    # The fitted view reads "Showing YYYY – YYYY" too: wait for the sixty years the zoom sets.
    wait_until(lambda: 55 <= years_shown() <= 65)
    pg.locator(".vis-item", has_text=OSCE_TALKS).first.click()  # type: ignore[attr-defined]
    pg.wait_for_selector("#entry h2")  # type: ignore[attr-defined]
    pg.click("#zoom [data-zoom=days]")  # type: ignore[attr-defined]
    wait_until(lambda: re.fullmatch(r"Showing \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}", shown.inner_text()) is not None)
    start, end = (dt.date.fromisoformat(d) for d in re.findall(r"\d{4}-\d{2}-\d{2}", shown.inner_text()))
    assert (end - start).days <= 15 and start.year == 1991  # the selected 1992 entry stays in view
    assert pg.locator(".vis-item", has_text=OSCE_TALKS).count() == 1  # type: ignore[attr-defined]
    pg.screenshot(path=str(ARTIFACTS / "timeline-days.png"))  # type: ignore[attr-defined]
    pg.click("#zoom [data-zoom=fit]")  # type: ignore[attr-defined]
    wait_until(lambda: re.fullmatch(r"Showing \d{4} – \d{4}", shown.inner_text()) is not None)


def test_entry_then_article_with_evidence_highlighted(page: object) -> None:
    pg = page
    pg.wait_for_selector(".vis-item")  # type: ignore[attr-defined]
    pg.locator(".vis-item", has_text=OSCE_TALKS).first.click()  # type: ignore[attr-defined]
    pg.wait_for_selector("#entry h2")  # type: ignore[attr-defined]
    assert "mediation and talks" in pg.locator("#entry h2").inner_text()  # type: ignore[attr-defined]
    assert "almost a decade" in pg.locator("#entry .contradictions").inner_text()  # type: ignore[attr-defined]
    assert "null" not in pg.locator("#entry").inner_text()  # type: ignore[attr-defined]
    pg.screenshot(path=str(ARTIFACTS / "entry.png"), full_page=True)  # type: ignore[attr-defined]
    sentence = pg.locator("#entry .sources blockquote").first.inner_text()  # type: ignore[attr-defined]
    pg.locator("#entry .source-link").first.click()  # type: ignore[attr-defined]
    pg.wait_for_selector("#evidence")  # type: ignore[attr-defined]
    highlighted = " ".join(pg.locator(".article-text .evidence").all_inner_texts())  # type: ignore[attr-defined]
    assert sentence.split()[0] in highlighted and sentence.split()[-1].rstrip(".") in highlighted
    for mark in ("timex", "entity", "actor", "quote"):
        assert pg.locator(f".article-text .{mark}").count() > 0, mark  # type: ignore[attr-defined]
    pg.screenshot(path=str(ARTIFACTS / "article.png"))  # type: ignore[attr-defined]


def test_quotes_browser_filters_by_speaker_and_country(page: object, server: str) -> None:
    pg = page
    pg.goto(server + "/#/quotes")  # type: ignore[attr-defined]
    pg.wait_for_selector("#quotes tbody tr")  # type: ignore[attr-defined]
    everything = pg.locator("#quotes tbody tr").count()  # type: ignore[attr-defined]
    pg.fill("#q-speaker", "Zakharova")  # type: ignore[attr-defined]
    pg.click("#quote-filters button")  # type: ignore[attr-defined]
    wait_until(lambda: pg.locator("#quotes tbody tr").count() < everything)  # type: ignore[attr-defined]
    rows = pg.locator("#quotes tbody tr").all_inner_texts()  # type: ignore[attr-defined]
    assert rows and all("Zakharova" in r for r in rows)
    pg.screenshot(path=str(ARTIFACTS / "quotes.png"), full_page=True)  # type: ignore[attr-defined]
    pg.fill("#q-speaker", "")  # type: ignore[attr-defined]
    pg.fill("#q-code", "AZE")  # type: ignore[attr-defined]
    pg.click("#quote-filters button")  # type: ignore[attr-defined]
    wait_until(lambda: all("AZE" in r for r in pg.locator("#quotes tbody tr").all_inner_texts()))  # type: ignore[attr-defined]
    pg.locator("#quotes tbody tr a", has_text="article").first.click()  # type: ignore[attr-defined]
    pg.wait_for_selector("#evidence")  # type: ignore[attr-defined]


def test_actor_page_with_its_network(page: object, server: str) -> None:
    pg = page
    pg.goto(server + "/#/actors")  # type: ignore[attr-defined]
    pg.locator("#view-actors a", has_text="Russia").first.click()  # type: ignore[attr-defined]
    pg.wait_for_selector("svg.network")  # type: ignore[attr-defined]
    assert pg.locator("#view-actor h2").inner_text() == "Russia"  # type: ignore[attr-defined]
    assert pg.locator("svg.network circle").count() >= 3 and pg.locator("svg.network line").count() >= 2  # type: ignore[attr-defined]
    pg.screenshot(path=str(ARTIFACTS / "actor.png"), full_page=True)  # type: ignore[attr-defined]
    neighbour = pg.locator("svg.network a text").first.text_content()  # type: ignore[attr-defined]
    pg.locator("svg.network a").first.click()  # type: ignore[attr-defined]
    wait_until(lambda: pg.locator("#view-actor h2").inner_text() == neighbour)  # type: ignore[attr-defined]


def test_api_docs_render_offline(page: object, server: str) -> None:
    pg = page
    pg.goto(server + "/docs")  # type: ignore[attr-defined]
    pg.wait_for_selector(".swagger-ui .opblock")  # type: ignore[attr-defined]
    assert pg.locator(".swagger-ui .opblock").count() >= 10  # type: ignore[attr-defined]
    pg.screenshot(path=str(ARTIFACTS / "api-docs.png"))  # type: ignore[attr-defined]


def test_search(page: object) -> None:
    pg = page
    pg.fill("#search-input", '"Minsk Group"')  # type: ignore[attr-defined]
    pg.press("#search-input", "Enter")  # type: ignore[attr-defined]
    pg.wait_for_selector(".results li")  # type: ignore[attr-defined]
    assert pg.locator(".results mark").count() > 0  # type: ignore[attr-defined]
    pg.fill("#search-input", '"unbalanced')  # type: ignore[attr-defined]
    pg.press("#search-input", "Enter")  # type: ignore[attr-defined]
    pg.wait_for_selector("#status.error")  # type: ignore[attr-defined]
    assert "400" in pg.locator("#status").inner_text()  # type: ignore[attr-defined]


def test_entries_as_a_keyboard_list(page: object) -> None:
    pg = page
    pg.wait_for_selector(".vis-item")  # type: ignore[attr-defined]
    pg.click("#entries summary")  # type: ignore[attr-defined]
    links = pg.locator("#entry-list a")  # type: ignore[attr-defined]
    assert links.count() == int(pg.locator("#timeline-count").inner_text().split()[0])  # type: ignore[attr-defined]
    target = pg.locator("#entry-list a", has_text=OSCE_TALKS)  # type: ignore[attr-defined]
    target.focus()
    pg.keyboard.press("Enter")  # type: ignore[attr-defined]
    pg.wait_for_selector("#entry h2")  # type: ignore[attr-defined]
    assert "mediation and talks" in pg.locator("#entry h2").inner_text()  # type: ignore[attr-defined]


def test_set_a_date_from_the_documents_list(page: object, server: str) -> None:
    pg = page
    pg.wait_for_selector(".vis-item")  # type: ignore[attr-defined]
    before = int(pg.locator("#timeline-count").inner_text().split()[0])  # type: ignore[attr-defined]
    assert pg.locator(".item-label", has_text="Russia calls on Armenia").count() == 0  # type: ignore[attr-defined]
    pg.goto(server + "/#/documents")  # type: ignore[attr-defined]
    pg.wait_for_selector(".date-input")  # type: ignore[attr-defined]
    first_row = pg.locator("tbody tr").first  # type: ignore[attr-defined]
    assert "unknown" in first_row.inner_text() and "Proposed: 2016-04" in first_row.inner_text()
    assert "null" not in pg.locator("#view-documents").inner_text()  # type: ignore[attr-defined]
    pg.screenshot(path=str(ARTIFACTS / "documents.png"), full_page=True)  # type: ignore[attr-defined]
    first_row.locator(".date-input").fill("2016-04-04")
    first_row.locator(".set-date").click()
    wait_until(lambda: "now dated 2016-04-04" in pg.locator("#status").inner_text())  # type: ignore[attr-defined]
    pg.wait_for_selector("tbody tr")  # type: ignore[attr-defined]
    assert "2016-04-04" in pg.locator("tbody").inner_text()  # type: ignore[attr-defined]
    # Re-anchored: the article's own news, dated relative to its publication, is on the timeline now.
    pg.click("nav a[data-view=timeline]")  # type: ignore[attr-defined]
    wait_until(lambda: pg.locator(".item-label", has_text="Russia calls on Armenia").count() == 1)  # type: ignore[attr-defined]
    assert int(pg.locator("#timeline-count").inner_text().split()[0]) > before  # type: ignore[attr-defined]
    pg.screenshot(path=str(ARTIFACTS / "timeline-after-set-date.png"))  # type: ignore[attr-defined]


def test_hostile_article_text_never_runs(page: object, server: str) -> None:
    pg = page
    # Every view that shows the hostile article's title or text: it must read as text, never become markup.
    # (The page's CSP would block the script too: counting elements checks the escaping on its own.)
    views = (("/#/documents", "#view-documents tbody tr"), ("/#/quotes", "#quotes tbody tr"), ("/#/search/Hostile", ".results li"))
    for route, ready in views:
        pg.goto(server + route)  # type: ignore[attr-defined]
        pg.wait_for_selector(ready)  # type: ignore[attr-defined]
        assert pg.locator("main img, main script, main iframe").count() == 0, route  # type: ignore[attr-defined]
    assert PAYLOAD[0] in pg.locator(".results").inner_text()  # type: ignore[attr-defined]
    pg.locator(".results a").first.click()  # type: ignore[attr-defined]
    pg.wait_for_selector(".article-text")  # type: ignore[attr-defined]
    assert PAYLOAD[0] in pg.locator("#view-document h2").inner_text()  # type: ignore[attr-defined]
    text = pg.locator(".article-text").inner_text()  # type: ignore[attr-defined]
    assert PAYLOAD[0] in text and PAYLOAD[1] in text  # shown as text ...
    assert pg.evaluate("typeof window.__pwned") == "undefined"  # type: ignore[attr-defined]  # ... never run
    assert pg.locator("main img, main script, main iframe").count() == 0  # type: ignore[attr-defined]
    pg.screenshot(path=str(ARTIFACTS / "hostile-article.png"))  # type: ignore[attr-defined]


def test_phone_width(browser: object, server: str) -> None:
    foreign: list[str] = []
    context = offline_context(browser, server, foreign, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pg = context.new_page()  # type: ignore[attr-defined]
    # Nothing wider than the screen: tables and the timeline scroll inside their own boxes.
    for route, ready, shot in (("/", ".vis-item", "phone.png"), ("/#/documents", ".date-input", "phone-documents.png"),
                               ("/#/document/1", ".article-text", "phone-article.png"), ("/#/actor/RUS", "svg.network", "phone-actor.png")):  # fmt: skip
        pg.goto(server + route)
        pg.wait_for_selector(ready)
        assert pg.evaluate("document.documentElement.scrollWidth") <= 390 + 1, route
        pg.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    assert not foreign
    context.close()  # type: ignore[attr-defined]
