from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import Corpus
from dateline.summarize import Article, Period, summarize, timeline_summary
from dateline.summarize.articles import read_articles_jsonl

from .conftest import SEEDS

ARTICLES = [
    Article("a", dt.date(2020, 3, 2), "The ministers met in Geneva on Monday and signed the ceasefire agreement .\n"
            "Officials said the ceasefire agreement would hold for the whole region .\nIt rained .\n"),
    Article("b", dt.date(2020, 3, 3), "The ceasefire agreement signed on March 2 , 2020 held overnight in the region .\n"
            "Shops reopened in the capital on Tuesday as people returned to the streets .\n"),
    Article("c", dt.date(2020, 3, 10), "On March 2 , 2020 the ministers signed a ceasefire agreement in Geneva .\n"
            "A week later fighting resumed along the front line , officials reported on Tuesday .\n"),
]  # fmt: skip


def test_picks_the_most_cited_day_first() -> None:
    tl = summarize(ARTICLES, n_dates=1, n_sentences=1)
    assert [d for d, _ in tl] == ["2020-03-02"]
    assert "ceasefire" in tl[0][1][0]


def test_dates_sorted_and_sizes_respected() -> None:
    tl = summarize(ARTICLES, n_dates=3, n_sentences=2)
    dates = [d for d, _ in tl]
    assert dates == sorted(dates) and 1 <= len(dates) <= 3
    assert all(1 <= len(s) <= 2 for _, s in tl)
    assert summarize(ARTICLES, 3, 2) == tl  # deterministic


def test_no_duplicate_sentences() -> None:
    tl = summarize(ARTICLES, n_dates=3, n_sentences=3)
    sents = [s for _, ss in tl for s in ss]
    assert len(sents) == len(set(sents))


def test_cli_reads_articles_jsonl(tmp_path: Path) -> None:
    from dateline.cli.summarize import summarize_cmd

    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps({"id": a.id, "time": str(a.published), "text": a.text}) + "\n"
                            for a in ARTICLES))  # fmt: skip
    assert len(read_articles_jsonl(path)) == 3
    res = CliRunner().invoke(summarize_cmd, ["--articles", str(path), "--dates", "2", "--sentences", "1"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    # What the library gives for the same articles, as [["YYYY-MM-DD", [sentence]], ...]: the signing day first.
    assert out == [[day, sentences] for day, sentences in summarize(ARTICLES, 2, 1)]
    assert out[0][0] == "2020-03-02" and "ceasefire" in out[0][1][0]


def test_cli_on_seeded_db(seeded_db: Path) -> None:
    from dateline.cli.summarize import summarize_cmd

    res = CliRunner().invoke(summarize_cmd, ["--db", str(seeded_db), "--dates", "3", "--sentences", "1"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    # The days each dated seed covers: its publication day and the days its time expressions name.
    covers: dict[str, list[str]] = {}
    with Corpus(seeded_db, readonly=True) as corpus:
        for doc in corpus.documents():
            if doc.published:
                days = {doc.published} | {s.value for s in corpus.spans(doc.id, kind="timex") if s.value}
                for day in days:
                    covers.setdefault(day, []).append(doc.text)
    # Two seeds are dated (000: 2018-05-19, 001: 2020-02-11); the other three have no day to offer.
    assert 1 <= len(out) <= 2
    dates = [day for day, _ in out]
    assert dates == sorted(set(dates)) and all(dt.date.fromisoformat(day).isoformat() == day for day in dates)
    for day, sentences in out:
        assert day in covers, (day, sorted(d for d in covers if len(d) == 10))
        assert len(sentences) == 1 and sentences[0].strip(), (day, sentences)
        # Each sentence is quoted verbatim from an article that covers its day.
        assert any(sentences[0] in text for text in covers[day]), (day, sentences[0])


def test_a_day_others_look_back_on_beats_a_busy_news_day() -> None:
    # Three reports on March 10 each say "on Tuesday" (their own day); two later pieces name March 9.
    busy = [Article(f"busy{n}", dt.date(2020, 3, 10), f"Protesters marched in the capital on Tuesday , report {n} said .\n"
                    "The police watched the march from the square .\nNobody was hurt in the crowd .\n")
            for n in range(3)]  # fmt: skip
    later = [Article(f"later{n}", dt.date(2020, 3, 12 + n), "The parliament dissolved itself on March 9 , 2020 after the vote .\n"
                     "New elections are expected in the spring .\nThe president has not commented .\n")
             for n in range(2)]  # fmt: skip
    tl = summarize(busy + later, n_dates=1, n_sentences=1)
    assert [d for d, _ in tl] == ["2020-03-09"]


def test_a_time_of_day_names_its_day() -> None:
    arts = [Article(f"a{n}", dt.date(2020, 3, 4 + n), "The talks in Vienna collapsed on Monday night after a long session .\n"
                    "Delegates left the hotel without a statement .\nA new round is not planned .\n")
            for n in range(2)]  # fmt: skip
    arts.append(Article("b", dt.date(2020, 3, 6), "Farmers blocked the main road on March 3 , 2020 for several hours .\n"
                        "Traffic was diverted through the villages .\nThe blockade ended peacefully .\n"))  # fmt: skip
    tl = summarize(arts, n_dates=1, n_sentences=1)
    assert [d for d, _ in tl] == ["2020-03-02"]  # Monday before 4 and 5 March 2020
    assert "collapsed" in tl[0][1][0]


def test_reader_comments_are_not_news() -> None:
    body = ("The central bank raised its main interest rate on Monday to fight inflation .\n"
            "Analysts had expected the decision after weeks of rising prices .\nThe currency gained .\n")  # fmt: skip
    comments = ("At 21:31 12th Mar 2020 , reader{n} wrote : The rate rise on March 11 , 2020 will ruin small savers everywhere .\n"
                "I have said so for years and nobody listens to people like me .\n")  # fmt: skip
    arts = [Article(f"a{n}", dt.date(2020, 3, 10 + n), body + comments.format(n=n)) for n in range(4)]
    tl = summarize(arts, n_dates=3, n_sentences=2)
    assert tl and "2020-03-11" not in [d for d, _ in tl]
    sents = [s for _, ss in tl for s in ss]
    assert not any("wrote" in s or "savers" in s for s in sents)


def test_the_days_own_news_decides_between_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    # A retrospective names March 2 twice, for a cup final and for the ceasefire; the articles of
    # March 2 and 3 are about the ceasefire, so that is the sentence the date gets.
    day_news = Article("d", dt.date(2020, 3, 3), "Shops stayed open in the city on Tuesday .\nBuses ran on Tuesday as usual .\n"
                       "Schools opened on Tuesday morning .\n"
                       "The ministers signed the ceasefire agreement in Geneva after long talks .\n"
                       "The ceasefire agreement ends the fighting along the border .\n"
                       "Diplomats praised the ministers who signed the ceasefire in Geneva .\n")  # fmt: skip
    retro = Article("r", dt.date(2020, 3, 20), "On March 2 , 2020 the football club won the cup final in Madrid .\n"
                    "On March 2 , 2020 the ministers signed a ceasefire agreement in Geneva .\n")  # fmt: skip
    tl = summarize([day_news, retro], n_dates=1, n_sentences=1)
    assert tl == [("2020-03-02", ["On March 2 , 2020 the ministers signed a ceasefire agreement in Geneva ."])]
    monkeypatch.setattr(timeline_summary, "DAY_NEWS_WEIGHT", 0.0)  # without the day's news the two tie
    assert summarize([day_news, retro], n_dates=1, n_sentences=1)[0][1] != tl[0][1]


def test_a_holiday_is_no_event_date() -> None:
    # Three later reports look back on "Christmas" as a season; two name the day the bridge fell.
    season = [Article(f"s{n}", dt.date(2021, 1, 5 + n), "Shops in the town were busy over Christmas despite the closed bridge .\n"
                      "Traders said the detour cost them customers .\nThe council promised help .\n")
              for n in range(3)]  # fmt: skip
    event = [Article(f"e{n}", dt.date(2021, 1, 12 + n), "The old bridge over the river collapsed on December 20 , 2020 after the storm .\n"
                     "Engineers are still studying the piers .\nA ferry now carries the traffic .\n")
             for n in range(2)]  # fmt: skip
    tl = summarize(season + event, n_dates=1, n_sentences=1)
    assert [d for d, _ in tl] == ["2020-12-20"]


def test_a_chronology_entry_outweighs_a_passing_mention(monkeypatch: pytest.MonkeyPatch) -> None:
    # One later piece names March 2 in passing; another lists March 5 as an entry of its chronology.
    prose = Article("p", dt.date(2020, 3, 12), "The mayor , who opened the new library on March 2 , 2020 , spoke about taxes .\n"
                    "She promised lower rates next year .\nThe council will vote in May .\n")  # fmt: skip
    chrono = Article("c", dt.date(2020, 3, 13), "Key events of the strike :\n"
                     "March 5 , 2020 - Dock workers walk out over pay and close the port .\n"
                     "The port remains closed .\n")  # fmt: skip
    tl = summarize([prose, chrono], n_dates=1, n_sentences=1)
    assert [d for d, _ in tl] == ["2020-03-05"]
    monkeypatch.setattr(timeline_summary, "ENTRY_WEIGHT", 1.0)  # counted as a plain mention the two tie, the earlier first
    assert [d for d, _ in summarize([prose, chrono], n_dates=1, n_sentences=1)] == ["2020-03-02"]


@pytest.mark.parametrize(
    ("line", "entry"),
    [("* March 5 - Dock workers walk out over pay .", True), ("5 March : Dock workers walk out over pay .", True),
     ("On March 5 dock workers walked out over pay .", False), ("Dock workers walked out on March 5 - a Thursday .", False)],
)  # fmt: skip
def test_which_lines_are_chronology_entries(line: str, entry: bool) -> None:
    art = Article("a", dt.date(2020, 3, 20), f"A look back at the strike .\n{line}\nThe port reopened .\n")
    sent = next(s for s in timeline_summary._sentences([art]) if "Dock" in s.text or "dock" in s.text)
    assert (sent.entry == dt.date(2020, 3, 5)) is entry


@pytest.mark.parametrize(
    ("published", "line", "day"),
    [(dt.date(2020, 12, 15), "April 21 : The rig burns in the gulf .", dt.date(2020, 4, 21)),  # a record, not a plan
     (dt.date(2021, 1, 11), "April 20 , 2020 - The rig explodes in the gulf .", dt.date(2020, 4, 20)),  # spaced year
     (dt.date(2020, 6, 15), "July 10 : The rig is towed to the port .", dt.date(2020, 7, 10))],  # page updated later
)  # fmt: skip
def test_a_chronology_entry_is_dated_as_a_record(published: dt.date, line: str, day: dt.date) -> None:
    art = Article("a", published, f"Timeline of the disaster .\n{line}\nThe inquiry goes on .\n")
    sent = next(s for s in timeline_summary._sentences([art]) if "rig" in s.text)
    assert sent.entry == day and sent.dates == {day}


def test_too_few_looked_back_on_days_are_filled_with_the_articles_own_days() -> None:
    # No article names another's day: the days the articles report on fill the timeline, the day
    # two articles report on first; a day another article looks back on still comes before them.
    arts = [Article("a", dt.date(2020, 3, 3), "The finance minister resigned on Tuesday after a long dispute over the budget .\n"),
            Article("b", dt.date(2020, 3, 5), "Thousands of workers went on strike on Thursday over unpaid wages in the north .\n"),
            Article("c", dt.date(2020, 3, 5), "Dock workers joined the strike on Thursday and closed the northern ports .\n")]  # fmt: skip
    assert timeline_summary.rank_dates(arts, timeline_summary._sentences(arts)) == []
    assert [d for d, _ in summarize(arts, n_dates=1, n_sentences=1)] == ["2020-03-05"]
    assert [d for d, _ in summarize(arts, n_dates=5, n_sentences=1)] == ["2020-03-03", "2020-03-05"]
    later = Article("d", dt.date(2020, 3, 9), "The minister who resigned on March 3 , 2020 has left the party , aides said .\n")
    assert [d for d, _ in summarize([*arts, later], n_dates=1, n_sentences=1)] == ["2020-03-03"]


def test_a_period_keeps_its_dates_and_the_articles_published_in_it() -> None:
    # March 2 is the most cited day; asked from March 3 on, it is out, and so is article a's Monday.
    tl = summarize(ARTICLES, n_dates=3, n_sentences=1, period=Period(dt.date(2020, 3, 3), None))
    assert tl and all(d >= "2020-03-03" for d, _ in tl)
    # Up to March 9: article c (March 10) is left out, so its "Tuesday" (March 10) is never a candidate
    # and March 2 is named by one other-day article only (b), still enough to be chosen.
    arts = [*ARTICLES, Article("d", dt.date(2020, 3, 11), "The front line fighting that resumed on March 10 , 2020 spread .\n")]
    assert "2020-03-10" in [d for d, _ in summarize(arts, n_dates=3, n_sentences=1)]
    upto = summarize(arts, n_dates=3, n_sentences=1, period=Period(None, dt.date(2020, 3, 9)))
    assert "2020-03-02" in [d for d, _ in upto] and all(d <= "2020-03-09" for d, _ in upto)
    assert not any("fighting" in s for _, ss in upto for s in ss)


def test_cli_period(tmp_path: Path) -> None:
    from dateline.cli.summarize import summarize_cmd

    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps({"id": a.id, "time": str(a.published), "text": a.text}) + "\n"
                            for a in ARTICLES))  # fmt: skip
    res = CliRunner().invoke(summarize_cmd, ["--articles", str(path), "--dates", "3", "--from", "2020-03-03"])
    assert res.exit_code == 0, res.output
    assert all(d >= "2020-03-03" for d, _ in json.loads(res.output))
    res = CliRunner().invoke(summarize_cmd, ["--articles", str(path), "--from", "2020-03-09", "--to", "2020-03-02"])
    assert res.exit_code == 2 and "--from" in res.output


def _summary(db: Path, *args: str) -> str:
    from dateline.cli.summarize import summarize_cmd

    res = CliRunner().invoke(summarize_cmd, ["--db", str(db), "--dates", "3", "--sentences", "2", *args])
    assert res.exit_code == 0, res.output
    return res.stdout


class _Text(HTMLParser):
    """The text of a page by element: what a browser shows, with the tags it would run or style."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.by_tag: dict[str, list[str]] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        self.by_tag.setdefault(self._open[-1] if self._open else "", []).append(data)


def test_formats_carry_the_same_summary(seeded_db: Path) -> None:
    # The pairs JSON (the default off a terminal, what scorers read) is the reference every format renders.
    pairs = json.loads(_summary(seeded_db))
    assert pairs == json.loads(_summary(seeded_db, "--format", "tls")) and pairs
    assert json.loads(_summary(seeded_db, "--format", "json")) == [{"date": d, "sentences": s} for d, s in pairs]
    lines = [json.loads(line) for line in _summary(seeded_db, "--format", "jsonl").splitlines()]
    assert lines == [{"date": d, "sentences": s} for d, s in pairs]
    rows = list(csv.DictReader(io.StringIO(_summary(seeded_db, "--format", "csv"))))
    assert [(r["date"], r["sentence"]) for r in rows] == [(d, s) for d, ss in pairs for s in ss]

    md = _summary(seeded_db, "--format", "md", "--title", "Karabakh")
    assert md.startswith("# Karabakh\n")
    assert re.findall(r"^## (.+)$", md, re.M) == [d for d, _ in pairs]
    bullets = [line[2:] for line in md.splitlines() if line.startswith("- ")]
    # Markdown's own marks are escaped ("[Azerbaijan]" would otherwise start a link); unescaped, the text is the sentence's.
    assert [re.sub(r"\\(.)", r"\1", b) for b in bullets] == [" ".join(s.split()) for _, ss in pairs for s in ss]

    page = _Text()
    page.feed(_summary(seeded_db, "--format", "html", "--title", "Karabakh"))
    assert page.by_tag["title"] == ["Karabakh"] and page.by_tag["h1"] == ["Karabakh"]
    assert page.by_tag["time"] == [d for d, _ in pairs]
    assert page.by_tag["li"] == [s.strip() for _, ss in pairs for s in ss]
    assert "script" not in page.tags

    table = _summary(seeded_db, "--format", "table")
    for day, _ in pairs:
        assert day in table


def test_article_markup_is_shown_not_run(tmp_path: Path) -> None:
    # A seed whose chosen sentence carries a script tag: data formats keep the text as it is, the
    # page and the Markdown show it and run nothing.
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    seed = next(seeds.glob("000_*.txt"))
    text = seed.read_text(encoding="utf-8")
    assert text.count("the press service stated.") == 1
    seed.write_text(text.replace("the press service stated.", "the press service stated <script>alert(1)</script>."), encoding="utf-8")
    db = tmp_path / "seeds.db"
    with Corpus(db) as corpus:
        assert corpus.ingest([str(seeds)]).ok
    sentences = [s for item in json.loads(_summary(db, "--format", "json")) for s in item["sentences"]]
    assert any("<script>alert(1)</script>" in s for s in sentences), sentences
    page_html = _summary(db, "--format", "html")
    page = _Text()
    page.feed(page_html)
    assert "script" not in page.tags and "<script" not in page_html
    assert any("<script>alert(1)</script>" in li for li in page.by_tag["li"])  # shown to the reader as text
    md = _summary(db, "--format", "md")
    assert "<script>" not in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in md


def test_a_database_ranks_as_its_articles_file_does(seeded_db: Path, tmp_path: Path) -> None:
    # The seeds as an articles JSONL (their files' own text, the publication dates ingest settled)
    # give the summary the database gives: the same ranking and the same sentences.
    with Corpus(seeded_db, readonly=True) as corpus:
        published = {Path(d.path).name: d.published for d in corpus.documents()}
    path = tmp_path / "seeds.jsonl"
    path.write_text("".join(json.dumps({"id": f.name, "time": published[f.name], "text": f.read_text(encoding="utf-8")}) + "\n"
                            for f in sorted(SEEDS.glob("*.txt"))))  # fmt: skip
    from_file = Corpus.summarize_file(path, dates=5, sentences=2)
    with Corpus(seeded_db, readonly=True) as corpus:
        assert from_file and from_file == corpus.summarize(dates=5, sentences=2)
