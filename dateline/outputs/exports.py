"""Exports for other tools: tables as CSV/JSONL/Parquet, the actor network as GraphML/GEXF
(networkx), and a Datasette ``metadata.yaml`` that describes the database.

Tables are written straight from the store, one row per stored row, ordered by id, JSON columns
kept as JSON text, so the same database always gives byte-identical files.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.core.errors import ExportError
from dateline.core.version import __version__

EXPORT_FORMATS = ("csv", "jsonl", "parquet")
# table → the columns worth exporting (documents without its MinHash signature).
TABLES: dict[str, str] = {
    "documents": "id, doc_key, path, record_id, url, title, summary, outlet, place, dateline_text, published, date_source, "
    "date_confidence, date_candidates, duplicate_of, duplicate_kind, similarity, n_words, text",
    "events": "*",
    "quotes": "*",
    "actors": "*",
    "facts": "*",
    "timeline_entries": "*",
    "timeline_sources": "*",
    "date_proposals": "*",
}


def export_tables(conn: sqlite3.Connection, out_dir: Path, *, fmt: str = "csv", tables: list[str] | None = None) -> list[tuple[str, Path, int]]:
    """Write each table to ``out_dir/TABLE.FMT``; return (table, path, rows) for each."""
    if fmt not in EXPORT_FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})")
    chosen = tables or list(TABLES)
    unknown = [t for t in chosen if t not in TABLES]
    if unknown:
        raise ExportError(f"unknown table(s) {', '.join(unknown)} (choose from {', '.join(TABLES)})")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{out_dir}: cannot create the export folder: {exc}") from exc
    written = []
    for table in chosen:
        order = "entry_id, doc_id, start" if table == "timeline_sources" else ("doc_id" if table == "date_proposals" else "id")
        cursor = conn.execute(f"SELECT {TABLES[table]} FROM {table} ORDER BY {order}")  # names from TABLES only
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
        path = out_dir / f"{table}.{fmt}"
        _write(rows, names, path, fmt)
        written.append((table, path, len(rows)))
    return written


def _write(rows: list[dict[str, Any]], names: list[str], path: Path, fmt: str) -> None:
    try:
        if fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            columns = {n: [r[n] for r in rows] for n in names}
            pq.write_table(pa.table(columns) if rows else pa.table({n: pa.array([], pa.string()) for n in names}), path)
        elif fmt == "jsonl":
            with path.open("w", encoding="utf-8") as fh:
                for row in rows:
                    fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
        else:
            with path.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh, lineterminator="\n")
                writer.writerow(names)
                writer.writerows([["" if r[n] is None else r[n] for n in names] for r in rows])
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc}") from exc


def actor_network(conn: sqlite3.Connection) -> Any:
    """The actor network: actors as nodes, events between them as weighted, dated edges.

    An edge ``a → b`` sums every event with ``a`` as actor and ``b`` as recipient; it carries the
    count (``weight``), the count per PLOVER type, the first and last dates and every date.
    """
    import networkx as nx

    graph = nx.DiGraph()
    for a in conn.execute("SELECT id, name, kind, code, sector, n_mentions, n_documents FROM actors ORDER BY id"):
        graph.add_node(a["id"], label=a["name"], kind=a["kind"], code=a["code"], sector=a["sector"],
                       mentions=a["n_mentions"], documents=a["n_documents"])  # fmt: skip
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for r in conn.execute(
        "SELECT src.actor_id AS source, dst.actor_id AS target, e.event, e.date FROM events e "
        "JOIN event_actors src ON src.event_id = e.id AND src.role = 'actor' "
        "JOIN event_actors dst ON dst.event_id = e.id AND dst.role = 'recipient' "
        "WHERE e.negated = 0 AND e.hypothetical = 0 AND src.actor_id != dst.actor_id ORDER BY e.id, src.actor_id, dst.actor_id"
    ):
        edge = edges.setdefault((r["source"], r["target"]), {"types": Counter(), "dates": set()})
        edge["types"][r["event"]] += 1
        if r["date"]:
            edge["dates"].add(r["date"])
    for (source, target), edge in sorted(edges.items()):
        for node in (source, target):
            if node not in graph:
                graph.add_node(node, label=node, kind="", code="", sector="", mentions=0, documents=0)
        dates = sorted(edge["dates"])
        graph.add_edge(source, target, weight=sum(edge["types"].values()),
                       events=";".join(f"{t}:{n}" for t, n in sorted(edge["types"].items())),
                       first_date=dates[0] if dates else "", last_date=dates[-1] if dates else "", dates=";".join(dates))  # fmt: skip
    return graph


def write_network(graph: Any, path: Path | None, fmt: str) -> bytes:
    """GraphML or GEXF of ``graph``; written to ``path`` when given, returned either way."""
    import io

    import networkx as nx

    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer)
    elif fmt == "gexf":
        nx.write_gexf(graph, buffer)
    else:
        raise ExportError(f"unknown network format {fmt!r} (choose graphml or gexf)")
    # GEXF stamps the day it was written; the same database must give the same file.
    data = re.sub(rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue())
    if path is not None:
        try:
            path.write_bytes(data)
        except OSError as exc:
            raise ExportError(f"{path}: cannot write: {exc}") from exc
    return data


_DESCRIPTIONS = {
    "documents": ("Articles as ingested: cleaned text (every offset points into it), publication date with its source "
                  "and confidence, outlet, dateline, duplicates.", "title"),
    "spans": ("Annotations as character spans of documents.text: sentences, entities, time expressions (TIMEX3), "
              "actor mentions, places.", None),
    "actors": ("One canonical actor per person, organisation or country, PLOVER-coded (ISO 3166 code, sector).", "name"),
    "quotes": ("Who said what, when: quote content, cue, resolved speaker with code and sector, the statement's date.",
               "speaker_name"),
    "events": ("PLOVER events with actors, recipients, their own date and the evidence sentence.", "event"),
    "facts": ("Dated facts (history told in background paragraphs) with their concepts.", "event"),
    "timeline_entries": ("The corpus timeline: one entry per real-world event, news or background, with source counts "
                         "and contradictions.", "headline"),
    "timeline_sources": ("Every source of every timeline entry: document, evidence sentence, what it says the date is.", None),
    "date_proposals": ("Publication dates proposed for undated articles (accept with `dateline set-date`).", None),
}  # fmt: skip


def datasette_metadata(conn: sqlite3.Connection, db_path: Path) -> dict[str, Any]:
    """Datasette metadata: table descriptions, label columns, the full-text index, useful facets."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    tables: dict[str, Any] = {}
    for table, (description, label) in _DESCRIPTIONS.items():
        if table not in present:
            continue
        spec: dict[str, Any] = {"description": description}
        if label:
            spec["label_column"] = label
        tables[table] = spec
    if "documents" in tables and "documents_fts" in present:
        tables["documents"].update({"fts_table": "documents_fts", "fts_pk": "id", "searchmode": "raw",
                                    "facets": ["date_source", "outlet"], "sort_desc": "published"})  # fmt: skip
    if "events" in tables:
        tables["events"]["facets"] = ["event", "date_source"]
    if "quotes" in tables:
        tables["quotes"]["facets"] = ["code", "sector", "direct"]
    if "timeline_entries" in tables:
        tables["timeline_entries"].update({"facets": ["kind", "event", "granularity"], "sort": "date"})
    for hidden in ("schema_migrations", "stage_runs", "ingest_errors"):
        if hidden in present:
            tables[hidden] = {"hidden": True}
    return {
        "title": "dateline corpus",
        "description": "News articles turned into a sourced, dated record of events, statements and actors.",
        "source": f"dateline {__version__}",
        "databases": {db_path.stem: {"tables": tables}},
    }
