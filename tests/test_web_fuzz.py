"""Every request the API's own OpenAPI description allows the shape of, filled with hostile values,
gets an answer under 500, and every refusal says why: hypothesis builds the requests from
``app.openapi()``, so an endpoint added later is covered without a new test."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.web.app import create_app

# Values a careless or hostile client sends in place of an id, a date, a name or a number.
HOSTILE = st.one_of(
    st.integers(min_value=-(2**80), max_value=2**80),
    st.sampled_from(["", " ", "0", "-1", "2147483648", "9223372036854775808", "9" * 40, "1e309", "NaN", "inf",
                     "0x10", "2020-02-30", "2020-13-01", "0000-01-01", "9999-12-31", "10000-01-01", "1 Jan 2020",
                     "RUS", "person:zakharova", "%00", "\x00", "../../etc/passwd", "' OR 1=1 --", '"unterminated',
                     "NEAR(a b", "*", "a" * 600, "\u202e", "\ud7ff", "Zakharova\u00a0Maria"]),
    st.text(max_size=30),
)


def _operations(app: Any) -> list[tuple[str, str, list[dict[str, Any]]]]:
    spec = app.openapi()
    return [(method.upper(), path, op.get("parameters", [])) for path, item in sorted(spec["paths"].items())
            for method, op in sorted(item.items())]  # fmt: skip


@pytest.fixture(scope="module")
def app_db(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("webfuzz") / "copy.db"
    from dateline import Corpus

    with Corpus(seeded_db) as corpus:
        corpus.connect().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(seeded_db, target)
    return target


def _request(draw: st.DrawFn, operations: list[tuple[str, str, list[dict[str, Any]]]]) -> tuple[str, str, dict[str, str], bytes | None, dict[str, str]]:
    method, path, parameters = draw(st.sampled_from(operations))
    query: dict[str, str] = {}
    for param in parameters:
        value = str(draw(HOSTILE))
        if param["in"] == "path":
            path = path.replace("{" + param["name"] + "}", quote(value, safe="") or "%20")
        elif param["in"] == "query" and draw(st.booleans()):
            query[param["name"]] = value
    body: bytes | None = None
    headers: dict[str, str] = {}
    if method == "POST":
        headers["content-type"] = draw(st.sampled_from(["application/json", "application/json; charset=utf-8", "text/plain", ""]))
        body = draw(st.one_of(
            st.binary(max_size=40),
            HOSTILE.map(lambda v: json.dumps({"date": v}).encode()),
            st.just(b"[" * 5000 + b"]" * 5000),
            st.just(b'{"date": "\\ud800"}'),
            st.just(b'{"date": ' + b"[" * 2000 + b"]" * 2000 + b"}"),
            st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                         lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                         max_leaves=8).map(lambda v: json.dumps(v).encode()),
        ))  # fmt: skip
    return method, path, query, body, headers


@pytest.mark.parametrize("writes", [False, True], ids=["reads", "writes"])
def test_no_request_gets_a_server_error(app_db: Path, writes: bool) -> None:
    app = create_app(app_db)
    client = TestClient(app, raise_server_exceptions=False)
    operations = [op for op in _operations(app) if (op[0] == "POST") == writes]
    assert operations, "the OpenAPI description lists no such endpoint"

    @settings(max_examples=60 if writes else 300, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # fmt: skip
    @given(st.data())
    def check(data: st.DataObject) -> None:
        method, path, query, body, headers = data.draw(st.composite(lambda draw: _request(draw, operations))())
        response = client.request(method, path, params=query, content=body, headers=headers)
        assert response.status_code < 500, (method, path, query, body, response.text)
        if response.status_code >= 400:
            detail = response.json().get("detail")
            assert detail, (method, path, query, response.text)

    check()


def test_a_body_nested_too_deep_is_a_bad_request(app_db: Path) -> None:
    client = TestClient(create_app(app_db), raise_server_exceptions=False)
    response = client.post("/api/documents/1/date", content=b"[" * 5000 + b"]" * 5000, headers={"content-type": "application/json"})
    assert response.status_code == 400 and "nested too deeply" in response.json()["detail"]
    huge = client.post(f"/api/documents/{2**63}/date", json={"date": "2020-01-01"})
    assert huge.status_code == 422 and huge.json()["detail"]
