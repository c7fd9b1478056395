"""The HTTP API: the CLI's JSON shapes, clear errors, and the one write guarded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from dateline import Corpus
from dateline.cli.main import cli
from dateline.web.app import create_app


@pytest.fixture(scope="module")
def client(seeded_db: Path) -> TestClient:
    return TestClient(create_app(seeded_db))


def test_timeline_has_the_cli_json_shape(client: TestClient, seeded_db: Path) -> None:
    via_cli = json.loads(CliRunner().invoke(cli, ["timeline", "--db", str(seeded_db), "--format", "json", "--kind", "background"]).stdout)
    via_api = client.get("/api/timeline", params={"kind": "background"}).json()
    assert via_api == via_cli and via_api
    entry = client.get(f"/api/timeline/{via_api[0]['id']}").json()
    assert entry == via_api[0]


def test_filters_documents_actors_search(client: TestClient) -> None:
    russia = client.get("/api/timeline", params={"actor": "Russia"}).json()
    assert russia and all(any(p.get("actor_id") == "RUS" for p in e["actors"] + e["recipients"]) for e in russia)
    docs = client.get("/api/documents").json()
    assert [d["date_source"] for d in docs][:3] == ["unknown", "ambiguous", "ambiguous"]  # undated first
    assert docs[0]["proposed"]["proposed"] == "2016-04"
    doc = client.get(f"/api/documents/{docs[0]['id']}").json()
    assert doc["text"] and {"entity", "timex", "actor_mention"} <= {s["kind"] for s in doc["spans"]}
    actor = client.get("/api/actors/RUS").json()
    assert actor["name"] == "Russia" and actor["neighbours"] and actor["documents"]
    hits = client.get("/api/search", params={"q": '"Minsk Group" AND Lavrov'}).json()
    assert hits and all("[" in h["snippet"] for h in hits)
    assert client.get("/api/quotes", params={"speaker": "Zakharova"}).json()
    assert client.get("/docs").status_code == 200 and client.get("/openapi.json").json()["info"]["title"] == "dateline"


def test_errors(client: TestClient) -> None:
    assert client.get("/api/documents/9999").status_code == 404
    assert client.get("/api/actors/nobody").status_code == 404
    assert client.get("/api/timeline/9999").status_code == 404
    bad = client.get("/api/search", params={"q": '"unbalanced'})
    assert bad.status_code == 400 and "cannot search" in bad.json()["detail"]
    assert client.get("/api/timeline", params={"kind": "rumour"}).status_code == 422
    assert client.get("/static/../dateline.db").status_code == 404
    assert client.get("/static/%2e%2e/app.py").status_code == 404


def test_set_date_is_json_only_same_origin_and_re_anchors(seeded_copy: Path) -> None:
    client = TestClient(create_app(seeded_copy))
    with Corpus(seeded_copy, readonly=True) as corpus:
        doc = next(d for d in corpus.documents() if d.path.endswith("002_16036c732f52396c.txt"))
    url = f"/api/documents/{doc.id}/date"
    assert client.post(url, content="date=2020-09-30", headers={"Content-Type": "application/x-www-form-urlencoded"}).status_code == 415
    assert client.post(url, json={"date": "2020-09-30"}, headers={"Origin": "http://evil.example"}).status_code == 403
    assert client.post(url, json={"date": "30th of never"}).status_code == 400
    assert client.post("/api/documents/9999/date", json={"date": "2020-09-30"}).status_code == 404
    before = client.get("/api/timeline", params={"kind": "news"}).json()
    assert not any(e["date"] == "2020-09-27" for e in before)
    done = client.post(url, json={"date": "2020-09-30"}, headers={"Origin": "http://testserver"})
    assert done.status_code == 200 and done.json()["published"] == "2020-09-30"
    after = client.get("/api/timeline", params={"kind": "news"}).json()
    assert any(e["date"] == "2020-09-27" and e["event"] == "ASSAULT" for e in after)  # "on September 27" now resolves


def test_serve_without_the_web_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch, seeded_db: Path) -> None:
    import builtins

    real_import = builtins.__import__

    def fake_import(name: str, *args: object, **kwargs: object) -> object:
        if name == "uvicorn":
            raise ModuleNotFoundError("No module named 'uvicorn'", name="uvicorn")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", fake_import)
    result = CliRunner().invoke(cli, ["serve", "--db", str(seeded_db)])
    assert result.exit_code == 1 and "pip install 'dateline[web]'" in result.output
