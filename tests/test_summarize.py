from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from dateline.summarize import Article, summarize
from dateline.summarize.articles import read_articles_jsonl

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
    assert out and all(len(d) == 10 and isinstance(s, list) for d, s in out)


def test_cli_on_seeded_db(seeded_db: Path) -> None:
    from dateline.cli.summarize import summarize_cmd

    res = CliRunner().invoke(summarize_cmd, ["--db", str(seeded_db), "--dates", "3", "--sentences", "1"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert 1 <= len(out) <= 3
