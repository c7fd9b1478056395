"""The HTTP API: the CLI's JSON shapes, clear errors, and the one write guarded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from dateline import Corpus
from dateline.cli.main import cli
from dateline.web.app import LOOPBACK_HOSTS, create_app


@pytest.fixture(scope="module")
def client(seeded_db: Path) -> TestClient:
    return TestClient(create_app(seeded_db))


def cli_json(db: Path, *args: str) -> Any:
    result = CliRunner().invoke(cli, [*args, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_timeline_has_the_cli_json_shape(client: TestClient, seeded_db: Path) -> None:
    via_cli = json.loads(CliRunner().invoke(cli, ["timeline", "--db", str(seeded_db), "--format", "json", "--kind", "background"]).stdout)
    via_api = client.get("/api/timeline", params={"kind": "background"}).json()
    assert via_api == via_cli and via_api
    entry = client.get(f"/api/timeline/{via_api[0]['id']}").json()
    assert entry == via_api[0]


def test_every_resource_has_its_cli_json_shape(client: TestClient, seeded_db: Path) -> None:
    assert client.get("/api/events").json() == cli_json(seeded_db, "events")
    assert client.get("/api/events", params={"type": "CONSULT"}).json() == cli_json(seeded_db, "events", "--type", "CONSULT")
    assert client.get("/api/quotes").json() == cli_json(seeded_db, "quotes")
    assert client.get("/api/quotes", params={"code": "RUS"}).json() == cli_json(seeded_db, "quotes", "--code", "RUS")
    assert client.get("/api/actors").json() == cli_json(seeded_db, "actors")
    actor = client.get("/api/actors/RUS").json()
    assert {k: v for k, v in actor.items() if k not in ("neighbours", "statements")} == cli_json(seeded_db, "actor", "RUS")
    docs = {d["id"]: d for d in client.get("/api/documents").json()}
    via_cli = cli_json(seeded_db, "docs")
    assert isinstance(via_cli, list) and len(via_cli) == len(docs)
    for row in via_cli:
        assert {k: v for k, v in docs[row["id"]].items() if k != "proposed"} == row
    one = client.get(f"/api/documents/{via_cli[0]['id']}").json()
    shown = cli_json(seeded_db, "show", str(via_cli[0]["id"]))
    assert {k: v for k, v in one.items() if k not in ("quotes", "events")} == shown
    # A document's events are all it reports, each with its status (`dateline events` lists what took place).
    assert one["events"] == [e for e in cli_json(seeded_db, "events", "--status", "all") if e["doc_id"] == one["id"]]
    assert client.get("/api/events", params={"status": "all"}).json() == cli_json(seeded_db, "events", "--status", "all")
    assert [d["id"] for d in client.get("/api/documents", params={"date_source": "ambiguous"}).json()] == [
        d["id"] for d in cli_json(seeded_db, "docs", "--date-source", "ambiguous")]


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
    assert [h["title"] for h in hits] == ["Russia: Russia calls on Armenia and Azerbaijan to cease hostilities – Lavrov",
                                          "Russian, Azerbaijani foreign ministers to hold talks in Moscow"]  # fmt: skip
    assert all("[Lavrov]" in h["snippet"] or "[Minsk Group]" in h["snippet"] for h in hits)
    zakharova = client.get("/api/quotes", params={"speaker": "Zakharova"}).json()
    assert zakharova and {q["speaker"] for q in zakharova} == {"Maria Zakharova"}
    assert client.get("/docs").status_code == 200 and client.get("/openapi.json").json()["info"]["title"] == "dateline"


def test_errors(client: TestClient) -> None:
    assert client.get("/api/documents/9999").status_code == 404
    assert client.get("/api/actors/nobody").status_code == 404
    assert client.get("/api/timeline/9999").status_code == 404
    bad = client.get("/api/search", params={"q": '"unbalanced'})
    assert bad.status_code == 400 and "cannot search" in bad.json()["detail"]
    assert client.get("/api/timeline", params={"kind": "rumour"}).status_code == 422
    assert client.get("/api/documents", params={"date_source": "guessed"}).status_code == 422
    assert client.get("/api/documents/000_83cd7f098aba344e").status_code == 422  # ids only, never a path or file name
    assert client.get("/static/../dateline.db").status_code == 404
    assert client.get("/static/%2e%2e/app.py").status_code == 404
    assert client.get("/static//etc/passwd").status_code == 404
    assert client.get("/static/%2Fetc%2Fpasswd").status_code == 404
    assert client.get("/static/app.js").headers["content-type"].split(";")[0] in ("text/javascript", "application/javascript")


def test_docs_work_offline_and_every_response_is_hardened(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page.text
    assert "cdn." not in page.text and "https://" not in page.text  # nothing fetched from elsewhere
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/redoc").status_code == 404
    for url in ("/", "/api/timeline", "/static/app.js", "/api/documents/9999"):
        response = client.get(url)
        assert "script-src 'self'" in response.headers["content-security-policy"], url
        assert response.headers["x-content-type-options"] == "nosniff"
    assert "unsafe-inline" not in client.get("/").headers["content-security-policy"].split("script-src")[1].split(";")[0]


def test_on_loopback_only_local_host_names_are_answered(seeded_copy: Path) -> None:
    app = create_app(seeded_copy, allowed_hosts=LOOPBACK_HOSTS)
    local = TestClient(app, base_url="http://127.0.0.1:8000")
    assert local.get("/api/actors").status_code == 200
    assert TestClient(app, base_url="http://localhost:8000").get("/").status_code == 200
    assert TestClient(app, base_url="http://[::1]:8000").get("/").status_code == 200
    # A hostile page whose name now resolves to 127.0.0.1 is same-origin with itself, never with us.
    rebound = TestClient(app, base_url="http://attacker.example:8000")
    assert rebound.get("/api/documents").status_code == 400
    assert rebound.post("/api/documents/1/date", json={"date": "2020-01-01"},
                        headers={"Origin": "http://attacker.example:8000"}).status_code == 400  # fmt: skip
    other_port = local.post("/api/documents/1/date", json={"date": "2020-01-01"}, headers={"Origin": "http://127.0.0.1:9999"})
    assert other_port.status_code == 403
    assert local.post("/api/documents/1/date", json={"date": "2020-01-01"}, headers={"Origin": "null"}).status_code == 403


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


def test_serve_binds_loopback_by_default_and_then_answers_local_names_only(monkeypatch: pytest.MonkeyPatch, seeded_db: Path) -> None:
    import uvicorn

    ran: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: ran.update(app=app, **kwargs))
    result = CliRunner().invoke(cli, ["serve", "--db", str(seeded_db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert (ran["host"], ran["port"]) == ("127.0.0.1", 8123)
    app = ran["app"]
    assert TestClient(app, base_url="http://localhost:8123").get("/api/actors").status_code == 200  # type: ignore[arg-type]
    assert TestClient(app, base_url="http://rebound.example:8123").get("/api/actors").status_code == 400  # type: ignore[arg-type]
    CliRunner().invoke(cli, ["serve", "--db", str(seeded_db), "--host", "0.0.0.0"])
    assert TestClient(ran["app"], base_url="http://192.0.2.7:8000").get("/api/actors").status_code == 200  # type: ignore[arg-type]
