"""Exports: tables as CSV/JSONL/Parquet, the actor network as GraphML/GEXF, Datasette metadata."""

from __future__ import annotations

import asyncio
import csv
import json
import sqlite3
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest
import yaml
from click.testing import CliRunner

from dateline.cli.main import cli


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_tables_round_trip(seeded_db: Path, tmp_path: Path, fmt: str) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", str(seeded_db), "--out", str(tmp_path), "--format", fmt])
    assert result.exit_code == 0, result.output
    for table in ("documents", "events", "quotes", "actors", "timeline_entries"):
        path = tmp_path / f"{table}.{fmt}"
        if fmt == "csv":
            with path.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
        elif fmt == "jsonl":
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        else:
            rows = pq.read_table(path).to_pylist()
        assert len(rows) == _count(seeded_db, table) > 0, table
    documents = pq.read_table(tmp_path / "documents.parquet").to_pylist() if fmt == "parquet" else None
    if documents:
        assert "minhash" not in documents[0] and documents[0]["text"]


def test_exports_are_deterministic(seeded_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for out in ("a", "b"):
        assert runner.invoke(cli, ["export", "--db", str(seeded_db), "--out", str(tmp_path / out)]).exit_code == 0
        assert runner.invoke(cli, ["network", "--db", str(seeded_db), "--format", "gexf",
                                   "--out", str(tmp_path / out / "net.gexf")]).exit_code == 0  # fmt: skip
    for path in sorted((tmp_path / "a").iterdir()):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


def test_unknown_table_is_a_clear_error(seeded_db: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", str(seeded_db), "--out", str(tmp_path), "--tables", "events,nope"])
    assert result.exit_code == 1 and "nope" in result.output


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_actor_network(seeded_db: Path, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"net.{fmt}"
    result = CliRunner().invoke(cli, ["network", "--db", str(seeded_db), "--format", fmt, "--out", str(path)])
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert graph.number_of_nodes() == _count(seeded_db, "actors")
    assert graph.number_of_edges() > 0
    for _, _, data in graph.edges(data=True):
        assert int(data["weight"]) >= 1 and data["events"]
    # Russia's calls on Armenia and Azerbaijan are edges of the example corpus; Zakharova, "when asked
    # whether Moscow would be ready", was asked a question and asked nothing of Russia.
    assert graph.has_edge("RUS", "ARM") and graph.has_edge("RUS", "AZE")
    assert not graph.has_edge("person:maria-zakaruva", "RUS")


def test_datasette_serves_the_database_with_its_metadata(seeded_copy: Path) -> None:
    from datasette.app import Datasette

    result = CliRunner().invoke(cli, ["metadata", "--db", str(seeded_copy)])
    assert result.exit_code == 0, result.output
    metadata_path = seeded_copy.parent / "metadata.yaml"
    metadata = yaml.safe_load(metadata_path.read_text(encoding="utf-8"))
    name = seeded_copy.stem
    assert metadata["databases"][name]["tables"]["documents"]["fts_table"] == "documents_fts"

    async def fetch() -> tuple[dict[str, object], dict[str, object]]:
        ds = Datasette([str(seeded_copy)], metadata=metadata)
        rows = (await ds.client.get(f"/{name}/documents.json?_search=Lavrov&_shape=objects")).json()
        tables = (await ds.client.get(f"/{name}.json")).json()
        return rows, tables

    rows, tables = asyncio.run(fetch())
    assert rows["rows"] and all("Lavrov" in r["text"] for r in rows["rows"])  # type: ignore[union-attr]
    described = {t["name"]: t for t in tables["tables"]}  # type: ignore[union-attr]
    assert "timeline_entries" in described and not described["timeline_entries"]["hidden"]
