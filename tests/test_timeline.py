from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import Corpus, Filter
from dateline.cli.main import cli
from dateline.resolve.timeline import _Source, build_entries, compatible, duration_years, granularity_of
from dateline.resolve.timeline_model import entry_date

from .conftest import SEEDS

DATES = {"002_16036c732f52396c": dt.date(2020, 9, 30), "003_e7439246c67703c9": dt.date(2015, 5, 25),
         "004_52a82361d015938c": dt.date(2016, 4, 4)}  # fmt: skip


@pytest.fixture(scope="module")
def timeline_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("timeline") / "t.db"
    with Corpus(path) as corpus:
        corpus.ingest([str(SEEDS)], dates=DATES)
    return path


def _statements(corpus: Corpus, **kw: str) -> list[dict[str, object]]:
    return [s.as_dict() for s in corpus.statements(**kw)]


def test_date_compatibility_by_granularity() -> None:
    assert compatible("1994", "1994-05") and compatible("2016-04-04", "2016-04")
    assert not compatible("2016-04-04", "2016-04-05") and not compatible("1991", "1992") and not compatible(None, "1994")


def _source(event_id: int | None, doc_id: int, date: str, event: str = "ASSAULT", **kw: object) -> _Source:
    armenia = {"ARM": {"actor_id": "ARM", "name": "Armenia", "code": "ARM", "sector": ""}}
    base: dict[str, object] = {"event_id": event_id, "fact_id": None, "doc_id": doc_id, "event": event, "shape": "event",
                               "date": date, "date_end": None, "granularity": granularity_of(date), "historical": False,
                               "start": 0, "end": 10, "claim": "", "concepts": (), "actors": armenia, "recipients": {},
                               "lemma": "attack" if event_id is not None else ""}  # fmt: skip
    base.update(kw)
    return _Source(**base)  # type: ignore[arg-type]


def test_same_event_from_several_articles_is_one_entry() -> None:
    sources = [_source(1, 1, "2016-04-01"), _source(2, 2, "2016-04"), _source(3, 3, "2016-04-01"),
               _source(4, 4, "2016-04-01", event="REQUEST"), _source(5, 5, "2016-04-05")]  # fmt: skip
    entries = build_entries(sources, {})
    # The REQUEST is another entry; so is another day of the month, which "April 2016" must not bridge.
    assert sorted(len(e.sources) for e in entries) == [1, 1, 3]
    merged = next(e for e in entries if len(e.sources) == 3)
    assert {s.doc_id for s in merged.sources} == {1, 2, 3}


def test_an_act_placed_in_its_month_joins_a_day_of_it_only_in_the_same_words() -> None:
    # Armenia's visit of 28 May, "Armenia visited Baku in May" and "Armenia convened a panel in May".
    visit = {"event": "CONSULT", "mode": "visit"}
    sources = [_source(1, 1, "2016-05-28", lemma="visit", **visit), _source(2, 2, "2016-05", lemma="visit", **visit),
               _source(3, 3, "2016-05", lemma="convene", **visit)]  # fmt: skip
    # The dictionary files "convened a panel" a visit too: the mode alone does not say the same.
    by_docs = sorted(sorted(s.doc_id for s in e.sources) for e in build_entries(sources, {}))
    assert by_docs == [[1, 2], [3]]


def test_a_mode_of_a_whole_root_is_not_the_same_words() -> None:
    # Thursday's criticism, then "faced fresh criticism" in Saturday's paper: two acts, though both
    # are ACCUSE `disapprove'; "convicted" and "found guilty" in the next day's paper are one.
    blame = {"event": "ACCUSE", "mode": "disapprove"}
    sources = [_source(1, 1, "2016-04-07", lemma="accuse", **blame),
               _source(2, 2, "2016-04-09", approximate=True, lemma="face", **blame)]  # fmt: skip
    assert len(build_entries(sources, {})) == 2
    convict = {"event": "SANCTION", "mode": "convict"}
    verdict = [_source(1, 1, "2016-04-04", lemma="convict", **convict),
               _source(2, 2, "2016-04-05", approximate=True, lemma="find", **convict)]  # fmt: skip
    assert len(build_entries(verdict, {})) == 1


def test_one_sentence_telling_one_act_in_two_verbs_is_one_entry() -> None:
    # "Armenia helped deliver food ... to pick up citizens", in a paper dated only by its day: one
    # act; the same two verbs in two sentences of the paper are two reports of the day.
    aid = {"event": "AID", "approximate": True}
    one = [_source(1, 1, "2016-04-02", lemma="deliver", **aid), _source(2, 1, "2016-04-02", lemma="pick", **aid)]
    assert len(build_entries(one, {})) == 1
    two = [_source(1, 1, "2016-04-02", lemma="deliver", **aid), _source(2, 1, "2016-04-02", lemma="pick", start=40, end=80, **aid)]
    assert len(build_entries(two, {})) == 2


def test_a_report_dated_only_by_its_paper_joins_the_day_before() -> None:
    # Saturday's attack, then undated reports of it in papers of Sunday, Monday and Wednesday.
    shell, attack = {"lemma": "shell"}, {"lemma": "attack"}
    sources = [_source(1, 1, "2016-04-02", **shell), _source(2, 2, "2016-04-03", approximate=True, **shell),
               _source(3, 3, "2016-04-04", approximate=True, **shell), _source(4, 4, "2016-04-06", approximate=True, **shell),
               _source(5, 5, "2016-04-03", **shell), _source(6, 6, "2016-04-03", approximate=True, **attack)]  # fmt: skip
    entries = build_entries(sources, {})
    by_docs = sorted(sorted(s.doc_id for s in e.sources) for e in entries)
    # A day or two later in the same words joins; four days later is another report, and so is
    # another verb ("attacked" is not known to be the shelling); a stated date is never moved.
    assert by_docs == [[1, 2, 3], [4], [5, 6]]
    # The same act in other words: "was convicted" on Monday, "was found guilty" in Tuesday's paper.
    convict = {"event": "SANCTION", "mode": "convict"}
    verdict = [_source(1, 1, "2016-04-04", lemma="convict", **convict),
               _source(2, 2, "2016-04-05", approximate=True, lemma="find", **convict)]  # fmt: skip
    assert len(build_entries(verdict, {})) == 1
    saturday = next(e for e in entries if len(e.sources) == 3)
    assert entry_date(saturday) == "2016-04-02" and len(saturday.dates["day"]) == 1


def test_a_state_told_in_the_perfect_joins_the_event_that_left_it() -> None:
    # Sanctions imposed on 10 March; the updates of later weeks repeat "has imposed sanctions" undated.
    sanction = {"event": "SANCTION", "lemma": "impose"}
    sources = [_source(1, 1, "2012-03-10", **sanction),
               *(_source(n, n, day, approximate=True, stative=True, **sanction)
                 for n, day in ((2, "2012-03-15"), (3, "2012-03-19"), (4, "2012-04-01"))),
               _source(5, 5, "2012-03-19", approximate=True, **sanction)]  # fmt: skip
    by_docs = sorted(sorted(s.doc_id for s in e.sources) for e in build_entries(sources, {}))
    # The perfects join the event; a report in the simple past nine days later is another event.
    assert by_docs == [[1, 2, 3, 4], [5]]
    # Someone else's perfect is not that act: "had imposed sanctions", of another country.
    other = {"GEO": {"actor_id": "GEO", "name": "Georgia", "code": "GEO", "sector": ""}}
    late = _source(6, 6, "2012-03-19", approximate=True, stative=True, actors=other, **sanction)
    assert len(build_entries([sources[0], late], {})) == 2
    # The active present perfect is news of its day ("Turkey has imposed new sanctions"), not the
    # state an old event left.
    fresh = _source(7, 7, "2012-03-19", approximate=True, **sanction)
    assert len(build_entries([sources[0], fresh], {})) == 2


@pytest.mark.parametrize(("before", "perfect"), [
    ("Syria has been ", True), ("the sanctions they have already ", True), ("it had long ", True),
    ("Turkey's ", False), ("the league ", False), ("it's been ", True), ("he said it has ", True), ("who have ", True),
])  # fmt: skip
def test_the_perfect_is_read_from_the_words_before_the_trigger(before: str, perfect: bool) -> None:
    from dateline.resolve.timeline_sources import PERFECT

    assert bool(PERFECT.search(before)) is perfect


@pytest.mark.parametrize(("before", "stative"), [
    # A state, or the past before the past: background.
    ("Syria has been ", True), ("it had long ", True), ("it's been ", True), ("they had ", True),
    # The active present perfect is how British news tells what just happened.
    ("Russia has ", False), ("the ministers have also ", False), ("he said it has ", False),
])  # fmt: skip
def test_only_the_perfect_of_a_state_or_of_an_earlier_past_is_background(before: str, stative: bool) -> None:
    from dateline.resolve.timeline_sources import PERFECT, STATIVE

    assert PERFECT.search(before) and bool(STATIVE.search(before)) is stative


def test_reports_dated_only_by_their_paper_share_an_entry_only_in_the_same_words() -> None:
    mexico = {"MEX": {"actor_id": "MEX", "name": "Mexico", "code": "MEX", "sector": ""}}

    def report(n: int, lemma: str, approximate: bool = True) -> _Source:
        return _source(n, n, "2009-05-04", event="CONSULT", actors=mexico, lemma=lemma, approximate=approximate)

    # Monday's papers: a flight to Beijing and a tourism drive, both naming Mexico, are two things.
    assert len(build_entries([report(1, "fly"), report(2, "promote")], {})) == 2
    assert len(build_entries([report(1, "meet"), report(2, "meet")], {})) == 1
    # A report that states its day is evidence enough for one that does not, as before.
    assert len(build_entries([report(1, "meet", approximate=False), report(2, "talk")], {})) == 1


def test_one_actor_against_two_targets_the_same_day_is_two_events() -> None:
    def criticism(n: int, target: str) -> _Source:
        actor = {"person:obama": {"actor_id": "person:obama", "name": "Obama", "code": "USA", "sector": "GOV"}}
        recipient = {target: {"actor_id": target, "name": target, "code": "", "sector": ""}}
        return _source(n, n, "2010-06-08", event="ACCUSE", actors=actor, recipients=recipient)

    assert len(build_entries([criticism(1, "BP"), criticism(2, "person:bush")], {})) == 2
    assert len(build_entries([criticism(1, "BP"), criticism(2, "BP")], {})) == 1


def test_two_people_of_one_country_are_two_acts() -> None:
    def criticism(n: int, who: str) -> _Source:
        actor = {who: {"actor_id": who, "name": who, "code": "USA", "sector": "GOV"}}
        target = {"BP": {"actor_id": "BP", "name": "BP", "code": "", "sector": ""}}
        return _source(n, n, "2010-06-08", event="ACCUSE", actors=actor, recipients=target, lemma="criticise")

    # The same words, country and target: one act if the same person, two if two people.
    assert len(build_entries([criticism(1, "person:obama"), criticism(2, "person:pelosi")], {})) == 2
    assert len(build_entries([criticism(1, "person:obama"), criticism(2, "person:obama")], {})) == 1
    # A country acting as such may still be the act of its president that day ("the US criticised BP").
    assert len(build_entries([criticism(1, "person:obama"), criticism(2, "USA")], {})) == 1


def test_a_target_or_doer_described_may_be_the_one_named() -> None:
    def verdict(n: int, day: str, actor: dict[str, object], target: dict[str, object]) -> _Source:
        return _source(n, n, day, event="SANCTION", mode="convict", lemma="find", approximate=n > 1,
                       actors={str(actor["actor_id"] or f":{actor['name']}"): actor},
                       recipients={str(target["actor_id"] or f":{target['name']}"): target})  # fmt: skip

    court_ohio = {"actor_id": "USA:JUD:court", "name": "court in Ohio", "code": "USA", "sector": "JUD"}
    a_court = {"actor_id": "", "name": "A court", "code": "", "sector": "JUD"}
    named = {"actor_id": "person:dana-ruiz", "name": "Dana Ruiz", "code": "", "sector": ""}
    described = {"actor_id": "", "name": "the last doctor", "code": "", "sector": "MED"}
    senator = {"actor_id": "", "name": "the senator", "code": "", "sector": "LEG"}
    # "A court found the doctor guilty" (Monday) and "a court in Ohio found Dana Ruiz guilty" (Tuesday's paper): one verdict.
    first = verdict(1, "2011-11-07", court_ohio, described)
    assert len(build_entries([first, verdict(2, "2011-11-08", court_ohio, named)], {})) == 1
    assert len(build_entries([first, verdict(3, "2011-11-08", a_court, described)], {})) == 1
    # A target of another sector is someone else.
    assert len(build_entries([first, verdict(4, "2011-11-08", court_ohio, senator)], {})) == 2


def test_an_act_with_a_target_and_one_without_are_one_only_in_the_same_words() -> None:
    obama = {"person:obama": {"actor_id": "person:obama", "name": "Obama", "code": "USA", "sector": "GOV"}}
    bp = {"BP": {"actor_id": "BP", "name": "BP", "code": "", "sector": ""}}
    called = _source(1, 1, "2010-06-10", event="REQUEST", actors=obama, recipients=bp, lemma="urge")
    appeal = _source(2, 2, "2010-06-10", event="REQUEST", actors=obama, lemma="appeal")
    again = _source(3, 3, "2010-06-10", event="REQUEST", actors=obama, lemma="urge")
    assert len(build_entries([called, appeal], {})) == 2  # "urged BP to pay", "made an appeal"
    assert len(build_entries([called, again], {})) == 1  # "urged BP to pay", "urged them"


def test_two_states_of_one_federation_are_two_acts() -> None:
    def emergency(n: int, who: str) -> _Source:
        actor = {who: {"actor_id": who, "name": who, "code": "USA", "sector": ""}}
        return _source(n, n, "2010-04-30", event="COERCE", mode="martial-law", actors=actor, lemma="declare")

    # "Texas declared a state of emergency", "Ohio declared a state of emergency": two declarations.
    assert len(build_entries([emergency(1, "region:texas"), emergency(2, "region:ohio")], {})) == 2
    assert len(build_entries([emergency(1, "region:texas"), emergency(2, "region:texas")], {})) == 1


def test_a_headline_names_rather_than_describes() -> None:
    from dateline.core.concepts import load_concepts
    from dateline.resolve.timeline_model import entry_headline

    court = {"COURT": {"actor_id": "USA:JUD:court", "name": "Court", "code": "USA", "sector": "JUD"}}
    doctor = {"person:dana-ruiz": {"actor_id": "person:dana-ruiz", "name": "Dana Ruiz", "code": "", "sector": ""},
              "the physician": {"actor_id": "", "name": "the physician", "code": "", "sector": "HLH"},
              "person:ruiz@7": {"actor_id": "person:ruiz@7", "name": "Ruiz", "code": "", "sector": ""}}  # fmt: skip
    (entry,) = build_entries([_source(1, 1, "2016-04-04", event="SANCTION", actors=court, recipients=doctor)], {})
    assert entry_headline(entry, load_concepts()) == "Court imposes sanctions on Dana Ruiz"
    # A country beside someone of it, or as the recipient of its own people's act, goes unsaid.
    usa = {"actor_id": "USA", "name": "United States", "code": "USA", "sector": ""}
    obama = {"person:obama": {"actor_id": "person:obama", "name": "Barack Obama", "code": "USA", "sector": "GOV"}, "USA": usa}
    (trip,) = build_entries([_source(2, 2, "2010-05-28", event="CONSULT", mode="visit", actors=obama, recipients={"USA": usa})], {})
    assert entry_headline(trip, load_concepts()) == "Barack Obama makes a visit"
    mexico = {"MEX": {"actor_id": "MEX", "name": "Mexico", "code": "MEX", "sector": ""}}
    (abroad,) = build_entries([_source(3, 3, "2010-05-28", event="CONSULT", mode="visit", actors=obama, recipients=mexico)], {})
    assert entry_headline(abroad, load_concepts()) == "Barack Obama visits Mexico"


def test_two_officials_of_one_country_are_one_event_only_in_the_same_words() -> None:
    def official(event_id: int, who: str, lemma: str) -> _Source:
        actor = {who: {"actor_id": who, "name": who, "code": "USA", "sector": "GOV"}}
        return _source(event_id, event_id, "2009-04-29", event="REQUEST", actors=actor, lemma=lemma)

    # The president asks Congress for money; a health official urges schools to close: two requests.
    assert len(build_entries([official(1, "person:president", "ask"), official(2, "USA:GOV:official", "urge")], {})) == 2
    # Two reports of one appeal, naming its maker differently, in the same words: one.
    assert len(build_entries([official(1, "person:president", "appeal"), official(2, "USA:GOV:white-house", "appeal")], {})) == 1
    # Travellers back from one country, reported without who travelled, are not one visit.
    mexico = {"MEX": {"actor_id": "MEX", "name": "Mexico", "code": "MEX", "sector": ""}}
    trips = [_source(i, i, "2009-04-26", event="CONSULT", actors={}, recipients=mexico, lemma=lemma)
             for i, lemma in ((1, "return"), (2, "travel"))]  # fmt: skip
    assert len(build_entries(trips, {})) == 2


def test_unattributed_history_is_placed_by_what_its_article_is_about() -> None:
    # "A ceasefire was reached in 1994" names no one: two articles about the same conflict agree,
    # a third about another conflict does not join them.
    fact: dict[str, object] = {"shape": "point", "concepts": ("ceasefire",), "actors": {}}
    sources = [_source(None, d, "1994", "RETREAT", fact_id=d, **fact) for d in (1, 2, 3)]
    context = {1: {"ARM", "AZE"}, 2: {"AZE", "PRE:nagorno-karabakh"}, 3: {"RUS", "person:dudayev"}}
    entries = build_entries(sources, context)
    assert sorted(len(e.sources) for e in entries) == [1, 2]
    # A day is news, not history: two actorless statements of one day are not placed by their articles.
    days = [_source(None, d, "2009-04-29", "CONSULT", fact_id=d, **fact) for d in (1, 2)]
    assert len(build_entries(days, {1: {"WHO"}, 2: {"WHO"}})) == 2


def test_a_happening_told_twice_in_an_undated_article_is_one_piece_of_evidence() -> None:
    from dateline.resolve.timeline_dates import Proposer
    from dateline.resolve.timeline_sources import Doc

    # Two dated articles, two entries: a call on Armenia (May 2018) and fighting (April 2016).
    calls = _source(1, 1, "2018-05-19", "REQUEST", recipients={"ARM": {"actor_id": "ARM", "name": "Armenia", "code": "ARM"}})
    fights = _source(2, 2, "2016-04-02", "ASSAULT", concepts=("escalation",))
    entries = build_entries([calls, fights], {})
    # The undated article repeats its call in headline and lead, and reports the fighting once,
    # in the words of the escalation concept.
    own = [replace(_source(10, 3, "2000", "REQUEST", start=0, end=40, recipients=calls.recipients), date=None, granularity=""),
           replace(_source(11, 3, "2000", "REQUEST", start=50, end=90, recipients=calls.recipients), date=None, granularity=""),
           replace(_source(12, 3, "2000", "ASSAULT", start=100, end=140, concepts=("escalation",)), date=None, granularity="")]  # fmt: skip
    docs = {1: Doc("2018-05-19", (), None), 2: Doc("2016-04-02", (), None), 3: Doc(None, (), None)}
    proposer = Proposer(docs, {3: own})
    for n, entry in enumerate(entries):
        proposer.consider(entry, (n,))
    assert proposer.best[3].date == "2016-04-02"


def test_duration_years() -> None:
    assert duration_years("P1DE") == 10 and duration_years("P3Y") == 3 and duration_years("P6M") == 0.5
    assert duration_years("PXY") is None and duration_years(None) is None


def test_news_entries_on_their_own_dates(timeline_db: Path) -> None:
    with Corpus(timeline_db, readonly=True) as corpus:
        entries = [e.as_dict() for e in corpus.timeline(Filter(kind="news"))]
    by = {(e["date"], e["event"]) for e in entries}
    assert {("2018-05-18", "CONSULT"), ("2020-01", "CONSULT"), ("2020-09-27", "ASSAULT"), ("2016-04-04", "REQUEST"),
            ("2016-04-01", "ASSAULT")} <= by  # fmt: skip
    # The Lavrov-Mamedyarov talks are announced ("will discuss ... on Monday", in Monday's paper):
    # future, listed by `dateline events --status future`, never in the history; nor is the Minsk
    # Group's habitual mediation ("acts as a mediator").
    assert ("2015-05-25", "CONSULT") not in by
    request = next(e for e in entries if e["event"] == "REQUEST" and e["date"] == "2016-04-04")
    assert {"ARM", "AZE"} <= {r["code"] for r in request["recipients"]}
    # Two sentences of one article: two pieces of evidence, one independent source.
    assert len(request["sources"]) >= 2 and request["n_sources"] == request["n_documents"] == 1
    assert all(s["sentence"] and s["published"] for s in request["sources"])
    # Where a statement is the event, the quote comes with it.
    support = next(e for e in entries if e["event"] == "SUPPORT" and e["date"] == "2020-02-11")
    assert any(q["speaker"] == "Andrey Rudenko" and q["text"] for q in support["quotes"])


def test_background_is_kept_apart(timeline_db: Path) -> None:
    with Corpus(timeline_db, readonly=True) as corpus:
        background = [e.as_dict() for e in corpus.timeline(Filter(kind="background"))]
        news = [e.as_dict() for e in corpus.timeline(Filter(kind="news"))]
    assert background and all(e["kind"] == "background" for e in background)
    assert all(e["date"] >= "2015" for e in news)


def test_statements_of_russia_about_karabakh(timeline_db: Path) -> None:
    with Corpus(timeline_db, readonly=True) as corpus:
        rows = _statements(corpus, actor="Russia", about="Nagorno-Karabakh")
        rudenko = _statements(corpus, actor="Andrey Rudenko")
    assert rows and rows == sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "", r["doc_id"]))
    assert {"event", "quote", "reported"} <= {r["kind"] for r in rows}
    # A country speaks through its state: the Foreign Ministry, its deputy minister, its spokeswoman.
    who = {r["who"] for r in rows}
    assert {"Russian Foreign Ministry", "Andrey Rudenko", "Maria Zakharova"} <= who
    assert not who & {"Azerbaijani Foreign Ministry", "Armenia", "Nagorno-Karabakh"}
    # An actor that is no country speaks for itself only.
    assert rudenko and {r["who"] for r in rudenko} == {"Andrey Rudenko"}


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "md", "html", "timelinejs"])
def test_timeline_formats(timeline_db: Path, fmt: str) -> None:
    result = CliRunner().invoke(cli, ["timeline", "--db", str(timeline_db), "--format", fmt])
    assert result.exit_code == 0, result.output
    entries = json.loads(CliRunner().invoke(cli, ["timeline", "--db", str(timeline_db), "--format", "json"]).stdout)
    assert entries
    if fmt == "json":
        for key in ("date", "granularity", "kind", "event", "actors", "headline", "n_sources", "sources", "contradictions",
                    "quotes"):
            assert all(key in e for e in entries)
    if fmt == "jsonl":
        assert [json.loads(line) for line in result.stdout.splitlines()] == entries
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert [(r["kind"], r["headline"]) for r in rows] == [(e["kind"], e["headline"]) for e in entries]
        assert all(r["date"].startswith(e["date"] or "") for r, e in zip(rows, entries, strict=True))  # a span: "1992/1994"
    if fmt == "md":
        headings = [line for line in result.stdout.splitlines() if line.startswith("## ")]
        assert headings == [f"## {e['date']} — {e['headline']}" for e in entries]
    if fmt == "timelinejs":
        data = json.loads(result.stdout)
        assert data["events"] and all(isinstance(e["start_date"]["year"], int) and e["unique_id"] for e in data["events"])
        assert len({e["unique_id"] for e in data["events"]}) == len(data["events"])
    if fmt == "html":
        parser = _Scripts()
        parser.feed(result.stdout)
        assert "script" not in parser.tags and "section" in parser.tags


def test_timeline_filters(timeline_db: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["timeline", "--db", str(timeline_db), "--format", "json", "--code", "RUS",
                              "--from", "2016-01-01", "--to", "2016-12-31"])  # fmt: skip
    entries = json.loads(out.stdout)
    assert entries and all(e["date"].startswith("2016") for e in entries)
    assert all(any(p["code"] == "RUS" for p in e["actors"] + e["recipients"]) for e in entries)


def test_history_merged_across_articles_with_sources_counted(seeded_db: Path) -> None:
    # The example corpus as shipped: two dated articles, two ambiguous, one undated.
    with Corpus(seeded_db, readonly=True) as corpus:
        conn = corpus.connect()
        background = [e.as_dict() for e in corpus.timeline(Filter(kind="background"))]

        def entry(year: str, concept: str) -> dict[str, object]:
            found = [e for e in background if (e["date"] or "").startswith(year) and concept in e["concepts"]]
            assert len(found) == 1, (year, concept, [(e["date"], e["concepts"]) for e in background])
            return found[0]

        # Four articles tell the secession as a dated fact; the fifth ("the conflict ... broke out in
        # February 1988 after the region announced its withdrawal") is coded as an event of its own
        # since the events stage reads the CAMEO dictionary (issue 23), and its fact is told by it.
        assert entry("1988", "secession")["n_documents"] == 4
        assert any((e["date"] or "").startswith("1988-02") and e["event"] == "ASSAULT" for e in background)
        assert entry("1991", "independence")["n_documents"] >= 3
        # Four sentences of three articles, three separate stories: three independent sources.
        ceasefire = entry("1994", "ceasefire")
        assert len(ceasefire["sources"]) >= 4 and ceasefire["n_sources"] == ceasefire["n_documents"] >= 3
        escalation = entry("2016", "escalation")
        assert escalation["n_documents"] >= 2 and escalation["date"] == "2016-04"
        mediation = entry("1992", "mediation")
        assert mediation["n_sources"] >= 4
        claims = {s["claim"] for s in mediation["sources"]}
        assert "since 1992" in claims and "for almost a decade" in claims
        (contradiction,) = [c for c in mediation["contradictions"] if c["field"] == "duration"]
        assert contradiction["values"][0] == "since 1992" and "almost a decade" in contradiction["values"][1]
        proposal = conn.execute(
            "SELECT p.date, p.granularity FROM date_proposals p JOIN documents d ON d.id = p.doc_id WHERE d.path LIKE '%004_%'"
        ).fetchone()
        assert tuple(proposal) == ("2016-04", "month")
        every = {(s["doc_id"], s["start"]) for e in background for s in e["sources"]}
        assert all(isinstance(d, int) for d, _ in every)


def test_year_by_year_build_equals_one_pass() -> None:
    # The resolver builds each year alone and matches coarse dates ("the 1980s") per decade against
    # the entries they could join; the entries must be those of building everything at once.
    from dateline.core.concepts import load_concepts
    from dateline.resolve.timeline import _may_join
    from dateline.resolve.timeline_matching import is_coarse
    from dateline.resolve.timeline_model import _Entry, settle

    russia = {"RUS": {"actor_id": "RUS", "name": "Russia", "code": "RUS", "sector": ""}}
    sources = [_source(1, 1, "1988-02-20"), _source(2, 2, "1988-02"), _source(3, 3, "1988"),
               _source(4, 4, "1989-05-01", event="REQUEST"), _source(5, 5, "198", event="REQUEST"),
               _source(6, 6, "198"), _source(7, 7, "1989", actors=russia), _source(8, 8, "198", actors=russia),
               _source(9, 9, "1991-12"), _source(10, 10, "199", event="AGREE")]  # fmt: skip
    one_pass = build_entries(sources, {})
    parted: list[_Entry] = []
    for decade in ("198", "199"):
        coarse = [s for s in sources if is_coarse(s) and (s.date or "")[:3] == decade]
        whats = {f"e:{s.event}" for s in coarse}
        whos = {w for s in coarse for w in (*s.actors, *s.codes)}
        kept: list[_Entry] = []
        for year in sorted({(s.date or "")[:4] for s in sources if not is_coarse(s) and (s.date or "")[:3] == decade}):
            for entry in build_entries([s for s in sources if not is_coarse(s) and (s.date or "")[:4] == year], {}):
                (kept if coarse and _may_join(entry, whats, whos) else parted).append(entry)
        parted += build_entries(coarse, {}, seed=kept) if coarse else kept
    for entry in one_pass + parted:
        settle(entry, load_concepts())

    def shape(entries: list[_Entry]) -> list[tuple[str, tuple[int, ...]]]:
        return sorted((e.event, tuple(sorted(s.doc_id for s in e.sources))) for e in entries)

    assert shape(parted) == shape(one_pass)
    # The decade joined the 1988 entry of its actors, not the one of Russia; Russia's 1980s joined 1989.
    assert (("ASSAULT", (1, 2, 3, 6)) in shape(one_pass)) and ("ASSAULT", (7, 8)) in shape(one_pass)


def test_entry_ids_follow_the_timeline(timeline_db: Path) -> None:
    with Corpus(timeline_db, readonly=True) as corpus:
        rows = corpus.connect().execute("SELECT id, date FROM timeline_entries ORDER BY id").fetchall()
    assert rows and [r["id"] for r in rows] == list(range(1, len(rows) + 1))
    plain = [(r["date"] or "")[:10].rstrip("X") for r in rows]
    assert plain == sorted(plain)


def test_markdown_shows_article_text_and_does_not_render_it() -> None:
    from dateline.outputs.timeline_formats import to_markdown

    entry = {"date": "2020-03-03", "headline": "Criticism of *Armenia*", "event": "ACCUSE", "mode": "", "kind": "news",
             "n_sources": 1, "contradictions": [],
             "sources": [{"outlet": "Wire_Service", "published": "2020-03-03", "doc_id": 1,
                          "sentence": "Russia condemned the attack on <script>alert(1)</script> positions,\n[the ministry] said."}]}  # fmt: skip
    text = to_markdown([entry])
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "Criticism of \\*Armenia\\*" in text and "Wire\\_Service" in text and "\\[the ministry\\] said." in text
    assert len([line for line in text.splitlines() if line.startswith("- ")]) == 1  # one list item, one line


@pytest.mark.parametrize(("before", "trigger", "stative"), [
    ("Syria has been ", "suspended", True), ("they had been ", "calling", True),
    # An activity going on as the paper is written is that day's news.
    ("US senators have been ", "calling", False), ("he has repeatedly been ", "urging", False),
])  # fmt: skip
def test_the_present_perfect_progressive_is_news_not_a_state(before: str, trigger: str, stative: bool) -> None:
    from dateline.resolve.timeline_sources import told_as_state

    assert told_as_state(before, trigger) is stative


def test_a_month_report_joins_a_day_entry_only_of_the_same_actor() -> None:
    # "33 lawmakers sent a letter to Roe" on the 10th; "Senator Doe sent a letter to Roe in June"
    # is another letter: their country is the same, their actors are not.
    roe = {"person:roe": {"actor_id": "person:roe", "name": "Richard Roe", "code": "", "sector": ""}}
    lawmakers = {"USA": {"actor_id": "USA", "name": "United States", "code": "USA", "sector": "LEG"}}
    doe = {"person:doe": {"actor_id": "person:doe", "name": "John Doe", "code": "USA", "sector": "LEG"}}
    letter = {"event": "REQUEST", "lemma": "send", "recipients": roe}
    sources = [_source(1, 1, "2010-06-10", actors=lawmakers, **letter),
               _source(2, 2, "2010-06", actors=doe, **letter),
               _source(3, 3, "2010-06", actors=lawmakers, **letter)]  # fmt: skip
    by_docs = sorted(sorted(s.doc_id for s in e.sources) for e in build_entries(sources, {}))
    assert by_docs == [[1, 3], [2]]
