"""Issue 24: the versions of one story count once, entries carry outlets and an importance, and the
timeline is asked for its most important entries. Invented articles: one outlet's story and its
update, another outlet's report of the same veto, and a story of the next month."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import Corpus, Filter
from dateline.cli.main import cli

VETO = ("Russia and China vetoed a United Nations Security Council resolution on Syria on Saturday, diplomats said. "
        "The draft had called on President Bashar al-Assad to step down. Western envoys said they were disgusted by the veto. "
        "The vote came after a night of shelling in Homs, activists said. Fighting continued in the north of the country.")  # fmt: skip
UPDATE = VETO + " Updated: the Arab League will meet on Sunday to discuss the crisis."
# Sunday's report of Saturday's veto, giving no day: dated by its publication, it joins Saturday's entry.
OTHER = ("Russia and China vetoed a draft resolution on Syria at the United Nations. "
         "The Russian envoy said the text was unbalanced.")  # fmt: skip
LATER = ("Turkish troops shelled Syrian army positions on Wednesday after a mortar attack killed five civilians "
         "in the border town of Akcakale, officials in Ankara said.")  # fmt: skip
RECORDS = [
    {"id": "a1", "outlet": "Example News", "published": "2012-02-04", "title": "Russia and China veto UN resolution on Syria", "text": VETO},
    {"id": "a2", "outlet": "Example News", "published": "2012-02-04", "title": "Russia and China veto UN resolution as shelling goes on", "text": UPDATE},
    {"id": "b1", "outlet": "Other Wire", "published": "2012-02-05", "title": "Veto at the UN", "text": OTHER},
    {"id": "c1", "outlet": "Example News", "published": "2012-10-04", "title": "Turkey shells Syria after border deaths", "text": LATER},
]  # fmt: skip


@pytest.fixture(scope="module")
def ranked_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ranked")
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    with Corpus(folder / "r.db") as corpus:
        corpus.ingest([str(feed)])
    return folder / "r.db"


def _veto(corpus: Corpus) -> list[object]:
    return [e for e in corpus.timeline(Filter(event_type="REJECT")) if e.date == "2012-02-04"]


def test_an_updated_story_is_one_source_and_another_outlet_another(ranked_db: Path) -> None:
    with Corpus(ranked_db, readonly=True) as corpus:
        (veto,) = _veto(corpus)
        assert not [e for e in corpus.timeline(Filter(event_type="REJECT")) if e.date == "2012-02-05"]
    assert veto.n_documents == 3 and not veto.contradictions  # type: ignore[attr-defined]
    assert veto.n_sources == 2 and veto.n_outlets == 2  # type: ignore[attr-defined]


def test_what_was_only_announced_is_not_history(ranked_db: Path) -> None:
    with Corpus(ranked_db, readonly=True) as corpus:
        assert not [e for e in corpus.timeline() if e.event == "CONSULT"]  # "will meet on Sunday"
        announced = corpus.events(Filter(status="future"))
        assert [e.event for e in announced] == ["CONSULT"] and "will meet" in announced[0].evidence


def test_the_most_important_first(ranked_db: Path) -> None:
    with Corpus(ranked_db, readonly=True) as corpus:
        everything = corpus.timeline()
        ranked = corpus.timeline(Filter(sort="importance"))
        (best,) = corpus.timeline(Filter(top=1))
        (veto,) = _veto(corpus)
        assert [e.importance for e in ranked] == sorted((e.importance for e in everything), reverse=True)
        # Reported by two outlets, it outranks what one article alone says.
        assert best.id == veto.id and all(veto.importance > e.importance for e in everything if e.n_sources == 1)  # type: ignore[attr-defined]
        assert [e.id for e in corpus.timeline(Filter(min_sources=2))] == [veto.id]  # type: ignore[attr-defined]
        # top keeps the date order unless asked otherwise
        two = corpus.timeline(Filter(top=2))
        assert [e.id for e in two] == sorted(e.id for e in two)


def test_cli_top_and_reports_default_to_the_most_important(ranked_db: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["timeline", "--db", str(ranked_db), "--top", "1", "--format", "json"])
    assert out.exit_code == 0, out.output
    (entry,) = json.loads(out.output)
    assert entry["n_sources"] == 2 and entry["importance"] > 0
    md = runner.invoke(cli, ["timeline", "--db", str(ranked_db), "--format", "md", "--min-sources", "2"])
    assert md.exit_code == 0 and "2012-02-04" in md.output and "2012-10" not in md.output
    bad = runner.invoke(cli, ["timeline", "--db", str(ranked_db), "--top", "0"])
    assert bad.exit_code == 2


def test_a_period_keeps_every_granularity_that_overlaps_it(ranked_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(ranked_db, copy)
    with Corpus(copy) as corpus:
        october = corpus.timeline(Filter(date_from=dt.date(2012, 10, 1), date_to=dt.date(2012, 10, 31)))
        assert october and all((e.date or "").startswith("2012-10") for e in october)
        conn = corpus.connect()
        # A week written as a week ("2012-W40"): in the period of any day it covers.
        conn.execute("UPDATE timeline_entries SET date = '2012-W40', start_day = '2012-10-01', end_day = '2012-10-07' "
                     "WHERE id = ?", (october[0].id,))  # fmt: skip
        week = corpus.timeline(Filter(date_from=dt.date(2012, 10, 6), date_to=dt.date(2012, 10, 6)))
        assert [e.id for e in week] == [october[0].id]


def test_a_doer_only_described_ranks_between_a_named_one_and_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from dateline.resolve import importance
    from dateline.resolve.stories import Story

    # One story each, of one outlet: only who did it tells the three entries apart.
    monkeypatch.setattr(importance, "stories", lambda conn: {d: Story(d, "Example News") for d in (1, 2, 3)})

    with Corpus(tmp_path / "r.db") as corpus:
        corpus.connect()  # the schema
    conn = sqlite3.connect(tmp_path / "r.db")
    conn.executemany(
        "INSERT INTO timeline_entries (id, date, granularity, kind, event, headline, n_sources, n_documents) "
        "VALUES (?, '2012-03-01', 'day', 'news', 'COERCE', ?, 1, 1)",
        [(1, "Ana Ruiz restricts Peru"), (2, "The government restricts Peru"), (3, "Restrictions on Peru")],
    )  # fmt: skip
    conn.executemany("INSERT INTO timeline_actors (entry_id, actor_id, code, role) VALUES (?, ?, ?, 'actor')",
                     [(1, "person:ana-ruiz", ""), (2, None, "")])  # fmt: skip
    conn.executemany("INSERT INTO timeline_sources (entry_id, fact_id, doc_id, date, start, end) VALUES (?, ?, ?, '2012-03-01', 0, 10)",
                     [(n, n, n) for n in (1, 2, 3)])  # fmt: skip
    importance.rank(conn, {})
    score = dict(conn.execute("SELECT id, importance FROM timeline_entries").fetchall())
    conn.close()
    # Named (coded or not) > described only ("the government" of a round-up that lost its country) > none.
    assert score[1] > score[2] > score[3]
