from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from dateline import Corpus, Filter
from dateline.annotate.stage import STAGES, Stage, StageInput
from dateline.core.records import Row, SpanRow
from dateline.core.settings import Settings

from .conftest import SEED_FILES, SEEDS


def test_seed_corpus_dates(seeded_db: Path) -> None:
    with Corpus(seeded_db, readonly=True) as corpus:
        docs = {Path(d.path).name[:3]: d for d in corpus.documents()}
    assert (docs["000"].published, docs["000"].date_source) == ("2018-05-19", "inferred")
    assert (docs["001"].published, docs["001"].date_source) == ("2020-02-11", "explicit")
    assert docs["002"].date_source == "ambiguous" and docs["002"].published is None
    assert {"2015-09-30", "2020-09-30"} <= {c["date"] for c in docs["002"].date_candidates}
    assert docs["003"].date_source == "ambiguous"
    assert "2015-05-25" in {c["date"] for c in docs["003"].date_candidates}
    assert (docs["004"].date_source, docs["004"].published) == ("unknown", None)


def test_seed_corpus_cleaning_and_datelines(seeded_db: Path) -> None:
    with Corpus(seeded_db, readonly=True) as corpus:
        docs = {Path(d.path).name[:3]: d for d in corpus.documents()}
    tass = docs["003"]
    assert not tass.text.startswith("All news")  # page chrome dropped
    assert tass.title == "Russian, Azerbaijani foreign ministers to hold talks in Moscow"
    assert tass.summary is not None and tass.summary.startswith("Diplomats will discuss")
    assert tass.text[tass.body_start :].startswith("MOSCOW, May 25. /TASS/.")
    assert (tass.outlet, tass.place, tass.dateline) == ("TASS", "Moscow", "MOSCOW, May 25. /TASS/.")
    assert (docs["000"].outlet, docs["000"].place) == ("Sputnik", "Moscow")
    assert docs["004"].title is not None and docs["004"].title.startswith("Russia: Russia calls on Armenia")


def test_spans_point_into_stored_text(seeded_db: Path) -> None:
    with Corpus(seeded_db, readonly=True) as corpus:
        doc = corpus.document("004_52a82361d015938c")
        entities = corpus.spans(doc.id, kind="entity")
        sentences = corpus.spans(doc.id, kind="sentence")
    assert any(s.text == "Sergei Lavrov" for s in entities)
    assert all(doc.text[s.start : s.end] == s.text for s in entities + sentences)
    assert len(sentences) >= 10


def test_store_is_wal_with_recorded_migrations_and_fts(seeded_db: Path) -> None:
    conn = sqlite3.connect(seeded_db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT number FROM schema_migrations ORDER BY number").fetchone()[0] == 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The query Datasette's detect_fts() runs to find the full-text table of "documents".
    fts = conn.execute(
        "SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"documents\"%'"
    ).fetchall()
    assert [r[0] for r in fts] == ["documents_fts"]


def test_an_older_database_is_migrated_before_a_read_only_open(seeded_db: Path, tmp_path: Path) -> None:
    # The database as the release before migration 0100 left it: no ranking columns.
    old = tmp_path / "old.db"
    shutil.copy(seeded_db, old)
    conn = sqlite3.connect(old)
    conn.executescript("DROP INDEX timeline_importance; DROP INDEX timeline_days; "
                       + " ".join(f"ALTER TABLE timeline_entries DROP COLUMN {c};" for c in ("n_outlets", "importance", "start_day", "end_day"))
                       + " DELETE FROM schema_migrations WHERE number = 100;")  # fmt: skip
    conn.close()
    with Corpus(old, readonly=True) as corpus:
        in_1991 = corpus.timeline(Filter(date_from=dt.date(1991, 1, 1), date_to=dt.date(1991, 12, 31)))
    assert in_1991 and all(e.date == "1991" for e in in_1991)
    with Corpus(seeded_db, readonly=True) as corpus:
        assert [e.id for e in in_1991] == [e.id for e in corpus.timeline(Filter(date_from=dt.date(1991, 1, 1), date_to=dt.date(1991, 12, 31)))]


def test_search_with_snippets(seeded_db: Path) -> None:
    with Corpus(seeded_db, readonly=True) as corpus:
        seed = {d.id: Path(d.path).name[:3] for d in corpus.documents()}

        def found(query: str) -> dict[str, str]:
            return {seed[h.doc_id]: h.snippet for h in corpus.search(query)}

        zakharova = found("Zakharova")
        assert list(zakharova) == ["002"] and "Maria [Zakharova] said" in zakharova["002"]
        # Every seed names the OSCE Minsk Group (001 as "Minsk group": the index ignores case).
        minsk = found('"Minsk Group"')
        assert sorted(minsk) == ["000", "001", "002", "003", "004"]
        assert all("[Minsk Group]" in snippet for snippet in minsk.values())
        # Rudenko is interviewed in 001 only, Mamedyarov visits Moscow in 003 only.
        assert sorted(found("Mamedyarov OR Rudenko")) == ["001", "003"]
        assert sorted(found('"Minsk Group" AND Lavrov')) == ["003", "004"]


def test_reingest_does_no_work(seeded_copy: Path) -> None:
    with Corpus(seeded_copy) as corpus:
        report = corpus.ingest([str(SEEDS)])
    assert (report.unchanged, report.new, report.annotated) == (5, 0, 0)


def test_changed_stage_version_reruns_only_that_stage(seeded_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def counting(batch: Sequence[StageInput], settings: Settings) -> list[Row]:
        calls.extend(item.doc_id for item in batch)
        return [SpanRow(item.doc_id, "probe", "probe", 0, 1) for item in batch]

    monkeypatch.setitem(STAGES._members, "probe", Stage("probe", "1", counting))
    with Corpus(seeded_copy) as corpus:
        first = corpus.ingest([str(SEEDS)])
        assert sorted(calls) == [1, 2, 3, 4, 5] and first.annotated == 5
        nlp_runs = corpus.connect().execute("SELECT COUNT(*) FROM stage_runs WHERE stage = 'nlp'").fetchone()[0]
        calls.clear()
        monkeypatch.setitem(STAGES._members, "probe", Stage("probe", "2", counting))
        corpus.ingest([str(SEEDS)])
        assert sorted(calls) == [1, 2, 3, 4, 5]
        versions = {r[0] for r in corpus.connect().execute("SELECT version FROM stage_runs WHERE stage = 'probe'")}
        assert versions == {"2"}
        assert corpus.connect().execute("SELECT COUNT(*) FROM stage_runs WHERE stage = 'nlp'").fetchone()[0] == nlp_runs


def test_a_stage_reruns_when_a_stage_it_requires_changed(seeded_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def counting(batch: Sequence[StageInput], settings: Settings) -> list[Row]:
        calls.extend(item.doc_id for item in batch)
        return []

    monkeypatch.setitem(STAGES._members, "probe", Stage("probe", "1", counting, requires=("nlp",)))
    with Corpus(seeded_copy) as corpus:
        corpus.ingest([str(SEEDS)])
        calls.clear()
        corpus.ingest([str(SEEDS)])
        assert calls == []  # nothing changed, nothing re-runs
        monkeypatch.setitem(STAGES._members, "nlp", replace(STAGES._members["nlp"], version="new"))
        corpus.ingest([str(SEEDS)])
    assert sorted(calls) == [1, 2, 3, 4, 5]


def test_set_date_reruns_date_dependent_stages(seeded_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, str | None]] = []

    def dated(batch: Sequence[StageInput], settings: Settings) -> list[Row]:
        seen.extend((i.doc_id, i.published.isoformat() if i.published else None) for i in batch)
        return [SpanRow(i.doc_id, "dated", "anchor", 0, 0, value=str(i.published)) for i in batch]

    monkeypatch.setitem(STAGES._members, "dated", Stage("dated", "1", dated, depends_on_date=True))
    with Corpus(seeded_copy) as corpus:
        corpus.ingest([str(SEEDS)])
        assert (3, None) in seen
        seen.clear()
        doc = corpus.set_date("002_16036c732f52396c.txt", "2020-09-30")
        assert (doc.published, doc.date_source, doc.date_confidence) == ("2020-09-30", "user", 1.0)
        assert seen == [(3, "2020-09-30")]
        assert [s.value for s in corpus.spans(3, kind="anchor")] == ["2020-09-30"]
        seen.clear()
        # The user's date survives re-ingest, and nothing re-runs.
        corpus.ingest([str(SEEDS)])
        assert seen == [] and corpus.document(3).date_source == "user"


def test_published_option_and_dates_file(corpus: Corpus, tmp_path: Path) -> None:
    import datetime as dt

    corpus.ingest([str(SEED_FILES[4])], published=dt.date(2016, 4, 4), stages=[])
    assert (corpus.document(1).published, corpus.document(1).date_source) == ("2016-04-04", "user")
    corpus.ingest([str(SEED_FILES[2])], dates={SEED_FILES[2].name: dt.date(2020, 9, 30)}, stages=[])
    assert corpus.document(2).published == "2020-09-30"


def test_exact_and_near_duplicates_are_linked(corpus: Corpus, tmp_path: Path) -> None:
    original = SEED_FILES[0].read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(original, encoding="utf-8")
    (tmp_path / "b.txt").write_text(original, encoding="utf-8")
    near = original.replace("The sides soon reached a ceasefire but clashes continued.", "Clashes continued.")
    (tmp_path / "c.txt").write_text(near, encoding="utf-8")
    (tmp_path / "d.txt").write_text(SEED_FILES[1].read_text(encoding="utf-8"), encoding="utf-8")
    report = corpus.ingest([str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt", "d.txt")], stages=[])
    assert report.exact_duplicates == [(str(tmp_path / "b.txt"), 1)]
    assert [(s, o) for s, o, _ in report.near_duplicates] == [(str(tmp_path / "c.txt"), 1)]
    docs = corpus.documents()
    assert [(d.duplicate_of, d.duplicate_kind) for d in docs] == [(None, None), (1, "exact"), (1, "near"), (None, None)]
    assert len(docs) == 4  # reported and linked, never dropped


def test_near_duplicate_index_lives_in_the_store(corpus: Corpus, tmp_path: Path) -> None:
    """Later runs find near duplicates of earlier ones through the stored band keys; an article
    whose text changes is indexed under its new text; another threshold refills the bands."""
    first, second = (f.read_text(encoding="utf-8") for f in SEED_FILES[:2])
    (tmp_path / "a.txt").write_text(first, encoding="utf-8")
    corpus.ingest([str(tmp_path / "a.txt")], stages=[])
    (tmp_path / "b.txt").write_text(second, encoding="utf-8")
    corpus.ingest([str(tmp_path / "b.txt")], stages=[])  # a new article: the index is filled
    conn = corpus.connect()
    bands = conn.execute("SELECT doc_id, COUNT(*) FROM minhash_bands GROUP BY doc_id ORDER BY doc_id").fetchall()
    assert [tuple(r) for r in bands] == [(1, bands[0][1]), (2, bands[0][1])] and bands[0][1] > 1
    banding = conn.execute("SELECT value FROM corpus_state WHERE key = 'lsh_bands'").fetchone()[0]
    # a.txt now holds the second article's text (trimmed): its bands follow the new text.
    (tmp_path / "a.txt").write_text(second.replace("\n\n", "\n\nIn brief.\n\n", 1), encoding="utf-8")
    corpus.ingest([str(tmp_path / "a.txt")], stages=[])
    (tmp_path / "c.txt").write_text(first.replace("Moscow", "MOSCOW", 1) + "\n\nUpdated.", encoding="utf-8")
    report = corpus.ingest([str(tmp_path / "c.txt")], stages=[])
    assert report.near_duplicates == []  # the text it copies is no longer stored
    (tmp_path / "d.txt").write_text(second + "\n\nUpdated.", encoding="utf-8")
    report = corpus.ingest([str(tmp_path / "d.txt")], stages=[], near_threshold=0.5)
    assert [o for _, o, _ in report.near_duplicates] == [2]  # the closer of the two stored copies
    assert conn.execute("SELECT value FROM corpus_state WHERE key = 'lsh_bands'").fetchone()[0] != banding
    assert conn.execute("SELECT COUNT(DISTINCT doc_id) FROM minhash_bands").fetchone()[0] == 4


def test_json_jsonl_html_and_stdin(corpus: Corpus, tmp_path: Path) -> None:
    records = [
        {"id": "r1", "title": "Talks", "text": "Lavrov met Mamedyarov in Moscow.", "published": "2015-05-25", "source": "TASS"},
        {"id": "r2", "content": "Zakharova said Russia is in contact with both sides.", "date": "2020-09-30"},
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"body": "Rudenko told Sputnik the sides agreed.", "url": "http://x"}))
    html = (
        "<html><head><title>Ceasefire call</title><meta property='og:site_name' content='Example News'>"
        "<meta property='article:published_time' content='2016-04-04T10:00:00Z'></head><body><nav>Home</nav>"
        "<article><h1>Russia calls for a ceasefire</h1><p>MOSCOW, April 4. /TASS/. Russia called on Armenia and "
        "Azerbaijan to cease hostilities on Monday, Foreign Minister Sergei Lavrov said at a press conference in "
        "Moscow.</p><p>The hostilities restarted on Friday night, with both sides blaming each other for the "
        "violations of the truce.</p></article></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    report = corpus.ingest([str(tmp_path)], stages=[])
    assert report.ok and report.new == 4
    stdin_report = corpus.ingest(["-"], stdin=io.StringIO("WASHINGTON (Reuters) - The US said on Monday it welcomed talks."), stages=[])
    assert stdin_report.new == 1
    by_id = {d.record_id: d for d in corpus.documents() if d.record_id}
    assert (by_id["r1"].published, by_id["r1"].date_source, by_id["r1"].outlet) == ("2015-05-25", "metadata", "TASS")
    assert by_id["r2"].text.startswith("Zakharova")
    page = next(d for d in corpus.documents() if d.path.endswith("page.html"))
    assert page.published == "2016-04-04" and page.date_source == "metadata"
    assert "Russia called on Armenia" in page.text and "<p>" not in page.text
    stdin_doc = corpus.documents()[-1]
    assert (stdin_doc.path, stdin_doc.outlet, stdin_doc.place) == ("-", "Reuters", "Washington")


def test_worker_processes_give_the_same_rows(tmp_path: Path, seeded_db: Path) -> None:
    with Corpus(tmp_path / "jobs.db") as corpus:
        corpus.ingest([str(SEEDS)], jobs=2)
        rows = corpus.connect().execute("SELECT doc_id, kind, start, end, label FROM spans ORDER BY 1, 2, 3, 4, 5").fetchall()
    with Corpus(seeded_db, readonly=True) as ref:
        expected = ref.connect().execute("SELECT doc_id, kind, start, end, label FROM spans WHERE stage = 'nlp' ORDER BY 1, 2, 3, 4, 5").fetchall()
    nlp_rows = [tuple(r) for r in rows if r[1] in ("sentence", "entity")]
    assert nlp_rows == [tuple(r) for r in expected]


def test_unchanged_reingest_skips_the_corpus_resolution(tmp_path: Path) -> None:
    from dateline.store.state import needs_resolution

    db = tmp_path / "state.db"
    with Corpus(db) as corpus:
        corpus.ingest([str(SEED_FILES[0])])
        conn = corpus.connect()
        assert not needs_resolution(conn)
        entries = conn.execute("SELECT COUNT(*) FROM timeline_entries").fetchone()[0]
        changes = conn.execute("SELECT value FROM corpus_state WHERE key = 'changes'").fetchone()[0]
        report = corpus.ingest([str(SEED_FILES[0])])
        assert report.unchanged == 1 and report.annotated == 0
        assert conn.execute("SELECT value FROM corpus_state WHERE key = 'changes'").fetchone()[0] == changes
        # A write the resolution never saw (a crash in between) is resolved by the next run.
        conn.execute("DELETE FROM timeline_entries")
        conn.execute("UPDATE corpus_state SET value = value + 1 WHERE key = 'changes'")
        corpus.ingest([str(SEED_FILES[0])])
        assert conn.execute("SELECT COUNT(*) FROM timeline_entries").fetchone()[0] == entries > 0
        assert not needs_resolution(conn)
